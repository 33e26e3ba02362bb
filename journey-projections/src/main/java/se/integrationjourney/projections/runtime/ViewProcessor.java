package se.integrationjourney.projections.runtime;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.IntSupplier;
import javax.sql.DataSource;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.axonframework.eventhandling.deadletter.DeadLetteringEventHandlerInvoker;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.NoOpMessageMonitorCallback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.integrationjourney.eventstore.AxonTables;
import se.integrationjourney.eventstore.DatabaseFailures;
import se.integrationjourney.eventstore.DeadLetterQueueFactory;
import se.integrationjourney.eventstore.ProcessingNode;

/**
 * One pooled streaming processor feeding one set of a view's event handlers, with its own threads, dead-letter
 * queue, event rate, last error and watch over its segments.
 *
 * <p>An event whose handler fails goes to the dead-letter queue, and the later events of the same journey
 * queue up behind it, so the view stays consistent per journey while it goes on with all other journeys.
 * Whatever the cause, one event never stops a view: a batch that fails as a whole (a change refused when the batch
 * writes, at commit; a statement error, after which PostgreSQL refuses the rest of the transaction) is handled
 * again event by event, each event in a savepoint and its changes written at once, so that the event that fails
 * goes to the dead-letter queue alone and the others are applied.
 */
final class ViewProcessor {

    private static final Logger log = LoggerFactory.getLogger(ViewProcessor.class);
    private static final long SHUTDOWN_SECONDS = 30;
    /** Marks a batch whose outcome this processor already listens for. */
    private static final String WATCHED = "view-batch-watched";

    private final String name;
    private final Object eventHandlers;
    private final int segments;
    private final PooledStreamingEventProcessor processor;
    private final DeadLetteringEventHandlerInvoker invoker;
    private final SequencedDeadLetterQueue<EventMessage<?>> deadLetters;
    private final ProcessorThreads threads;
    private final EventRate rate = new EventRate();
    private final AtomicReference<String> lastError = new AtomicReference<>();
    private final SegmentWatch watch;
    private final String segmentResource;
    private final TransactionManager transactions;
    private final ProcessingNode node;
    private final SegmentClaims claims;

    /**
     * @param maxSegments how many of the view's segments this node may hold now, asked at every claim round: its fair
     *                    share among the nodes alive for a live view, all of them for a rebuild
     */
    ViewProcessor(String name, Object eventHandlers, Infrastructure infrastructure, IntSupplier maxSegments) {
        this.name = name;
        this.node = infrastructure.node();
        this.claims = infrastructure.claims();
        this.eventHandlers = eventHandlers;
        this.segments = infrastructure.tuning().segments();
        this.deadLetters = infrastructure.deadLetterQueues().create(name);
        this.watch = new SegmentWatch(infrastructure.tuning().stallAfter(), Clock.systemUTC());
        this.segmentResource = "Processor[" + name + "]/SegmentId";
        this.transactions = infrastructure.transactionManager();
        DeadLetteringEventHandlerInvoker.Builder invokerBuilder = DeadLetteringEventHandlerInvoker.builder()
                .eventHandlers(new EventByEventWhenAsked(
                        new AnnotationEventHandlerAdapter(eventHandlers),
                        eventHandlers,
                        watch,
                        segmentResource,
                        infrastructure.dataSource()))
                .sequencingPolicy(SequentialPerAggregatePolicy.instance())
                .queue(deadLetters)
                .transactionManager(infrastructure.transactionManager())
                // Without it the queue is asked, per event, whether the journey has dead letters.
                .enableSequenceIdentifierCache()
                .enqueuePolicy((letter, cause) -> {
                    if (DatabaseFailures.isTransient(cause)) {
                        // Not the event's fault (the connection, a deadlock, a time-out): the batch fails and is
                        // tried again later, rather than the journey waiting in the queue for someone to retry it.
                        throw new TransientFailure(cause);
                    }
                    lastError.set(describe(letter.message(), cause));
                    log.warn("View {}: {}", name, lastError.get());
                    return Decisions.enqueue(new ViewHandlerFailure(lastError.get()));
                });
        this.invoker = new DeadLetteringEventHandlerInvoker(invokerBuilder) {
            /** Axon's invoker forgets the segment's dead-letter cache; the watch forgets its position with it. */
            @Override
            public void segmentReleased(Segment segment) {
                super.segmentReleased(segment);
                watch.released(segment.getSegmentId());
            }
        };
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
                // Claims renewed, and unclaimed segments looked for, every claim interval: a dead node's segments
                // are taken over within the claim timeout plus that interval (docs/architecture.md).
                .tokenClaimInterval(node.claimInterval().toMillis())
                .claimExtensionThreshold(node.claimInterval().toMillis())
                .maxSegmentProvider(processorName -> maxSegments.getAsInt())
                .batchSize(infrastructure.tuning().batchSize())
                .messageMonitor(new RateMonitor(rate))
                .build();
        this.processor.registerHandlerInterceptor(this::watchBatch);
    }

