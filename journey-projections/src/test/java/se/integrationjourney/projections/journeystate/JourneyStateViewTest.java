package se.integrationjourney.projections.journeystate;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import se.integrationjourney.core.events.ClosureReason;
import se.integrationjourney.core.events.EducationLevel;
import se.integrationjourney.core.events.EmploymentStarted;
import se.integrationjourney.core.events.EmploymentType;
import se.integrationjourney.core.events.EstablishmentPlanStarted;
import se.integrationjourney.core.events.Gender;
import se.integrationjourney.core.events.HousingSecured;
import se.integrationjourney.core.events.InternshipKind;
import se.integrationjourney.core.events.InternshipStarted;
import se.integrationjourney.core.events.JourneyClosed;
import se.integrationjourney.core.events.MilestoneRetracted;
import se.integrationjourney.core.events.NewcomerRegistered;
import se.integrationjourney.core.events.PersonalDetails;
import se.integrationjourney.core.events.PersonalDetailsCorrected;
import se.integrationjourney.core.events.ReceptionType;
import se.integrationjourney.core.events.SfiEnrolled;
import se.integrationjourney.core.events.SfiLevel;
import se.integrationjourney.core.events.SfiLevelReached;
import se.integrationjourney.core.events.Tenure;
import se.integrationjourney.eventstore.personaldata.IdentityNumberLookup;
import se.integrationjourney.projections.casefile.Stage;
import se.integrationjourney.projections.runtime.ViewTables;
import se.integrationjourney.projections.testsupport.EventFeeder;
import se.integrationjourney.projections.testsupport.ViewDatabase;

class JourneyStateViewTest {

    @RegisterExtension
    static final ViewDatabase database = new ViewDatabase();

    private static final Clock TODAY =
            Clock.fixed(Instant.parse("2023-06-01T10:00:00Z"), ZoneId.of("Europe/Stockholm"));

    private final EventFeeder feeder = new EventFeeder();
    private static final IdentityNumberLookup LOOKUP = IdentityNumberLookup.withKey(new byte[32]);

    private final Object handlers = new JourneyStateProjection(database.jdbc(), LOOKUP).eventHandlers(ViewTables.LIVE);
    private final JourneyStateQueries queries = new JourneyStateQueries(database.jdbc(), TODAY, LOOKUP);
    private final UUID journey = UUID.randomUUID();

    @Test
    void givenARecordedJourney_whenQueried_thenItShowsRegistrationFirstMilestonesOpenEpisodesStageAndVersion() {
        feeder.feed(
                handlers,
                registered(),
                new HousingSecured(journey, date(2021, 4, 1), Tenure.FIRST_HAND),
                new SfiEnrolled(journey, date(2021, 2, 1), 1),
                new SfiLevelReached(journey, date(2021, 6, 1), SfiLevel.A),
                new SfiLevelReached(journey, date(2021, 9, 1), SfiLevel.C),
                new EstablishmentPlanStarted(journey, date(2021, 3, 1)),
                new InternshipStarted(journey, date(2022, 1, 10), "i1", InternshipKind.PRAKTIK, "retail"),
                new EmploymentStarted(
                        journey, date(2022, 8, 1), "e1", EmploymentType.REGULAR, "retail", new BigDecimal("30")));

        JourneyState state = queries.handle(new FindJourneyState(journey)).orElseThrow();

        assertThat(state.version()).isEqualTo(7);
        assertThat(state.municipalityCode()).isEqualTo("0562");
        assertThat(state.personalDetails().fullName()).isEqualTo("Ali Hassan");
        assertThat(state.firstMilestones().housingSecured()).isEqualTo(date(2021, 4, 1));
        assertThat(state.firstMilestones().sfiLevelB()).isEqualTo(date(2021, 9, 1));
        assertThat(state.firstMilestones().inWorkOrStudies()).isEqualTo(date(2022, 8, 1));
        assertThat(state.sfiLevel()).isEqualTo(SfiLevel.C);
        assertThat(state.openInternships())
                .extracting(JourneyState.OpenInternship::internshipId)
                .containsExactly("i1");
        assertThat(state.openEmployments())
                .extracting(JourneyState.OpenEmployment::employmentId)
                .containsExactly("e1");
        assertThat(state.establishmentEnd()).isEqualTo(date(2023, 3, 1));
        assertThat(state.measurementPoint()).isEqualTo(date(2025, 3, 1));
        assertThat(state.stage()).isEqualTo(Stage.AFTER_ESTABLISHMENT);
        assertThat(state.closed()).isFalse();
    }

