package se.integrationjourney.projections.timeline;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A journey's full record for auditors: every event in recording order, retracted ones included and linked to
 * the retraction that struck them.
 *
 * @param municipalityCode the municipality the journey was registered in, for access checks
 */
public record Timeline(UUID journeyId, String municipalityCode, List<Entry> entries) {

    /**
     * One recorded event.
     *
     * @param type        the event's type as the API names it, e.g. {@code HOUSING_SECURED}
     * @param occurredOn  the business date; null for corrections (retractions, personal-details corrections)
     * @param recordedAt  when it was recorded
     * @param recordedBy  the username that recorded it (event metadata), or null if none was recorded
     * @param data        the event's fields
     * @param retractedBy the retraction that struck this event, or null
     */
    public record Entry(
            String eventId,
            long sequence,
            String type,
            LocalDate occurredOn,
            Instant recordedAt,
            String recordedBy,
            Object data,
            boolean retracted,
            Retraction retractedBy) {}

    public record Retraction(String eventId, String reason, String recordedBy, Instant recordedAt) {}
}
