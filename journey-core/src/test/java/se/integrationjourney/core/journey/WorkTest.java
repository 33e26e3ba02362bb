package se.integrationjourney.core.journey;

import static se.integrationjourney.core.events.EmploymentType.NYSTARTSJOBB;
import static se.integrationjourney.core.events.EmploymentType.REGULAR;
import static se.integrationjourney.core.events.InternshipKind.ARBETSTRANING;
import static se.integrationjourney.core.events.InternshipOutcome.EMPLOYMENT_OFFERED;
import static se.integrationjourney.core.journey.JourneyEvents.businessClosed;
import static se.integrationjourney.core.journey.JourneyEvents.businessStarted;
import static se.integrationjourney.core.journey.JourneyEvents.closed;
import static se.integrationjourney.core.journey.JourneyEvents.day;
import static se.integrationjourney.core.journey.JourneyEvents.employmentEnded;
import static se.integrationjourney.core.journey.JourneyEvents.employmentStarted;
import static se.integrationjourney.core.journey.JourneyEvents.internshipEnded;
import static se.integrationjourney.core.journey.JourneyEvents.internshipStarted;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import se.integrationjourney.core.commands.CloseBusiness;
import se.integrationjourney.core.commands.EndEmployment;
import se.integrationjourney.core.commands.EndInternship;
import se.integrationjourney.core.commands.StartBusiness;
import se.integrationjourney.core.commands.StartEmployment;
import se.integrationjourney.core.commands.StartInternship;
import se.integrationjourney.core.events.BusinessClosed;
import se.integrationjourney.core.events.BusinessStarted;
import se.integrationjourney.core.events.EmploymentEnded;
import se.integrationjourney.core.events.EmploymentStarted;
import se.integrationjourney.core.events.InternshipEnded;
import se.integrationjourney.core.events.InternshipStarted;

/** Internships, employments and businesses. */
class WorkTest extends JourneyFixtureTest {

    @Test
    void givenRegisteredJourney_whenStartInternship_thenInternshipStarted() {
        givenRegistered()
                .when(new StartInternship(journeyId, null, day(60), "p-1", ARBETSTRANING, "retail"))
                .expectEvents(new InternshipStarted(journeyId, day(60), "p-1", ARBETSTRANING, "retail"));
    }

    @Test
    void givenOpenInternship_whenStartAnotherWithAnotherId_thenInternshipStarted() {
        givenRegistered(internshipStarted(journeyId, "p-1", day(60)))
                .when(new StartInternship(journeyId, null, day(61), "p-2", ARBETSTRANING, "retail"))
                .expectEvents(new InternshipStarted(journeyId, day(61), "p-2", ARBETSTRANING, "retail"));
    }

    @Test
    void givenOpenInternship_whenStartTheSameId_thenEpisodeAlreadyOpen() {
        givenRegistered(internshipStarted(journeyId, "p-1", day(60)))
                .when(new StartInternship(journeyId, null, day(70), "p-1", ARBETSTRANING, "retail"))
                .expectNoEvents()
                .expectException(violating(Rule.EPISODE_ALREADY_OPEN));
    }

    @Test
    void givenRegisteredJourney_whenStartInternshipWithoutSector_thenRequiredValueMissing() {
        givenRegistered()
                .when(new StartInternship(journeyId, null, day(60), "p-1", ARBETSTRANING, " "))
                .expectNoEvents()
                .expectException(violating(Rule.REQUIRED_VALUE_MISSING));
    }

    @Test
    void givenClosedJourney_whenStartInternship_thenJourneyClosed() {
        givenRegistered(closed(journeyId, day(50)))
                .when(new StartInternship(journeyId, null, day(60), "p-1", ARBETSTRANING, "retail"))
                .expectNoEvents()
                .expectException(violating(Rule.JOURNEY_CLOSED));
    }

    @Test
    void givenOpenInternship_whenEndInternship_thenInternshipEnded() {
        givenRegistered(internshipStarted(journeyId, "p-1", day(60)))
                .when(new EndInternship(journeyId, null, day(60), "p-1", EMPLOYMENT_OFFERED))
                .expectEvents(new InternshipEnded(journeyId, day(60), "p-1", EMPLOYMENT_OFFERED));
    }

