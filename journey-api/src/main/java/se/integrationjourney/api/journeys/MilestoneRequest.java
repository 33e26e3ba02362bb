package se.integrationjourney.api.journeys;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import se.integrationjourney.core.commands.AssignCaseworker;
import se.integrationjourney.core.commands.CloseBusiness;
import se.integrationjourney.core.commands.CloseJourney;
import se.integrationjourney.core.commands.EndEmployment;
import se.integrationjourney.core.commands.EndEstablishmentPlan;
import se.integrationjourney.core.commands.EndFinancialAssistance;
import se.integrationjourney.core.commands.EndInternship;
import se.integrationjourney.core.commands.EndStudies;
import se.integrationjourney.core.commands.EnrolInSfi;
import se.integrationjourney.core.commands.EstablishActionPlan;
import se.integrationjourney.core.commands.ProvideTemporaryHousing;
import se.integrationjourney.core.commands.RecordCivicOrientationCompleted;
import se.integrationjourney.core.commands.RecordFollowUp;
import se.integrationjourney.core.commands.RecordHousingSecured;
import se.integrationjourney.core.commands.RecordIntroductoryMeeting;
import se.integrationjourney.core.commands.RecordSelfSufficiencyLost;
import se.integrationjourney.core.commands.RecordSelfSufficiencyReached;
import se.integrationjourney.core.commands.RecordSfiLevelReached;
import se.integrationjourney.core.commands.ReopenJourney;
import se.integrationjourney.core.commands.ReviseActionPlan;
import se.integrationjourney.core.commands.StartBusiness;
import se.integrationjourney.core.commands.StartEmployment;
import se.integrationjourney.core.commands.StartEstablishmentPlan;
import se.integrationjourney.core.commands.StartFinancialAssistance;
import se.integrationjourney.core.commands.StartInternship;
import se.integrationjourney.core.commands.StartStudies;
import se.integrationjourney.core.events.ActionPlanGoal;
import se.integrationjourney.core.events.ClosureReason;
import se.integrationjourney.core.events.EmploymentType;
import se.integrationjourney.core.events.EstablishmentEndReason;
import se.integrationjourney.core.events.FollowUpSource;
import se.integrationjourney.core.events.InternshipKind;
import se.integrationjourney.core.events.InternshipOutcome;
import se.integrationjourney.core.events.OutcomeStatus;
import se.integrationjourney.core.events.SelfSufficiencyBasis;
import se.integrationjourney.core.events.SfiLevel;
import se.integrationjourney.core.events.StudyLevel;
import se.integrationjourney.core.events.Tenure;

