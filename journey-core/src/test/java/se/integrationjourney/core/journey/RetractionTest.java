package se.integrationjourney.core.journey;

import static org.hamcrest.Matchers.containsString;
import static se.integrationjourney.core.events.SfiLevel.B;
import static se.integrationjourney.core.events.SfiLevel.C;
import static se.integrationjourney.core.journey.JourneyEvents.actionPlanEstablished;
import static se.integrationjourney.core.journey.JourneyEvents.actionPlanRevised;
import static se.integrationjourney.core.journey.JourneyEvents.businessClosed;
import static se.integrationjourney.core.journey.JourneyEvents.businessStarted;
import static se.integrationjourney.core.journey.JourneyEvents.caseworkerAssigned;
import static se.integrationjourney.core.journey.JourneyEvents.closed;
import static se.integrationjourney.core.journey.JourneyEvents.day;
import static se.integrationjourney.core.journey.JourneyEvents.employmentEnded;
import static se.integrationjourney.core.journey.JourneyEvents.employmentStarted;
import static se.integrationjourney.core.journey.JourneyEvents.establishmentEnded;
import static se.integrationjourney.core.journey.JourneyEvents.establishmentStarted;
import static se.integrationjourney.core.journey.JourneyEvents.financialAssistanceEnded;
import static se.integrationjourney.core.journey.JourneyEvents.financialAssistanceStarted;
import static se.integrationjourney.core.journey.JourneyEvents.personalDetailsCorrected;
import static se.integrationjourney.core.journey.JourneyEvents.reopened;
import static se.integrationjourney.core.journey.JourneyEvents.retracted;
import static se.integrationjourney.core.journey.JourneyEvents.selfSufficiencyReached;
import static se.integrationjourney.core.journey.JourneyEvents.sfiEnrolled;
import static se.integrationjourney.core.journey.JourneyEvents.sfiLevelReached;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.integrationjourney.core.commands.EndEmployment;
import se.integrationjourney.core.commands.EndEstablishmentPlan;
import se.integrationjourney.core.commands.RecordIntroductoryMeeting;
import se.integrationjourney.core.commands.RecordSelfSufficiencyLost;
import se.integrationjourney.core.commands.RecordSfiLevelReached;
import se.integrationjourney.core.commands.RetractMilestone;
import se.integrationjourney.core.commands.StartEstablishmentPlan;
import se.integrationjourney.core.events.EmploymentEnded;
import se.integrationjourney.core.events.EstablishmentEndReason;
import se.integrationjourney.core.events.EstablishmentPlanEnded;
import se.integrationjourney.core.events.EstablishmentPlanStarted;
import se.integrationjourney.core.events.IntroductoryMeetingHeld;
import se.integrationjourney.core.events.MilestoneRetracted;
import se.integrationjourney.core.events.SelfSufficiencyLost;
import se.integrationjourney.core.events.SfiLevelReached;

/**
 * Retraction: a mistaken event stops counting for every rule, and no retraction may leave an end without its start.
 * The given events' ids are only known once the fixture holds them, hence {@code eventIdAt}.
 */
class RetractionTest extends JourneyFixtureTest {

    private static final String REASON = "recorded on the wrong journey";

    @Test
    void givenAMilestone_whenRetractIt_thenMilestoneRetracted() {
        var given = givenRegistered(caseworkerAssigned(journeyId, day(1), "cw-1"));
        String assignment = eventIdAt(1);
        given.when(new RetractMilestone(journeyId, null, assignment, " " + REASON + " "))
                .expectEvents(new MilestoneRetracted(journeyId, assignment, REASON))
                .expectResultMessagePayloadMatching(recordedAsVersion(2));
    }

    @Test
    void givenAMilestone_whenRetractItWithoutReason_thenReasonRequired() {
        var given = givenRegistered(caseworkerAssigned(journeyId, day(1), "cw-1"));
        given.when(new RetractMilestone(journeyId, null, eventIdAt(1), "  "))
                .expectNoEvents()
                .expectException(violating(Rule.REASON_REQUIRED));
    }

