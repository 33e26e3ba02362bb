package se.integrationjourney.api.retention;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.integrationjourney.api.security.CurrentUser;
import se.integrationjourney.api.web.OpenApiReferences;

/** Retention (gallring) for administrators: what it would erase today. Running it is on the administration page. */
@RestController
@RequestMapping("/api/admin/retention")
@Tag(name = "Administration")
class RetentionController {

    static final int DEFAULT_SIZE = 100;
    static final int MAX_SIZE = 1000;

    private final RetentionAdministration retention;

    RetentionController(RetentionAdministration retention) {
        this.retention = retention;
    }

    @GetMapping("/dry-run")
    @Operation(
            summary = "What retention would erase today, without erasing: journeys by id, municipality and time",
            description = "ADMIN. The journeys whose newest event was stored (the event store's time, not a business"
                    + " date) longer ago than journey.retention.keep-for, less those kept for research (born on the"
                    + " 5th, 15th or 25th of a month by their identity number; counted in `keptForResearch`), paged in"
                    + " journey id order. No personal data. Recorded in the access log as RETENTION_DRY_RUN.")
    @ApiResponse(
            responseCode = "200",
            description = "One page of the dry run, with the counts of all",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = RetentionDryRunResponse.class)))
    @ApiResponse(responseCode = "400", ref = OpenApiReferences.BAD_REQUEST)
    @ApiResponse(responseCode = "401", ref = OpenApiReferences.UNAUTHORIZED)
    @ApiResponse(responseCode = "403", ref = OpenApiReferences.FORBIDDEN)
    RetentionDryRunResponse dryRun(
            @Parameter(description = "Page number, from 0", schema = @Schema(minimum = "0"))
                    @RequestParam(defaultValue = "0")
                    int page,
            @Parameter(
                            description = "Journeys per page, 1 to " + MAX_SIZE,
                            schema = @Schema(minimum = "1", maximum = "" + MAX_SIZE))
                    @RequestParam(defaultValue = "" + DEFAULT_SIZE)
                    int size) {
        if (page < 0) {
            throw new IllegalArgumentException("page must be 0 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size must be between 1 and " + MAX_SIZE);
        }
        RetentionPlan plan = retention.dryRun(CurrentUser.get(), "GET /api/admin/retention/dry-run");
        return RetentionDryRunResponse.of(plan, retention.settings(), page, size);
    }
}
