package se.integrationjourney.projections.outcomes;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;
import org.axonframework.eventhandling.DomainEventMessage;
import se.integrationjourney.eventstore.AxonTables;
import se.integrationjourney.eventstore.JourneyHistories;
import se.integrationjourney.projections.runtime.ProjectionRunner;

/** {@link RecordedHistory} from the event store and the outcomes view's processor. */
final class StoredHistory implements RecordedHistory {

    private final AxonTables tables;
    private final JourneyHistories histories;
    private final ProjectionRunner projections;

    StoredHistory(AxonTables tables, JourneyHistories histories, ProjectionRunner projections) {
        this.tables = tables;
        this.histories = histories;
        this.projections = projections;
    }

    @Override
    public long headPosition() {
        return tables.headPosition();
    }

    @Override
    public Set<String> journeysNotYetInView() {
        long viewPosition = OutcomeQueries.positionOf(projections.status());
        Set<String> journeys = new HashSet<>(tables.aggregatesWithEventsAfter(viewPosition));
        journeys.addAll(tables.deadLetteredSequences(OutcomesProjection.NAME));
        return journeys;
    }

    @Override
    public void forEachEvent(Collection<String> journeyIds, Consumer<DomainEventMessage<?>> action) {
        histories.forEachEvent(journeyIds, action);
    }
}
