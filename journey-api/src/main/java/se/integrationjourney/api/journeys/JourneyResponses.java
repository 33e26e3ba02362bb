package se.integrationjourney.api.journeys;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.UUID;

/** Small answers of the journeys endpoints. */
final class JourneyResponses {

    private JourneyResponses() {}

    /** {@code 201} to a registration. */
    record Registered(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            UUID journeyId) {}

    /** {@code 201} to a milestone or retraction: the recorded event and the journey's version after it. */
    record Recorded(
            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    description = "The recorded event's id:" + " the eventId to retract it with")
            String eventId,

            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    description = "The journey's version after" + " it: the ETag value for If-Match")
            long version) {}
}
