package se.integrationjourney.benchmarks;

import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes events straight into the event store through Axon's {@link EventStore#publish}, many per Spring
 * transaction: a bulk load that skips the command side (the events were checked against the rules when they
 * were generated).
 */
final class EventStoreLoader {

    static final int EVENTS_PER_TRANSACTION = 2_000;

    private EventStoreLoader() {}

    /** Appends the events in order; returns how long it took in nanoseconds. */
    static long load(ApplicationContext context, List<? extends EventMessage<?>> events) {
        EventStore eventStore = context.getBean(EventStore.class);
        TransactionTemplate transaction = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
        long started = System.nanoTime();
        for (int from = 0; from < events.size(); from += EVENTS_PER_TRANSACTION) {
            List<? extends EventMessage<?>> chunk =
                    events.subList(from, Math.min(events.size(), from + EVENTS_PER_TRANSACTION));
            transaction.executeWithoutResult(status -> eventStore.publish(chunk));
        }
        return System.nanoTime() - started;
    }
}
