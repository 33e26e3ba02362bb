package se.integrationjourney.api.testsupport;

import java.util.LinkedHashMap;
import java.util.Map;

/** Bodies of API requests that tests of every kind send, in-process or to a service process. */
public final class RequestBodies {

    private RequestBodies() {}

    /**
     * A registration in {@code municipalityCode} of a woman born in Syria in 1990, arrived on {@code arrivalDate};
     * {@code identityNumber} may be null.
     */
    public static Map<String, Object> registration(
            String municipalityCode, String arrivalDate, String fullName, String identityNumber) {
        Map<String, Object> personal = new LinkedHashMap<>();
        personal.put("fullName", fullName);
        if (identityNumber != null) {
            personal.put("personalIdentityNumber", identityNumber);
        }
        return Map.of(
                "municipalityCode",
                municipalityCode,
                "arrivalDate",
                arrivalDate,
                "receptionType",
                "ASSIGNED",
                "birthYear",
                1990,
                "gender",
                "FEMALE",
                "countryOfBirth",
                "SY",
                "educationLevel",
                "SECONDARY",
                "personalDetails",
                personal);
    }
}
