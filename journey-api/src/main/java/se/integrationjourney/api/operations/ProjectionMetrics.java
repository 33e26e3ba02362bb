package se.integrationjourney.api.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.springframework.stereotype.Component;
import se.integrationjourney.projections.runtime.ProjectionRunner;
import se.integrationjourney.projections.runtime.ProjectionStatus;

/**
 * The views' event processors as gauges, per view: position, lag behind the head of the store, replaying,
 * replay progress (0–1), events per second and dead-lettered journeys. One status snapshot serves a whole
 * scrape (it costs a query), refreshed at most once a second.
 */
@Component
class ProjectionMetrics implements MeterBinder {

    private static final Duration SNAPSHOT_AGE = Duration.ofSeconds(1);

    private final ProjectionRunner runner;
    private final Clock clock;
    private List<ProjectionStatus> snapshot = List.of();
    private Instant snapshotAt = Instant.MIN;

    ProjectionMetrics(ProjectionRunner runner, Clock clock) {
        this.runner = runner;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String view : runner.names()) {
            gauge(
                    registry,
                    "journey.projection.position",
                    view,
                    "Global index the view has handled up to",
                    ProjectionStatus::position);
            gauge(
                    registry,
                    "journey.projection.lag",
                    view,
                    "Events in the store the view has not handled yet",
                    status -> Math.max(0, status.headPosition() - status.position()));
            gauge(
                    registry,
                    "journey.projection.replaying",
                    view,
                    "1 while the view is being rebuilt",
                    status -> status.replaying() ? 1 : 0);
            gauge(
                    registry,
                    "journey.projection.replay.progress",
                    view,
                    "Progress of a rebuild, 0 to 1",
                    ProjectionStatus::progress);
            gauge(
                    registry,
                    "journey.projection.events.per.second",
                    view,
                    "Events handled per second, recently",
                    ProjectionStatus::eventsPerSecond);
            gauge(
                    registry,
                    "journey.projection.dead.letters",
                    view,
                    "Journeys waiting in the dead-letter queue",
                    ProjectionStatus::deadLetters);
        }
    }

    private void gauge(
            MeterRegistry registry,
            String name,
            String view,
            String description,
            ToDoubleFunction<ProjectionStatus> value) {
        Gauge.builder(
                        name,
                        this,
                        metrics ->
                                metrics.statusOf(view).map(value::applyAsDouble).orElse(Double.NaN))
                .description(description)
                .tag("view", view)
                .register(registry);
    }

    private synchronized java.util.Optional<ProjectionStatus> statusOf(String view) {
        Instant now = clock.instant();
        if (now.isAfter(snapshotAt.plus(SNAPSHOT_AGE)) && runner.isRunning()) {
            snapshot = runner.status();
            snapshotAt = now;
        }
        return snapshot.stream().filter(status -> status.name().equals(view)).findFirst();
    }
}
