package se.integrationjourney.projections.testsupport;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import se.integrationjourney.core.events.JourneyEvent;

/**
 * Hands journey events to a view's event handlers as a processor would: as domain event messages with ids
 * and per-journey sequence numbers, several in one batching unit of work.
 */
public final class EventFeeder {

    private final Map<UUID, Long> nextSequence = new HashMap<>();
    private final List<DomainEventMessage<?>> fed = new ArrayList<>();
    private Instant recordedAt;

    /** Stamps the messages made from now on as stored at this moment; {@code null}: Axon's clock, now. */
    public EventFeeder recordingAt(Instant moment) {
        this.recordedAt = moment;
        return this;
    }

    /** Every message made so far, in the order made: the history as an event store would hold it. */
    public List<DomainEventMessage<?>> fed() {
        return List.copyOf(fed);
    }

    /** Feeds the events in one batch and returns their event ids, in order. */
    public List<String> feed(Object handlers, JourneyEvent... events) {
        List<EventMessage<?>> messages = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (JourneyEvent event : events) {
            DomainEventMessage<?> message = message(event);
            messages.add(message);
            ids.add(message.getIdentifier());
        }
        deliver(handlers, messages);
        return ids;
    }

    /** Feeds one event, returning its id: handy to retract it later. */
    public String feedOne(Object handlers, JourneyEvent event) {
        return feed(handlers, event).get(0);
    }

    /** The messages these events would be, without delivering them (to replay the same history elsewhere). */
    public DomainEventMessage<?> message(JourneyEvent event) {
        long sequence = nextSequence.merge(event.journeyId(), 1L, Long::sum) - 1;
        GenericDomainEventMessage<?> message = recordedAt == null
                ? new GenericDomainEventMessage<>("Journey", event.journeyId().toString(), sequence, event)
                : new GenericDomainEventMessage<>(
                        "Journey",
                        event.journeyId().toString(),
                        sequence,
                        event,
                        MetaData.emptyInstance(),
                        UUID.randomUUID().toString(),
                        recordedAt);
        fed.add(message);
        return message;
    }

    public static void deliver(Object handlers, List<? extends EventMessage<?>> messages) {
        AnnotationEventHandlerAdapter adapter = new AnnotationEventHandlerAdapter(handlers);
        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(new ArrayList<>(messages));
        ResultMessage<Object> result = unitOfWork.executeWithResult(() -> adapter.handle(unitOfWork.getMessage()));
        if (result.isExceptional()) {
            throw new IllegalStateException("a view's event handler failed", result.exceptionResult());
        }
    }
}
