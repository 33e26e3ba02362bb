package se.integrationjourney.projections.outcomes;

import java.util.Collection;
import java.util.Set;
import java.util.function.Consumer;
import org.axonframework.eventhandling.DomainEventMessage;

/**
 * What {@link OutcomeQueries} needs besides the outcomes view to answer as known at an earlier moment: the store's
 * head, the journeys the view has not folded yet, and journeys' whole histories.
 */
public interface RecordedHistory {

    /** The global index of the newest stored event; 0 when there is none. */
    long headPosition();

    /**
     * The journeys whose view rows may lack an event stored up to now: those with events after the view's
     * position and those waiting in its dead-letter queue. Asked <em>before</em> the rows are read.
     */
    Set<String> journeysNotYetInView();

    /** Every stored event of these journeys, each journey's in sequence order, with its stored timestamp. */
    void forEachEvent(Collection<String> journeyIds, Consumer<DomainEventMessage<?>> action);
}
