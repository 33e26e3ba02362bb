package se.integrationjourney.eventstore;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/**
 * The group commit's transactions as metrics (docs/operations.md, "Metrics"): how long each took, and how many
 * events each held, so that an operator sees how much commands share their commits under the load of the day.
 */
final class GroupCommitMetrics implements GroupCommit.Written {

    static final String WRITES = "journey.event.store.writes";
    static final String EVENTS_PER_WRITE = "journey.event.store.write.events";
    static final String APPENDS_WAITING = "journey.event.store.appends.waiting";

    private final Timer writes;
    private final DistributionSummary eventsPerWrite;

    GroupCommitMetrics(MeterRegistry registry) {
        this.writes = Timer.builder(WRITES)
                .description("Transactions the group commit wrote: insert and commit of the events they held")
                .publishPercentileHistogram()
                .register(registry);
        this.eventsPerWrite = DistributionSummary.builder(EVENTS_PER_WRITE)
                .description("Events per transaction of the group commit (several commands' events share one)")
                .baseUnit("events")
                .register(registry);
    }

    /** The commands' appends waiting for the next write: a queue that grows says the database cannot keep up. */
    static void waitingAppends(MeterRegistry registry, JourneyEventStorageEngine engine) {
        Gauge.builder(APPENDS_WAITING, engine, JourneyEventStorageEngine::appendsWaiting)
                .description("Commands' appends waiting for the group commit's next write")
                .register(registry);
    }

    @Override
    public void committed(int events, long nanos) {
        writes.record(nanos, TimeUnit.NANOSECONDS);
        eventsPerWrite.record(events);
    }
}
