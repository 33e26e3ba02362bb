package se.integrationjourney.core.journey;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import java.util.UUID;
import se.integrationjourney.core.commands.RegisterNewcomer;
import se.integrationjourney.core.events.ActionPlanEstablished;
import se.integrationjourney.core.events.ActionPlanGoal;
import se.integrationjourney.core.events.ActionPlanRevised;
import se.integrationjourney.core.events.BusinessClosed;
import se.integrationjourney.core.events.BusinessStarted;
import se.integrationjourney.core.events.CaseworkerAssigned;
import se.integrationjourney.core.events.ClosureReason;
import se.integrationjourney.core.events.EducationLevel;
import se.integrationjourney.core.events.EmploymentEnded;
import se.integrationjourney.core.events.EmploymentStarted;
import se.integrationjourney.core.events.EmploymentType;
import se.integrationjourney.core.events.EstablishmentEndReason;
import se.integrationjourney.core.events.EstablishmentPlanEnded;
import se.integrationjourney.core.events.EstablishmentPlanStarted;
import se.integrationjourney.core.events.FinancialAssistanceEnded;
import se.integrationjourney.core.events.FinancialAssistanceStarted;
import se.integrationjourney.core.events.Gender;
import se.integrationjourney.core.events.InternshipEnded;
import se.integrationjourney.core.events.InternshipKind;
import se.integrationjourney.core.events.InternshipOutcome;
import se.integrationjourney.core.events.InternshipStarted;
import se.integrationjourney.core.events.JourneyClosed;
import se.integrationjourney.core.events.JourneyReopened;
import se.integrationjourney.core.events.MilestoneRetracted;
import se.integrationjourney.core.events.NewcomerRegistered;
import se.integrationjourney.core.events.PersonalDetails;
import se.integrationjourney.core.events.PersonalDetailsCorrected;
import se.integrationjourney.core.events.ReceptionType;
import se.integrationjourney.core.events.SelfSufficiencyBasis;
import se.integrationjourney.core.events.SelfSufficiencyLost;
import se.integrationjourney.core.events.SelfSufficiencyReached;
import se.integrationjourney.core.events.SfiEnrolled;
import se.integrationjourney.core.events.SfiLevel;
import se.integrationjourney.core.events.SfiLevelReached;
import se.integrationjourney.core.events.StudiesEnded;
import se.integrationjourney.core.events.StudiesStarted;
import se.integrationjourney.core.events.StudyLevel;

/**
 * Test events with sensible defaults, so a test names only what it is about. Dates are given as days after the
 * default arrival ({@link #day(int)}).
 */
final class JourneyEvents {

    static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
    /** Today for every test: 16 June 2025 in Stockholm (a late-evening UTC instant would be the next day there). */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-16T08:00:00Z"), STOCKHOLM);

    static final LocalDate TODAY = LocalDate.of(2025, 6, 16);
    static final LocalDate ARRIVAL = LocalDate.of(2023, 9, 1);
    static final String FULL_NAME = "Amina Haddad";
    /** A valid personnummer (check digit 9), as stored: 12 digits. */
    static final String PERSONAL_IDENTITY_NUMBER = "199001152389";

    private JourneyEvents() {}

    /** A business date the given number of days after the default arrival. */
    static LocalDate day(int daysAfterArrival) {
        return ARRIVAL.plusDays(daysAfterArrival);
    }

    static NewcomerRegistered registered(UUID journeyId) {
        return registration(journeyId).event();
    }

    static Registration registration(UUID journeyId) {
        return new Registration(journeyId);
    }

    static PersonalDetailsCorrected personalDetailsCorrected(UUID journeyId, String fullName) {
        return new PersonalDetailsCorrected(journeyId, new PersonalDetails(fullName, PERSONAL_IDENTITY_NUMBER));
    }

    static CaseworkerAssigned caseworkerAssigned(UUID journeyId, LocalDate on, String caseworkerId) {
        return new CaseworkerAssigned(journeyId, on, caseworkerId);
    }

    static ActionPlanEstablished actionPlanEstablished(UUID journeyId, LocalDate on) {
        return new ActionPlanEstablished(
                journeyId,
                on,
                Set.of(ActionPlanGoal.LANGUAGE, ActionPlanGoal.WORK),
                "SFI first, then a placement in logistics");
    }

    static ActionPlanRevised actionPlanRevised(UUID journeyId, LocalDate on) {
        return new ActionPlanRevised(journeyId, on, Set.of(ActionPlanGoal.WORK), "Placement found; job search next");
    }

    static EstablishmentPlanStarted establishmentStarted(UUID journeyId, LocalDate on) {
        return new EstablishmentPlanStarted(journeyId, on);
    }

    static EstablishmentPlanEnded establishmentEnded(UUID journeyId, LocalDate on) {
        return new EstablishmentPlanEnded(journeyId, on, EstablishmentEndReason.COMPLETED);
    }

    static SfiEnrolled sfiEnrolled(UUID journeyId, LocalDate on, int studyPath) {
        return new SfiEnrolled(journeyId, on, studyPath);
    }

