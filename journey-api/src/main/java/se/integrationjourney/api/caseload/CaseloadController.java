package se.integrationjourney.api.caseload;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.integrationjourney.api.accesslog.AccessAction;
import se.integrationjourney.api.accesslog.AccessLog;
import se.integrationjourney.api.security.CurrentUser;
import se.integrationjourney.api.security.JourneyAccess;
import se.integrationjourney.api.security.JourneyUser;
import se.integrationjourney.api.security.Role;
import se.integrationjourney.api.web.OpenApiReferences;
import se.integrationjourney.projections.casefile.Stage;
import se.integrationjourney.projections.caseload.Caseload;
import se.integrationjourney.projections.caseload.CaseloadItem;
import se.integrationjourney.projections.caseload.CaseloadQueries;
import se.integrationjourney.projections.caseload.DueActionCode;
import se.integrationjourney.projections.caseload.GetCaseload;

/**
 * The caseworker's list: active journeys with their stage and what is due, most overdue first. Items hold names:
 * each page answered is a {@code CASELOAD_READ} in the access log naming the journeys on it.
 */
@RestController
@Tag(name = "Caseload")
class CaseloadController {

    private final CaseloadQueries caseloads;
    private final JourneyAccess access;
    private final AccessLog accessLog;

    CaseloadController(CaseloadQueries caseloads, JourneyAccess access, AccessLog accessLog) {
        this.caseloads = caseloads;
        this.access = access;
        this.accessLog = accessLog;
    }

    @GetMapping("/api/caseload")
    @Operation(
            summary = "Active journeys with stage and due actions, most overdue first, paged (page from 0)",
            description = "CASEWORKER (their own municipality, the default; another is 403) or ADMIN (all"
                    + " municipalities unless one is given). Items hold the newcomer's name: caseworkers' data."
                    + " Every page with items is recorded in the access log (CASELOAD_READ, naming its journeys).")
    @ApiResponse(
            responseCode = "200",
            description = "One page",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Caseload.class)))
    @ApiResponse(responseCode = "400", ref = OpenApiReferences.BAD_REQUEST)
    @ApiResponse(responseCode = "401", ref = OpenApiReferences.UNAUTHORIZED)
    @ApiResponse(responseCode = "403", ref = OpenApiReferences.FORBIDDEN)
    Caseload caseload(
            @Parameter(description = "Only journeys assigned to this caseworker id") @RequestParam(required = false)
                    String caseworkerId,
            @Parameter(description = "Four digits; a caseworker's own by default", schema = @Schema(pattern = "\\d{4}"))
                    @RequestParam(required = false)
                    String municipalityCode,
            @Parameter(description = "Only journeys with at least one due action") @RequestParam(defaultValue = "false")
                    boolean dueOnly,
            @Parameter(description = "Only journeys in this stage today (not CLOSED: closed journeys are not listed)")
                    @RequestParam(required = false)
                    Stage stage,
            @Parameter(description = "Only journeys for which this action is due today (implies dueOnly)")
                    @RequestParam(required = false)
                    DueActionCode dueAction,
            @Parameter(description = "Page number, from 0", schema = @Schema(minimum = "0"))
                    @RequestParam(defaultValue = "0")
                    int page,
            @Parameter(
                            description = "Items per page, 1 to " + GetCaseload.MAX_SIZE,
                            schema = @Schema(minimum = "1", maximum = "" + GetCaseload.MAX_SIZE))
                    @RequestParam(defaultValue = "" + GetCaseload.DEFAULT_SIZE)
                    int size) {
        JourneyUser user = CurrentUser.get();
        String municipality = municipalityCode;
        if (!user.has(Role.ADMIN)) {
            // A caseworker sees their own municipality: by default, and only that one.
            municipality =
                    municipalityCode == null || municipalityCode.isBlank() ? user.municipalityCode() : municipalityCode;
            access.requireMunicipality(user, municipality);
        }
        Caseload caseload =
                caseloads.handle(new GetCaseload(caseworkerId, municipality, dueOnly, stage, dueAction, page, size));
        accessLog.journeysRead(
                user.actor(),
                AccessAction.CASELOAD_READ,
                "GET /api/caseload",
                caseload.items().stream().map(CaseloadItem::journeyId).toList());
        return caseload;
    }
}
