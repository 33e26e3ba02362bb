package se.integrationjourney.core.events;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * The newcomer arrived in the municipality and the journey begins; {@code occurredOn} is the arrival date.
 *
 * @param municipalityCode SCB kommunkod, four digits
 * @param countryOfBirth ISO 3166-1 alpha-2
 * @param personalDetails the only personal data; the identity number is normalised to 12 digits
 */
@Revision("1")
public record NewcomerRegistered(
        UUID journeyId,
        LocalDate occurredOn,
        String municipalityCode,
        ReceptionType receptionType,
        int birthYear,
        Gender gender,
        String countryOfBirth,
        EducationLevel educationLevel,
        PersonalDetails personalDetails)
        implements MilestoneEvent {}
