package se.integrationjourney.core.journey;

import static se.integrationjourney.core.events.StudyLevel.FOLKHOGSKOLA;
import static se.integrationjourney.core.events.StudyLevel.UNIVERSITY;
import static se.integrationjourney.core.journey.JourneyEvents.closed;
import static se.integrationjourney.core.journey.JourneyEvents.day;
import static se.integrationjourney.core.journey.JourneyEvents.studiesEnded;
import static se.integrationjourney.core.journey.JourneyEvents.studiesStarted;

import org.junit.jupiter.api.Test;
import se.integrationjourney.core.commands.EndStudies;
import se.integrationjourney.core.commands.StartStudies;
import se.integrationjourney.core.events.StudiesEnded;
import se.integrationjourney.core.events.StudiesStarted;

class StudiesTest extends JourneyFixtureTest {

    @Test
    void givenRegisteredJourney_whenStartStudies_thenStudiesStarted() {
        givenRegistered()
                .when(new StartStudies(journeyId, null, day(250), "s-1", FOLKHOGSKOLA))
                .expectEvents(new StudiesStarted(journeyId, day(250), "s-1", FOLKHOGSKOLA));
    }

    @Test
    void givenOpenStudies_whenStartOthersInParallel_thenStudiesStarted() {
        givenRegistered(studiesStarted(journeyId, "s-1", day(250)))
                .when(new StartStudies(journeyId, null, day(250), "s-2", UNIVERSITY))
                .expectEvents(new StudiesStarted(journeyId, day(250), "s-2", UNIVERSITY));
    }

    @Test
    void givenOpenStudies_whenStartTheSameId_thenEpisodeAlreadyOpen() {
        givenRegistered(studiesStarted(journeyId, "s-1", day(250)))
                .when(new StartStudies(journeyId, null, day(260), "s-1", UNIVERSITY))
                .expectNoEvents()
                .expectException(violating(Rule.EPISODE_ALREADY_OPEN));
    }

    @Test
    void givenRegisteredJourney_whenStartStudiesWithoutLevel_thenRequiredValueMissing() {
        givenRegistered()
                .when(new StartStudies(journeyId, null, day(250), "s-1", null))
                .expectNoEvents()
                .expectException(violating(Rule.REQUIRED_VALUE_MISSING));
    }

    @Test
    void givenRegisteredJourney_whenStartStudiesWithoutId_thenRequiredValueMissing() {
        givenRegistered()
                .when(new StartStudies(journeyId, null, day(250), null, UNIVERSITY))
                .expectNoEvents()
                .expectException(violating(Rule.REQUIRED_VALUE_MISSING));
    }

    @Test
    void givenClosedJourney_whenStartStudies_thenJourneyClosed() {
        givenRegistered(closed(journeyId, day(100)))
                .when(new StartStudies(journeyId, null, day(250), "s-1", UNIVERSITY))
                .expectNoEvents()
                .expectException(violating(Rule.JOURNEY_CLOSED));
    }

    @Test
    void givenOpenStudies_whenEndStudies_thenStudiesEnded() {
        givenRegistered(studiesStarted(journeyId, "s-1", day(250)))
                .when(new EndStudies(journeyId, null, day(500), "s-1"))
                .expectEvents(new StudiesEnded(journeyId, day(500), "s-1"));
    }

    @Test
    void givenNoStudies_whenEndStudies_thenEpisodeNotStarted() {
        givenRegistered()
                .when(new EndStudies(journeyId, null, day(500), "s-1"))
                .expectNoEvents()
                .expectException(violating(Rule.EPISODE_NOT_STARTED));
    }

    @Test
    void givenEndedStudies_whenEndThemAgain_thenEpisodeNotStarted() {
        givenRegistered(studiesStarted(journeyId, "s-1", day(250)), studiesEnded(journeyId, "s-1", day(400)))
                .when(new EndStudies(journeyId, null, day(500), "s-1"))
                .expectNoEvents()
                .expectException(violating(Rule.EPISODE_NOT_STARTED));
    }

    @Test
    void givenOpenStudies_whenEndThemBeforeTheirStart_thenEndBeforeStart() {
        givenRegistered(studiesStarted(journeyId, "s-1", day(250)))
                .when(new EndStudies(journeyId, null, day(249), "s-1"))
                .expectNoEvents()
                .expectException(violating(Rule.END_BEFORE_START));
    }
}
