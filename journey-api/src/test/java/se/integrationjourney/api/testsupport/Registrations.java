package se.integrationjourney.api.testsupport;

import java.util.Map;

/** Bodies of {@code POST /api/journeys} for tests that need a journey and care little which. */
public final class Registrations {

    private Registrations() {}

    /** A newcomer in {@code municipalityCode} who arrived on 10 January 2024, with a name and nothing else personal. */
    public static Map<String, Object> newcomer(String municipalityCode, String fullName) {
        return Map.of(
                "municipalityCode", municipalityCode,
                "arrivalDate", "2024-01-10",
                "receptionType", "ASSIGNED",
                "birthYear", 1990,
                "gender", "FEMALE",
                "countryOfBirth", "SY",
                "educationLevel", "SECONDARY",
                "personalDetails", Map.of("fullName", fullName));
    }
}
