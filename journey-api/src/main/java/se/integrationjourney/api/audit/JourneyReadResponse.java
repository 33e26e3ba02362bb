package se.integrationjourney.api.audit;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import se.integrationjourney.api.accesslog.AccessAction;
import se.integrationjourney.api.accesslog.AccessEntry;

/** One read of a journey, from the access log: who, with which roles, when, what and where. */
record JourneyReadResponse(
        @Schema(description = "When it was read (UTC)") Instant at,

        @Schema(description = "The reader's username") String username,

        @Schema(description = "The roles the reader had then; empty for reads recorded before roles were")
        List<String> roles,

        @Schema(
                description = "JOURNEY_READ (the journey's state, with the person's details), TIMELINE_READ,"
                        + " CASELOAD_READ (a caseload page that listed it), JOURNEY_SEARCH (a search that found it),"
                        + " DUPLICATE_CHECK (registration told of it), RESEARCH_EXTRACT (a pseudonymised extract"
                        + " that held it), JOURNEY_EXPORTED (its events as stored, with their hashes) or"
                        + " SUBJECT_ACCESS_EXPORT (a subject-access export that held it)",
                allowableValues = {
                    "JOURNEY_READ",
                    "TIMELINE_READ",
                    "CASELOAD_READ",
                    "JOURNEY_SEARCH",
                    "DUPLICATE_CHECK",
                    "RESEARCH_EXTRACT",
                    "JOURNEY_EXPORTED",
                    "SUBJECT_ACCESS_EXPORT"
                })
        String action,

        @Schema(
                description = "The endpoint or page that showed it, e.g. GET /api/journeys/{journeyId}/timeline or"
                        + " GET /audit/journeys/{journeyId}")
        String resource,

        @Schema(description = "The request's correlation id (X-Correlation-Id), if it had one", nullable = true)
        String correlationId) {

    static JourneyReadResponse of(AccessEntry entry) {
        List<String> roles = entry.roles() == null || entry.roles().isBlank()
                ? List.of()
                : Arrays.stream(entry.roles().split(",")).map(String::strip).toList();
        AccessAction action = entry.action();
        return new JourneyReadResponse(
                entry.at(), entry.username(), roles, action.name(), entry.resource(), entry.correlationId());
    }
}