    @Test
    void givenOpenInternship_whenEndAnotherId_thenEpisodeNotStarted() {
        givenRegistered(internshipStarted(journeyId, "p-1", day(60)))
                .when(new EndInternship(journeyId, null, day(90), "p-2", EMPLOYMENT_OFFERED))
                .expectNoEvents()
                .expectException(violating(Rule.EPISODE_NOT_STARTED));
    }

    @Test
    void givenEndedInternship_whenEndItAgain_thenEpisodeNotStarted() {
        givenRegistered(internshipStarted(journeyId, "p-1", day(60)), internshipEnded(journeyId, "p-1", day(90)))
                .when(new EndInternship(journeyId, null, day(95), "p-1", EMPLOYMENT_OFFERED))
                .expectNoEvents()
                .expectException(violating(Rule.EPISODE_NOT_STARTED));
    }

    @Test
    void givenOpenInternship_whenEndItBeforeItsStart_thenEndBeforeStart() {
        givenRegistered(internshipStarted(journeyId, "p-1", day(60)))
                .when(new EndInternship(journeyId, null, day(59), "p-1", EMPLOYMENT_OFFERED))
                .expectNoEvents()
                .expectException(violating(Rule.END_BEFORE_START));
    }

    @Test
    void givenOpenInternship_whenEndItWithoutOutcome_thenRequiredValueMissing() {
        givenRegistered(internshipStarted(journeyId, "p-1", day(60)))
                .when(new EndInternship(journeyId, null, day(90), "p-1", null))
                .expectNoEvents()
                .expectException(violating(Rule.REQUIRED_VALUE_MISSING));
    }