/**
 * The body of {@code POST /api/journeys/{id}/milestones}: a milestone, told apart by {@code type}, with its
 * business date and the fields of its type (docs/api.md). This checks presence and shape (400); the
 * journey's rules (dates, order, ranges, identity numbers) are the aggregate's to judge (422).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = MilestoneRequest.CaseworkerAssigned.class, name = "CASEWORKER_ASSIGNED"),
    @JsonSubTypes.Type(value = MilestoneRequest.IntroductoryMeetingHeld.class, name = "INTRODUCTORY_MEETING_HELD"),
    @JsonSubTypes.Type(value = MilestoneRequest.ActionPlanEstablished.class, name = "ACTION_PLAN_ESTABLISHED"),
    @JsonSubTypes.Type(value = MilestoneRequest.ActionPlanRevised.class, name = "ACTION_PLAN_REVISED"),
    @JsonSubTypes.Type(value = MilestoneRequest.EstablishmentPlanStarted.class, name = "ESTABLISHMENT_PLAN_STARTED"),
    @JsonSubTypes.Type(value = MilestoneRequest.EstablishmentPlanEnded.class, name = "ESTABLISHMENT_PLAN_ENDED"),
    @JsonSubTypes.Type(value = MilestoneRequest.TemporaryHousingProvided.class, name = "TEMPORARY_HOUSING_PROVIDED"),
    @JsonSubTypes.Type(value = MilestoneRequest.HousingSecured.class, name = "HOUSING_SECURED"),
    @JsonSubTypes.Type(value = MilestoneRequest.SfiEnrolled.class, name = "SFI_ENROLLED"),
    @JsonSubTypes.Type(value = MilestoneRequest.SfiLevelReached.class, name = "SFI_LEVEL_REACHED"),
    @JsonSubTypes.Type(value = MilestoneRequest.CivicOrientationCompleted.class, name = "CIVIC_ORIENTATION_COMPLETED"),
    @JsonSubTypes.Type(value = MilestoneRequest.InternshipStarted.class, name = "INTERNSHIP_STARTED"),
    @JsonSubTypes.Type(value = MilestoneRequest.InternshipEnded.class, name = "INTERNSHIP_ENDED"),
    @JsonSubTypes.Type(value = MilestoneRequest.EmploymentStarted.class, name = "EMPLOYMENT_STARTED"),
    @JsonSubTypes.Type(value = MilestoneRequest.EmploymentEnded.class, name = "EMPLOYMENT_ENDED"),
    @JsonSubTypes.Type(value = MilestoneRequest.BusinessStarted.class, name = "BUSINESS_STARTED"),
    @JsonSubTypes.Type(value = MilestoneRequest.BusinessClosed.class, name = "BUSINESS_CLOSED"),
    @JsonSubTypes.Type(value = MilestoneRequest.StudiesStarted.class, name = "STUDIES_STARTED"),
    @JsonSubTypes.Type(value = MilestoneRequest.StudiesEnded.class, name = "STUDIES_ENDED"),
    @JsonSubTypes.Type(
            value = MilestoneRequest.FinancialAssistanceStarted.class,
            name = "FINANCIAL_ASSISTANCE_STARTED"),
    @JsonSubTypes.Type(value = MilestoneRequest.FinancialAssistanceEnded.class, name = "FINANCIAL_ASSISTANCE_ENDED"),
    @JsonSubTypes.Type(value = MilestoneRequest.SelfSufficiencyReached.class, name = "SELF_SUFFICIENCY_REACHED"),
    @JsonSubTypes.Type(value = MilestoneRequest.SelfSufficiencyLost.class, name = "SELF_SUFFICIENCY_LOST"),
    @JsonSubTypes.Type(value = MilestoneRequest.FollowUpRecorded.class, name = "FOLLOW_UP_RECORDED"),
    @JsonSubTypes.Type(value = MilestoneRequest.JourneyClosed.class, name = "JOURNEY_CLOSED"),
    @JsonSubTypes.Type(value = MilestoneRequest.JourneyReopened.class, name = "JOURNEY_REOPENED"),
})
public sealed interface MilestoneRequest {

    int MAX_ID = 100;
    int MAX_TEXT = 2000;

    LocalDate occurredOn();

    /** The command recording this milestone, checked against {@code expectedVersion} when given. */
    Object toCommand(UUID journeyId, Long expectedVersion);

    record CaseworkerAssigned(
            @NotNull LocalDate occurredOn,
            @NotBlank @Size(max = MAX_ID) String caseworkerId) implements MilestoneRequest {
        public Object toCommand(UUID id, Long v) {
            return new AssignCaseworker(id, v, occurredOn, caseworkerId);
        }
    }

    record IntroductoryMeetingHeld(@NotNull LocalDate occurredOn) implements MilestoneRequest {
        public Object toCommand(UUID id, Long v) {
            return new RecordIntroductoryMeeting(id, v, occurredOn);
        }
    }

    record ActionPlanEstablished(
            @NotNull LocalDate occurredOn,
            @NotEmpty Set<@NotNull ActionPlanGoal> goals,
            @NotNull @Size(max = MAX_TEXT) String summary)
            implements MilestoneRequest {
        public Object toCommand(UUID id, Long v) {
            return new EstablishActionPlan(id, v, occurredOn, goals, summary);
        }
    }

    record ActionPlanRevised(
            @NotNull LocalDate occurredOn,
            @NotEmpty Set<@NotNull ActionPlanGoal> goals,
            @NotNull @Size(max = MAX_TEXT) String summary)
            implements MilestoneRequest {
        public Object toCommand(UUID id, Long v) {
            return new ReviseActionPlan(id, v, occurredOn, goals, summary);
        }
    }

    record EstablishmentPlanStarted(@NotNull LocalDate occurredOn) implements MilestoneRequest {
        public Object toCommand(UUID id, Long v) {
            return new StartEstablishmentPlan(id, v, occurredOn);
        }
    }

    record EstablishmentPlanEnded(
            @NotNull LocalDate occurredOn, @NotNull EstablishmentEndReason reason) implements MilestoneRequest {
        public Object toCommand(UUID id, Long v) {
            return new EndEstablishmentPlan(id, v, occurredOn, reason);
        }
    }

    record TemporaryHousingProvided(@NotNull LocalDate occurredOn) implements MilestoneRequest {
        public Object toCommand(UUID id, Long v) {
            return new ProvideTemporaryHousing(id, v, occurredOn);
        }
    }

    record HousingSecured(
            @NotNull LocalDate occurredOn, @NotNull Tenure tenure) implements MilestoneRequest {
        public Object toCommand(UUID id, Long v) {
            return new RecordHousingSecured(id, v, occurredOn, tenure);
        }
    }

    record SfiEnrolled(
            @NotNull LocalDate occurredOn,

            @Schema(
                    description = "SFI study path 1, 2 or 3; another is refused with 422 SFI_STUDY_PATH_INVALID",
                    minimum = "1",
                    maximum = "3")
            @NotNull
            Integer studyPath)
            implements MilestoneRequest {
        public Object toCommand(UUID id, Long v) {
            return new EnrolInSfi(id, v, occurredOn, studyPath);
        }
    }

    record SfiLevelReached(
            @NotNull LocalDate occurredOn, @NotNull SfiLevel level) implements MilestoneRequest {
        public Object toCommand(UUID id, Long v) {
            return new RecordSfiLevelReached(id, v, occurredOn, level);
        }
    }

    record CivicOrientationCompleted(
            @NotNull LocalDate occurredOn,

            @Schema(
                    description = "Hours attended; outside 1 to 1000 is refused with 422"
                            + " CIVIC_ORIENTATION_HOURS_OUT_OF_RANGE",
                    minimum = "1",
                    maximum = "1000")
            @NotNull
            Integer hours,

            @NotBlank @Size(max = MAX_ID) String language)
            implements MilestoneRequest {
        public Object toCommand(UUID id, Long v) {
            return new RecordCivicOrientationCompleted(id, v, occurredOn, hours, language);
        }
    }

    record InternshipStarted(
            @NotNull LocalDate occurredOn,
            @NotBlank @Size(max = MAX_ID) String internshipId,
            @NotNull InternshipKind kind,
            @NotBlank @Size(max = MAX_ID) String sector)
            implements MilestoneRequest {
        public Object toCommand(UUID id, Long v) {
            return new StartInternship(id, v, occurredOn, internshipId, kind, sector);
        }
    }

    record InternshipEnded(
            @NotNull LocalDate occurredOn,
            @NotBlank @Size(max = MAX_ID) String internshipId,
            @NotNull InternshipOutcome outcome)
            implements MilestoneRequest {
        public Object toCommand(UUID id, Long v) {
            return new EndInternship(id, v, occurredOn, internshipId, outcome);
        }
    }

    record EmploymentStarted(
            @NotNull LocalDate occurredOn,
            @NotBlank @Size(max = MAX_ID) String employmentId,
            @NotNull EmploymentType employmentType,
            @NotBlank @Size(max = MAX_ID) String sector,

            @Schema(
                    description = "More than 0 and at most 168, else 422" + " HOURS_PER_WEEK_OUT_OF_RANGE",
                    maximum = "168",
                    example = "40")
            @NotNull
            BigDecimal hoursPerWeek)
            implements MilestoneRequest {
        public Object toCommand(UUID id, Long v) {
            return new StartEmployment(id, v, occurredOn, employmentId, employmentType, sector, hoursPerWeek);
        }
    }

    record EmploymentEnded(
            @NotNull LocalDate occurredOn,
            @NotBlank @Size(max = MAX_ID) String employmentId) implements MilestoneRequest {
        public Object toCommand(UUID id, Long v) {
            return new EndEmployment(id, v, occurredOn, employmentId);
        }
    }

    record BusinessStarted(@NotNull LocalDate occurredOn) implements MilestoneRequest {
        public Object toCommand(UUID id, Long v) {
            return new StartBusiness(id, v, occurredOn);
        }
    }

    record BusinessClosed(@NotNull LocalDate occurredOn) implements MilestoneRequest {
        public Object toCommand(UUID id, Long v) {
            return new CloseBusiness(id, v, occurredOn);
        }
    }

    record StudiesStarted(
            @NotNull LocalDate occurredOn,
            @NotBlank @Size(max = MAX_ID) String studyId,
            @NotNull StudyLevel level) implements MilestoneRequest {
        public Object toCommand(UUID id, Long v) {
            return new StartStudies(id, v, occurredOn, studyId, level);
        }
    }

    record StudiesEnded(
            @NotNull LocalDate occurredOn,
            @NotBlank @Size(max = MAX_ID) String studyId) implements MilestoneRequest {
        public Object toCommand(UUID id, Long v) {
            return new EndStudies(id, v, occurredOn, studyId);
        }
    }

    record FinancialAssistanceStarted(@NotNull LocalDate occurredOn) implements MilestoneRequest {
        public Object toCommand(UUID id, Long v) {
            return new StartFinancialAssistance(id, v, occurredOn);
        }
    }

    record FinancialAssistanceEnded(@NotNull LocalDate occurredOn) implements MilestoneRequest {
        public Object toCommand(UUID id, Long v) {
            return new EndFinancialAssistance(id, v, occurredOn);
        }
    }

    record SelfSufficiencyReached(
            @NotNull LocalDate occurredOn, @NotNull SelfSufficiencyBasis basis) implements MilestoneRequest {
        public Object toCommand(UUID id, Long v) {
            return new RecordSelfSufficiencyReached(id, v, occurredOn, basis);
        }
    }

    record SelfSufficiencyLost(@NotNull LocalDate occurredOn) implements MilestoneRequest {
        public Object toCommand(UUID id, Long v) {
            return new RecordSelfSufficiencyLost(id, v, occurredOn);
        }
    }

    record FollowUpRecorded(
            @NotNull LocalDate occurredOn,

            @Schema(
                    description = "Months after the establishment period's end: 0 to 120, else 422"
                            + " FOLLOW_UP_MONTHS_OUT_OF_RANGE. A 24-month follow-up gives the"
                            + " two-years-after status whatever its date (the interview is usually held"
                            + " weeks after the measurement point), once dated on or before the as-of date;"
                            + " the last recorded wins.",
                    minimum = "0",
                    maximum = "120",
                    example = "24")
            @NotNull
            Integer monthsAfterEstablishment,

            @NotNull OutcomeStatus status,
            @NotNull FollowUpSource source)
            implements MilestoneRequest {
        public Object toCommand(UUID id, Long v) {
            return new RecordFollowUp(id, v, occurredOn, monthsAfterEstablishment, status, source);
        }
    }

    record JourneyClosed(
            @NotNull LocalDate occurredOn, @NotNull ClosureReason reason) implements MilestoneRequest {
        public Object toCommand(UUID id, Long v) {
            return new CloseJourney(id, v, occurredOn, reason);
        }
    }

    record JourneyReopened(@NotNull LocalDate occurredOn) implements MilestoneRequest {
        public Object toCommand(UUID id, Long v) {
            return new ReopenJourney(id, v, occurredOn);
        }
    }
}
