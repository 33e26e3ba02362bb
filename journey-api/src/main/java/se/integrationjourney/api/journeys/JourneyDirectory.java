package se.integrationjourney.api.journeys;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.integrationjourney.core.events.NewcomerRegistered;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the API needs to know of a journey before it may act on it, read from the event store itself rather than
 * a view, so that a journey registered a moment ago is already known: its municipality (for access checks, and
 * it never changes) and its current version.
 */
@Component
class JourneyDirectory {

    private final EventStore eventStore;
    private final JdbcTemplate jdbc;
    private final Map<UUID, String> municipalities = new ConcurrentHashMap<>();

    JourneyDirectory(EventStore eventStore, JdbcTemplate jdbc) {
        this.eventStore = eventStore;
        this.jdbc = jdbc;
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
        Long version = jdbc.queryForObject("select max(sequence_number) from domain_event_entry"
                + " where aggregate_identifier = ?", Long.class, journeyId.toString());
        return version == null ? -1 : version;
    }
}