    @Test
    void givenRegisteredJourney_whenStartEmployment_thenEmploymentStarted() {
        givenRegistered()
                .when(new StartEmployment(
                        journeyId, null, day(200), "e-1", NYSTARTSJOBB, "health care", new BigDecimal("37.5")))
                .expectEvents(new EmploymentStarted(
                        journeyId, day(200), "e-1", NYSTARTSJOBB, "health care", new BigDecimal("37.5")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.5", "168", "168.00"})
    void givenRegisteredJourney_whenStartEmploymentWithPossibleHours_thenEmploymentStarted(String hours) {
        givenRegistered()
                .when(new StartEmployment(journeyId, null, day(200), "e-1", REGULAR, "retail", new BigDecimal(hours)))
                .expectEvents(
                        new EmploymentStarted(journeyId, day(200), "e-1", REGULAR, "retail", new BigDecimal(hours)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-8", "168.01", "400"})
    void givenRegisteredJourney_whenStartEmploymentWithImpossibleHours_thenHoursPerWeekOutOfRange(String hours) {
        givenRegistered()
                .when(new StartEmployment(journeyId, null, day(200), "e-1", REGULAR, "retail", new BigDecimal(hours)))
                .expectNoEvents()
                .expectException(violating(Rule.HOURS_PER_WEEK_OUT_OF_RANGE));
    }

    @Test
    void givenRegisteredJourney_whenStartEmploymentWithoutType_thenRequiredValueMissing() {
        givenRegistered()
                .when(new StartEmployment(journeyId, null, day(200), "e-1", null, "retail", BigDecimal.TEN))
                .expectNoEvents()
                .expectException(violating(Rule.REQUIRED_VALUE_MISSING));
    }

    @Test
    void givenOpenEmployment_whenStartTheSameId_thenEpisodeAlreadyOpen() {
        givenRegistered(employmentStarted(journeyId, "e-1", day(200)))
                .when(new StartEmployment(journeyId, null, day(210), "e-1", REGULAR, "retail", BigDecimal.TEN))
                .expectNoEvents()
                .expectException(violating(Rule.EPISODE_ALREADY_OPEN));
    }

    @Test
    void givenEndedEmployment_whenStartTheSameIdAgain_thenEmploymentStarted() {
        givenRegistered(employmentStarted(journeyId, "e-1", day(200)), employmentEnded(journeyId, "e-1", day(250)))
                .when(new StartEmployment(journeyId, null, day(300), "e-1", REGULAR, "retail", BigDecimal.TEN))
                .expectEvents(new EmploymentStarted(journeyId, day(300), "e-1", REGULAR, "retail", BigDecimal.TEN));
    }

    @Test
    void givenOpenEmployment_whenEndEmployment_thenEmploymentEnded() {
        givenRegistered(employmentStarted(journeyId, "e-1", day(200)))
                .when(new EndEmployment(journeyId, null, day(380), "e-1"))
                .expectEvents(new EmploymentEnded(journeyId, day(380), "e-1"));
    }

    @Test
    void givenNoEmployment_whenEndEmployment_thenEpisodeNotStarted() {
        givenRegistered()
                .when(new EndEmployment(journeyId, null, day(380), "e-1"))
                .expectNoEvents()
                .expectException(violating(Rule.EPISODE_NOT_STARTED));
    }

    @Test
    void givenOpenEmployment_whenEndItBeforeItsStart_thenEndBeforeStart() {
        givenRegistered(employmentStarted(journeyId, "e-1", day(200)))
                .when(new EndEmployment(journeyId, null, day(199), "e-1"))
                .expectNoEvents()
                .expectException(violating(Rule.END_BEFORE_START));
    }

    @Test
    void givenClosedJourney_whenEndEmployment_thenJourneyClosed() {
        givenRegistered(employmentStarted(journeyId, "e-1", day(200)), closed(journeyId, day(300)))
                .when(new EndEmployment(journeyId, null, day(310), "e-1"))
                .expectNoEvents()
                .expectException(violating(Rule.JOURNEY_CLOSED));
    }

    @Test
    void givenRegisteredJourney_whenStartBusiness_thenBusinessStarted() {
        givenRegistered()
                .when(new StartBusiness(journeyId, null, day(400)))
                .expectEvents(new BusinessStarted(journeyId, day(400)));
    }

    @Test
    void givenOpenBusiness_whenStartBusiness_thenEpisodeAlreadyOpen() {
        givenRegistered(businessStarted(journeyId, day(400)))
                .when(new StartBusiness(journeyId, null, day(410)))
                .expectNoEvents()
                .expectException(violating(Rule.EPISODE_ALREADY_OPEN));
    }

    @Test
    void givenClosedBusiness_whenStartBusiness_thenBusinessStarted() {
        givenRegistered(businessStarted(journeyId, day(400)), businessClosed(journeyId, day(420)))
                .when(new StartBusiness(journeyId, null, day(430)))
                .expectEvents(new BusinessStarted(journeyId, day(430)));
    }

    @Test
    void givenOpenBusiness_whenCloseBusiness_thenBusinessClosed() {
        givenRegistered(businessStarted(journeyId, day(400)))
                .when(new CloseBusiness(journeyId, null, day(450)))
                .expectEvents(new BusinessClosed(journeyId, day(450)));
    }

    @Test
    void givenNoBusiness_whenCloseBusiness_thenEpisodeNotStarted() {
        givenRegistered()
                .when(new CloseBusiness(journeyId, null, day(450)))
                .expectNoEvents()
                .expectException(violating(Rule.EPISODE_NOT_STARTED));
    }

    @Test
    void givenOpenBusiness_whenCloseItBeforeItsStart_thenEndBeforeStart() {
        givenRegistered(businessStarted(journeyId, day(400)))
                .when(new CloseBusiness(journeyId, null, day(399)))
                .expectNoEvents()
                .expectException(violating(Rule.END_BEFORE_START));
    }

    @Test
    void givenClosedJourney_whenStartBusiness_thenJourneyClosed() {
        givenRegistered(closed(journeyId, day(300)))
                .when(new StartBusiness(journeyId, null, day(400)))
                .expectNoEvents()
                .expectException(violating(Rule.JOURNEY_CLOSED));
    }
}