    /** Learns of each batch's outcome, once per batch (its first event): committed, or failed and why. */
    private Object watchBatch(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        UnitOfWork<?> batch = unitOfWork.root();
        Integer segment = (Integer) batch.resources().get(segmentResource);
        if (segment != null && batch.resources().putIfAbsent(WATCHED, Boolean.TRUE) == null) {
            watch.started(segment, firstEvent(batch));
            batch.afterCommit(committed -> watch.committed(segment, lastPosition(committed)));
            batch.onRollback(rolledBack -> {
                Throwable cause = rolledBack.getExecutionResult() == null
                        ? null
                        : rolledBack.getExecutionResult().getExceptionResult();
                if (claimLost(cause)) {
                    // Another node holds the segment now (a rebuild swapped in there): no failure of this batch's
                    // events, which that node handles again from the segment's new position.
                    watch.released(segment);
                    log.info("View {}: segment {} is another node's now; this node lets it go", name, segment);
                    return;
                }
                String error = cause == null ? "the batch was rolled back" : describe(cause);
                watch.failed(segment, error, firstEvent(rolledBack));
                log.warn(
                        "View {}: a batch of segment {} failed ({}); handling it again event by event",
                        name,
                        segment,
                        error);
            });
        }
        return chain.proceed();
    }

    /** Whether the batch failed because this node's claim on the segment was gone when it stored its token. */
    private static boolean claimLost(Throwable cause) {
        for (Throwable next = cause; next != null; next = next.getCause()) {
            if (next instanceof UnableToClaimTokenException) {
                return true;
            }
        }
        return false;
    }

