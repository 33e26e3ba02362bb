package se.integrationjourney.api.journeys;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import se.integrationjourney.projections.timeline.Timeline;

/** One event of {@code GET /api/journeys/{id}/timeline}, as the contract names its fields. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record TimelineEntryResponse(
        String eventId,

        @Schema(description = "The event's sequence number in the journey (0 = registration): the version it made")
        long sequence,

        @Schema(
                description =
                        "NEWCOMER_REGISTERED, a milestone type, MILESTONE_RETRACTED or" + " PERSONAL_DETAILS_CORRECTED")
        String type,

        @Schema(description = "The business date; absent for retractions and corrections")
        LocalDate occurredOn,

        @Schema(description = "When it was recorded (UTC)") Instant recordedAt,

        @Schema(description = "The username of the account that recorded it")
        String recordedBy,

        @Schema(
                description = "The event's fields as stored (the registration's include the personal details)",
                type = "object")
        Object data,

        @Schema(description = "Whether a later retraction struck this event")
        boolean retracted,

        @Schema(description = "The retraction that struck it; absent when not retracted")
        Timeline.Retraction retractedBy) {

    static TimelineEntryResponse of(Timeline.Entry entry) {
        return new TimelineEntryResponse(
                entry.eventId(),
                entry.sequence(),
                entry.type(),
                entry.occurredOn(),
                entry.recordedAt(),
                entry.recordedBy(),
                entry.data(),
                entry.retracted(),
                entry.retractedBy());
    }
}
