package se.integrationjourney.eventstore;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;

/**
 * Reads the whole stored history of many journeys at once, upcast and deserialized exactly as Axon loads an
 * aggregate (the same serializer, the same upcaster chain), but in one query per few thousand journeys instead of
 * one per journey: a question about a cohort as it was known at an earlier moment folds thousands of journeys'
 * events again (docs/projections.md, "As known at a moment").
 */
public final class JourneyHistories {

    /** Journeys per query: large enough that round trips do not count, small enough for one array parameter. */
    private static final int JOURNEYS_PER_QUERY = 2_000;

    private final AxonTables tables;
    private final Serializer serializer;
    private final EventUpcaster upcasters;

    public JourneyHistories(AxonTables tables, Serializer eventSerializer, EventUpcaster upcasters) {
        this.tables = tables;
        this.serializer = eventSerializer;
        this.upcasters = upcasters;
    }

    /**
     * Hands every event of these journeys to {@code action}, each journey's in sequence order (journeys one after
     * the other, in no promised order). Events carry their stored timestamp ({@link DomainEventMessage#getTimestamp})
     * and global position is not needed by callers, so it is not read.
     */
    public void forEachEvent(Collection<String> journeyIds, Consumer<DomainEventMessage<?>> action) {
        List<String> ids = new ArrayList<>(journeyIds);
        for (int from = 0; from < ids.size(); from += JOURNEYS_PER_QUERY) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + JOURNEYS_PER_QUERY));
            List<DomainEventData<?>> rows = tables.storedEventsOf(chunk);
            EventStreamUtils.upcastAndDeserializeDomainEvents(rows.stream(), serializer, upcasters)
                    .asStream()
                    .forEach(action);
        }
    }
}
