package se.integrationjourney.core.journey;

import static se.integrationjourney.core.events.SelfSufficiencyBasis.BUSINESS;
import static se.integrationjourney.core.events.SelfSufficiencyBasis.EMPLOYMENT;
import static se.integrationjourney.core.journey.JourneyEvents.closed;
import static se.integrationjourney.core.journey.JourneyEvents.day;
import static se.integrationjourney.core.journey.JourneyEvents.financialAssistanceEnded;
import static se.integrationjourney.core.journey.JourneyEvents.financialAssistanceStarted;
import static se.integrationjourney.core.journey.JourneyEvents.selfSufficiencyLost;
import static se.integrationjourney.core.journey.JourneyEvents.selfSufficiencyReached;

import org.junit.jupiter.api.Test;
import se.integrationjourney.core.commands.EndFinancialAssistance;
import se.integrationjourney.core.commands.RecordSelfSufficiencyLost;
import se.integrationjourney.core.commands.RecordSelfSufficiencyReached;
import se.integrationjourney.core.commands.StartFinancialAssistance;
import se.integrationjourney.core.events.FinancialAssistanceEnded;
import se.integrationjourney.core.events.FinancialAssistanceStarted;
import se.integrationjourney.core.events.SelfSufficiencyLost;
import se.integrationjourney.core.events.SelfSufficiencyReached;

/** Financial assistance (försörjningsstöd) and self-sufficiency (egen försörjning). */
class IncomeTest extends JourneyFixtureTest {

    @Test
    void givenRegisteredJourney_whenStartFinancialAssistance_thenFinancialAssistanceStarted() {
        givenRegistered()
                .when(new StartFinancialAssistance(journeyId, null, day(3)))
                .expectEvents(new FinancialAssistanceStarted(journeyId, day(3)));
    }

    @Test
    void givenOpenFinancialAssistance_whenStartIt_thenEpisodeAlreadyOpen() {
        givenRegistered(financialAssistanceStarted(journeyId, day(3)))
                .when(new StartFinancialAssistance(journeyId, null, day(30)))
                .expectNoEvents()
                .expectException(violating(Rule.EPISODE_ALREADY_OPEN));
    }

    @Test
    void givenOpenFinancialAssistance_whenEndIt_thenFinancialAssistanceEnded() {
        givenRegistered(financialAssistanceStarted(journeyId, day(3)))
                .when(new EndFinancialAssistance(journeyId, null, day(300)))
                .expectEvents(new FinancialAssistanceEnded(journeyId, day(300)));
    }

    @Test
    void givenNoFinancialAssistance_whenEndIt_thenEpisodeNotStarted() {
        givenRegistered()
                .when(new EndFinancialAssistance(journeyId, null, day(300)))
                .expectNoEvents()
                .expectException(violating(Rule.EPISODE_NOT_STARTED));
    }

    @Test
    void givenEndedFinancialAssistance_whenEndItAgain_thenEpisodeNotStarted() {
        givenRegistered(financialAssistanceStarted(journeyId, day(3)), financialAssistanceEnded(journeyId, day(300)))
                .when(new EndFinancialAssistance(journeyId, null, day(310)))
                .expectNoEvents()
                .expectException(violating(Rule.EPISODE_NOT_STARTED));
    }

    @Test
    void givenOpenFinancialAssistance_whenEndItBeforeItsStart_thenEndBeforeStart() {
        givenRegistered(financialAssistanceStarted(journeyId, day(30)))
                .when(new EndFinancialAssistance(journeyId, null, day(29)))
                .expectNoEvents()
                .expectException(violating(Rule.END_BEFORE_START));
    }

    @Test
    void givenClosedJourney_whenStartFinancialAssistance_thenJourneyClosed() {
        givenRegistered(closed(journeyId, day(20)))
                .when(new StartFinancialAssistance(journeyId, null, day(30)))
                .expectNoEvents()
                .expectException(violating(Rule.JOURNEY_CLOSED));
    }

    @Test
    void givenRegisteredJourney_whenRecordSelfSufficiencyReached_thenSelfSufficiencyReached() {
        givenRegistered()
                .when(new RecordSelfSufficiencyReached(journeyId, null, day(500), BUSINESS))
                .expectEvents(new SelfSufficiencyReached(journeyId, day(500), BUSINESS));
    }