    private static long lastPosition(UnitOfWork<?> batch) {
        List<? extends Message<?>> messages =
                batch instanceof BatchingUnitOfWork<?> batching ? batching.getMessages() : List.of(batch.getMessage());
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i) instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null) {
                return tracked.trackingToken().position().orElse(0);
            }
        }
        return 0;
    }

    /** The batch's first event, as the status names it: type, journey and position, no personal data. */
    private static String firstEvent(UnitOfWork<?> batch) {
        Message<?> first = batch instanceof BatchingUnitOfWork<?> batching
                        && !batching.getMessages().isEmpty()
                ? batching.getMessages().get(0)
                : batch.getMessage();
        if (!(first instanceof EventMessage<?> event)) {
            return null;
        }
        String position = event instanceof TrackedEventMessage<?> tracked
                        && tracked.trackingToken() != null
                        && tracked.trackingToken().position().isPresent()
                ? " at position " + tracked.trackingToken().position().getAsLong()
                : "";
        return describe(event) + position;
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

    /**
     * The lowest position over the segments this node works on, claimed now or known from an earlier batch (a segment
     * whose batch failed is released by Axon until it is tried again): for a rebuild, which holds every segment.
     */
    OptionalLong position() {
        noteClaimedPositions();
        return watch.lowestPosition();
    }

    /**
     * Each segment's status, looked at now against the store's {@code head}: every segment of the view, from its
     * stored {@code tokens}, whichever node holds it; this node's own progress where it holds the claim.
     */
    List<SegmentStatus> segmentStatuses(long head, List<AxonTables.StoredToken> tokens) {
        noteClaimedPositions();
        Map<Integer, SegmentWatch.Segment> segments = new HashMap<>();
        for (AxonTables.StoredToken token : tokens) {
            String owner = claims.owner(token);
            boolean here = node.name().equals(owner);
            long position = claims.position(token);
            segments.put(
                    token.segment(),
                    new SegmentWatch.Segment(
                            here ? Math.max(position, watch.position(token.segment())) : position,
                            owner,
                            owner != null && !here));
        }
        return watch.observe(segments, head);
    }

    private void noteClaimedPositions() {
        processor
                .processingStatus()
                .forEach((segment, status) ->
                        watch.claimed(segment, status.getCurrentPosition().orElse(0)));
    }

    /**
     * True once every segment is claimed here and has handled all events up to {@code head}; with {@code drained},
     * Axon must also have found nothing more to read at some moment (its caught-up flag), which under a steady
     * stream of events may never happen.
     */
    boolean caughtUpTo(long head, boolean drained) {
        Collection<EventTrackerStatus> statuses = processor.processingStatus().values();
        return statuses.size() == segments
                && statuses.stream()
                        .allMatch(status -> (status.isCaughtUp() || !drained)
                                && status.getCurrentPosition().orElse(0) >= head);
    }

    /**
     * Writes what the handlers kept in memory, if they keep anything ({@link RetainedResults}); returns the journeys
     * whose results a table refused (left out, for {@link #deadLetterJourneys}).
     */
    Set<String> writeRetained() {
        return eventHandlers instanceof RetainedResults retained ? retained.writeRetained() : Set.of();
    }

    /**
     * Puts journeys' events into this processor's dead-letter queue, as if their first event had failed here: for a
     * rebuild whose tables refused those journeys' rows. Each journey's events are those its segment has handled:
     * {@code eventsUpTo} gives a journey's events up to a global index. Call with the processor stopped.
     */
    void deadLetterJourneys(
            Set<String> journeys, String cause, BiFunction<String, Long, List<? extends EventMessage<?>>> eventsUpTo) {
        Map<Integer, Long> positions = watch.committedPositions();
        int[] segmentIds =
                positions.keySet().stream().mapToInt(Integer::intValue).toArray();
        transactions.executeInTransaction(() -> {
            for (String journey : journeys) {
                Segment segment = segmentIds.length == 0
                        ? Segment.ROOT_SEGMENT
                        : Arrays.stream(segmentIds)
                                .mapToObj(id -> Segment.computeSegment(id, segmentIds))
                                .filter(candidate -> candidate.matches(Objects.hashCode(journey)))
                                .findFirst()
                                .orElse(Segment.ROOT_SEGMENT);
                long position = positions.getOrDefault(segment.getSegmentId(), Long.MAX_VALUE);
                List<? extends EventMessage<?>> events = eventsUpTo.apply(journey, position);
                // Letters the rebuild made for the journey (a later event that failed) are replaced by all of them.
                evictDeadLetters(journey);
                for (int i = 0; i < events.size(); i++) {
                    deadLetters.enqueue(
                            journey,
                            i == 0
                                    ? new GenericDeadLetter<>(journey, events.get(i), new ViewHandlerFailure(cause))
                                    : new GenericDeadLetter<>(journey, events.get(i)));
                }
                lastError.set(cause);
            }
        });
    }

    /** False if the handlers keep results in memory and a rolled-back batch has made them unreliable. */
    boolean intact() {
        return !(eventHandlers instanceof RetainedResults retained) || retained.intact();
    }

    double eventsPerSecond() {
        return rate.perSecond();
    }

    /**
     * What is wrong now: a segment's current failure, else, while events wait in the dead-letter queue, the last
     * handler failure; null when the view is healthy.
     */
    String lastError() {
        String failing = watch.currentError();
        if (failing != null) {
            return failing;
        }
        // Not cleared here: a dead letter's batch may not have committed yet when this is asked.
        if (deadLetters.amountOfSequences() == 0) {
            return null;
        }
        String last = lastError.get();
        if (last != null) {
            return last;
        }
        // Dead letters from before this processor started (a restart, a rebuild): the oldest one's cause, read once.
        String oldest = deadLetteredJourneys(1).stream()
                .map(DeadLetteredJourney::cause)
                .findFirst()
                .orElse(null);
        lastError.compareAndSet(null, oldest);
        return oldest;
    }

    long deadLetteredJourneys() {
        return deadLetters.amountOfSequences();
    }

    /** The journeys whose events wait in the dead-letter queue, at most {@code limit}, each with its first event. */
    List<DeadLetteredJourney> deadLetteredJourneys(int limit) {
        return transactions.fetchInTransaction(() -> readDeadLetteredJourneys(limit));
    }

    private List<DeadLetteredJourney> readDeadLetteredJourneys(int limit) {
        List<DeadLetteredJourney> journeys = new ArrayList<>();
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : deadLetters.deadLetters()) {
            if (journeys.size() >= limit) {
                break;
            }
            DeadLetter<? extends EventMessage<?>> first = null;
            int events = 0;
            for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                if (first == null) {
                    first = letter;
                }
                events++;
            }
            if (first != null) {
                EventMessage<?> event = first.message();
                String journey = event instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : null;
                Long position = event instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null
                        ? tracked.trackingToken().position().stream()
                                .boxed()
                                .findFirst()
                                .orElse(null)
                        : null;
                journeys.add(new DeadLetteredJourney(
                        journey,
                        event.getPayloadType().getSimpleName(),
                        position,
                        first.cause().map(cause -> cause.message()).orElse(null),
                        first.enqueuedAt(),
                        first.lastTouched(),
                        events));
            }
        }
        return journeys;
    }

    /**
     * Drops a journey's dead-lettered events: the view goes on without them (a rebuild brings them back once they
     * can be handled). Returns how many events were dropped.
     */
    int evictDeadLetters(String journeyId) {
        return transactions.fetchInTransaction(() -> {
            List<DeadLetter<? extends EventMessage<?>>> letters = new ArrayList<>();
            deadLetters.deadLetterSequence(journeyId).forEach(letters::add);
            letters.forEach(deadLetters::evict);
            return letters.size();
        });
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
        return describe(cause) + " while handling " + describe(event);
    }

    /** The event's type and journey. */
    static String describe(EventMessage<?> event) {
        String journey = event instanceof org.axonframework.eventhandling.DomainEventMessage<?> domainEvent
                ? " of journey " + domainEvent.getAggregateIdentifier()
                : "";
        return event.getPayloadType().getSimpleName() + journey;
    }

    /** A failure without personal data: the exception type and the database's error code, never a message. */
    static String describe(Throwable cause) {
        return cause.getClass().getSimpleName()
                + DatabaseFailures.sqlState(cause)
                        .map(state -> " (SQL state " + state + ")")
                        .orElse("");
    }

    /**
     * The collaborators every view processor needs; {@code dataSource} is the transactions' database, whose
     * connection (the batch's, bound to the thread) takes the savepoint around each event of a batch handled event
     * by event.
     */
    record Infrastructure(
            EventStore eventSource,
            TokenStore tokenStore,
            TransactionManager transactionManager,
            DataSource dataSource,
            DeadLetterQueueFactory deadLetterQueues,
            ProcessorTuning tuning,
            ProcessingNode node,
            SegmentClaims claims) {}

    /** A handler failure that trying again later may mend: it fails the batch instead of dead-lettering the event. */
    static final class TransientFailure extends RuntimeException {
        TransientFailure(Throwable cause) {
            super(describe(cause), cause, false, false);
        }
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
