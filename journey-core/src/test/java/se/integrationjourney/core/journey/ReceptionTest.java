package se.integrationjourney.core.journey;

import static se.integrationjourney.core.journey.JourneyEvents.ARRIVAL;
import static se.integrationjourney.core.journey.JourneyEvents.TODAY;
import static se.integrationjourney.core.journey.JourneyEvents.caseworkerAssigned;
import static se.integrationjourney.core.journey.JourneyEvents.closed;
import static se.integrationjourney.core.journey.JourneyEvents.day;

import org.junit.jupiter.api.Test;
import se.integrationjourney.core.commands.AssignCaseworker;
import se.integrationjourney.core.commands.RecordIntroductoryMeeting;
import se.integrationjourney.core.events.CaseworkerAssigned;
import se.integrationjourney.core.events.IntroductoryMeetingHeld;

/** Caseworker assignment and the introductory meeting, and the date rules every milestone shares. */
class ReceptionTest extends JourneyFixtureTest {

    @Test
    void givenRegisteredJourney_whenAssignCaseworker_thenCaseworkerAssigned() {
        givenRegistered()
                .when(new AssignCaseworker(journeyId, null, day(2), "cw-17"))
                .expectEvents(new CaseworkerAssigned(journeyId, day(2), "cw-17"))
                .expectResultMessagePayloadMatching(recordedAsVersion(1));
    }

    @Test
    void givenAssignedCaseworker_whenAssignAnother_thenCaseworkerAssignedAgain() {
        givenRegistered(caseworkerAssigned(journeyId, day(2), "cw-17"))
                .when(new AssignCaseworker(journeyId, null, day(40), "cw-23"))
                .expectEvents(new CaseworkerAssigned(journeyId, day(40), "cw-23"))
                .expectResultMessagePayloadMatching(recordedAsVersion(2));
    }

    @Test
    void givenRegisteredJourney_whenAssignBlankCaseworker_thenRequiredValueMissing() {
        givenRegistered()
                .when(new AssignCaseworker(journeyId, null, day(2), " "))
                .expectNoEvents()
                .expectException(violating(Rule.REQUIRED_VALUE_MISSING));
    }

    @Test
    void givenRegisteredJourney_whenRecordIntroductoryMeeting_thenIntroductoryMeetingHeld() {
        givenRegistered()
                .when(new RecordIntroductoryMeeting(journeyId, null, day(10)))
                .expectEvents(new IntroductoryMeetingHeld(journeyId, day(10)));
    }

    @Test
    void givenRegisteredJourney_whenMilestoneOnArrivalDayAndToday_thenRecorded() {
        givenRegistered()
                .when(new RecordIntroductoryMeeting(journeyId, null, ARRIVAL))
                .expectEvents(new IntroductoryMeetingHeld(journeyId, ARRIVAL));
        createFixture();
        givenRegistered()
                .when(new RecordIntroductoryMeeting(journeyId, null, TODAY))
                .expectEvents(new IntroductoryMeetingHeld(journeyId, TODAY));
    }

    @Test
    void givenRegisteredJourney_whenMilestoneDatedTomorrow_thenDateInFuture() {
        givenRegistered()
                .when(new RecordIntroductoryMeeting(journeyId, null, TODAY.plusDays(1)))
                .expectNoEvents()
                .expectException(violating(Rule.DATE_IN_FUTURE));
    }

    @Test
    void givenRegisteredJourney_whenMilestoneDatedBeforeArrival_thenDateBeforeArrival() {
        givenRegistered()
                .when(new AssignCaseworker(journeyId, null, ARRIVAL.minusDays(1), "cw-17"))
                .expectNoEvents()
                .expectException(violating(Rule.DATE_BEFORE_ARRIVAL));
    }

    @Test
    void givenRegisteredJourney_whenMilestoneWithoutDate_thenRequiredValueMissing() {
        givenRegistered()
                .when(new RecordIntroductoryMeeting(journeyId, null, null))
                .expectNoEvents()
                .expectException(violating(Rule.REQUIRED_VALUE_MISSING));
    }

    @Test
    void givenClosedJourney_whenAssignCaseworker_thenJourneyClosed() {
        givenRegistered(closed(journeyId, day(100)))
                .when(new AssignCaseworker(journeyId, null, day(101), "cw-17"))
                .expectNoEvents()
                .expectException(violating(Rule.JOURNEY_CLOSED));
    }

    @Test
    void givenClosedJourney_whenRecordIntroductoryMeeting_thenJourneyClosed() {
        givenRegistered(closed(journeyId, day(100)))
                .when(new RecordIntroductoryMeeting(journeyId, null, day(10)))
                .expectNoEvents()
                .expectException(violating(Rule.JOURNEY_CLOSED));
    }
}