    static SfiLevelReached sfiLevelReached(UUID journeyId, LocalDate on, SfiLevel level) {
        return new SfiLevelReached(journeyId, on, level);
    }

    static InternshipStarted internshipStarted(UUID journeyId, String internshipId, LocalDate on) {
        return new InternshipStarted(journeyId, on, internshipId, InternshipKind.PRAKTIK, "logistics");
    }

    static InternshipEnded internshipEnded(UUID journeyId, String internshipId, LocalDate on) {
        return new InternshipEnded(journeyId, on, internshipId, InternshipOutcome.COMPLETED);
    }

    static EmploymentStarted employmentStarted(UUID journeyId, String employmentId, LocalDate on) {
        return new EmploymentStarted(
                journeyId, on, employmentId, EmploymentType.REGULAR, "health care", new BigDecimal("40"));
    }

    static EmploymentEnded employmentEnded(UUID journeyId, String employmentId, LocalDate on) {
        return new EmploymentEnded(journeyId, on, employmentId);
    }

    static BusinessStarted businessStarted(UUID journeyId, LocalDate on) {
        return new BusinessStarted(journeyId, on);
    }

    static BusinessClosed businessClosed(UUID journeyId, LocalDate on) {
        return new BusinessClosed(journeyId, on);
    }

    static StudiesStarted studiesStarted(UUID journeyId, String studyId, LocalDate on) {
        return new StudiesStarted(journeyId, on, studyId, StudyLevel.KOMVUX);
    }

    static StudiesEnded studiesEnded(UUID journeyId, String studyId, LocalDate on) {
        return new StudiesEnded(journeyId, on, studyId);
    }

    static FinancialAssistanceStarted financialAssistanceStarted(UUID journeyId, LocalDate on) {
        return new FinancialAssistanceStarted(journeyId, on);
    }

    static FinancialAssistanceEnded financialAssistanceEnded(UUID journeyId, LocalDate on) {
        return new FinancialAssistanceEnded(journeyId, on);
    }

    static SelfSufficiencyReached selfSufficiencyReached(UUID journeyId, LocalDate on) {
        return new SelfSufficiencyReached(journeyId, on, SelfSufficiencyBasis.EMPLOYMENT);
    }

    static SelfSufficiencyLost selfSufficiencyLost(UUID journeyId, LocalDate on) {
        return new SelfSufficiencyLost(journeyId, on);
    }

    static JourneyClosed closed(UUID journeyId, LocalDate on) {
        return new JourneyClosed(journeyId, on, ClosureReason.MOVED_AWAY);
    }

    static JourneyReopened reopened(UUID journeyId, LocalDate on) {
        return new JourneyReopened(journeyId, on);
    }

    static MilestoneRetracted retracted(UUID journeyId, String eventId) {
        return new MilestoneRetracted(journeyId, eventId, "recorded on the wrong journey");
    }

    /** A registration, as the command that asks for it and as the event that records it. */
    static final class Registration {

        private final UUID journeyId;
        private LocalDate arrivalDate = ARRIVAL;
        private String municipalityCode = "1473";
        private ReceptionType receptionType = ReceptionType.ASSIGNED;
        private int birthYear = 1990;
        private Gender gender = Gender.FEMALE;
        private String countryOfBirth = "SY";
        private EducationLevel educationLevel = EducationLevel.SECONDARY;
        private String fullName = FULL_NAME;
        private String personalIdentityNumber = PERSONAL_IDENTITY_NUMBER;

        private Registration(UUID journeyId) {
            this.journeyId = journeyId;
        }

        Registration withArrivalDate(LocalDate arrivalDate) {
            this.arrivalDate = arrivalDate;
            return this;
        }

        Registration withMunicipalityCode(String municipalityCode) {
            this.municipalityCode = municipalityCode;
            return this;
        }

        Registration withBirthYear(int birthYear) {
            this.birthYear = birthYear;
            return this;
        }

        Registration withGender(Gender gender) {
            this.gender = gender;
            return this;
        }

        Registration withCountryOfBirth(String countryOfBirth) {
            this.countryOfBirth = countryOfBirth;
            return this;
        }

        Registration withFullName(String fullName) {
            this.fullName = fullName;
            return this;
        }

        Registration withPersonalIdentityNumber(String personalIdentityNumber) {
            this.personalIdentityNumber = personalIdentityNumber;
            return this;
        }

        RegisterNewcomer command() {
            return new RegisterNewcomer(
                    journeyId,
                    arrivalDate,
                    municipalityCode,
                    receptionType,
                    birthYear,
                    gender,
                    countryOfBirth,
                    educationLevel,
                    new PersonalDetails(fullName, personalIdentityNumber));
        }

        NewcomerRegistered event() {
            return new NewcomerRegistered(
                    journeyId,
                    arrivalDate,
                    municipalityCode,
                    receptionType,
                    birthYear,
                    gender,
                    countryOfBirth,
                    educationLevel,
                    new PersonalDetails(fullName, personalIdentityNumber));
        }
    }
}
