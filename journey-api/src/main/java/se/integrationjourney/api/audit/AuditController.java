package se.integrationjourney.api.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.integrationjourney.api.accesslog.AccessLogCsv;
import se.integrationjourney.api.accesslog.AccessLogQueries;
import se.integrationjourney.api.accesslog.AuditPeriod;
import se.integrationjourney.api.journeys.JourneyService;
import se.integrationjourney.api.security.CurrentUser;
import se.integrationjourney.api.web.ApiException;
import se.integrationjourney.api.web.OpenApiReferences;
import se.integrationjourney.api.web.Problems;

/**
 * What auditors ask of the access log through the API: who was shown a journey, and what an account was shown and
 * did in a period; as JSON or, with {@code Accept: text/csv}, as CSV. Answers hold usernames, roles, times,
 * endpoints and journey ids, never a name or identity number, so asking is not itself a read of a case and is not
 * recorded.
 */
@RestController
@RequestMapping("/api/audit")
@Tag(
        name = "Audit",
        description = "Who has read a journey, what an account read and did, and whether the stored events are as they"
                + " were recorded (AUDITOR, ADMIN)")
class AuditController {

    static final String CSV = "text/csv";

    /** The response header that says a CSV answer was capped: its value is the cap. */
    static final String CAPPED_HEADER = "Access-Log-Capped";

    private static final String PERIOD =
            "An instant with its offset (2026-01-31T12:00:00Z) or a date (a day in Sweden)";
    private static final int MAX_USERNAME = 100;

    private final JourneyService journeys;
    private final AccessLogQueries accessLog;

    AuditController(JourneyService journeys, AccessLogQueries accessLog) {
        this.journeys = journeys;
        this.accessLog = accessLog;
    }

