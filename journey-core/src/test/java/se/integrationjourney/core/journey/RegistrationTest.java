package se.integrationjourney.core.journey;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static se.integrationjourney.core.journey.JourneyEvents.ARRIVAL;
import static se.integrationjourney.core.journey.JourneyEvents.FULL_NAME;
import static se.integrationjourney.core.journey.JourneyEvents.PERSONAL_IDENTITY_NUMBER;
import static se.integrationjourney.core.journey.JourneyEvents.TODAY;
import static se.integrationjourney.core.journey.JourneyEvents.closed;
import static se.integrationjourney.core.journey.JourneyEvents.day;
import static se.integrationjourney.core.journey.JourneyEvents.registration;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.hamcrest.Description;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import se.integrationjourney.core.commands.CorrectPersonalDetails;
import se.integrationjourney.core.commands.RecordIntroductoryMeeting;
import se.integrationjourney.core.commands.Recorded;
import se.integrationjourney.core.events.Gender;
import se.integrationjourney.core.events.PersonalDetails;
import se.integrationjourney.core.events.PersonalDetailsCorrected;

class RegistrationTest extends JourneyFixtureTest {

    @Test
    void givenNoJourney_whenRegisterNewcomer_thenNewcomerRegistered() {
        fixture.givenNoPriorActivity()
                .when(registration(journeyId).command())
                .expectEvents(registration(journeyId).event())
                .expectResultMessagePayloadMatching(recordedAsVersion(0));
    }

    @Test
    void givenNoJourney_whenRegisterNewcomer_thenTheAnswerNamesTheRecordedEvent() {
        AtomicReference<String> publishedId = new AtomicReference<>();
        fixture.givenNoPriorActivity()
                .when(registration(journeyId).command())
                .expectEventsMatching(new TypeSafeMatcher<List<? super EventMessage<?>>>() {
                    @Override
                    protected boolean matchesSafely(List<? super EventMessage<?>> events) {
                        publishedId.set(((EventMessage<?>) events.get(0)).getIdentifier());
                        return events.size() == 1;
                    }

                    @Override
                    public void describeTo(Description description) {
                        description.appendText("one event");
                    }
                })
                .expectResultMessagePayloadMatching(new TypeSafeMatcher<Recorded>(Recorded.class) {
                    @Override
                    protected boolean matchesSafely(Recorded recorded) {
                        return recorded.eventId().equals(publishedId.get());
                    }

                    @Override
                    public void describeTo(Description description) {
                        description.appendText("the published event's id");
                    }
                });
    }

    @Test
    void givenIdentityNumberWithHyphen_whenRegisterNewcomer_thenItIsStoredAsTwelveDigits() {
        fixture.givenNoPriorActivity()
                .when(registration(journeyId)
                        .withPersonalIdentityNumber("19900115-2389")
                        .command())
                .expectEvents(registration(journeyId)
                        .withPersonalIdentityNumber("199001152389")
                        .event());
    }

    @Test
    void givenCoordinationNumber_whenRegisterNewcomer_thenNewcomerRegistered() {
        fixture.givenNoPriorActivity()
                .when(registration(journeyId)
                        .withPersonalIdentityNumber("199001752386")
                        .command())
                .expectEvents(registration(journeyId)
                        .withPersonalIdentityNumber("199001752386")
                        .event());
    }

    @Test
    void givenNoIdentityNumber_whenRegisterNewcomer_thenNewcomerRegisteredWithout() {
        fixture.givenNoPriorActivity()
                .when(registration(journeyId).withPersonalIdentityNumber(null).command())
                .expectEvents(
                        registration(journeyId).withPersonalIdentityNumber(null).event());
    }

    @Test
    void givenBoundaryBirthYears_whenRegisterNewcomer_thenNewcomerRegistered() {
        fixture.givenNoPriorActivity()
                .when(registration(journeyId).withBirthYear(ARRIVAL.getYear()).command())
                .expectEvents(
                        registration(journeyId).withBirthYear(ARRIVAL.getYear()).event());
        createFixture();
        fixture.givenNoPriorActivity()
                .when(registration(journeyId).withBirthYear(1900).command())
                .expectEvents(registration(journeyId).withBirthYear(1900).event());
    }

    @Test
    void givenArrivalToday_whenRegisterNewcomer_thenNewcomerRegistered() {
        fixture.givenNoPriorActivity()
                .when(registration(journeyId).withArrivalDate(TODAY).command())
                .expectEvents(registration(journeyId).withArrivalDate(TODAY).event());
    }

    @Test
    void givenRegisteredJourney_whenRegisterNewcomerAgain_thenJourneyAlreadyRegistered() {
        givenRegistered()
                .when(registration(journeyId).command())
                .expectNoEvents()
                .expectException(violating(Rule.JOURNEY_ALREADY_REGISTERED));
    }

