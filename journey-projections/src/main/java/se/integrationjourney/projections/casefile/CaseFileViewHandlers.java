package se.integrationjourney.projections.casefile;

import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import se.integrationjourney.core.events.JourneyEvent;

/**
 * The event handling of a view that keeps one {@link CaseFile} per journey in a {@code case_file json} column of
 * its table, keyed by {@code journey_id}: each event is folded into its journey's case file, and the view
 * ({@link CaseFileProjection}) writes the case file with its own columns. Subclasses decide where a batch finds its
 * case files and when they are written: {@link BatchedCaseFileHandlers} for the live view,
 * {@link RetainedCaseFileHandlers} for a rebuild.
 */
public abstract sealed class CaseFileViewHandlers permits BatchedCaseFileHandlers, RetainedCaseFileHandlers {

    @EventHandler
    public void on(JourneyEvent event, DomainEventMessage<?> message) {
        CaseFile file = caseFileFor(event.journeyId(), CurrentUnitOfWork.get().root());
        CaseFileFold.apply(file, event, message.getIdentifier(), message.getSequenceNumber(), message.getTimestamp());
    }

    /**
     * The case file to fold the journey's next event into, within the batch's unit of work {@code batch}; the
     * subclass makes sure it is written in time.
     */
    abstract CaseFile caseFileFor(UUID journeyId, UnitOfWork<?> batch);

    /** The distinct journeys of the batch's events, so that their case files can be read in one query. */
    static List<UUID> journeysOf(UnitOfWork<?> batch) {
        List<? extends Message<?>> messages =
                batch instanceof BatchingUnitOfWork<?> batching ? batching.getMessages() : List.of(batch.getMessage());
        return messages.stream()
                .filter(message -> message.getPayload() instanceof JourneyEvent)
                .map(message -> ((JourneyEvent) message.getPayload()).journeyId())
                .distinct()
                .toList();
    }
}