    @Test
    void givenAMilestone_whenRetractWithAReasonNamingThePerson_thenPersonalDataInFreeText() {
        var given = givenRegistered(caseworkerAssigned(journeyId, day(1), "cw-1"));
        given.when(new RetractMilestone(journeyId, null, eventIdAt(1), "belongs to Amina Haddad's brother"))
                .expectNoEvents()
                .expectException(violating(Rule.PERSONAL_DATA_IN_FREE_TEXT));
    }

    @Test
    void givenAJourney_whenRetractAnUnknownEvent_thenRetractionTargetUnknown() {
        givenRegistered(caseworkerAssigned(journeyId, day(1), "cw-1"))
                .when(new RetractMilestone(journeyId, null, UUID.randomUUID().toString(), REASON))
                .expectNoEvents()
                .expectException(violating(Rule.RETRACTION_TARGET_UNKNOWN));
    }

    @Test
    void givenARetractedMilestone_whenRetractItAgain_thenAlreadyRetracted() {
        var given = givenRegistered(caseworkerAssigned(journeyId, day(1), "cw-1"));
        String assignment = eventIdAt(1);
        given.andGiven(retracted(journeyId, assignment))
                .when(new RetractMilestone(journeyId, null, assignment, REASON))
                .expectNoEvents()
                .expectException(violating(Rule.ALREADY_RETRACTED));
    }

    @Test
    void givenAJourney_whenRetractTheRegistration_thenRegistrationNotRetractable() {
        var given = givenRegistered();
        given.when(new RetractMilestone(journeyId, null, eventIdAt(0), REASON))
                .expectNoEvents()
                .expectException(violating(Rule.REGISTRATION_NOT_RETRACTABLE));
    }

    @Test
    void givenCorrectedPersonalDetails_whenRetractTheCorrection_thenCorrectionNotRetractable() {
        var given = givenRegistered(personalDetailsCorrected(journeyId, "Amina Hadad"));
        given.when(new RetractMilestone(journeyId, null, eventIdAt(1), REASON))
                .expectNoEvents()
                .expectException(violating(Rule.CORRECTION_NOT_RETRACTABLE));
    }

    @Test
    void givenARetraction_whenRetractTheRetraction_thenCorrectionNotRetractable() {
        var given = givenRegistered(caseworkerAssigned(journeyId, day(1), "cw-1"));
        given.andGiven(retracted(journeyId, eventIdAt(1)))
                .when(new RetractMilestone(journeyId, null, eventIdAt(2), REASON))
                .expectNoEvents()
                .expectException(violating(Rule.CORRECTION_NOT_RETRACTABLE));
    }

    @Test
    void givenClosedJourney_whenRetractAMilestone_thenMilestoneRetracted() {
        var given = givenRegistered(caseworkerAssigned(journeyId, day(1), "cw-1"), closed(journeyId, day(100)));
        String assignment = eventIdAt(1);
        given.when(new RetractMilestone(journeyId, null, assignment, REASON))
                .expectEvents(new MilestoneRetracted(journeyId, assignment, REASON));
    }

    @Test
    void givenRetractedClosure_whenRecordAMilestone_thenItIsRecorded() {
        var given = givenRegistered(closed(journeyId, day(100)));
        given.andGiven(retracted(journeyId, eventIdAt(1)))
                .when(new RecordIntroductoryMeeting(journeyId, null, day(110)))
                .expectEvents(new IntroductoryMeetingHeld(journeyId, day(110)));
    }

    @Test
    void givenReopenedJourney_whenRetractTheClosure_thenDependentMilestoneRecorded() {
        var given = givenRegistered(closed(journeyId, day(100)), reopened(journeyId, day(110)));
        given.when(new RetractMilestone(journeyId, null, eventIdAt(1), REASON))
                .expectNoEvents()
                .expectException(violating(Rule.DEPENDENT_MILESTONE_RECORDED))
                .expectExceptionMessage(containsString(eventIdAt(2)));
    }

