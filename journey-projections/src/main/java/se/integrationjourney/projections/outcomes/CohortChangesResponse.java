package se.integrationjourney.projections.outcomes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The answer to {@link FindCohortChanges}: the journeys whose category differs between the two moments, by id only
 * (never a name or an identity number), each with the stored events that changed its category on the way.
 *
 * @param eventStorePosition the store's head (global index) read first
 */
public record CohortChangesResponse(
        int cohortYear,
        String municipalityCode,
        LocalDate asOf,
        KnownAt before,
        KnownAt after,
        List<JourneyChange> journeys,
        long eventStorePosition) {

    /**
     * One journey that stands differently.
     *
     * @param events the events stored between the two moments, in the journey's order, each of which changed the
     *               journey's category when it was stored (an event whose effect a later one undid is listed too)
     */
    public record JourneyChange(
            UUID journeyId, TwoYearsAfterCategory before, TwoYearsAfterCategory after, List<ChangingEvent> events) {}

    /**
     * An event that changed a journey's category.
     *
     * @param type             the event's type as the API names it ({@code EMPLOYMENT_STARTED})
     * @param recordedAt       when it was stored
     * @param retractedEventId for a retraction, the event it retracted
     */
    public record ChangingEvent(
            String eventId, String type, Instant recordedAt, ChangeKind kind, String retractedEventId) {}

    /** Why an event stored between the two moments was not known at the first. */
    public enum ChangeKind {
        /** Something that had happened by the first moment (its business date) but was recorded after it. */
        LATE_RECORDING,
        /** Something that happened after the first moment. */
        RECORDING,
        /** A retraction of an earlier event. */
        RETRACTION,
        /** A recording of the same type as one retracted between the two moments: a correction of it. */
        CORRECTION
    }
}
