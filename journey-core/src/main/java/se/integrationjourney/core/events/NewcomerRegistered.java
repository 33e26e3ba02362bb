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
 * <p>Revision 2: the personal details are stored sealed with the journey's key (the JSON of the class is unchanged;
 * revision 1 stored them in plain text and reads through {@link PersonalDetails1To2Upcaster}).
 */
@Revision("2")
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