    @GetMapping(value = "/journeys/{journeyId}/reads", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Everyone who was shown the journey's personal data, newest first",
            description = "AUDITOR or ADMIN. The access log's reads of this journey (at most "
                    + AccessLogQueries.MAX_ENTRIES
                    + ", newest first): its state and timeline, the caseload pages, searches and duplicate checks"
                    + " that showed it, research extracts that held it; through the API and the web application alike,"
                    + " the audit page's own among them. `Accept: text/csv` gives them as CSV (at most "
                    + AccessLogQueries.MAX_CSV_ENTRIES
                    + "; header `"
                    + CAPPED_HEADER
                    + "` when there were more). Holds no personal data; asking is not recorded.")
    @ApiResponse(
            responseCode = "200",
            description = "The reads, newest first",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON_VALUE,
                        array = @ArraySchema(schema = @Schema(implementation = JourneyReadResponse.class))),
                @Content(mediaType = CSV, schema = @Schema(type = "string"), examples = @ExampleObject(value = """
                    at,username,roles,action,resource,correlationId
                    2026-01-31T09:12:03.120458Z,auditor,AUDITOR,TIMELINE_READ,GET /audit/journeys/{journeyId},5d0c…
                    2026-01-30T14:02:11.004127Z,cw-toreboda,CASEWORKER,CASELOAD_READ,GET /caseload,c41f…
                    """))
            })
    @ApiResponse(responseCode = "400", ref = OpenApiReferences.BAD_REQUEST)
    @ApiResponse(responseCode = "401", ref = OpenApiReferences.UNAUTHORIZED)
    @ApiResponse(responseCode = "403", ref = OpenApiReferences.FORBIDDEN)
    @ApiResponse(responseCode = "404", ref = OpenApiReferences.NOT_FOUND)
    @ApiResponse(responseCode = "406", ref = OpenApiReferences.NOT_ACCEPTABLE)
    List<JourneyReadResponse> reads(@PathVariable UUID journeyId) {
        journeys.requireAccess(CurrentUser.get(), journeyId); // 404 for a journey that does not exist
        return accessLog.readsOf(journeyId).stream()
                .map(JourneyReadResponse::of)
                .toList();
    }

    @GetMapping(value = "/journeys/{journeyId}/reads", produces = CSV)
    @Operation(hidden = true) // the same operation as reads, whose document lists text/csv too
    ResponseEntity<String> readsCsv(@PathVariable UUID journeyId) {
        journeys.requireAccess(CurrentUser.get(), journeyId);
        AccessLogQueries.Answer answer = accessLog.readsOf(journeyId, AccessLogQueries.MAX_CSV_ENTRIES);
        return csv(AccessLogCsv.readsOfJourney(answer.entries()), "reads-of-" + journeyId + ".csv", answer);
    }

    @GetMapping(value = "/accounts/{username}/reads", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "What an account was shown, and what it did, in a period; newest first",
            description = "AUDITOR or ADMIN. Every access-log entry of the account (the username in any case)"
                    + " from `from` (inclusive) to `to` (exclusive): its reads of personal data (`kind` READ, with the"
                    + " journeys shown) and its administrative acts (`kind` ACT, with what they were about). At most "
                    + AccessLogQueries.MAX_ENTRIES
                    + " entries, the newest; `capped` says when there were more. An account that read nothing in the"
                    + " period (or has no such name) has no entries. `Accept: text/csv` gives them as CSV (at most "
                    + AccessLogQueries.MAX_CSV_ENTRIES
                    + "; header `"
                    + CAPPED_HEADER
                    + "` when there were more). Holds no personal data; asking is not recorded.")
    @ApiResponse(
            responseCode = "200",
            description = "The entries, newest first",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON_VALUE,
                        schema = @Schema(implementation = AccountEntriesResponse.class)),
                @Content(mediaType = CSV, schema = @Schema(type = "string"), examples = @ExampleObject(value = """
                    at,username,kind,action,roles,resource,journeyIds,subject,correlationId
                    2026-01-31T09:12:03.120458Z,cw-toreboda,READ,JOURNEY_READ,CASEWORKER,GET /journeys/{journeyId},\
                    405af2f9-21e0-4033-87d0-cf2dd6857ad6,,5d0c…
                    2026-01-30T14:02:11.004127Z,cw-toreboda,ACT,PASSWORD_CHANGED,CASEWORKER,POST /account/password,,\
                    cw-toreboda,c41f…
                    """))
            })
    @ApiResponse(responseCode = "400", ref = OpenApiReferences.BAD_REQUEST)
    @ApiResponse(responseCode = "401", ref = OpenApiReferences.UNAUTHORIZED)
    @ApiResponse(responseCode = "403", ref = OpenApiReferences.FORBIDDEN)
    @ApiResponse(responseCode = "406", ref = OpenApiReferences.NOT_ACCEPTABLE)
    AccountEntriesResponse accountEntries(
            @Parameter(description = "The account's username, in any case") @PathVariable String username,
            @Parameter(
                            description = "The period's start (inclusive): " + PERIOD + ", its start; default "
                                    + AuditPeriod.DEFAULT_DAYS + " days before `to`")
                    @RequestParam(required = false)
                    String from,
            @Parameter(description = "The period's end (exclusive): " + PERIOD + ", the whole day; default now")
                    @RequestParam(required = false)
                    String to) {
        AuditPeriod period = period(username, from, to);
        return AccountEntriesResponse.of(
                username,
                period,
                accessLog.byAccount(username, period.from(), period.to(), AccessLogQueries.MAX_ENTRIES),
                AccessLogQueries.MAX_ENTRIES);
    }

    @GetMapping(value = "/accounts/{username}/reads", produces = CSV)
    @Operation(hidden = true) // the same operation as accountEntries, whose document lists text/csv too
    ResponseEntity<String> accountEntriesCsv(
            @PathVariable String username,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        AuditPeriod period = period(username, from, to);
        AccessLogQueries.Answer answer =
                accessLog.byAccount(username, period.from(), period.to(), AccessLogQueries.MAX_CSV_ENTRIES);
        return csv(
                AccessLogCsv.entriesOfAccount(answer.entries()),
                "access-log-" + AccessLogCsv.fileNamePart(username) + ".csv",
                answer);
    }

    /** The period asked about; a bad end or an overlong username is a 400 naming the parameter. */
    private static AuditPeriod period(String username, String from, String to) {
        if (username.length() > MAX_USERNAME) {
            throw invalid("username", "username must be at most " + MAX_USERNAME + " characters");
        }
        try {
            return AuditPeriod.read(from, to, Instant.now());
        } catch (AuditPeriod.Invalid invalid) {
            throw invalid(invalid.parameter(), invalid.explanation());
        }
    }

    private static ApiException invalid(String parameter, String message) {
        return new ApiException(
                Problems.VALIDATION,
                "Some parameters are invalid",
                List.of(new Problems.FieldError(parameter, message)));
    }

    private static ResponseEntity<String> csv(String body, String fileName, AccessLogQueries.Answer answer) {
        ResponseEntity.BodyBuilder response = ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(fileName)
                                .build()
                                .toString());
        if (answer.capped()) {
            response.header(CAPPED_HEADER, String.valueOf(AccessLogQueries.MAX_CSV_ENTRIES));
        }
        return response.body(body);
    }
}
