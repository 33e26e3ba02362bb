package se.integrationjourney.projections.runtime;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.axonframework.eventhandling.deadletter.DeadLetteringEventHandlerInvoker;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.NoOpMessageMonitorCallback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.util.Collection;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One pooled streaming processor feeding one set of a view's event handlers, with its own threads, dead-letter
 * queue, event rate and last error.
 *
 * <p>An event whose handler fails goes to the dead-letter queue, and the later events of the same journey
 * queue up behind it, so the view stays consistent per journey while it goes on with all other journeys.
 */
final class ViewProcessor {

    private static final Logger log = LoggerFactory.getLogger(ViewProcessor.class);
    private static final long SHUTDOWN_SECONDS = 30;

    private final String name;
    private final Object eventHandlers;
    private final int segments;
    private final PooledStreamingEventProcessor processor;
    private final DeadLetteringEventHandlerInvoker invoker;
    private final SequencedDeadLetterQueue<EventMessage<?>> deadLetters;
    private final ProcessorThreads threads;
    private final EventRate rate = new EventRate();
    private final AtomicReference<String> lastError = new AtomicReference<>();

    ViewProcessor(String name, Object eventHandlers, Infrastructure infrastructure) {
        this.name = name;
        this.eventHandlers = eventHandlers;
        this.segments = infrastructure.tuning().segments();
        this.deadLetters = infrastructure.deadLetterQueues().create(name);
        this.invoker = DeadLetteringEventHandlerInvoker.builder()
                .eventHandlers(eventHandlers)
                .sequencingPolicy(SequentialPerAggregatePolicy.instance())
                .queue(deadLetters)
                .transactionManager(infrastructure.transactionManager())
                // Without it the queue is asked, per event, whether the journey has dead letters.
                .enableSequenceIdentifierCache()
                .enqueuePolicy((letter, cause) -> {
                    lastError.set(describe(letter.message(), cause));
                    log.warn("View {}: {}", name, lastError.get());
                    return Decisions.enqueue(new ViewHandlerFailure(lastError.get()));
                })
                .build();
        this.threads = new ProcessorThreads(name, infrastructure.tuning().threads());
        this.processor = PooledStreamingEventProcessor.builder()
                .name(name)
                .eventHandlerInvoker(invoker)
                .messageSource(infrastructure.eventSource())
                .tokenStore(infrastructure.tokenStore())
                .transactionManager(infrastructure.transactionManager())
                .coordinatorExecutor(threads.coordinator())
                .workerExecutor(threads.workers())
                // From the first event. Axon's default, a ReplayToken, carries an untyped context that its
                // Jackson 3 serializer refuses to read back from the token store.
                .initialToken(StreamableMessageSource::createTailToken)
                .initialSegmentCount(segments)
                .maxClaimedSegments(segments)
                .batchSize(infrastructure.tuning().batchSize())
                .messageMonitor(new RateMonitor(rate))
                .build();
    }

    String name() {
        return name;
    }

    void start() {
        processor.start();
    }

    /** Stops processing and releases the token claims, so another processor may take them over. */
    void stop() {
        stopping().run();
    }

    /**
     * Asks the processor to stop and returns what waits for it to have stopped, so that several processors can
     * wind down at once (each may be waiting for its event stream for a moment).
     */
    Runnable stopping() {
        CompletableFuture<Void> shutdown = processor.shutdownAsync();
        return () -> {
            try {
                shutdown.get(SHUTDOWN_SECONDS, TimeUnit.SECONDS);
            } catch (Exception e) {
                log.warn("View processor {} did not stop cleanly: {}", name, e.toString());
            } finally {
                threads.shutdownNow();
            }
        };
    }

    /** The lowest position over the claimed segments: everything up to it has been handled. */
    OptionalLong position() {
        Collection<EventTrackerStatus> statuses = processor.processingStatus().values();
        if (statuses.isEmpty()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(statuses.stream()
                .mapToLong(status -> status.getCurrentPosition().orElse(0))
                .min().orElse(0));
    }

    /** True once every segment is claimed here and has handled all events up to {@code head}. */
    boolean caughtUpTo(long head) {
        Collection<EventTrackerStatus> statuses = processor.processingStatus().values();
        return statuses.size() == segments && statuses.stream().allMatch(status ->
                status.isCaughtUp() && status.getCurrentPosition().orElse(0) >= head);
    }

    /** Writes what the handlers kept in memory, if they keep anything ({@link RetainedResults}). */
    void writeRetained() {
        if (eventHandlers instanceof RetainedResults retained) {
            retained.writeRetained();
        }
    }

    /** False if the handlers keep results in memory and a rolled-back batch has made them unreliable. */
    boolean intact() {
        return !(eventHandlers instanceof RetainedResults retained) || retained.intact();
    }

    double eventsPerSecond() {
        return rate.perSecond();
    }

    String lastError() {
        return lastError.get();
    }

    long deadLetteredJourneys() {
        return deadLetters.amountOfSequences();
    }

    /** Retries the dead-lettered journeys, oldest first; returns how many could now be handled. */
    int retryDeadLetters() {
        int handled = 0;
        while (invoker.process(letter -> true)) {
            handled++;
        }
        if (deadLetters.amountOfSequences() == 0) {
            lastError.set(null);
        }
        return handled;
    }

    /**
     * What went wrong, without personal data: exception messages can quote row values (names among them),
     * so only the exception type, the database's error code, the event type and the journey id are kept.
     */
    static String describe(EventMessage<?> event, Throwable cause) {
        String journey = event instanceof org.axonframework.eventhandling.DomainEventMessage<?> domainEvent
                ? " of journey " + domainEvent.getAggregateIdentifier() : "";
        return describe(cause) + " while handling " + event.getPayloadType().getSimpleName() + journey;
    }

    /** A failure without personal data: the exception type and the database's error code, never a message. */
    static String describe(Throwable cause) {
        StringBuilder description = new StringBuilder(cause.getClass().getSimpleName());
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                description.append(" (SQL state ").append(sql.getSQLState()).append(')');
                break;
            }
        }
        return description.toString();
    }

    /** The collaborators every view processor needs. */
    record Infrastructure(StreamableMessageSource<TrackedEventMessage<?>> eventSource, TokenStore tokenStore,
                          TransactionManager transactionManager, DeadLetterQueueFactory deadLetterQueues,
                          ProcessorTuning tuning) {
    }

    /** The cause stored with a dead letter: the sanitized description, never the raw message. */
    static final class ViewHandlerFailure extends RuntimeException {
        ViewHandlerFailure(String description) {
            super(description, null, false, false);
        }
    }

    private record RateMonitor(EventRate rate) implements MessageMonitor<EventMessage<?>> {
        @Override
        public MonitorCallback onMessageIngested(EventMessage<?> message) {
            rate.mark();
            return NoOpMessageMonitorCallback.INSTANCE;
        }
    }
}
