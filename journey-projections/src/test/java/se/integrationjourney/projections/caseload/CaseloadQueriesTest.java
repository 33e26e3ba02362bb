package se.integrationjourney.projections.caseload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;
import se.integrationjourney.core.events.ActionPlanEstablished;
import se.integrationjourney.core.events.ActionPlanGoal;
import se.integrationjourney.core.events.CaseworkerAssigned;
import se.integrationjourney.core.events.ClosureReason;
import se.integrationjourney.core.events.EducationLevel;
import se.integrationjourney.core.events.EmploymentStarted;
import se.integrationjourney.core.events.EmploymentType;
import se.integrationjourney.core.events.EstablishmentEndReason;
import se.integrationjourney.core.events.EstablishmentPlanEnded;
import se.integrationjourney.core.events.EstablishmentPlanStarted;
import se.integrationjourney.core.events.FollowUpRecorded;
import se.integrationjourney.core.events.FollowUpSource;
import se.integrationjourney.core.events.Gender;
import se.integrationjourney.core.events.HousingSecured;
import se.integrationjourney.core.events.IntroductoryMeetingHeld;
import se.integrationjourney.core.events.JourneyClosed;
import se.integrationjourney.core.events.JourneyEvent;
import se.integrationjourney.core.events.JourneyReopened;
import se.integrationjourney.core.events.MilestoneRetracted;
import se.integrationjourney.core.events.NewcomerRegistered;
import se.integrationjourney.core.events.OutcomeStatus;
import se.integrationjourney.core.events.PersonalDetails;
import se.integrationjourney.core.events.PersonalDetailsCorrected;
import se.integrationjourney.core.events.ReceptionType;
import se.integrationjourney.core.events.SfiEnrolled;
import se.integrationjourney.core.events.SfiLevel;
import se.integrationjourney.core.events.SfiLevelReached;
import se.integrationjourney.core.events.StudiesStarted;
import se.integrationjourney.core.events.StudyLevel;
import se.integrationjourney.core.events.Tenure;
import se.integrationjourney.projections.casefile.Stage;
import se.integrationjourney.projections.runtime.ViewTables;
import se.integrationjourney.projections.testsupport.EventFeeder;
import se.integrationjourney.projections.testsupport.ViewDatabase;

class CaseloadQueriesTest {

    @RegisterExtension
    static final ViewDatabase database = new ViewDatabase();

    /** Each test works in a municipality of its own, so tests sharing the database never see each other's rows. */
    private static final AtomicInteger MUNICIPALITIES = new AtomicInteger(1000);

    private final EventFeeder feeder = new EventFeeder();
    private final String municipality = String.valueOf(MUNICIPALITIES.getAndIncrement());
    private Object handlers;

    private Object handlers() {
        if (handlers == null) {
            handlers =
                    new CaseloadProjection(database.jdbc(), CaseloadThresholds.DEFAULTS).eventHandlers(ViewTables.LIVE);
        }
        return handlers;
    }

    // --- due actions counted from arrival ---

