package se.integrationjourney.core.journey;

import static se.integrationjourney.core.journey.JourneyEvents.ARRIVAL;
import static se.integrationjourney.core.journey.JourneyEvents.TODAY;
import static se.integrationjourney.core.journey.JourneyEvents.closed;
import static se.integrationjourney.core.journey.JourneyEvents.day;

import org.junit.jupiter.api.Test;
import se.integrationjourney.core.commands.ProvideTemporaryHousing;
import se.integrationjourney.core.commands.RecordHousingSecured;
import se.integrationjourney.core.events.HousingSecured;
import se.integrationjourney.core.events.TemporaryHousingProvided;
import se.integrationjourney.core.events.Tenure;

class HousingTest extends JourneyFixtureTest {

    @Test
    void givenRegisteredJourney_whenProvideTemporaryHousing_thenTemporaryHousingProvided() {
        givenRegistered()
                .when(new ProvideTemporaryHousing(journeyId, null, ARRIVAL))
                .expectEvents(new TemporaryHousingProvided(journeyId, ARRIVAL));
    }

    @Test
    void givenRegisteredJourney_whenProvideTemporaryHousingBeforeArrival_thenDateBeforeArrival() {
        givenRegistered()
                .when(new ProvideTemporaryHousing(journeyId, null, ARRIVAL.minusDays(1)))
                .expectNoEvents()
                .expectException(violating(Rule.DATE_BEFORE_ARRIVAL));
    }

    @Test
    void givenClosedJourney_whenProvideTemporaryHousing_thenJourneyClosed() {
        givenRegistered(closed(journeyId, day(5)))
                .when(new ProvideTemporaryHousing(journeyId, null, day(6)))
                .expectNoEvents()
                .expectException(violating(Rule.JOURNEY_CLOSED));
    }

    @Test
    void givenRegisteredJourney_whenRecordHousingSecured_thenHousingSecured() {
        givenRegistered()
                .when(new RecordHousingSecured(journeyId, null, day(80), Tenure.SECOND_HAND))
                .expectEvents(new HousingSecured(journeyId, day(80), Tenure.SECOND_HAND));
    }

    @Test
    void givenHousingSecured_whenRecordHousingSecuredAgain_thenHousingSecured() {
        givenRegistered(new HousingSecured(journeyId, day(80), Tenure.SECOND_HAND))
                .when(new RecordHousingSecured(journeyId, null, day(400), Tenure.FIRST_HAND))
                .expectEvents(new HousingSecured(journeyId, day(400), Tenure.FIRST_HAND));
    }

    @Test
    void givenRegisteredJourney_whenRecordHousingSecuredWithoutTenure_thenRequiredValueMissing() {
        givenRegistered()
                .when(new RecordHousingSecured(journeyId, null, day(80), null))
                .expectNoEvents()
                .expectException(violating(Rule.REQUIRED_VALUE_MISSING));
    }

    @Test
    void givenRegisteredJourney_whenRecordHousingSecuredTomorrow_thenDateInFuture() {
        givenRegistered()
                .when(new RecordHousingSecured(journeyId, null, TODAY.plusDays(1), Tenure.OWNED))
                .expectNoEvents()
                .expectException(violating(Rule.DATE_IN_FUTURE));
    }

    @Test
    void givenClosedJourney_whenRecordHousingSecured_thenJourneyClosed() {
        givenRegistered(closed(journeyId, day(5)))
                .when(new RecordHousingSecured(journeyId, null, day(6), Tenure.LODGER))
                .expectNoEvents()
                .expectException(violating(Rule.JOURNEY_CLOSED));
    }
}
