package se.integrationjourney.api.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import se.integrationjourney.api.accesslog.AccessLogQueries;
import se.integrationjourney.api.journeys.JourneyService;
import se.integrationjourney.api.security.CurrentUser;
import se.integrationjourney.api.web.OpenApiReferences;

/**
 * What auditors ask of the access log through the API. Answers hold usernames, roles, times and endpoints, never a
 * name or identity number, so asking is not itself a read of a case and is not recorded.
 */
@RestController
@RequestMapping("/api/audit")
@Tag(name = "Audit", description = "Who has read a journey (AUDITOR, ADMIN); no personal data")
class AuditController {

    private final JourneyService journeys;
    private final AccessLogQueries accessLog;

    AuditController(JourneyService journeys, AccessLogQueries accessLog) {
        this.journeys = journeys;
        this.accessLog = accessLog;
    }

    @GetMapping("/journeys/{journeyId}/reads")
    @Operation(
            summary = "Everyone who was shown the journey's state or timeline, newest first",
            description = "AUDITOR or ADMIN. The access log's reads of this journey (at most "
                    + AccessLogQueries.MAX_ENTRIES
                    + ", newest first): through the API and the web application alike, the audit page's own among"
                    + " them. Holds no personal data; asking is not recorded.")
    @ApiResponse(
            responseCode = "200",
            description = "The reads, newest first",
            content =
                    @Content(
                            mediaType = "application/json",
                            array = @ArraySchema(schema = @Schema(implementation = JourneyReadResponse.class))))
    @ApiResponse(responseCode = "400", ref = OpenApiReferences.BAD_REQUEST)
    @ApiResponse(responseCode = "401", ref = OpenApiReferences.UNAUTHORIZED)
    @ApiResponse(responseCode = "403", ref = OpenApiReferences.FORBIDDEN)
    @ApiResponse(responseCode = "404", ref = OpenApiReferences.NOT_FOUND)
    List<JourneyReadResponse> reads(@PathVariable UUID journeyId) {
        journeys.requireAccess(CurrentUser.get(), journeyId); // 404 for a journey that does not exist
        return accessLog.readsOf(journeyId).stream()
                .map(JourneyReadResponse::of)
                .toList();
    }
}
