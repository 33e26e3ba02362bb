package se.integrationjourney.core.journey;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static se.integrationjourney.core.events.ActionPlanGoal.HOUSING;
import static se.integrationjourney.core.events.ActionPlanGoal.LANGUAGE;
import static se.integrationjourney.core.events.ActionPlanGoal.WORK;
import static se.integrationjourney.core.journey.JourneyEvents.ARRIVAL;
import static se.integrationjourney.core.journey.JourneyEvents.FULL_NAME;
import static se.integrationjourney.core.journey.JourneyEvents.TODAY;
import static se.integrationjourney.core.journey.JourneyEvents.actionPlanEstablished;
import static se.integrationjourney.core.journey.JourneyEvents.closed;
import static se.integrationjourney.core.journey.JourneyEvents.day;
import static se.integrationjourney.core.journey.JourneyEvents.establishmentEnded;
import static se.integrationjourney.core.journey.JourneyEvents.establishmentStarted;
import static se.integrationjourney.core.journey.JourneyEvents.personalDetailsCorrected;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import se.integrationjourney.core.commands.EndEstablishmentPlan;
import se.integrationjourney.core.commands.EstablishActionPlan;
import se.integrationjourney.core.commands.ReviseActionPlan;
import se.integrationjourney.core.commands.StartEstablishmentPlan;
import se.integrationjourney.core.events.ActionPlanEstablished;
import se.integrationjourney.core.events.ActionPlanRevised;
import se.integrationjourney.core.events.EstablishmentEndReason;
import se.integrationjourney.core.events.EstablishmentPlanEnded;
import se.integrationjourney.core.events.EstablishmentPlanStarted;

/** The municipality's action plan and Arbetsförmedlingen's establishment plan. */
class PlanTest extends JourneyFixtureTest {

    private static final String SUMMARY = "SFI first, then a placement in logistics";

    @Test
    void givenRegisteredJourney_whenEstablishActionPlan_thenActionPlanEstablished() {
        givenRegistered()
                .when(new EstablishActionPlan(journeyId, null, day(30), Set.of(WORK, LANGUAGE), " " + SUMMARY))
                .expectEvents(new ActionPlanEstablished(journeyId, day(30), Set.of(LANGUAGE, WORK), SUMMARY));
    }

    @Test
    void givenRegisteredJourney_whenEstablishActionPlanWithoutGoals_thenRequiredValueMissing() {
        givenRegistered()
                .when(new EstablishActionPlan(journeyId, null, day(30), Set.of(), SUMMARY))
                .expectNoEvents()
                .expectException(violating(Rule.REQUIRED_VALUE_MISSING));
    }