    @Test
    void givenRetractedSfiLevel_whenRecordALowerLevel_thenSfiLevelReached() {
        var given = givenRegistered(sfiEnrolled(journeyId, day(10), 1), sfiLevelReached(journeyId, day(100), C));
        given.andGiven(retracted(journeyId, eventIdAt(2)))
                .when(new RecordSfiLevelReached(journeyId, null, day(120), B))
                .expectEvents(new SfiLevelReached(journeyId, day(120), B));
    }

    @Test
    void givenRetractedEnrolment_whenRecordSfiLevel_thenSfiNotEnrolled() {
        var given = givenRegistered(sfiEnrolled(journeyId, day(10), 1));
        given.andGiven(retracted(journeyId, eventIdAt(1)))
                .when(new RecordSfiLevelReached(journeyId, null, day(120), B))
                .expectNoEvents()
                .expectException(violating(Rule.SFI_NOT_ENROLLED));
    }

    @Test
    void givenRetractedEmploymentStart_whenEndTheEmployment_thenEpisodeNotStarted() {
        var given = givenRegistered(employmentStarted(journeyId, "e-1", day(200)));
        given.andGiven(retracted(journeyId, eventIdAt(1)))
                .when(new EndEmployment(journeyId, null, day(300), "e-1"))
                .expectNoEvents()
                .expectException(violating(Rule.EPISODE_NOT_STARTED));
    }

    @Test
    void givenEndedEmployment_whenRetractItsStart_thenDependentMilestoneRecorded() {
        var given = givenRegistered(
                employmentStarted(journeyId, "e-1", day(200)), employmentEnded(journeyId, "e-1", day(300)));
        given.when(new RetractMilestone(journeyId, null, eventIdAt(1), REASON))
                .expectNoEvents()
                .expectException(violating(Rule.DEPENDENT_MILESTONE_RECORDED));
    }

    @Test
    void givenEndedEmploymentWhoseEndIsRetracted_whenRetractItsStart_thenMilestoneRetracted() {
        var given = givenRegistered(
                employmentStarted(journeyId, "e-1", day(200)), employmentEnded(journeyId, "e-1", day(300)));
        String start = eventIdAt(1);
        given.andGiven(retracted(journeyId, eventIdAt(2)))
                .when(new RetractMilestone(journeyId, null, start, REASON))
                .expectEvents(new MilestoneRetracted(journeyId, start, REASON));
    }

    @Test
    void givenRetractedEmploymentEnd_whenEndTheEmploymentAgain_thenEmploymentEnded() {
        var given = givenRegistered(
                employmentStarted(journeyId, "e-1", day(200)), employmentEnded(journeyId, "e-1", day(300)));
        given.andGiven(retracted(journeyId, eventIdAt(2)))
                .when(new EndEmployment(journeyId, null, day(310), "e-1"))
                .expectEvents(new EmploymentEnded(journeyId, day(310), "e-1"));
    }

    @Test
    void givenClosedBusiness_whenRetractItsStart_thenDependentMilestoneRecorded() {
        var given = givenRegistered(businessStarted(journeyId, day(200)), businessClosed(journeyId, day(300)));
        given.when(new RetractMilestone(journeyId, null, eventIdAt(1), REASON))
                .expectNoEvents()
                .expectException(violating(Rule.DEPENDENT_MILESTONE_RECORDED));
    }

    @Test
    void givenRetractedEstablishmentStart_whenStartTheEstablishmentPlan_thenEstablishmentPlanStarted() {
        var given = givenRegistered(establishmentStarted(journeyId, day(20)));
        given.andGiven(retracted(journeyId, eventIdAt(1)))
                .when(new StartEstablishmentPlan(journeyId, null, day(30)))
                .expectEvents(new EstablishmentPlanStarted(journeyId, day(30)));
    }

