package se.integrationjourney.api.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import se.integrationjourney.api.journeys.IdentityNumberInput;
import se.integrationjourney.api.security.CurrentUser;
import se.integrationjourney.api.subjectaccess.SubjectAccess;
import se.integrationjourney.api.subjectaccess.SubjectAccessExport;
import se.integrationjourney.api.web.ApiException;
import se.integrationjourney.api.web.OpenApiReferences;
import se.integrationjourney.api.web.Problems;

/**
 * Subject access (registerutdrag) through the API: everything recorded about one person, found by identity number.
 * The number is posted, so that it stays out of addresses and the logs that keep them.
 */
@RestController
@RequestMapping("/api/audit")
@Tag(name = "Subject access", description = "Everything recorded about one person (AUDITOR, ADMIN)")
class SubjectAccessController {

    static final String RESOURCE = "POST /api/audit/subject-access";

    private final SubjectAccess subjectAccess;
    private final Clock clock;

    SubjectAccessController(SubjectAccess subjectAccess, Clock clock) {
        this.subjectAccess = subjectAccess;
        this.clock = clock;
    }

    @PostMapping("/subject-access")
    @Operation(
            summary = "Everything recorded about one person, for a subject-access request (registerutdrag)",
            description = "AUDITOR or ADMIN. Every journey of the person with this identity number, in any"
                    + " municipality: the personal details as registered and corrected, every event of the timeline"
                    + " (retracted ones and the reasons included), the journey as it stands, and everyone who was"
                    + " shown it; with what the person is told besides (purposes, recipients, retention, source,"
                    + " rights) in Swedish and English. A valid number that names no journey gets an empty"
                    + " `journeys` list. Recorded in the access log (SUBJECT_ACCESS_EXPORT, naming every journey in"
                    + " the export, never the number) in the same transaction as the export is made.")
    @ApiResponse(
            responseCode = "200",
            description = "The export",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = SubjectAccessExport.class)))
    @ApiResponse(responseCode = "400", ref = OpenApiReferences.BAD_REQUEST)
    @ApiResponse(responseCode = "401", ref = OpenApiReferences.UNAUTHORIZED)
    @ApiResponse(responseCode = "403", ref = OpenApiReferences.FORBIDDEN)
    SubjectAccessExport export(@Valid @RequestBody SubjectAccessRequest body) {
        String number = IdentityNumberInput.normalise(body.personalIdentityNumber(), LocalDate.now(clock))
                .orElseThrow(SubjectAccessController::invalidNumber);
        return subjectAccess.export(CurrentUser.get(), number, RESOURCE).export();
    }

    /** Says what is wrong without repeating what was sent: an identity number is personal data even when mistyped. */
    private static ApiException invalidNumber() {
        return new ApiException(
                Problems.VALIDATION,
                "Some fields are invalid",
                new ArrayList<>(List.of(new Problems.FieldError(
                        "personalIdentityNumber",
                        "is not a valid personal identity or coordination number: YYYYMMDD-NNNN or YYMMDD-NNNN (the"
                                + " dash may be left out, + for someone 100 or older), a real date and the right"
                                + " check digit"))));
    }
}