    @Test
    void givenRegisteredJourney_whenEstablishActionPlanWithoutSummary_thenRequiredValueMissing() {
        givenRegistered()
                .when(new EstablishActionPlan(journeyId, null, day(30), Set.of(WORK), ""))
                .expectNoEvents()
                .expectException(violating(Rule.REQUIRED_VALUE_MISSING));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Meeting with amina haddad about SFI",
                "Ref 19900115-2389, SFI first",
                "Ref 900115-2389",
                "Ring Amina Hadad"
            })
    void givenSummaryWithPersonalData_whenEstablishActionPlan_thenPersonalDataInFreeText(String summary) {
        givenRegistered(personalDetailsCorrected(journeyId, "Amina Hadad"))
                .when(new EstablishActionPlan(journeyId, null, day(30), Set.of(WORK), summary))
                .expectNoEvents()
                .expectException(violating(Rule.PERSONAL_DATA_IN_FREE_TEXT))
                .expectExceptionMessage(not(containsString(FULL_NAME)));
    }

    @Test
    void givenSummaryWithAWordThatContainsTheNameOnlyInPart_whenEstablishActionPlan_thenActionPlanEstablished() {
        String summary = "Aminah Haddadi runs the course; 40 hours a week from 2024-05-01";
        givenRegistered()
                .when(new EstablishActionPlan(journeyId, null, day(30), Set.of(WORK), summary))
                .expectEvents(new ActionPlanEstablished(journeyId, day(30), Set.of(WORK), summary));
    }

    @Test
    void givenEstablishedActionPlan_whenReviseActionPlan_thenActionPlanRevised() {
        givenRegistered(actionPlanEstablished(journeyId, day(30)))
                .when(new ReviseActionPlan(journeyId, null, day(90), Set.of(HOUSING), "Housing search added"))
                .expectEvents(new ActionPlanRevised(journeyId, day(90), Set.of(HOUSING), "Housing search added"));
    }

    @Test
    void givenEstablishedActionPlan_whenReviseItOnTheSameDay_thenActionPlanRevised() {
        givenRegistered(actionPlanEstablished(journeyId, day(30)))
                .when(new ReviseActionPlan(journeyId, null, day(30), Set.of(HOUSING), "Housing search added"))
                .expectEvents(new ActionPlanRevised(journeyId, day(30), Set.of(HOUSING), "Housing search added"));
    }

    @Test
    void givenNoActionPlan_whenReviseActionPlan_thenActionPlanNotEstablished() {
        givenRegistered()
                .when(new ReviseActionPlan(journeyId, null, day(90), Set.of(HOUSING), "Housing search added"))
                .expectNoEvents()
                .expectException(violating(Rule.ACTION_PLAN_NOT_ESTABLISHED));
    }

    @Test
    void givenActionPlanEstablishedLater_whenReviseItEarlier_thenActionPlanNotEstablished() {
        givenRegistered(actionPlanEstablished(journeyId, day(30)))
                .when(new ReviseActionPlan(journeyId, null, day(29), Set.of(HOUSING), "Housing search added"))
                .expectNoEvents()
                .expectException(violating(Rule.ACTION_PLAN_NOT_ESTABLISHED));
    }

    @Test
    void givenClosedJourney_whenEstablishActionPlan_thenJourneyClosed() {
        givenRegistered(closed(journeyId, day(10)))
                .when(new EstablishActionPlan(journeyId, null, day(30), Set.of(WORK), SUMMARY))
                .expectNoEvents()
                .expectException(violating(Rule.JOURNEY_CLOSED));
    }

    @Test
    void givenRegisteredJourney_whenStartEstablishmentPlan_thenEstablishmentPlanStarted() {
        givenRegistered()
                .when(new StartEstablishmentPlan(journeyId, null, day(20)))
                .expectEvents(new EstablishmentPlanStarted(journeyId, day(20)))
                .expectResultMessagePayloadMatching(recordedAsVersion(1));
    }

    @Test
    void givenRegisteredJourney_whenStartEstablishmentPlanTwelveMonthsBeforeArrival_thenEstablishmentPlanStarted() {
        givenRegistered()
                .when(new StartEstablishmentPlan(journeyId, null, ARRIVAL.minusMonths(12)))
                .expectEvents(new EstablishmentPlanStarted(journeyId, ARRIVAL.minusMonths(12)));
    }

    @Test
    void givenRegisteredJourney_whenStartEstablishmentPlanMoreThanTwelveMonthsBeforeArrival_thenDateBeforeArrival() {
        givenRegistered()
                .when(new StartEstablishmentPlan(
                        journeyId, null, ARRIVAL.minusMonths(12).minusDays(1)))
                .expectNoEvents()
                .expectException(violating(Rule.DATE_BEFORE_ARRIVAL));
    }

    @Test
    void givenRegisteredJourney_whenStartEstablishmentPlanTomorrow_thenDateInFuture() {
        givenRegistered()
                .when(new StartEstablishmentPlan(journeyId, null, TODAY.plusDays(1)))
                .expectNoEvents()
                .expectException(violating(Rule.DATE_IN_FUTURE));
    }

    @Test
    void givenEstablishmentPlanStarted_whenStartItAgain_thenEstablishmentAlreadyStarted() {
        givenRegistered(establishmentStarted(journeyId, day(20)))
                .when(new StartEstablishmentPlan(journeyId, null, day(25)))
                .expectNoEvents()
                .expectException(violating(Rule.ESTABLISHMENT_ALREADY_STARTED));
    }

    @Test
    void givenEstablishmentPlanEnded_whenStartItAgain_thenEstablishmentAlreadyStarted() {
        givenRegistered(establishmentStarted(journeyId, day(20)), establishmentEnded(journeyId, day(300)))
                .when(new StartEstablishmentPlan(journeyId, null, day(310)))
                .expectNoEvents()
                .expectException(violating(Rule.ESTABLISHMENT_ALREADY_STARTED));
    }

    @Test
    void givenClosedJourney_whenStartEstablishmentPlan_thenJourneyClosed() {
        givenRegistered(closed(journeyId, day(10)))
                .when(new StartEstablishmentPlan(journeyId, null, day(20)))
                .expectNoEvents()
                .expectException(violating(Rule.JOURNEY_CLOSED));
    }

    @Test
    void givenEstablishmentPlanStarted_whenEndEstablishmentPlan_thenEstablishmentPlanEnded() {
        givenRegistered(establishmentStarted(journeyId, day(20)))
                .when(new EndEstablishmentPlan(journeyId, null, day(300), EstablishmentEndReason.WORK))
                .expectEvents(new EstablishmentPlanEnded(journeyId, day(300), EstablishmentEndReason.WORK));
    }

    @Test
    void givenEstablishmentPlanStartedBeforeArrival_whenEndItOnItsStartDate_thenDateBeforeArrival() {
        givenRegistered(establishmentStarted(journeyId, ARRIVAL.minusMonths(2)))
                .when(new EndEstablishmentPlan(journeyId, null, ARRIVAL.minusMonths(2), EstablishmentEndReason.MOVED))
                .expectNoEvents()
                .expectException(violating(Rule.DATE_BEFORE_ARRIVAL));
    }

    @Test
    void givenNoEstablishmentPlan_whenEndEstablishmentPlan_thenEstablishmentNotStarted() {
        givenRegistered()
                .when(new EndEstablishmentPlan(journeyId, null, day(300), EstablishmentEndReason.COMPLETED))
                .expectNoEvents()
                .expectException(violating(Rule.ESTABLISHMENT_NOT_STARTED));
    }

    @Test
    void givenEstablishmentPlanEnded_whenEndItAgain_thenEstablishmentAlreadyEnded() {
        givenRegistered(establishmentStarted(journeyId, day(20)), establishmentEnded(journeyId, day(300)))
                .when(new EndEstablishmentPlan(journeyId, null, day(310), EstablishmentEndReason.COMPLETED))
                .expectNoEvents()
                .expectException(violating(Rule.ESTABLISHMENT_ALREADY_ENDED));
    }

    @Test
    void givenEstablishmentPlanStarted_whenEndItBeforeItsStart_thenEndBeforeStart() {
        givenRegistered(establishmentStarted(journeyId, day(20)))
                .when(new EndEstablishmentPlan(journeyId, null, day(19), EstablishmentEndReason.COMPLETED))
                .expectNoEvents()
                .expectException(violating(Rule.END_BEFORE_START));
    }

    @Test
    void givenEstablishmentPlanStarted_whenEndItWithoutReason_thenRequiredValueMissing() {
        givenRegistered(establishmentStarted(journeyId, day(20)))
                .when(new EndEstablishmentPlan(journeyId, null, day(300), null))
                .expectNoEvents()
                .expectException(violating(Rule.REQUIRED_VALUE_MISSING));
    }
}
