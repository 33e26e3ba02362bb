package se.integrationjourney.api.caseload;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.integrationjourney.api.security.CurrentUser;
import se.integrationjourney.api.security.JourneyAccess;
import se.integrationjourney.api.security.JourneyUser;
import se.integrationjourney.api.security.Role;
import se.integrationjourney.projections.caseload.Caseload;
import se.integrationjourney.projections.caseload.CaseloadQueries;
import se.integrationjourney.projections.caseload.GetCaseload;

/** The caseworker's list: active journeys with their stage and what is due, most overdue first. */
@RestController
@Tag(name = "Caseload")
class CaseloadController {

    private final CaseloadQueries caseloads;
    private final JourneyAccess access;

    CaseloadController(CaseloadQueries caseloads, JourneyAccess access) {
        this.caseloads = caseloads;
        this.access = access;
    }

    @GetMapping("/api/caseload")
    @Operation(summary = "Active journeys with stage and due actions, most overdue first, paged (page from 0)")
    Caseload caseload(@RequestParam(required = false) String caseworkerId,
                      @RequestParam(required = false) String municipalityCode,
                      @RequestParam(defaultValue = "false") boolean dueOnly,
                      @RequestParam(defaultValue = "0") int page,
                      @RequestParam(defaultValue = "" + GetCaseload.DEFAULT_SIZE) int size) {
        JourneyUser user = CurrentUser.get();
        String municipality = municipalityCode;
        if (!user.has(Role.ADMIN)) {
            // A caseworker sees their own municipality: by default, and only that one.
            municipality = municipalityCode == null || municipalityCode.isBlank() ? user.municipalityCode()
                    : municipalityCode;
            access.requireMunicipality(user, municipality);
        }
        return caseloads.handle(new GetCaseload(caseworkerId, municipality, dueOnly, page, size));
    }
}
