package se.integrationjourney.api.subjectaccess;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import se.integrationjourney.projections.journeystate.JourneyState;
import se.integrationjourney.projections.timeline.Timeline;

/**
 * A subject-access export (registerutdrag): everything the service has recorded about one person, found by their
 * identity number, for handing over to them (GDPR art. 15). The same document is the API's answer and the web
 * application's JSON download.
 */
@Schema(description = "Everything recorded about one person, with what the person is entitled to be told besides")
public record SubjectAccessExport(
        @Schema(description = "When it was made (UTC)") Instant madeAt,

        @Schema(description = "The username of the auditor or administrator who made it")
        String madeBy,

        @Schema(description = "How many journeys the person has; 0 when the number names none")
        int journeyCount,

        @Schema(description = "Every journey of the person, in any municipality, newest arrival first")
        List<Journey> journeys,

        @Schema(
                description = "What the person is told besides their data (purposes, recipients, retention, source,"
                        + " rights), in Swedish and English")
        List<Information> information) {

    /**
     * One journey of the person.
     *
     * @param state null when the journey-state view does not show the journey
     */
    public record Journey(
            UUID journeyId,
            @Schema(description = "SCB kommunkod") String municipalityCode,
            @Schema(description = "The municipality's name") String municipalityName,

            @Schema(description = "The name and identity number as the record says now (null where none)")
            PersonalDetailsNow personalDetails,

            @Schema(
                    description = "The personal details as registered and as each correction changed them, in"
                            + " recording order")
            List<PersonalDetailsRecorded> personalDetailsHistory,

            @Schema(
                    description = "The journey as it stands now, as GET /api/journeys/{id} shows it; null when the"
                            + " journey-state view does not show it",
                    nullable = true)
            JourneyState state,

            @Schema(
                    description = "Every event of the journey as recorded, retracted ones included, as GET"
                            + " /api/journeys/{id}/timeline shows them")
            List<Event> timeline,

            @Schema(
                    description = "Everyone who was shown the journey (the access log's entries naming it), newest"
                            + " first, this export's own among them")
            List<Read> reads,

            @Schema(description = "True when the reads are only the newest 1000")
            boolean readsLimited) {}

    public record PersonalDetailsNow(String fullName, String personalIdentityNumber) {}

    /**
     * The personal details as one event recorded them.
     *
     * @param type NEWCOMER_REGISTERED or PERSONAL_DETAILS_CORRECTED
     */
    public record PersonalDetailsRecorded(
            String eventId,

            @Schema(allowableValues = {"NEWCOMER_REGISTERED", "PERSONAL_DETAILS_CORRECTED"})
            String type,

            Instant recordedAt,
            String recordedBy,
            String fullName,
            String personalIdentityNumber) {}

    /** One recorded event, as the timeline endpoint names its fields. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Event(
            String eventId,

            @Schema(description = "The event's sequence number in the journey (0 = registration)")
            long sequence,

            @Schema(
                    description = "NEWCOMER_REGISTERED, a milestone type, MILESTONE_RETRACTED or"
                            + " PERSONAL_DETAILS_CORRECTED")
            String type,

            @Schema(description = "The business date; absent for retractions and corrections")
            LocalDate occurredOn,

            @Schema(description = "When it was recorded (UTC)")
            Instant recordedAt,

            @Schema(description = "The username of the account that recorded it")
            String recordedBy,

            @Schema(description = "The event's fields as stored", type = "object")
            Object data,

            @Schema(description = "Whether a later retraction struck this event")
            boolean retracted,

            @Schema(description = "The retraction that struck it, with its reason; absent when not retracted")
            Timeline.Retraction retractedBy) {

        static Event of(Timeline.Entry entry) {
            return new Event(
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

    /** One access-log entry naming the journey: who was shown it, when, what and where. */
    public record Read(
            @Schema(description = "When (UTC)") Instant at,
            String username,

            @Schema(description = "The roles they had then; empty for reads recorded before roles were")
            List<String> roles,

            @Schema(
                    description = "What they were shown, e.g. JOURNEY_READ, TIMELINE_READ, CASELOAD_READ,"
                            + " SUBJECT_ACCESS_EXPORT")
            String action,

            @Schema(description = "The endpoint or page, e.g. GET /api/journeys/{journeyId}")
            String resource,

            @Schema(nullable = true) String correlationId) {}

    /**
     * One of the things the person is told besides their data.
     *
     * @param topic CONTROLLER, PURPOSES, LEGAL_BASIS, CATEGORIES, RECIPIENTS, RETENTION, SOURCE, RIGHTS,
     *              AUTOMATED_DECISIONS
     */
    public record Information(String topic, String sv, String en) {}
}
