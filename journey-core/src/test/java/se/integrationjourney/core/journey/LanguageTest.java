package se.integrationjourney.core.journey;

import static se.integrationjourney.core.events.SfiLevel.A;
import static se.integrationjourney.core.events.SfiLevel.B;
import static se.integrationjourney.core.events.SfiLevel.C;
import static se.integrationjourney.core.events.SfiLevel.D;
import static se.integrationjourney.core.journey.JourneyEvents.closed;
import static se.integrationjourney.core.journey.JourneyEvents.day;
import static se.integrationjourney.core.journey.JourneyEvents.sfiEnrolled;
import static se.integrationjourney.core.journey.JourneyEvents.sfiLevelReached;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import se.integrationjourney.core.commands.EnrolInSfi;
import se.integrationjourney.core.commands.RecordCivicOrientationCompleted;
import se.integrationjourney.core.commands.RecordSfiLevelReached;
import se.integrationjourney.core.events.CivicOrientationCompleted;
import se.integrationjourney.core.events.SfiEnrolled;
import se.integrationjourney.core.events.SfiLevelReached;

/** SFI (Swedish for immigrants) and civic orientation. */
class LanguageTest extends JourneyFixtureTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void givenRegisteredJourney_whenEnrolInSfi_thenSfiEnrolled(int studyPath) {
        givenRegistered()
                .when(new EnrolInSfi(journeyId, null, day(14), studyPath))
                .expectEvents(new SfiEnrolled(journeyId, day(14), studyPath));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 4, -1})
    void givenRegisteredJourney_whenEnrolInSfiOnAnUnknownPath_thenSfiStudyPathInvalid(int studyPath) {
        givenRegistered()
                .when(new EnrolInSfi(journeyId, null, day(14), studyPath))
                .expectNoEvents()
                .expectException(violating(Rule.SFI_STUDY_PATH_INVALID));
    }

    @Test
    void givenClosedJourney_whenEnrolInSfi_thenJourneyClosed() {
        givenRegistered(closed(journeyId, day(5)))
                .when(new EnrolInSfi(journeyId, null, day(14), 1))
                .expectNoEvents()
                .expectException(violating(Rule.JOURNEY_CLOSED));
    }

    @Test
    void givenEnrolledOnPathOne_whenRecordLevelA_thenSfiLevelReached() {
        givenRegistered(sfiEnrolled(journeyId, day(14), 1))
                .when(new RecordSfiLevelReached(journeyId, null, day(120), A))
                .expectEvents(new SfiLevelReached(journeyId, day(120), A));
    }

    @Test
    void givenLevelBReached_whenRecordLevelD_thenSfiLevelReached() {
        givenRegistered(sfiEnrolled(journeyId, day(14), 2), sfiLevelReached(journeyId, day(120), B))
                .when(new RecordSfiLevelReached(journeyId, null, day(300), D))
                .expectEvents(new SfiLevelReached(journeyId, day(300), D));
    }

    @Test
    void givenNotEnrolled_whenRecordSfiLevel_thenSfiNotEnrolled() {
        givenRegistered()
                .when(new RecordSfiLevelReached(journeyId, null, day(120), A))
                .expectNoEvents()
                .expectException(violating(Rule.SFI_NOT_ENROLLED));
    }

    @Test
    void givenEnrolledOnPathThree_whenRecordLevelB_thenSfiLevelOutsidePath() {
        givenRegistered(sfiEnrolled(journeyId, day(14), 3))
                .when(new RecordSfiLevelReached(journeyId, null, day(120), B))
                .expectNoEvents()
                .expectException(violating(Rule.SFI_LEVEL_OUTSIDE_PATH));
    }

    @Test
    void givenEnrolledOnPathTwo_whenRecordLevelA_thenSfiLevelOutsidePath() {
        givenRegistered(sfiEnrolled(journeyId, day(14), 2))
                .when(new RecordSfiLevelReached(journeyId, null, day(120), A))
                .expectNoEvents()
                .expectException(violating(Rule.SFI_LEVEL_OUTSIDE_PATH));
    }

    @Test
    void givenReenrolledOnAHigherPath_whenRecordALevelOnlyTheFirstPathCovers_thenSfiLevelOutsidePath() {
        givenRegistered(sfiEnrolled(journeyId, day(14), 1), sfiEnrolled(journeyId, day(40), 3))
                .when(new RecordSfiLevelReached(journeyId, null, day(120), B))
                .expectNoEvents()
                .expectException(violating(Rule.SFI_LEVEL_OUTSIDE_PATH));
    }

    @Test
    void givenLevelCReached_whenRecordLevelB_thenSfiLevelBelowReached() {
        givenRegistered(sfiEnrolled(journeyId, day(14), 1), sfiLevelReached(journeyId, day(120), C))
                .when(new RecordSfiLevelReached(journeyId, null, day(200), B))
                .expectNoEvents()
                .expectException(violating(Rule.SFI_LEVEL_BELOW_REACHED));
    }

    @Test
    void givenLevelCReached_whenRecordLevelCAgain_thenSfiLevelAlreadyReached() {
        givenRegistered(sfiEnrolled(journeyId, day(14), 1), sfiLevelReached(journeyId, day(120), C))
                .when(new RecordSfiLevelReached(journeyId, null, day(200), C))
                .expectNoEvents()
                .expectException(violating(Rule.SFI_LEVEL_ALREADY_REACHED));
    }

    @Test
    void givenEnrolled_whenRecordSfiLevelWithoutLevel_thenRequiredValueMissing() {
        givenRegistered(sfiEnrolled(journeyId, day(14), 1))
                .when(new RecordSfiLevelReached(journeyId, null, day(120), null))
                .expectNoEvents()
                .expectException(violating(Rule.REQUIRED_VALUE_MISSING));
    }

    @Test
    void givenEnrolledThenClosed_whenRecordSfiLevel_thenJourneyClosed() {
        givenRegistered(sfiEnrolled(journeyId, day(14), 1), closed(journeyId, day(100)))
                .when(new RecordSfiLevelReached(journeyId, null, day(120), A))
                .expectNoEvents()
                .expectException(violating(Rule.JOURNEY_CLOSED));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 60, 100, 1000})
    void givenRegisteredJourney_whenRecordCivicOrientationCompleted_thenCivicOrientationCompleted(int hours) {
        givenRegistered()
                .when(new RecordCivicOrientationCompleted(journeyId, null, day(150), hours, "arabiska"))
                .expectEvents(new CivicOrientationCompleted(journeyId, day(150), hours, "arabiska"));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1001, -5})
    void givenRegisteredJourney_whenRecordCivicOrientationWithImpossibleHours_thenHoursOutOfRange(int hours) {
        givenRegistered()
                .when(new RecordCivicOrientationCompleted(journeyId, null, day(150), hours, "arabiska"))
                .expectNoEvents()
                .expectException(violating(Rule.CIVIC_ORIENTATION_HOURS_OUT_OF_RANGE));
    }

    @Test
    void givenRegisteredJourney_whenRecordCivicOrientationWithoutLanguage_thenRequiredValueMissing() {
        givenRegistered()
                .when(new RecordCivicOrientationCompleted(journeyId, null, day(150), 100, null))
                .expectNoEvents()
                .expectException(violating(Rule.REQUIRED_VALUE_MISSING));
    }

    @Test
    void givenClosedJourney_whenRecordCivicOrientationCompleted_thenJourneyClosed() {
        givenRegistered(closed(journeyId, day(100)))
                .when(new RecordCivicOrientationCompleted(journeyId, null, day(150), 100, "tigrinja"))
                .expectNoEvents()
                .expectException(violating(Rule.JOURNEY_CLOSED));
    }
}
