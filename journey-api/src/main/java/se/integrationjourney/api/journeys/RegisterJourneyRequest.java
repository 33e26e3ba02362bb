package se.integrationjourney.api.journeys;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import se.integrationjourney.core.commands.RegisterNewcomer;
import se.integrationjourney.core.events.EducationLevel;
import se.integrationjourney.core.events.Gender;
import se.integrationjourney.core.events.PersonalDetails;
import se.integrationjourney.core.events.ReceptionType;

/** The body of {@code POST /api/journeys}: a newcomer's arrival in a municipality. */
public record RegisterJourneyRequest(
        @Schema(description = "SCB kommunkod, four digits (else 422 MUNICIPALITY_CODE_INVALID)", example = "1473")
        @NotBlank
        String municipalityCode,

        @Schema(description = "Arrival in the municipality (kommunmottagande); not in the future") @NotNull
        LocalDate arrivalDate,

        @NotNull ReceptionType receptionType,

        @Schema(description = "1900 to the arrival year (else 422 BIRTH_YEAR_OUT_OF_RANGE)", example = "1990") @NotNull
        Integer birthYear,

        @NotNull Gender gender,

        @Schema(description = "ISO 3166-1 alpha-2 (else 422 COUNTRY_OF_BIRTH_INVALID)", example = "SY") @NotBlank
        String countryOfBirth,

        @NotNull EducationLevel educationLevel,
        @NotNull @Valid PersonalDetailsRequest personalDetails) {

    /**
     * Name, and personal identity or coordination number when known; also the whole body of
     * {@code POST /api/journeys/{id}/personal-details-corrections}.
     */
    @Schema(description = "Personal data: shown to caseworkers and auditors only")
    public record PersonalDetailsRequest(
            @NotBlank @Size(max = 300) String fullName,

            @Schema(
                    description = "Personnummer or samordningsnummer, YYYYMMDDNNNC (a"
                            + " hyphen before the last four allowed) with a valid check digit,"
                            + " else 422 INVALID_PERSONAL_IDENTITY_NUMBER; optional")
            @Size(max = 20)
            String personalIdentityNumber) {
        public PersonalDetails toPersonalDetails() {
            return new PersonalDetails(fullName, personalIdentityNumber);
        }

        /** What it prints when logged or shown in a failure: never the values. */
        @Override
        public String toString() {
            return "PersonalDetailsRequest[redacted]";
        }
    }

    public RegisterNewcomer toCommand(UUID journeyId) {
        return new RegisterNewcomer(
                journeyId,
                arrivalDate,
                municipalityCode,
                receptionType,
                birthYear,
                gender,
                countryOfBirth,
                educationLevel,
                personalDetails.toPersonalDetails());
    }
}