    @Test
    void givenRetractionsAndACorrection_whenQueried_thenTheStateIsAsIfTheRetractedNeverHappened() {
        feeder.feed(handlers, registered());
        String level = feeder.feedOne(handlers, new SfiLevelReached(journey, date(2021, 9, 1), SfiLevel.C));
        String closing = feeder.feedOne(handlers, new JourneyClosed(journey, date(2022, 1, 1), ClosureReason.OTHER));
        feeder.feed(
                handlers,
                new MilestoneRetracted(journey, level, "wrong level"),
                new MilestoneRetracted(journey, closing, "not closed"),
                new PersonalDetailsCorrected(journey, new PersonalDetails("Ali Hassan Omar", "198702031233")));

        JourneyState state = queries.handle(new FindJourneyState(journey)).orElseThrow();

        assertThat(state.sfiLevel()).isNull();
        assertThat(state.firstMilestones().sfiLevelB()).isNull();
        assertThat(state.closed()).isFalse();
        assertThat(state.stage()).isEqualTo(Stage.RECEPTION);
        assertThat(state.personalDetails().fullName()).isEqualTo("Ali Hassan Omar");
        assertThat(state.version()).isEqualTo(5);
    }

    @Test
    void givenAnEventOfAJourneyTheBatchDidNotList_whenHandled_thenItsCaseFileIsReadNotStartedAnew() throws Exception {
        feeder.feed(handlers, registered());
        UUID other = UUID.randomUUID();
        org.axonframework.eventhandling.DomainEventMessage<?> otherEvent = feeder.message(
                new se.integrationjourney.core.events.IntroductoryMeetingHeld(journey, date(2021, 2, 1)));
        org.axonframework.eventhandling.DomainEventMessage<?> listed = feeder.message(new NewcomerRegistered(
                other,
                date(2021, 1, 20),
                "0562",
                ReceptionType.ASSIGNED,
                1990,
                Gender.FEMALE,
                "SY",
                EducationLevel.NONE,
                new PersonalDetails("Someone Else", null)));
        org.axonframework.eventhandling.AnnotationEventHandlerAdapter adapter =
                new org.axonframework.eventhandling.AnnotationEventHandlerAdapter(handlers);

        // A unit of work that lists only the other journey, as a retried dead letter's might.
        org.axonframework.messaging.unitofwork.DefaultUnitOfWork.startAndGet(listed)
                .execute(() -> {
                    try {
                        adapter.handle(listed);
                        adapter.handle(otherEvent);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });

        JourneyState state = queries.handle(new FindJourneyState(journey)).orElseThrow();
        assertThat(state.municipalityCode()).as("the registration survives").isEqualTo("0562");
        assertThat(state.firstMilestones().introductoryMeeting()).isEqualTo(date(2021, 2, 1));
        assertThat(state.version()).isEqualTo(1);
    }

    @Test
    void givenAPersonWithJourneysInTwoMunicipalities_whenLookedUpByIdentityNumber_thenBothNewestFirst() {
        UUID earlier = UUID.randomUUID();
        UUID later = UUID.randomUUID();
        String number = "199003012391";
        feeder.feed(handlers, registration(earlier, date(2020, 5, 1), "1473", number));
        feeder.feed(handlers, new JourneyClosed(earlier, date(2021, 2, 1), ClosureReason.MOVED_AWAY));
        feeder.feed(handlers, registration(later, date(2021, 3, 1), "1287", number));
        feeder.feed(handlers, registered());

        assertThat(queries.withPersonalIdentityNumber(number))
                .containsExactly(
                        new JourneyMatch(later, "1287", date(2021, 3, 1), false),
                        new JourneyMatch(earlier, "1473", date(2020, 5, 1), true));
        assertThat(queries.withPersonalIdentityNumber("198707120023")).isEmpty();
    }

    @Test
    void givenNoSuchJourney_whenQueried_thenNothing() {
        assertThat(queries.handle(new FindJourneyState(UUID.randomUUID()))).isEmpty();
    }

    private static NewcomerRegistered registration(
            UUID journeyId, LocalDate arrival, String municipality, String identityNumber) {
        return new NewcomerRegistered(
                journeyId,
                arrival,
                municipality,
                ReceptionType.OWN_ARRANGEMENT,
                1990,
                Gender.FEMALE,
                "ER",
                EducationLevel.SECONDARY,
                new PersonalDetails("Selam Tesfaye", identityNumber));
    }

    private NewcomerRegistered registered() {
        return new NewcomerRegistered(
                journey,
                date(2021, 1, 20),
                "0562",
                ReceptionType.ASSIGNED,
                1987,
                Gender.MALE,
                "SY",
                EducationLevel.POST_SECONDARY,
                new PersonalDetails("Ali Hassan", null));
    }

    private static LocalDate date(int year, int month, int day) {
        return LocalDate.of(year, month, day);
    }
}