    @Test
    void givenRetractedEstablishmentEnd_whenEndTheEstablishmentPlan_thenEstablishmentPlanEnded() {
        var given = givenRegistered(establishmentStarted(journeyId, day(20)), establishmentEnded(journeyId, day(300)));
        given.andGiven(retracted(journeyId, eventIdAt(2)))
                .when(new EndEstablishmentPlan(journeyId, null, day(320), EstablishmentEndReason.STUDIES))
                .expectEvents(new EstablishmentPlanEnded(journeyId, day(320), EstablishmentEndReason.STUDIES));
    }

    @Test
    void givenEndedEstablishmentPlan_whenRetractItsStart_thenDependentMilestoneRecorded() {
        var given = givenRegistered(establishmentStarted(journeyId, day(20)), establishmentEnded(journeyId, day(300)));
        given.when(new RetractMilestone(journeyId, null, eventIdAt(1), REASON))
                .expectNoEvents()
                .expectException(violating(Rule.DEPENDENT_MILESTONE_RECORDED));
    }

    @Test
    void givenRevisedActionPlan_whenRetractThePlan_thenDependentMilestoneRecorded() {
        var given = givenRegistered(actionPlanEstablished(journeyId, day(30)), actionPlanRevised(journeyId, day(90)));
        given.when(new RetractMilestone(journeyId, null, eventIdAt(1), REASON))
                .expectNoEvents()
                .expectException(violating(Rule.DEPENDENT_MILESTONE_RECORDED));
    }

    @Test
    void givenSelfSufficiencyEndedByFinancialAssistance_whenRetractTheAssistance_thenSelfSufficiencyCanBeLost() {
        var given = givenRegistered(
                selfSufficiencyReached(journeyId, day(200)), financialAssistanceStarted(journeyId, day(300)));
        given.andGiven(retracted(journeyId, eventIdAt(2)))
                .when(new RecordSelfSufficiencyLost(journeyId, null, day(310)))
                .expectEvents(new SelfSufficiencyLost(journeyId, day(310)));
    }

    @Test
    void givenFinancialAssistanceEndedAndStartedAgain_whenRetractTheEnd_thenDependentMilestoneRecorded() {
        var given = givenRegistered(
                financialAssistanceStarted(journeyId, day(10)),
                financialAssistanceEnded(journeyId, day(100)),
                financialAssistanceStarted(journeyId, day(200)));
        given.when(new RetractMilestone(journeyId, null, eventIdAt(2), REASON))
                .expectNoEvents()
                .expectException(violating(Rule.DEPENDENT_MILESTONE_RECORDED))
                .expectExceptionMessage(containsString(eventIdAt(3)));
    }

    @Test
    void givenJourneyClosedReopenedAndClosedAgain_whenRetractTheReopening_thenDependentMilestoneRecorded() {
        var given = givenRegistered(
                closed(journeyId, day(100)), reopened(journeyId, day(110)), closed(journeyId, day(200)));
        given.when(new RetractMilestone(journeyId, null, eventIdAt(2), REASON))
                .expectNoEvents()
                .expectException(violating(Rule.DEPENDENT_MILESTONE_RECORDED));
    }

    @Test
    void givenReopenedJourney_whenRetractTheReopening_thenTheJourneyIsClosedAgain() {
        var given = givenRegistered(closed(journeyId, day(100)), reopened(journeyId, day(110)));
        given.andGiven(retracted(journeyId, eventIdAt(2)))
                .when(new RecordIntroductoryMeeting(journeyId, null, day(120)))
                .expectNoEvents()
                .expectException(violating(Rule.JOURNEY_CLOSED));
    }

    @Test
    void givenSelfSufficientAgainAfterAssistance_whenRetractTheAssistance_thenDependentMilestoneRecorded() {
        var given = givenRegistered(
                selfSufficiencyReached(journeyId, day(100)),
                financialAssistanceStarted(journeyId, day(200)),
                selfSufficiencyReached(journeyId, day(300)));
        given.when(new RetractMilestone(journeyId, null, eventIdAt(2), REASON))
                .expectNoEvents()
                .expectException(violating(Rule.DEPENDENT_MILESTONE_RECORDED));
    }
}
