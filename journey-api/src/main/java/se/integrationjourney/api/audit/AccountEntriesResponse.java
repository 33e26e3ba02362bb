package se.integrationjourney.api.audit;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import se.integrationjourney.api.accesslog.AccessEntry;
import se.integrationjourney.api.accesslog.AccessLogQueries;
import se.integrationjourney.api.accesslog.AuditPeriod;

/** What an account was shown and did in a period, from the access log, newest first. No personal data. */
record AccountEntriesResponse(
        @Schema(description = "The username asked about, as given")
        String username,

        @Schema(description = "The period's start (inclusive, UTC)")
        Instant from,

        @Schema(description = "The period's end (exclusive, UTC)")
        Instant to,

        @Schema(description = "The most entries one answer holds")
        int limit,

        @Schema(
                description = "true when the period had more entries than `limit`: the newest are given, the oldest"
                        + " left out; ask again for a shorter period (or as CSV, which holds up to "
                        + AccessLogQueries.MAX_CSV_ENTRIES
                        + ")")
        boolean capped,

        @Schema(description = "The entries, newest first") List<Entry> entries) {

    static AccountEntriesResponse of(String username, AuditPeriod period, AccessLogQueries.Answer answer, int limit) {
        return new AccountEntriesResponse(
                username,
                period.from(),
                period.to(),
                limit,
                answer.capped(),
                answer.entries().stream().map(Entry::of).toList());
    }

    /** One entry: a read of personal data (which journeys it showed) or an administrative act (on what). */
    record Entry(
            @Schema(description = "When (UTC)") Instant at,

            @Schema(
                    description = "READ: the account was shown personal data (journeyIds says of whom); ACT: an"
                            + " administrative act (subject says on what)",
                    allowableValues = {"READ", "ACT"})
            String kind,

            @Schema(
                    description = "What, e.g. JOURNEY_READ, TIMELINE_READ, CASELOAD_READ, JOURNEY_SEARCH,"
                            + " DUPLICATE_CHECK, RESEARCH_EXTRACT, ACCOUNT_CREATED, VIEW_REBUILD_STARTED")
            String action,

            @Schema(description = "The roles the account had then; empty for reads recorded before roles were")
            List<String> roles,

            @Schema(description = "The endpoint or page, e.g. GET /api/journeys/{journeyId} or GET /caseload")
            String resource,

            @Schema(description = "The journeys shown (a read) or named (an extract); empty for most acts")
            List<UUID> journeyIds,

            @Schema(description = "What an act was about: an account's username, a view, a study", nullable = true)
            String subject,

            @Schema(description = "The request's correlation id (X-Correlation-Id), if it had one", nullable = true)
            String correlationId) {

        static Entry of(AccessEntry entry) {
            List<String> roles = entry.roles() == null || entry.roles().isBlank()
                    ? List.of()
                    : Arrays.stream(entry.roles().split(",")).map(String::strip).toList();
            return new Entry(
                    entry.at(),
                    entry.action().kind().name(),
                    entry.action().name(),
                    roles,
                    entry.resource(),
                    entry.journeyIds(),
                    entry.subject(),
                    entry.correlationId());
        }
    }
}
