package se.integrationjourney.api.privacy;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import se.integrationjourney.api.security.CurrentUser;
import se.integrationjourney.api.web.ApiException;
import se.integrationjourney.api.web.OpenApiReferences;
import se.integrationjourney.api.web.Problems;
import se.integrationjourney.core.events.ErasureReason;

/** An administrator erases a journey's personal data (ADMIN, under {@code /api/admin}). */
@RestController
@RequestMapping("/api/admin/journeys")
@Tag(name = "Administration")
class ErasureController {

    static final String RESOURCE = "DELETE /api/admin/journeys/{journeyId}/personal-data";

    private final JourneyErasure erasure;

    ErasureController(JourneyErasure erasure) {
        this.erasure = erasure;
    }

    @DeleteMapping("/{journeyId}/personal-data")
    @Operation(
            summary = "Erase the journey's personal data (name, personal identity number)",
            description = "ADMIN. Destroys the journey's key and records PersonalDataErased in one transaction: every"
                    + " stored copy of the name and identity number can no longer be read, views drop theirs, and"
                    + " every read shows them as erased. Everything else stays, so outcome figures do not change."
                    + " Recorded in the access log. Cannot be undone.")
    @ApiResponse(responseCode = "204", description = "Erased")
    @ApiResponse(responseCode = "401", ref = OpenApiReferences.UNAUTHORIZED)
    @ApiResponse(responseCode = "403", ref = OpenApiReferences.FORBIDDEN)
    @ApiResponse(responseCode = "404", ref = OpenApiReferences.NOT_FOUND)
    @ApiResponse(responseCode = "409", description = "Already erased: nothing changed")
    ResponseEntity<Void> erase(@PathVariable UUID journeyId) {
        if (!erasure.erase(
                journeyId, ErasureReason.ADMINISTRATOR, CurrentUser.get().actor(), RESOURCE)) {
            throw new ApiException(
                    Problems.CONFLICT, "The personal data of this journey was already erased: nothing changed");
        }
        return ResponseEntity.noContent().build();
    }
}
