package se.integrationjourney.api.journeys;

import com.fasterxml.jackson.annotation.JsonInclude;
import se.integrationjourney.projections.timeline.Timeline;

import java.time.Instant;
import java.time.LocalDate;

/** One event of {@code GET /api/journeys/{id}/timeline}, as the contract names its fields. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record TimelineEntryResponse(String eventId, long sequence, String type, LocalDate occurredOn, Instant recordedAt,
                             String recordedBy, Object data, boolean retracted, Timeline.Retraction retractedBy) {

    static TimelineEntryResponse of(Timeline.Entry entry) {
        return new TimelineEntryResponse(entry.eventId(), entry.sequence(), entry.type(), entry.occurredOn(),
                entry.recordedAt(), entry.recordedBy(), entry.data(), entry.retracted(), entry.retractedBy());
    }
}
