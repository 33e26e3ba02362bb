package se.integrationjourney.api.journeys;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/journeys/{id}/retractions}: which recorded event was a mistake, and why. */
public record RetractionRequest(@NotBlank @Size(max = 100) String eventId,
                                @NotBlank @Size(max = 2000) String reason) {
}