    @Test
    void givenSelfSufficient_whenRecordSelfSufficiencyReached_thenSelfSufficiencyAlreadyReached() {
        givenRegistered(selfSufficiencyReached(journeyId, day(500)))
                .when(new RecordSelfSufficiencyReached(journeyId, null, day(510), EMPLOYMENT))
                .expectNoEvents()
                .expectException(violating(Rule.SELF_SUFFICIENCY_ALREADY_REACHED));
    }

    @Test
    void givenSelfSufficiencyLost_whenRecordSelfSufficiencyReached_thenSelfSufficiencyReached() {
        givenRegistered(selfSufficiencyReached(journeyId, day(200)), selfSufficiencyLost(journeyId, day(300)))
                .when(new RecordSelfSufficiencyReached(journeyId, null, day(400), EMPLOYMENT))
                .expectEvents(new SelfSufficiencyReached(journeyId, day(400), EMPLOYMENT));
    }

    @Test
    void givenAssistanceStartedSinceSelfSufficiency_whenRecordSelfSufficiencyReached_thenSelfSufficiencyReached() {
        givenRegistered(selfSufficiencyReached(journeyId, day(200)), financialAssistanceStarted(journeyId, day(300)))
                .when(new RecordSelfSufficiencyReached(journeyId, null, day(400), EMPLOYMENT))
                .expectEvents(new SelfSufficiencyReached(journeyId, day(400), EMPLOYMENT));
    }

    @Test
    void givenRegisteredJourney_whenRecordSelfSufficiencyReachedWithoutBasis_thenRequiredValueMissing() {
        givenRegistered()
                .when(new RecordSelfSufficiencyReached(journeyId, null, day(500), null))
                .expectNoEvents()
                .expectException(violating(Rule.REQUIRED_VALUE_MISSING));
    }

    @Test
    void givenSelfSufficient_whenRecordSelfSufficiencyLost_thenSelfSufficiencyLost() {
        givenRegistered(selfSufficiencyReached(journeyId, day(200)))
                .when(new RecordSelfSufficiencyLost(journeyId, null, day(300)))
                .expectEvents(new SelfSufficiencyLost(journeyId, day(300)));
    }

    @Test
    void givenNeverSelfSufficient_whenRecordSelfSufficiencyLost_thenNotSelfSufficient() {
        givenRegistered()
                .when(new RecordSelfSufficiencyLost(journeyId, null, day(300)))
                .expectNoEvents()
                .expectException(violating(Rule.NOT_SELF_SUFFICIENT));
    }

    @Test
    void givenSelfSufficiencyLost_whenRecordItLostAgain_thenNotSelfSufficient() {
        givenRegistered(selfSufficiencyReached(journeyId, day(200)), selfSufficiencyLost(journeyId, day(300)))
                .when(new RecordSelfSufficiencyLost(journeyId, null, day(310)))
                .expectNoEvents()
                .expectException(violating(Rule.NOT_SELF_SUFFICIENT));
    }

    @Test
    void givenFinancialAssistanceStartedSinceSelfSufficiency_whenRecordSelfSufficiencyLost_thenNotSelfSufficient() {
        givenRegistered(selfSufficiencyReached(journeyId, day(200)), financialAssistanceStarted(journeyId, day(300)))
                .when(new RecordSelfSufficiencyLost(journeyId, null, day(310)))
                .expectNoEvents()
                .expectException(violating(Rule.NOT_SELF_SUFFICIENT));
    }

    @Test
    void givenSelfSufficient_whenRecordSelfSufficiencyLostBeforeItWasReached_thenEndBeforeStart() {
        givenRegistered(selfSufficiencyReached(journeyId, day(200)))
                .when(new RecordSelfSufficiencyLost(journeyId, null, day(199)))
                .expectNoEvents()
                .expectException(violating(Rule.END_BEFORE_START));
    }

    @Test
    void givenClosedJourney_whenRecordSelfSufficiencyReached_thenJourneyClosed() {
        givenRegistered(closed(journeyId, day(200)))
                .when(new RecordSelfSufficiencyReached(journeyId, null, day(300), EMPLOYMENT))
                .expectNoEvents()
                .expectException(violating(Rule.JOURNEY_CLOSED));
    }
}
