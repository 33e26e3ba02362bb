package se.integrationjourney.api.journeys;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/journeys/{id}/retractions}: which recorded event was a mistake, and why. */
public record RetractionRequest(
        @Schema(description = "The id of the milestone event to retract") @NotBlank @Size(max = 100)
        String eventId,

        @Schema(description = "Why it was a mistake; no personal data") @NotBlank @Size(max = 2000)
        String reason) {}