    static Stream<Arguments> arrivalActions() {
        return Stream.of(
                Arguments.of(DueActionCode.NO_INTRODUCTORY_MEETING, 30, (BiFunction<UUID, LocalDate, JourneyEvent>)
                        IntroductoryMeetingHeld::new),
                Arguments.of(DueActionCode.NO_ACTION_PLAN, 60, (BiFunction<UUID, LocalDate, JourneyEvent>)
                        (id, on) -> new ActionPlanEstablished(id, on, Set.of(ActionPlanGoal.WORK), "plan")),
                Arguments.of(DueActionCode.NO_HOUSING, 90, (BiFunction<UUID, LocalDate, JourneyEvent>)
                        (id, on) -> new HousingSecured(id, on, Tenure.FIRST_HAND)),
                Arguments.of(DueActionCode.NOT_ENROLLED_IN_SFI, 30, (BiFunction<UUID, LocalDate, JourneyEvent>)
                        (id, on) -> new SfiEnrolled(id, on, 1)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("arrivalActions")
    void givenAnArrival_whenTheThresholdPasses_thenTheActionIsDueUntilTheMilestoneIsRecordedOrRetracted(
            DueActionCode code, int days, BiFunction<UUID, LocalDate, JourneyEvent> milestone) {
        LocalDate arrival = date(2024, 1, 10);
        UUID journey = register(arrival);
        LocalDate dueDay = arrival.plusDays(days);

        assertThat(codes(journey, dueDay.minusDays(1))).doesNotContain(code.name());
        assertThat(dueActions(journey, dueDay)).contains(new DueAction(code.name(), dueDay));

        String recorded = feeder.feedOne(handlers(), milestone.apply(journey, dueDay.plusDays(3)));
        assertThat(codes(journey, dueDay.plusDays(10))).doesNotContain(code.name());

        feeder.feedOne(handlers(), new MilestoneRetracted(journey, recorded, "wrong journey"));
        assertThat(dueActions(journey, dueDay.plusDays(10))).contains(new DueAction(code.name(), dueDay));
    }

    @Test
    void givenNoCaseworker_whenTheJourneyHasArrived_thenNoCaseworkerIsDueSinceArrivalUntilOneIsAssigned() {
        LocalDate arrival = date(2024, 1, 10);
        UUID journey = register(arrival);

        assertThat(codes(journey, arrival.minusDays(1))).isEmpty();
        assertThat(dueActions(journey, arrival)).containsExactly(new DueAction("NO_CASEWORKER", arrival));

        String assigned = feeder.feedOne(handlers(), new CaseworkerAssigned(journey, arrival.plusDays(2), "cw-1"));
        assertThat(codes(journey, arrival.plusDays(5))).isEmpty();
        assertThat(item(journey, arrival.plusDays(5)).caseworkerId()).isEqualTo("cw-1");

        feeder.feedOne(handlers(), new MilestoneRetracted(journey, assigned, "wrong caseworker"));
        assertThat(dueActions(journey, arrival.plusDays(5))).containsExactly(new DueAction("NO_CASEWORKER", arrival));
    }

    @Test
    void givenNothingRecorded_whenLongAfterArrival_thenTheActionsAreListedMostOverdueFirst() {
        LocalDate arrival = date(2024, 1, 10);
        UUID journey = register(arrival);

        assertThat(dueActions(journey, arrival.plusDays(200)))
                .containsExactly(
                        new DueAction("NO_CASEWORKER", arrival),
                        new DueAction("NO_INTRODUCTORY_MEETING", arrival.plusDays(30)),
                        new DueAction("NOT_ENROLLED_IN_SFI", arrival.plusDays(30)),
                        new DueAction("NO_ACTION_PLAN", arrival.plusDays(60)),
                        new DueAction("NO_HOUSING", arrival.plusDays(90)));
    }

    // --- establishment ending ---

    @Test
    void givenAnEstablishmentPlan_whenItsEndIsWithin90Days_thenDueUntilTheEndDayUnlessInWorkOrStudies() {
        UUID journey = registerDone(date(2023, 2, 1));
        feeder.feedOne(handlers(), new EstablishmentPlanStarted(journey, date(2023, 3, 1)));
        LocalDate end = date(2025, 3, 1);
        LocalDate since = end.minusDays(90);
        String code = "ESTABLISHMENT_ENDING_NOT_IN_WORK_OR_STUDIES";

        assertThat(codes(journey, since.minusDays(1))).doesNotContain(code);
        assertThat(dueActions(journey, since)).contains(new DueAction(code, since));
        assertThat(dueActions(journey, end)).contains(new DueAction(code, since));
        assertThat(codes(journey, end.plusDays(1))).doesNotContain(code);
        assertThat(item(journey, since).stage()).isEqualTo(Stage.ESTABLISHMENT);

        String employed = feeder.feedOne(
                handlers(),
                new EmploymentStarted(
                        journey, since.plusDays(5), "e1", EmploymentType.REGULAR, "care", BigDecimal.valueOf(40)));
        assertThat(codes(journey, since.plusDays(10))).doesNotContain(code);

        feeder.feedOne(handlers(), new MilestoneRetracted(journey, employed, "never started"));
        assertThat(codes(journey, since.plusDays(10))).contains(code);

        feeder.feedOne(handlers(), new StudiesStarted(journey, since.plusDays(12), "s1", StudyLevel.KOMVUX));
        assertThat(codes(journey, since.plusDays(20))).doesNotContain(code);
    }

    @Test
    void givenARecordedEstablishmentEnd_whenWithin90DaysOfIt_thenTheRecordedEndCounts() {
        UUID journey = registerDone(date(2023, 2, 1));
        feeder.feed(
                handlers(),
                new EstablishmentPlanStarted(journey, date(2023, 3, 1)),
                new EstablishmentPlanEnded(journey, date(2024, 6, 30), EstablishmentEndReason.OTHER));
        LocalDate since = date(2024, 6, 30).minusDays(90);

        assertThat(dueActions(journey, since))
                .containsExactly(new DueAction("ESTABLISHMENT_ENDING_NOT_IN_WORK_OR_STUDIES", since));
        assertThat(item(journey, date(2024, 7, 1)).stage()).isEqualTo(Stage.AFTER_ESTABLISHMENT);
        assertThat(codes(journey, date(2024, 7, 1))).isEmpty();
    }

    // --- SFI right ---

    @Test
    void givenAnSfiEnrolment_whenTheRightEndsWithin90DaysWithoutLevelD_thenDueUntilTheRightEnds() {
        UUID journey = registerDone(date(2023, 6, 1), "sfi");
        feeder.feedOne(handlers(), new SfiEnrolled(journey, date(2023, 6, 15), 1));
        LocalDate rightEnd = date(2026, 6, 15);
        LocalDate since = rightEnd.minusDays(90);
        String code = "SFI_RIGHT_ENDING_WITHOUT_LEVEL_D";

        assertThat(codes(journey, since.minusDays(1))).doesNotContain(code);
        assertThat(dueActions(journey, since)).contains(new DueAction(code, since));
        assertThat(dueActions(journey, rightEnd)).contains(new DueAction(code, since));
        assertThat(codes(journey, rightEnd.plusDays(1))).doesNotContain(code);

        feeder.feedOne(handlers(), new SfiLevelReached(journey, since.plusDays(1), SfiLevel.C));
        assertThat(codes(journey, since.plusDays(5)))
                .as("level C is not level D")
                .contains(code);

        String levelD = feeder.feedOne(handlers(), new SfiLevelReached(journey, since.plusDays(2), SfiLevel.D));
        assertThat(codes(journey, since.plusDays(5))).doesNotContain(code);

        feeder.feedOne(handlers(), new MilestoneRetracted(journey, levelD, "not passed"));
        assertThat(dueActions(journey, since.plusDays(5))).contains(new DueAction(code, since));
    }

    @Test
    void givenAnSfiRightEndingBefore2026_whenWithin90DaysOfItsEnd_thenNothingIsDueForTheRuleWasNotInForce() {
        UUID journey = registerDone(date(2022, 12, 1), "sfi");
        feeder.feedOne(handlers(), new SfiEnrolled(journey, date(2022, 12, 31), 1));

        assertThat(codes(journey, date(2025, 12, 31)))
                .as("right ends 2025-12-31")
                .isEmpty();
    }

    @Test
    void givenAnSfiRightEndingOnTheFirstDayOf2026_whenWithin90DaysOfItsEnd_thenItIsDue() {
        UUID journey = registerDone(date(2022, 12, 1), "sfi");
        feeder.feedOne(handlers(), new SfiEnrolled(journey, date(2023, 1, 1), 1));
        LocalDate rightEnd = CaseloadThresholds.SFI_RIGHT_IN_FORCE_FROM;

        assertThat(dueActions(journey, rightEnd.minusDays(1)))
                .containsExactly(new DueAction("SFI_RIGHT_ENDING_WITHOUT_LEVEL_D", rightEnd.minusDays(90)));
    }

    // --- follow-up ---

    @Test
    void givenTheMeasurementPoint_whenReachedWithoutA24MonthFollowUp_thenFollowUpIsDueSinceThen() {
        UUID journey = registerDone(date(2020, 12, 1));
        feeder.feedOne(handlers(), new EstablishmentPlanStarted(journey, date(2021, 1, 10)));
        feeder.feedOne(
                handlers(),
                new EmploymentStarted(
                        journey, date(2021, 6, 1), "e1", EmploymentType.REGULAR, "it", BigDecimal.valueOf(40)));
        LocalDate measurementPoint = date(2025, 1, 10);

        assertThat(codes(journey, measurementPoint.minusDays(1))).isEmpty();
        assertThat(dueActions(journey, measurementPoint))
                .containsExactly(new DueAction("FOLLOW_UP_DUE", measurementPoint));
        assertThat(item(journey, measurementPoint).stage()).isEqualTo(Stage.FOLLOW_UP);

        feeder.feedOne(
                handlers(),
                new FollowUpRecorded(journey, date(2024, 1, 20), 12, OutcomeStatus.EMPLOYED, FollowUpSource.REGISTER));
        assertThat(codes(journey, measurementPoint.plusDays(1)))
                .as("a 12-month follow-up does not settle it")
                .containsExactly("FOLLOW_UP_DUE");

        String followUp = feeder.feedOne(
                handlers(),
                new FollowUpRecorded(
                        journey, measurementPoint.plusDays(3), 24, OutcomeStatus.EMPLOYED, FollowUpSource.INTERVIEW));
        assertThat(codes(journey, measurementPoint.plusDays(5))).isEmpty();

        feeder.feedOne(handlers(), new MilestoneRetracted(journey, followUp, "another person's interview"));
        assertThat(dueActions(journey, measurementPoint.plusDays(5)))
                .containsExactly(new DueAction("FOLLOW_UP_DUE", measurementPoint));
    }

    // --- configuration ---

    @Test
    void givenOtherThresholds_whenTheEventsAreHandled_thenTheActionsFollowThem() {
        CaseloadThresholds thresholds = new CaseloadThresholds(10, 20, 40, 5, 30, 2, 15);
        Object otherHandlers = new CaseloadProjection(database.jdbc(), thresholds).eventHandlers(ViewTables.LIVE);
        LocalDate arrival = date(2024, 1, 10);
        UUID journey = UUID.randomUUID();
        UUID withPlan = UUID.randomUUID();
        UUID withSfi = UUID.randomUUID();
        UUID withSfiByDefault = registerDone(date(2024, 3, 1));
        feeder.feed(
                otherHandlers,
                registered(journey, municipality, arrival, "Amal Hassan"),
                registered(withPlan, municipality, date(2023, 1, 10), "Sara Haile"),
                new CaseworkerAssigned(withPlan, date(2023, 1, 10), "cw"),
                new IntroductoryMeetingHeld(withPlan, date(2023, 1, 10)),
                new ActionPlanEstablished(withPlan, date(2023, 1, 10), Set.of(ActionPlanGoal.WORK), "plan"),
                new HousingSecured(withPlan, date(2023, 1, 10), Tenure.FIRST_HAND),
                new SfiEnrolled(withPlan, date(2023, 1, 10), 1),
                new SfiLevelReached(withPlan, date(2023, 6, 1), SfiLevel.D),
                new EstablishmentPlanStarted(withPlan, date(2023, 2, 1)),
                new EstablishmentPlanEnded(withPlan, date(2024, 5, 1), EstablishmentEndReason.OTHER),
                registered(withSfi, municipality, date(2024, 3, 1), "Yonas Tesfay"),
                new CaseworkerAssigned(withSfi, date(2024, 3, 1), "cw"),
                new IntroductoryMeetingHeld(withSfi, date(2024, 3, 1)),
                new ActionPlanEstablished(withSfi, date(2024, 3, 1), Set.of(ActionPlanGoal.WORK), "plan"),
                new HousingSecured(withSfi, date(2024, 3, 1), Tenure.FIRST_HAND),
                new SfiEnrolled(withSfi, date(2024, 3, 1), 1));

        assertThat(dueActions(journey, arrival.plusDays(39)))
                .containsExactly(
                        new DueAction("NO_CASEWORKER", arrival),
                        new DueAction("NOT_ENROLLED_IN_SFI", arrival.plusDays(5)),
                        new DueAction("NO_INTRODUCTORY_MEETING", arrival.plusDays(10)),
                        new DueAction("NO_ACTION_PLAN", arrival.plusDays(20)));
        assertThat(codes(journey, arrival.plusDays(40))).contains("NO_HOUSING");
        LocalDate establishmentWarning = date(2024, 5, 1).minusDays(30);
        assertThat(codes(withPlan, establishmentWarning.minusDays(1))).isEmpty();
        assertThat(dueActions(withPlan, establishmentWarning))
                .containsExactly(new DueAction("ESTABLISHMENT_ENDING_NOT_IN_WORK_OR_STUDIES", establishmentWarning));
        LocalDate sfiWarning = date(2026, 3, 1).minusDays(15);
        assertThat(codes(withSfi, sfiWarning.minusDays(1))).isEmpty();
        assertThat(dueActions(withSfi, sfiWarning))
                .containsExactly(new DueAction("SFI_RIGHT_ENDING_WITHOUT_LEVEL_D", sfiWarning));
        assertThat(codes(withSfiByDefault, sfiWarning)).as("3 years by default").isEmpty();
    }

    // --- filters ---

    @Test
    void givenJourneysOfSeveralCaseworkersAndMunicipalities_whenFiltered_thenOnlyTheirJourneysAreListed() {
        String otherMunicipality = String.valueOf(MUNICIPALITIES.getAndIncrement());
        String anna = "anna-" + municipality;
        String bo = "bo-" + municipality;
        UUID annasHere = register(date(2024, 1, 1));
        UUID bosHere = register(date(2024, 1, 2));
        UUID unassignedHere = register(date(2024, 1, 3));
        UUID annasThere = register(otherMunicipality, date(2024, 1, 4), "Sara Haile");
        UUID reassignedToBo = register(date(2024, 1, 5));
        feeder.feed(
                handlers(),
                new CaseworkerAssigned(annasHere, date(2024, 1, 2), anna),
                new CaseworkerAssigned(bosHere, date(2024, 1, 3), bo),
                new CaseworkerAssigned(annasThere, date(2024, 1, 5), anna),
                new CaseworkerAssigned(reassignedToBo, date(2024, 1, 6), anna),
                new CaseworkerAssigned(reassignedToBo, date(2024, 1, 7), bo));
        LocalDate today = date(2024, 2, 1);

        assertThat(journeys(today, new GetCaseload(null, municipality, false)))
                .containsExactlyInAnyOrder(annasHere, bosHere, unassignedHere, reassignedToBo);
        assertThat(journeys(today, new GetCaseload(anna, municipality, false))).containsExactly(annasHere);
        assertThat(journeys(today, new GetCaseload(bo, municipality, false)))
                .containsExactlyInAnyOrder(bosHere, reassignedToBo);
        assertThat(journeys(today, new GetCaseload(anna, null, false)))
                .containsExactlyInAnyOrder(annasHere, annasThere);
        assertThat(journeys(today, new GetCaseload(null, otherMunicipality, false)))
                .containsExactly(annasThere);
        assertThat(journeys(today, new GetCaseload(null, null, false, 0, GetCaseload.MAX_SIZE)))
                .contains(annasHere, bosHere, unassignedHere, annasThere, reassignedToBo);
    }

    @Test
    void givenAClosedJourney_whenQueried_thenItIsAbsentUntilTheClosureIsRetractedOrItIsReopened() {
        UUID open = register(date(2024, 1, 1));
        UUID closed = register(date(2024, 1, 2));
        UUID reopened = register(date(2024, 1, 3));
        String closing =
                feeder.feedOne(handlers(), new JourneyClosed(closed, date(2024, 2, 1), ClosureReason.MOVED_AWAY));
        feeder.feed(handlers(), new JourneyClosed(reopened, date(2024, 2, 1), ClosureReason.OTHER));
        LocalDate today = date(2024, 3, 1);

        assertThat(journeys(today, new GetCaseload(null, municipality, false))).containsExactly(open);

        feeder.feed(
                handlers(),
                new MilestoneRetracted(closed, closing, "did not move"),
                new JourneyReopened(reopened, date(2024, 2, 15)));
        assertThat(journeys(today, new GetCaseload(null, municipality, false))).containsExactly(open, closed, reopened);
    }

    @Test
    void givenJourneysWithAndWithoutDueActions_whenDueOnly_thenOnlyThoseWithDueActionsAreCounted() {
        UUID due = register(date(2024, 1, 1));
        UUID nothingDue = registerDone(date(2024, 1, 2));
        LocalDate today = date(2024, 6, 1);

        assertThat(journeys(today, new GetCaseload(null, municipality, false))).containsExactly(due, nothingDue);
        Caseload dueOnly = caseload(today, new GetCaseload(null, municipality, true));
        assertThat(dueOnly.items()).extracting(CaseloadItem::journeyId).containsExactly(due);
        assertThat(dueOnly.total()).isEqualTo(1);
    }

    @Test
    void givenJourneysInEveryStage_whenFilteredByStage_thenOnlyThoseInThatStageTodayAreListed() {
        UUID reception = registerDone(date(2022, 12, 1));
        UUID establishment = registerDone(date(2022, 12, 2));
        UUID afterEstablishment = registerDone(date(2022, 12, 3));
        UUID followUp = registerDone(date(2020, 12, 1));
        feeder.feed(
                handlers(),
                new EstablishmentPlanStarted(establishment, date(2023, 6, 1)), // ends 2025-06-01
                new EstablishmentPlanStarted(afterEstablishment, date(2023, 1, 10)),
                new EstablishmentPlanEnded(afterEstablishment, date(2023, 6, 30), EstablishmentEndReason.OTHER),
                new EstablishmentPlanStarted(followUp, date(2021, 1, 10))); // measurement point 2025-01-10
        LocalDate today = date(2025, 2, 1);

        assertThat(journeys(today, new GetCaseload(null, municipality, false, Stage.RECEPTION, null, 0, 50)))
                .containsExactly(reception);
        assertThat(journeys(today, new GetCaseload(null, municipality, false, Stage.ESTABLISHMENT, null, 0, 50)))
                .containsExactly(establishment);
        assertThat(journeys(today, new GetCaseload(null, municipality, false, Stage.AFTER_ESTABLISHMENT, null, 0, 50)))
                .containsExactly(afterEstablishment);
        Caseload inFollowUp = caseload(today, new GetCaseload(null, municipality, false, Stage.FOLLOW_UP, null, 0, 50));
        assertThat(inFollowUp.items()).extracting(CaseloadItem::journeyId).containsExactly(followUp);
        assertThat(inFollowUp.items()).extracting(CaseloadItem::stage).containsExactly(Stage.FOLLOW_UP);
        assertThat(inFollowUp.total()).isEqualTo(1);
        assertThat(journeys(date(2025, 1, 9), new GetCaseload(null, municipality, false, Stage.FOLLOW_UP, null, 0, 50)))
                .as("the day before the measurement point")
                .isEmpty();
    }

    @Test
    void givenJourneysDueInDifferentWays_whenFilteredByADueAction_thenOnlyThoseDueByItTodayMostOverdueFirst() {
        UUID noHousingEarlier = registerDone(date(2024, 1, 1), "housing"); // NO_HOUSING since 2024-03-31
        UUID nothingDone = register(date(2024, 1, 5)); // NO_HOUSING since 2024-04-04, NO_CASEWORKER since arrival
        UUID housed = registerDone(date(2024, 1, 2));
        UUID notYetDue = registerDone(date(2024, 5, 1), "housing"); // NO_HOUSING since 2024-07-30
        LocalDate today = date(2024, 6, 1);
        GetCaseload noHousing = new GetCaseload(null, municipality, false, null, DueActionCode.NO_HOUSING, 0, 50);

        Caseload answer = caseload(today, noHousing);

        assertThat(noHousing.dueOnly())
                .as("a due-action filter lists due journeys only")
                .isTrue();
        assertThat(answer.items())
                .extracting(CaseloadItem::journeyId)
                .as("most overdue first: by the earliest of all their due actions")
                .containsExactly(nothingDone, noHousingEarlier);
        assertThat(answer.total()).isEqualTo(2);
        assertThat(answer.items().get(0).dueActions())
                .as("the item still shows everything due")
                .contains(new DueAction("NO_CASEWORKER", date(2024, 1, 5)));
        assertThat(journeys(
                        today, new GetCaseload(null, municipality, false, null, DueActionCode.NO_CASEWORKER, 0, 50)))
                .containsExactly(nothingDone);
        assertThat(journeys(
                        today, new GetCaseload(null, municipality, false, null, DueActionCode.FOLLOW_UP_DUE, 0, 50)))
                .isEmpty();
        assertThat(List.of(housed, notYetDue)).doesNotContainAnyElementsOf(journeys(today, noHousing));
    }

    @Test
    void givenAnEndingWindow_whenFilteredByItsAction_thenListedOnlyFromItsSinceDateToItsEndDay() {
        UUID journey = registerDone(date(2023, 2, 1));
        feeder.feedOne(handlers(), new EstablishmentPlanStarted(journey, date(2023, 3, 1)));
        LocalDate end = date(2025, 3, 1);
        LocalDate since = end.minusDays(90);
        GetCaseload ending = new GetCaseload(
                null, municipality, false, null, DueActionCode.ESTABLISHMENT_ENDING_NOT_IN_WORK_OR_STUDIES, 0, 50);

        assertThat(journeys(since.minusDays(1), ending)).isEmpty();
        assertThat(journeys(since, ending)).containsExactly(journey);
        assertThat(journeys(end, ending)).containsExactly(journey);
        assertThat(caseload(end.plusDays(1), ending).total()).isZero();
    }

    @Test
    void givenTheStageClosed_whenAskedAsAFilter_thenRefusedForClosedJourneysAreNeverListed() {
        assertThatThrownBy(() -> new GetCaseload(null, null, false, Stage.CLOSED, null, 0, 50))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CLOSED");
    }

    // --- name search ---

    @Test
    void givenJourneysOfTwoMunicipalities_whenSearchingByPartOfAName_thenOnlyThisMunicipalitysMatchesInAnyCase() {
        String otherMunicipality = String.valueOf(MUNICIPALITIES.getAndIncrement());
        UUID asa = register(municipality, date(2024, 1, 1), "Åsa Öberg");
        UUID obergElsewhere = register(otherMunicipality, date(2024, 1, 1), "Åsa Öberg");
        UUID amal = register(municipality, date(2024, 1, 2), "Amal Hassan");
        CaseloadQueries queries = queries(database.jdbc(), date(2024, 2, 1));

        assertThat(queries.search(municipality, "öBERG", 10))
                .extracting(CaseloadItem::journeyId)
                .containsExactly(asa)
                .doesNotContain(obergElsewhere);
        assertThat(queries.search(municipality, "  hass ", 10))
                .extracting(CaseloadItem::journeyId)
                .containsExactly(amal);
        assertThat(queries.search(municipality, "a", 10))
                .extracting(CaseloadItem::journeyId)
                .containsExactly(amal, asa);
        assertThat(queries.search(municipality, "a", 1)).hasSize(1);
        assertThat(queries.search(municipality, "%", 10))
                .as("% is a character, not a wildcard")
                .isEmpty();
        assertThat(queries.search(municipality, "_", 10)).isEmpty();
    }

    @Test
    void givenAClosedJourney_whenSearchedByName_thenFoundAfterTheOpenOnesAsClosedWithNothingDue() {
        UUID closed = register(municipality, date(2024, 1, 1), "Amal Closed");
        UUID open = register(municipality, date(2024, 1, 2), "Amal Open");
        feeder.feedOne(handlers(), new JourneyClosed(closed, date(2024, 2, 1), ClosureReason.MOVED_AWAY));
        CaseloadQueries queries = queries(database.jdbc(), date(2024, 6, 1));

        List<CaseloadItem> found = queries.search(municipality, "amal", 10);

        assertThat(found).extracting(CaseloadItem::journeyId).containsExactly(open, closed);
        assertThat(found.get(1).stage()).isEqualTo(Stage.CLOSED);
        assertThat(found.get(1).dueActions()).isEmpty();
        assertThat(queries.itemOf(closed)).get().extracting(CaseloadItem::stage).isEqualTo(Stage.CLOSED);
    }

    @Test
    void givenABlankTextOrABadLimit_whenSearching_thenRefused() {
        CaseloadQueries queries = queries(database.jdbc(), date(2024, 6, 1));

        assertThatThrownBy(() -> queries.search(municipality, " ", 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> queries.search(null, "Amal", 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> queries.search(municipality, "Amal", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> queries.search(municipality, "Amal", CaseloadQueries.MAX_SEARCH_RESULTS + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // --- order and paging ---

    @Test
    void givenSeveralJourneys_whenQueried_thenTheMostOverdueComeFirstThenByArrivalThenById() {
        UUID housingOnly = registerDone(date(2024, 1, 1), "housing"); // NO_HOUSING since 2024-03-31
        UUID nothingDone = register(date(2024, 2, 1)); // NO_CASEWORKER since 2024-02-01
        UUID meetingMissing = register(date(2024, 1, 10)); // NO_INTRODUCTORY_MEETING since 02-09
        feeder.feed(
                handlers(),
                new CaseworkerAssigned(meetingMissing, date(2024, 1, 10), "cw"),
                new SfiEnrolled(meetingMissing, date(2024, 1, 10), 1));
        UUID arrivedOnTheSameDay = register(date(2024, 2, 9)); // NO_CASEWORKER since 2024-02-09
        UUID allDone = registerDone(date(2023, 12, 1)); // nothing due
        UUID[] twins = {
            UUID.fromString("00000000-0000-4000-8000-00000000000b"),
            UUID.fromString("00000000-0000-4000-8000-00000000000a")
        };
        for (UUID twin : twins) {
            feeder.feedOne(handlers(), registered(twin, municipality, date(2024, 2, 20), "Twin"));
        }
        LocalDate today = date(2024, 6, 1);

        assertThat(journeys(today, new GetCaseload(null, municipality, false)))
                .containsExactly(
                        nothingDone, meetingMissing, arrivedOnTheSameDay, twins[1], twins[0], housingOnly, allDone);
    }

    @Test
    void givenSevenJourneys_whenPaged_thenEachPageHoldsItsShareAndTheTotalIsAlwaysKnown() {
        List<UUID> all = new ArrayList<>();
        for (int day = 1; day <= 7; day++) {
            all.add(register(date(2024, 1, day)));
        }
        LocalDate today = date(2024, 2, 1);

        Caseload first = caseload(today, new GetCaseload(null, municipality, false, 0, 3));
        Caseload last = caseload(today, new GetCaseload(null, municipality, false, 2, 3));
        Caseload beyond = caseload(today, new GetCaseload(null, municipality, false, 3, 3));

        assertThat(first.items()).extracting(CaseloadItem::journeyId).containsExactlyElementsOf(all.subList(0, 3));
        assertThat(first.page()).isZero();
        assertThat(first.size()).isEqualTo(3);
        assertThat(first.total()).isEqualTo(7);
        assertThat(journeys(today, new GetCaseload(null, municipality, false, 1, 3)))
                .containsExactlyElementsOf(all.subList(3, 6));
        assertThat(last.items()).extracting(CaseloadItem::journeyId).containsExactly(all.get(6));
        assertThat(last.total()).isEqualTo(7);
        assertThat(beyond.items()).isEmpty();
        assertThat(beyond.page()).isEqualTo(3);
        assertThat(beyond.total()).isEqualTo(7);
    }

    @Test
    void givenNoJourneys_whenQueried_thenAnEmptyPageWithTotalZero() {
        Caseload empty = caseload(date(2024, 1, 1), new GetCaseload(null, municipality, false));

        assertThat(empty).isEqualTo(new Caseload(List.of(), 0, GetCaseload.DEFAULT_SIZE, 0));
    }

    // --- the item ---

    @Test
    void givenARegisteredJourney_whenQueried_thenTheItemShowsNameArrivalStageAndTheCorrectedName() {
        UUID journey = register(municipality, date(2024, 1, 1), "Åsa Öberg");
        CaseloadItem item = item(journey, date(2024, 1, 1));
        assertThat(item.fullName()).isEqualTo("Åsa Öberg");
        assertThat(item.arrivalDate()).isEqualTo(date(2024, 1, 1));
        assertThat(item.stage()).isEqualTo(Stage.RECEPTION);
        assertThat(item.caseworkerId()).isNull();
        assertThat(item.toString()).doesNotContain("Åsa");

        feeder.feedOne(handlers(), new PersonalDetailsCorrected(journey, new PersonalDetails("أمل حسن", null)));
        assertThat(item(journey, date(2024, 1, 1)).fullName()).isEqualTo("أمل حسن");
    }

    // --- validation ---

    @Test
    void givenAPageOrSizeOutOfRange_whenTheQueryIsMade_thenItIsRefusedWithAClearMessage() {
        assertThatThrownBy(() -> new GetCaseload(null, null, false, -1, 50))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("page must be 0 or more, was -1");
        assertThatThrownBy(() -> new GetCaseload(null, null, false, 0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("size must be between 1 and 500, was 0");
        assertThatThrownBy(() -> new GetCaseload(null, null, false, 0, 501))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("size must be between 1 and 500, was 501");
        assertThatThrownBy(() -> new GetCaseload(null, "12345", false, 0, 50))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("municipalityCode must be four digits");

        assertThat(new GetCaseload(null, null, false, 0, 500).size()).isEqualTo(500);
        assertThat(new GetCaseload(" ", "", true)).isEqualTo(new GetCaseload(null, null, true, 0, 50));
    }

    @Test
    void givenAVeryLatePage_whenQueried_thenTheOffsetDoesNotOverflow() {
        Caseload page = caseload(date(2024, 1, 1), new GetCaseload(null, municipality, false, Integer.MAX_VALUE, 500));

        assertThat(page.items()).isEmpty();
        assertThat(page.total()).isZero();
    }

    // --- helpers ---

    private UUID register(LocalDate arrival) {
        return register(municipality, arrival, "Amal Hassan");
    }

    private UUID register(String municipalityCode, LocalDate arrival, String name) {
        UUID journey = UUID.randomUUID();
        feeder.feedOne(handlers(), registered(journey, municipalityCode, arrival, name));
        return journey;
    }

    /**
     * A journey with every reception milestone recorded on arrival, but those named in {@code except} ("housing",
     * "sfi"): nothing due until the later stages.
     */
    private UUID registerDone(LocalDate arrival, String... except) {
        UUID journey = register(arrival);
        Set<String> leftOut = Set.of(except);
        List<JourneyEvent> events = new ArrayList<>(List.of(
                new CaseworkerAssigned(journey, arrival, "cw-" + municipality),
                new IntroductoryMeetingHeld(journey, arrival),
                new ActionPlanEstablished(journey, arrival, Set.of(ActionPlanGoal.LANGUAGE), "plan")));
        if (!leftOut.contains("sfi")) {
            events.add(new SfiEnrolled(journey, arrival, 1));
        }
        if (!leftOut.contains("housing")) {
            events.add(new HousingSecured(journey, arrival, Tenure.SECOND_HAND));
        }
        feeder.feed(handlers(), events.toArray(JourneyEvent[]::new));
        return journey;
    }

    static NewcomerRegistered registered(UUID journey, String municipalityCode, LocalDate arrival, String name) {
        return new NewcomerRegistered(
                journey,
                arrival,
                municipalityCode,
                ReceptionType.ASSIGNED,
                1990,
                Gender.FEMALE,
                "ER",
                EducationLevel.SECONDARY,
                new PersonalDetails(name, null));
    }

    private Caseload caseload(LocalDate today, GetCaseload query) {
        return queries(database.jdbc(), today).handle(query);
    }

    static CaseloadQueries queries(JdbcTemplate jdbc, LocalDate today) {
        Clock clock = Clock.fixed(today.atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC);
        // A copy in memory never started: every query is PostgreSQL's (CaseloadPagingTest compares the two).
        return new CaseloadQueries(jdbc, clock, new CaseloadMemory(jdbc));
    }

    private List<UUID> journeys(LocalDate today, GetCaseload query) {
        return caseload(today, query).items().stream()
                .map(CaseloadItem::journeyId)
                .toList();
    }

    private CaseloadItem item(UUID journey, LocalDate today) {
        return caseload(today, new GetCaseload(null, municipality, false, 0, GetCaseload.MAX_SIZE)).items().stream()
                .filter(item -> item.journeyId().equals(journey))
                .findFirst()
                .orElseThrow(() -> new AssertionError("journey not in the caseload: " + journey));
    }

    private List<DueAction> dueActions(UUID journey, LocalDate today) {
        return item(journey, today).dueActions();
    }

    private List<String> codes(UUID journey, LocalDate today) {
        return dueActions(journey, today).stream().map(DueAction::code).toList();
    }

    private static LocalDate date(int year, int month, int day) {
        return LocalDate.of(year, month, day);
    }
}
