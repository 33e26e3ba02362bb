package se.integrationjourney.projections.timeline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;
import se.integrationjourney.core.events.JourneyEvent;
import se.integrationjourney.core.events.MilestoneEvent;
import se.integrationjourney.core.events.MilestoneRetracted;
import se.integrationjourney.core.events.NewcomerRegistered;

/**
 * Answers {@link FindTimeline} straight from the event store (docs/adr/0003-timeline-from-event-store.md):
 * the timeline is the record itself, never a copy that could lag or be rebuilt wrongly.
 */
@Component
public class TimelineQueries {

    /** Metadata key under which the API records who recorded each event. */
    public static final String RECORDED_BY = "username";

    private final EventStore eventStore;

    public TimelineQueries(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    public Optional<Timeline> handle(FindTimeline query) {
        // From sequence 0 in the storage engine: a snapshot, should one ever exist, must not hide events.
        List<? extends DomainEventMessage<?>> events = eventStore
                .readEvents(query.journeyId().toString(), 0)
                .asStream()
                .toList();
        // An aggregate that is no journey (an analyst's saved study) has no timeline: its events hold what only
        // analysts may see (a study's pseudonym key), never shown as a journey's.
        if (events.isEmpty() || !(events.get(0).getPayload() instanceof JourneyEvent)) {
            return Optional.empty();
        }
        Map<String, Timeline.Retraction> retractions = new HashMap<>();
        String municipalityCode = null;
        for (DomainEventMessage<?> event : events) {
            if (event.getPayload() instanceof MilestoneRetracted retraction) {
                retractions.put(
                        retraction.retractedEventId(),
                        new Timeline.Retraction(
                                event.getIdentifier(), retraction.reason(), recordedBy(event), event.getTimestamp()));
            } else if (event.getPayload() instanceof NewcomerRegistered registration) {
                municipalityCode = registration.municipalityCode();
            }
        }
        List<Timeline.Entry> entries = new ArrayList<>(events.size());
        for (DomainEventMessage<?> event : events) {
            Timeline.Retraction retractedBy = retractions.get(event.getIdentifier());
            entries.add(new Timeline.Entry(
                    event.getIdentifier(),
                    event.getSequenceNumber(),
                    typeOf(event.getPayloadType()),
                    occurredOn(event.getPayload()),
                    event.getTimestamp(),
                    recordedBy(event),
                    event.getPayload(),
                    retractedBy != null,
                    retractedBy));
        }
        return Optional.of(new Timeline(query.journeyId(), municipalityCode, entries));
    }

    /**
     * The API's name of an event type: its class name in upper snake case ({@code HousingSecured} is
     * {@code HOUSING_SECURED}), which is exactly the contract's milestone type.
     */
    public static String typeOf(Class<?> eventType) {
        return eventType
                .getSimpleName()
                .replaceAll("([a-z0-9])([A-Z])", "$1_$2")
                .toUpperCase(java.util.Locale.ROOT);
    }

    private static java.time.LocalDate occurredOn(Object payload) {
        return payload instanceof MilestoneEvent milestone ? milestone.occurredOn() : null;
    }

    private static String recordedBy(DomainEventMessage<?> event) {
        Object username = event.getMetaData().get(RECORDED_BY);
        return username == null ? null : username.toString();
    }
}