    @Test
    void givenArrivalTomorrow_whenRegisterNewcomer_thenDateInFuture() {
        fixture.givenNoPriorActivity()
                .when(registration(journeyId).withArrivalDate(TODAY.plusDays(1)).command())
                .expectNoEvents()
                .expectException(violating(Rule.DATE_IN_FUTURE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"147", "14735", "14a3", " "})
    void givenMalformedMunicipalityCode_whenRegisterNewcomer_thenMunicipalityCodeInvalid(String code) {
        fixture.givenNoPriorActivity()
                .when(registration(journeyId).withMunicipalityCode(code).command())
                .expectNoEvents()
                .expectException(
                        violating(code.isBlank() ? Rule.REQUIRED_VALUE_MISSING : Rule.MUNICIPALITY_CODE_INVALID));
    }

    @ParameterizedTest
    @ValueSource(strings = {"se", "SWE", "S1"})
    void givenMalformedCountryOfBirth_whenRegisterNewcomer_thenCountryOfBirthInvalid(String country) {
        fixture.givenNoPriorActivity()
                .when(registration(journeyId).withCountryOfBirth(country).command())
                .expectNoEvents()
                .expectException(violating(Rule.COUNTRY_OF_BIRTH_INVALID));
    }

    @ParameterizedTest
    @ValueSource(ints = {1899, 2025})
    void givenBirthYearOutsideRange_whenRegisterNewcomer_thenBirthYearOutOfRange(int birthYear) {
        fixture.givenNoPriorActivity()
                .when(registration(journeyId).withBirthYear(birthYear).command())
                .expectNoEvents()
                .expectException(violating(Rule.BIRTH_YEAR_OUT_OF_RANGE));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "199001152388",
                "19900115+2389",
                "9001152389",
                "199013152383",
                "199002302385",
                "1990011523890",
                "19900115238X",
                "199001952389"
            })
    void givenInvalidIdentityNumber_whenRegisterNewcomer_thenRefusedWithoutRepeatingIt(String number) {
        fixture.givenNoPriorActivity()
                .when(registration(journeyId).withPersonalIdentityNumber(number).command())
                .expectNoEvents()
                .expectException(violating(Rule.INVALID_PERSONAL_IDENTITY_NUMBER))
                .expectExceptionMessage(allOf(not(containsString(number)), not(containsString(FULL_NAME))));
    }

    @Test
    void givenBlankName_whenRegisterNewcomer_thenRequiredValueMissing() {
        fixture.givenNoPriorActivity()
                .when(registration(journeyId).withFullName("  ").command())
                .expectNoEvents()
                .expectException(violating(Rule.REQUIRED_VALUE_MISSING))
                .expectExceptionMessage(containsString("fullName"));
    }

    @Test
    void givenNoGender_whenRegisterNewcomer_thenRequiredValueMissing() {
        fixture.givenNoPriorActivity()
                .when(registration(journeyId).withGender(null).command())
                .expectNoEvents()
                .expectException(violating(Rule.REQUIRED_VALUE_MISSING));
    }

    @Test
    void givenNoJourney_whenRecordingAMilestone_thenTheJourneyIsNotFound() {
        fixture.givenNoPriorActivity()
                .when(new RecordIntroductoryMeeting(journeyId, null, day(1)))
                .expectNoEvents()
                .expectException(AggregateNotFoundException.class);
    }

    @Test
    void givenRegisteredJourney_whenCorrectPersonalDetails_thenPersonalDetailsCorrected() {
        givenRegistered()
                .when(new CorrectPersonalDetails(
                        journeyId, null, new PersonalDetails(" Amina Hadad ", "19121212-1212")))
                .expectEvents(
                        new PersonalDetailsCorrected(journeyId, new PersonalDetails("Amina Hadad", "191212121212")))
                .expectResultMessagePayloadMatching(recordedAsVersion(1));
    }

    @Test
    void givenClosedJourney_whenCorrectPersonalDetails_thenPersonalDetailsCorrected() {
        givenRegistered(closed(journeyId, day(100)))
                .when(new CorrectPersonalDetails(journeyId, null, new PersonalDetails("Amina Hadad", null)))
                .expectEvents(new PersonalDetailsCorrected(journeyId, new PersonalDetails("Amina Hadad", null)));
    }

    @Test
    void givenRegisteredJourney_whenCorrectPersonalDetailsWithInvalidNumber_thenRefusedWithoutPersonalData() {
        givenRegistered()
                .when(new CorrectPersonalDetails(journeyId, null, new PersonalDetails(FULL_NAME, "199001152388")))
                .expectNoEvents()
                .expectException(violating(Rule.INVALID_PERSONAL_IDENTITY_NUMBER))
                .expectExceptionMessage(allOf(
                        not(containsString("199001152388")),
                        not(containsString(FULL_NAME)),
                        not(containsString(PERSONAL_IDENTITY_NUMBER))));
    }

    @Test
    void givenRegisteredJourney_whenCorrectPersonalDetailsWithoutName_thenRequiredValueMissing() {
        givenRegistered()
                .when(new CorrectPersonalDetails(journeyId, null, new PersonalDetails(null, PERSONAL_IDENTITY_NUMBER)))
                .expectNoEvents()
                .expectException(violating(Rule.REQUIRED_VALUE_MISSING));
    }

    @Test
    void givenRegisteredJourney_whenCorrectPersonalDetailsWithNone_thenRequiredValueMissing() {
        givenRegistered()
                .when(new CorrectPersonalDetails(journeyId, null, null))
                .expectNoEvents()
                .expectException(violating(Rule.REQUIRED_VALUE_MISSING));
    }

    @Test
    void givenAnyGender_whenRegisterNewcomer_thenItIsKept() {
        fixture.givenNoPriorActivity()
                .when(registration(journeyId).withGender(Gender.OTHER).command())
                .expectEvents(registration(journeyId).withGender(Gender.OTHER).event());
    }
}
