package se.integrationjourney.api.pages.journeys;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import se.integrationjourney.api.journeys.RegisterJourneyRequest;
import se.integrationjourney.core.events.EducationLevel;
import se.integrationjourney.core.events.Gender;
import se.integrationjourney.core.events.ReceptionType;

/**
 * The registration form's fields: the API's {@link RegisterJourneyRequest} flattened (the municipality is the
 * caseworker's own, or chosen by an administrator, outside the form's record).
 */
record RegistrationForm(
        @NotNull LocalDate arrivalDate,
        @NotNull ReceptionType receptionType,
        @NotBlank @Size(max = 300) String fullName,
        @Size(max = 20) String personalIdentityNumber,
        @NotNull Integer birthYear,
        @NotNull Gender gender,
        @NotBlank @Size(max = 2) String countryOfBirth,
        @NotNull EducationLevel educationLevel) {

    RegisterJourneyRequest toRequest(String municipalityCode) {
        return new RegisterJourneyRequest(
                municipalityCode,
                arrivalDate,
                receptionType,
                birthYear,
                gender,
                countryOfBirth,
                educationLevel,
                new RegisterJourneyRequest.PersonalDetailsRequest(fullName, personalIdentityNumber));
    }

    /** What it prints when logged or shown in a failure: never the personal data. */
    @Override
    public String toString() {
        return "RegistrationForm[redacted]";
    }
}
