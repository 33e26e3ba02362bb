package se.integrationjourney.api.journeys;

import java.util.UUID;

/** Small answers of the journeys endpoints. */
final class JourneyResponses {

    private JourneyResponses() {
    }

    /** {@code 201} to a registration. */
    record Registered(UUID journeyId) {
    }

    /** {@code 201} to a milestone or retraction: the recorded event and the journey's version after it. */
    record Recorded(String eventId, long version) {
    }
}
