package se.integrationjourney.core.journey;

import static se.integrationjourney.core.events.ClosureReason.DECEASED;
import static se.integrationjourney.core.events.ClosureReason.FOLLOW_UP_COMPLETE;
import static se.integrationjourney.core.events.FollowUpSource.INTERVIEW;
import static se.integrationjourney.core.events.FollowUpSource.REGISTER;
import static se.integrationjourney.core.events.OutcomeStatus.EMPLOYED;
import static se.integrationjourney.core.events.OutcomeStatus.STUDYING;
import static se.integrationjourney.core.journey.JourneyEvents.TODAY;
import static se.integrationjourney.core.journey.JourneyEvents.closed;
import static se.integrationjourney.core.journey.JourneyEvents.day;
import static se.integrationjourney.core.journey.JourneyEvents.reopened;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import se.integrationjourney.core.commands.CloseJourney;
import se.integrationjourney.core.commands.RecordFollowUp;
import se.integrationjourney.core.commands.RecordIntroductoryMeeting;
import se.integrationjourney.core.commands.ReopenJourney;
import se.integrationjourney.core.events.FollowUpRecorded;
import se.integrationjourney.core.events.IntroductoryMeetingHeld;
import se.integrationjourney.core.events.JourneyClosed;
import se.integrationjourney.core.events.JourneyReopened;

/** Follow-ups, and closing and reopening the journey. */
class LifecycleTest extends JourneyFixtureTest {

