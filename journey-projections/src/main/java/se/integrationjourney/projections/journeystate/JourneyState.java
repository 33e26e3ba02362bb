package se.integrationjourney.projections.journeystate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import se.integrationjourney.core.events.EducationLevel;
import se.integrationjourney.core.events.Gender;
import se.integrationjourney.core.events.PersonalDetails;
import se.integrationjourney.core.events.ReceptionType;
import se.integrationjourney.core.events.SfiLevel;
import se.integrationjourney.projections.casefile.Stage;

/**
 * A journey as it stands: registration, caseworker, stage, the date of each first milestone, what is open
 * now, and the version to send back in {@code If-Match}. Retracted milestones are not in it.
 */
public record JourneyState(
        UUID journeyId,
        long version,
        String municipalityCode,
        LocalDate arrivalDate,
        ReceptionType receptionType,
        int birthYear,
        Gender gender,
        String countryOfBirth,
        EducationLevel educationLevel,
        PersonalDetails personalDetails,
        String caseworkerId,
        Stage stage,
        FirstMilestones firstMilestones,
        SfiLevel sfiLevel,
        Integer sfiStudyPath,
        List<OpenInternship> openInternships,
        List<OpenEmployment> openEmployments,
        List<OpenStudies> openStudies,
        boolean businessOpen,
        boolean financialAssistanceOpen,
        boolean selfSufficient,
        LocalDate establishmentStart,
        LocalDate establishmentEnd,
        LocalDate measurementPoint,
        boolean closed) {

    /** The business date on which each milestone was first reached; null where it has not been. */
    public record FirstMilestones(
            LocalDate caseworkerAssigned,
            LocalDate introductoryMeeting,
            LocalDate actionPlan,
            LocalDate temporaryHousing,
            LocalDate housingSecured,
            LocalDate sfiEnrolment,
            LocalDate sfiLevelB,
            LocalDate civicOrientation,
            LocalDate internship,
            LocalDate employment,
            LocalDate studies,
            LocalDate business,
            LocalDate inWorkOrStudies,
            LocalDate selfSufficiency) {}

    public record OpenInternship(String internshipId, String kind, String sector, LocalDate startedOn) {}

    public record OpenEmployment(
            String employmentId, String employmentType, String sector, BigDecimal hoursPerWeek, LocalDate startedOn) {}

    public record OpenStudies(String studyId, String level, LocalDate startedOn) {}
}
