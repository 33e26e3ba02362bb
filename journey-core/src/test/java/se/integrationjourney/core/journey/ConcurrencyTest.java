package se.integrationjourney.core.journey;

import static se.integrationjourney.core.journey.JourneyEvents.FULL_NAME;
import static se.integrationjourney.core.journey.JourneyEvents.caseworkerAssigned;
import static se.integrationjourney.core.journey.JourneyEvents.day;

import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.Test;
import se.integrationjourney.core.commands.AssignCaseworker;
import se.integrationjourney.core.commands.CorrectPersonalDetails;
import se.integrationjourney.core.commands.EndEmployment;
import se.integrationjourney.core.commands.RetractMilestone;
import se.integrationjourney.core.events.CaseworkerAssigned;
import se.integrationjourney.core.events.PersonalDetails;

/**
 * Optimistic concurrency: the version is the sequence number of the journey's last event (registration is 0); a
 * command that carries an older (or a newer) one than the journey's records nothing.
 */
class ConcurrencyTest extends JourneyFixtureTest {

    @Test
    void givenJourneyAtVersionTwo_whenCommandExpectsVersionTwo_thenRecordedAsVersionThree() {
        givenRegistered(caseworkerAssigned(journeyId, day(1), "cw-1"), caseworkerAssigned(journeyId, day(2), "cw-2"))
                .when(new AssignCaseworker(journeyId, 2L, day(3), "cw-3"))
                .expectEvents(new CaseworkerAssigned(journeyId, day(3), "cw-3"))
                .expectResultMessagePayloadMatching(recordedAsVersion(3));
    }

    @Test
    void givenJourneyAtVersionTwo_whenCommandExpectsVersionOne_thenConflictAndNothingRecorded() {
        givenRegistered(caseworkerAssigned(journeyId, day(1), "cw-1"), caseworkerAssigned(journeyId, day(2), "cw-2"))
                .when(new AssignCaseworker(journeyId, 1L, day(3), "cw-3"))
                .expectNoEvents()
                .expectException(ConflictingAggregateVersionException.class);
    }

    @Test
    void givenJourneyAtVersionZero_whenCommandExpectsAVersionNotYetReached_thenConflictAndNothingRecorded() {
        givenRegistered()
                .when(new AssignCaseworker(journeyId, 5L, day(3), "cw-3"))
                .expectNoEvents()
                .expectException(ConflictingAggregateVersionException.class);
    }

    @Test
    void givenJourney_whenCommandCarriesNoVersion_thenRecordedWithoutCheck() {
        givenRegistered(caseworkerAssigned(journeyId, day(1), "cw-1"))
                .when(new AssignCaseworker(journeyId, null, day(3), "cw-3"))
                .expectEvents(new CaseworkerAssigned(journeyId, day(3), "cw-3"))
                .expectResultMessagePayloadMatching(recordedAsVersion(2));
    }

    @Test
    void givenStaleVersion_whenTheCommandAlsoBreaksARule_thenTheConflictIsReported() {
        givenRegistered(caseworkerAssigned(journeyId, day(1), "cw-1"))
                .when(new EndEmployment(journeyId, 0L, day(3), "never-started"))
                .expectNoEvents()
                .expectException(ConflictingAggregateVersionException.class);
    }

    @Test
    void givenStaleVersion_whenCorrectPersonalDetails_thenConflictAndNothingRecorded() {
        givenRegistered(caseworkerAssigned(journeyId, day(1), "cw-1"))
                .when(new CorrectPersonalDetails(journeyId, 0L, new PersonalDetails(FULL_NAME, null)))
                .expectNoEvents()
                .expectException(ConflictingAggregateVersionException.class);
    }

    @Test
    void givenStaleVersion_whenRetractMilestone_thenConflictAndNothingRecorded() {
        TestExecutor<Journey> given = givenRegistered(
                caseworkerAssigned(journeyId, day(1), "cw-1"), caseworkerAssigned(journeyId, day(2), "cw-2"));
        String firstAssignment = eventIdAt(1);
        given.when(new RetractMilestone(journeyId, 1L, firstAssignment, "wrong caseworker"))
                .expectNoEvents()
                .expectException(ConflictingAggregateVersionException.class);
    }
}