    @ParameterizedTest
    @ValueSource(ints = {0, 12, 24, 120})
    void givenRegisteredJourney_whenRecordFollowUp_thenFollowUpRecorded(int months) {
        givenRegistered()
                .when(new RecordFollowUp(journeyId, null, day(600), months, EMPLOYED, REGISTER))
                .expectEvents(new FollowUpRecorded(journeyId, day(600), months, EMPLOYED, REGISTER));
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 121})
    void givenRegisteredJourney_whenRecordFollowUpAtImpossibleMonths_thenFollowUpMonthsOutOfRange(int months) {
        givenRegistered()
                .when(new RecordFollowUp(journeyId, null, day(600), months, EMPLOYED, REGISTER))
                .expectNoEvents()
                .expectException(violating(Rule.FOLLOW_UP_MONTHS_OUT_OF_RANGE));
    }

    @Test
    void givenRegisteredJourney_whenRecordFollowUpWithoutStatus_thenRequiredValueMissing() {
        givenRegistered()
                .when(new RecordFollowUp(journeyId, null, day(600), 24, null, REGISTER))
                .expectNoEvents()
                .expectException(violating(Rule.REQUIRED_VALUE_MISSING));
    }

    @Test
    void givenRegisteredJourney_whenRecordFollowUpWithoutSource_thenRequiredValueMissing() {
        givenRegistered()
                .when(new RecordFollowUp(journeyId, null, day(600), 24, STUDYING, null))
                .expectNoEvents()
                .expectException(violating(Rule.REQUIRED_VALUE_MISSING));
    }

    @Test
    void givenClosedJourney_whenRecordFollowUp_thenJourneyClosed() {
        givenRegistered(closed(journeyId, day(500)))
                .when(new RecordFollowUp(journeyId, null, day(600), 24, STUDYING, INTERVIEW))
                .expectNoEvents()
                .expectException(violating(Rule.JOURNEY_CLOSED));
    }

    @Test
    void givenRegisteredJourney_whenCloseJourney_thenJourneyClosed() {
        givenRegistered()
                .when(new CloseJourney(journeyId, null, day(600), FOLLOW_UP_COMPLETE))
                .expectEvents(new JourneyClosed(journeyId, day(600), FOLLOW_UP_COMPLETE))
                .expectResultMessagePayloadMatching(recordedAsVersion(1));
    }

    @Test
    void givenRegisteredJourney_whenCloseJourneyWithoutReason_thenRequiredValueMissing() {
        givenRegistered()
                .when(new CloseJourney(journeyId, null, day(600), null))
                .expectNoEvents()
                .expectException(violating(Rule.REQUIRED_VALUE_MISSING));
    }

    @Test
    void givenRegisteredJourney_whenCloseJourneyTomorrow_thenDateInFuture() {
        givenRegistered()
                .when(new CloseJourney(journeyId, null, TODAY.plusDays(1), DECEASED))
                .expectNoEvents()
                .expectException(violating(Rule.DATE_IN_FUTURE));
    }

    @Test
    void givenClosedJourney_whenCloseJourney_thenJourneyClosed() {
        givenRegistered(closed(journeyId, day(500)))
                .when(new CloseJourney(journeyId, null, day(600), DECEASED))
                .expectNoEvents()
                .expectException(violating(Rule.JOURNEY_CLOSED));
    }

    @Test
    void givenClosedJourney_whenReopenJourney_thenJourneyReopened() {
        givenRegistered(closed(journeyId, day(500)))
                .when(new ReopenJourney(journeyId, null, day(520)))
                .expectEvents(new JourneyReopened(journeyId, day(520)));
    }

    @Test
    void givenClosedJourney_whenReopenItTheDayItClosed_thenJourneyReopened() {
        givenRegistered(closed(journeyId, day(500)))
                .when(new ReopenJourney(journeyId, null, day(500)))
                .expectEvents(new JourneyReopened(journeyId, day(500)));
    }

    @Test
    void givenOpenJourney_whenReopenJourney_thenJourneyNotClosed() {
        givenRegistered()
                .when(new ReopenJourney(journeyId, null, day(520)))
                .expectNoEvents()
                .expectException(violating(Rule.JOURNEY_NOT_CLOSED));
    }

    @Test
    void givenReopenedJourney_whenReopenJourney_thenJourneyNotClosed() {
        givenRegistered(closed(journeyId, day(500)), reopened(journeyId, day(520)))
                .when(new ReopenJourney(journeyId, null, day(530)))
                .expectNoEvents()
                .expectException(violating(Rule.JOURNEY_NOT_CLOSED));
    }

    @Test
    void givenClosedJourney_whenReopenItBeforeItClosed_thenEndBeforeStart() {
        givenRegistered(closed(journeyId, day(500)))
                .when(new ReopenJourney(journeyId, null, day(499)))
                .expectNoEvents()
                .expectException(violating(Rule.END_BEFORE_START));
    }

    @Test
    void givenClosedJourney_whenReopenItTomorrow_thenDateInFuture() {
        givenRegistered(closed(journeyId, day(500)))
                .when(new ReopenJourney(journeyId, null, TODAY.plusDays(1)))
                .expectNoEvents()
                .expectException(violating(Rule.DATE_IN_FUTURE));
    }

    @Test
    void givenClosedJourney_whenReopenItWithoutDate_thenRequiredValueMissing() {
        givenRegistered(closed(journeyId, day(500)))
                .when(new ReopenJourney(journeyId, null, null))
                .expectNoEvents()
                .expectException(violating(Rule.REQUIRED_VALUE_MISSING));
    }

    @Test
    void givenReopenedJourney_whenRecordAMilestone_thenItIsRecorded() {
        givenRegistered(closed(journeyId, day(500)), reopened(journeyId, day(520)))
                .when(new RecordIntroductoryMeeting(journeyId, null, day(530)))
                .expectEvents(new IntroductoryMeetingHeld(journeyId, day(530)))
                .expectResultMessagePayloadMatching(recordedAsVersion(3));
    }

    @Test
    void givenReopenedJourney_whenCloseItAgain_thenJourneyClosed() {
        givenRegistered(closed(journeyId, day(500)), reopened(journeyId, day(520)))
                .when(new CloseJourney(journeyId, null, day(600), FOLLOW_UP_COMPLETE))
                .expectEvents(new JourneyClosed(journeyId, day(600), FOLLOW_UP_COMPLETE));
    }
}
