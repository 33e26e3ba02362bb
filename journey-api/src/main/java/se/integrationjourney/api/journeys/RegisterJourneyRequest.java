package se.integrationjourney.api.journeys;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import se.integrationjourney.core.commands.RegisterNewcomer;
import se.integrationjourney.core.events.EducationLevel;
import se.integrationjourney.core.events.Gender;
import se.integrationjourney.core.events.PersonalDetails;
import se.integrationjourney.core.events.ReceptionType;

import java.time.LocalDate;
import java.util.UUID;

/** The body of {@code POST /api/journeys}: a newcomer's arrival in a municipality. */
public record RegisterJourneyRequest(
        @NotBlank String municipalityCode,
        @NotNull LocalDate arrivalDate,
        @NotNull ReceptionType receptionType,
        @NotNull Integer birthYear,
        @NotNull Gender gender,
        @NotBlank String countryOfBirth,
        @NotNull EducationLevel educationLevel,
        @NotNull @Valid PersonalDetailsRequest personalDetails) {

    /** Name, and personal identity or coordination number when known. */
    public record PersonalDetailsRequest(@NotBlank @Size(max = 300) String fullName,
                                         @Size(max = 20) String personalIdentityNumber) {
        /** What it prints when logged or shown in a failure: never the values. */
        @Override
        public String toString() {
            return "PersonalDetailsRequest[redacted]";
        }
    }

    RegisterNewcomer toCommand(UUID journeyId) {
        return new RegisterNewcomer(journeyId, arrivalDate, municipalityCode, receptionType, birthYear, gender,
                countryOfBirth, educationLevel,
                new PersonalDetails(personalDetails.fullName(), personalDetails.personalIdentityNumber()));
    }
}
