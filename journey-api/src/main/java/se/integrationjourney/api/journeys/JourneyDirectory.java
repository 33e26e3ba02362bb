package se.integrationjourney.api.journeys;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;
import se.integrationjourney.core.events.NewcomerRegistered;
import se.integrationjourney.eventstore.AxonTables;

/**
 * What the API needs to know of a journey before it may act on it, read from the event store itself rather than
 * a view, so that a journey registered a moment ago is already known: its municipality (for access checks, and
 * it never changes) and its current version.
 */
@Component
class JourneyDirectory {

    private final EventStore eventStore;
    private final AxonTables axonTables;
    private final Map<UUID, String> municipalities = new ConcurrentHashMap<>();

    JourneyDirectory(EventStore eventStore, AxonTables axonTables) {
        this.eventStore = eventStore;
        this.axonTables = axonTables;
    }

    /** The municipality a journey was registered in; empty if there is no such journey. */
    Optional<String> municipalityOf(UUID journeyId) {
        String known = municipalities.get(journeyId);
        if (known != null) {
            return Optional.of(known);
        }
        DomainEventStream events = eventStore.readEvents(journeyId.toString(), 0);
        if (!events.hasNext()) {
            return Optional.empty();
        }
        DomainEventMessage<?> first = events.next();
        if (!(first.getPayload() instanceof NewcomerRegistered registered)) {
            return Optional.empty();
        }
        municipalities.put(journeyId, registered.municipalityCode());
        return Optional.of(registered.municipalityCode());
    }

    /** The sequence number of the journey's newest event: its version. */
    long versionOf(UUID journeyId) {
        return axonTables.lastSequenceOf(journeyId.toString());
    }
}
