package se.integrationjourney.projections.outcomes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static se.integrationjourney.projections.outcomes.JourneyFactsBuilder.date;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import se.integrationjourney.core.events.BusinessStarted;
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
import se.integrationjourney.core.events.JourneyClosed;
import se.integrationjourney.core.events.MilestoneRetracted;
import se.integrationjourney.core.events.NewcomerRegistered;
import se.integrationjourney.core.events.OutcomeStatus;
import se.integrationjourney.core.events.PersonalDetails;
import se.integrationjourney.core.events.PersonalDetailsCorrected;
import se.integrationjourney.core.events.ReceptionType;
import se.integrationjourney.core.events.SelfSufficiencyBasis;
import se.integrationjourney.core.events.SelfSufficiencyReached;
import se.integrationjourney.core.events.StudiesStarted;
import se.integrationjourney.core.events.StudyLevel;
import se.integrationjourney.core.events.Tenure;
import se.integrationjourney.projections.runtime.ProjectionStatus;
import se.integrationjourney.projections.runtime.ViewTables;
import se.integrationjourney.projections.testsupport.EventFeeder;
import se.integrationjourney.projections.testsupport.ViewDatabase;

/**
 * The outcomes view end to end: journey events through the view's handlers into {@code outcome_facts}, then the
 * analysts' queries over it.
 */
class OutcomeQueriesTest {

    @RegisterExtension
    static final ViewDatabase database = new ViewDatabase();

    private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
    private static final LocalDate TODAY = date(2024, 10, 1);
    private static final long POSITION = 4711;
    /** When the events of these tests are stored, unless a test says otherwise: the day before the clock's today. */
    private static final Instant RECORDED =
            TODAY.minusDays(1).atTime(12, 0).atZone(STOCKHOLM).toInstant();

    private static final Duration SETTLE_MARGIN = Duration.ofSeconds(60);
    /** Now less the settle margin: what a question without knownAt is answered as known at. */
    private static final KnownAt NOW_SETTLED =
            new KnownAt(null, TODAY.atTime(12, 0).atZone(STOCKHOLM).toInstant().minus(SETTLE_MARGIN), true);

    private static final String TOREBODA = "1473";
    private static final String STOCKHOLM_CODE = "0180";

    private final EventFeeder feeder = new EventFeeder();
    private JdbcTemplate jdbc;
    private Object handlers;
    private OutcomeQueries queries;
    private Runnable onPositionRead = () -> {};

    @BeforeEach
    void setUp() {
        jdbc = database.jdbc();
        jdbc.update("delete from outcome_facts");
        handlers = new OutcomesProjection(jdbc).eventHandlers(ViewTables.LIVE);
        Clock clock = Clock.fixed(TODAY.atTime(12, 0).atZone(STOCKHOLM).toInstant(), STOCKHOLM);
        feeder.recordingAt(RECORDED);
        queries = new OutcomeQueries(jdbc, clock, SETTLE_MARGIN, new FedHistory(feeder, () -> {
            onPositionRead.run();
            return POSITION;
        }));
    }

    // --- two years after

    @Test
    void givenACohortWithMeasuredPendingAndLostJourneys_whenAskedWithoutMunicipality_thenEveryFigureFollowsDomainMd() {
        feedTheCohortOf2022();

        TwoYearsAfterOutcomeResponse outcome = queries.handle(new FindTwoYearsAfterOutcome(2022, null, null));

        assertThat(outcome.cohortYear()).isEqualTo(2022);
        assertThat(outcome.asOf()).as("today by the clock").isEqualTo(TODAY);
        assertThat(outcome.eventStorePosition()).isEqualTo(POSITION);
        assertThat(outcome.denominator()).isEqualTo(4);
        assertThat(outcome.pending()).isEqualTo(1);
        assertThat(outcome.lostToFollowUp()).isEqualTo(1);
        assertThat(outcome.byStatus())
                .containsExactly(
                        entry(OutcomeStatus.EMPLOYED, 1L),
                        entry(OutcomeStatus.SUBSIDISED_EMPLOYMENT, 1L),
                        entry(OutcomeStatus.SELF_EMPLOYED, 0L),
                        entry(OutcomeStatus.STUDYING, 1L),
                        entry(OutcomeStatus.FINANCIAL_ASSISTANCE, 1L),
                        entry(OutcomeStatus.UNKNOWN, 0L));
        assertThat(outcome.inWorkOrStudies()).isEqualTo(new CountAndShare(3, new BigDecimal("0.7500")));
        assertThat(outcome.selfSufficient()).isEqualTo(new CountAndShare(2, new BigDecimal("0.5000")));

        TwoYearsAfterOutcome.Breakdown women = outcome.byGender().get(Gender.FEMALE);
        assertThat(women.denominator()).isEqualTo(2);
        assertThat(women.pending()).isEqualTo(1);
        assertThat(women.inWorkOrStudies()).isEqualTo(new CountAndShare(1, new BigDecimal("0.5000")));
        TwoYearsAfterOutcome.Breakdown men = outcome.byGender().get(Gender.MALE);
        assertThat(men.denominator()).isEqualTo(2);
        assertThat(men.lostToFollowUp()).isEqualTo(1);
        assertThat(outcome.byGender().get(Gender.OTHER).denominator()).isZero();

        assertThat(outcome.byAgeBand().keySet()).containsExactly("20-24", "25-34", "35-44", "45-54", "55-64", "other");
        TwoYearsAfterOutcome.Breakdown twentyFiveToThirtyFour =
                outcome.byAgeBand().get("25-34");
        assertThat(twentyFiveToThirtyFour.denominator()).isEqualTo(1);
        assertThat(twentyFiveToThirtyFour.pending()).isEqualTo(1);
        assertThat(twentyFiveToThirtyFour.lostToFollowUp()).isEqualTo(1);
        assertThat(outcome.byAgeBand().get("20-24").byStatus()).containsEntry(OutcomeStatus.SUBSIDISED_EMPLOYMENT, 1L);
        assertThat(outcome.byAgeBand().get("45-54").byStatus()).containsEntry(OutcomeStatus.FINANCIAL_ASSISTANCE, 1L);
    }

    @Test
    void givenAMunicipality_whenAskedForTheTwoYearsAfterOutcome_thenOnlyItsJourneysCount() {
        feedTheCohortOf2022();

        TwoYearsAfterOutcomeResponse toreboda = queries.handle(new FindTwoYearsAfterOutcome(2022, TOREBODA, null));
        TwoYearsAfterOutcomeResponse stockholm =
                queries.handle(new FindTwoYearsAfterOutcome(2022, STOCKHOLM_CODE, null));

        assertThat(toreboda.denominator()).isEqualTo(3);
        assertThat(toreboda.pending()).isEqualTo(1);
        assertThat(toreboda.lostToFollowUp()).isEqualTo(1);
        assertThat(toreboda.byStatus()).containsEntry(OutcomeStatus.SUBSIDISED_EMPLOYMENT, 0L);
        assertThat(toreboda.inWorkOrStudies()).isEqualTo(new CountAndShare(2, new BigDecimal("0.6667")));
        assertThat(toreboda.selfSufficient()).isEqualTo(new CountAndShare(1, new BigDecimal("0.3333")));
        assertThat(stockholm.denominator()).isEqualTo(1);
        assertThat(stockholm.pending()).isZero();
        assertThat(stockholm.byStatus()).containsEntry(OutcomeStatus.SUBSIDISED_EMPLOYMENT, 1L);
        assertThat(queries.handle(new FindTwoYearsAfterOutcome(2022, "2480", null))
                        .denominator())
                .isZero();
    }

    @Test
    void givenAnEarlierAsOf_whenAskedForTheTwoYearsAfterOutcome_thenJourneysMeasuredLaterArePending() {
        feedTheCohortOf2022();

        TwoYearsAfterOutcomeResponse outcome =
                queries.handle(new FindTwoYearsAfterOutcome(2022, null, date(2024, 4, 1)));

        assertThat(outcome.asOf()).isEqualTo(date(2024, 4, 1));
        assertThat(outcome.denominator())
                .as("measured 2024-03-01 and 2024-02-01")
                .isEqualTo(2);
        assertThat(outcome.pending()).isEqualTo(4);
        assertThat(outcome.lostToFollowUp()).isZero();
    }

    @Test
    void givenARetractedEmployment_whenAskedAgain_thenTheStatusFallsBackToTheStudies() {
        UUID journey = register(TOREBODA, date(2020, 3, 1), 1990, Gender.FEMALE);
        feeder.feed(handlers, new EstablishmentPlanStarted(journey, date(2020, 6, 1)));
        String employment = feeder.feedOne(
                handlers,
                new EmploymentStarted(
                        journey, date(2023, 1, 1), "e1", EmploymentType.REGULAR, "it", BigDecimal.valueOf(40)));
        feeder.feed(handlers, new StudiesStarted(journey, date(2023, 6, 1), "s1", StudyLevel.KOMVUX));
        assertThat(queries.handle(new FindTwoYearsAfterOutcome(2022, null, null))
                        .byStatus())
                .containsEntry(OutcomeStatus.EMPLOYED, 1L);

        feeder.feed(handlers, new MilestoneRetracted(journey, employment, "recorded on the wrong journey"));

        TwoYearsAfterOutcomeResponse outcome = queries.handle(new FindTwoYearsAfterOutcome(2022, null, null));
        assertThat(outcome.denominator()).isEqualTo(1);
        assertThat(outcome.byStatus())
                .containsEntry(OutcomeStatus.EMPLOYED, 0L)
                .containsEntry(OutcomeStatus.STUDYING, 1L);
    }

    @Test
    void givenARetractedEstablishmentEnd_whenAskedAgain_thenTheJourneyMovesToTheCohortOfStartPlus24Months() {
        LocalDate asOf = date(2026, 1, 1);
        UUID journey = register(TOREBODA, date(2021, 2, 1), 1990, Gender.MALE);
        feeder.feed(handlers, new EstablishmentPlanStarted(journey, date(2021, 3, 1)));
        String end = feeder.feedOne(
                handlers, new EstablishmentPlanEnded(journey, date(2022, 2, 1), EstablishmentEndReason.WORK));
        assertThat(queries.handle(new FindTwoYearsAfterOutcome(2022, null, asOf))
                        .denominator())
                .isEqualTo(1);
        assertThat(queries.handle(new FindTwoYearsAfterOutcome(2023, null, asOf))
                        .denominator())
                .isZero();

        feeder.feed(handlers, new MilestoneRetracted(journey, end, "the plan did not end"));

        assertThat(jdbc.queryForObject(
                        "select establishment_end_year from outcome_facts where journey_id = ?",
                        Integer.class,
                        journey))
                .isEqualTo(2023);
        TwoYearsAfterOutcomeResponse before = queries.handle(new FindTwoYearsAfterOutcome(2022, null, asOf));
        assertThat(before.denominator() + before.pending() + before.lostToFollowUp())
                .isZero();
        assertThat(queries.handle(new FindTwoYearsAfterOutcome(2023, null, asOf))
                        .denominator())
                .as("ends 2023-03-01, measured 2025-03-01")
                .isEqualTo(1);
    }

    @Test
    void givenAJourneyRecordedWhileThePositionIsRead_whenAsked_thenItIsCountedBecauseThePositionIsReadFirst() {
        onPositionRead = () -> {
            UUID journey = register(TOREBODA, date(2020, 3, 1), 1990, Gender.FEMALE);
            feeder.feed(handlers, new EstablishmentPlanStarted(journey, date(2020, 6, 1)));
        };

        TwoYearsAfterOutcomeResponse outcome = queries.handle(new FindTwoYearsAfterOutcome(2022, null, null));

        assertThat(outcome.denominator()).isEqualTo(1);
    }

    // --- time to milestone

    @Test
    void givenArrivals_whenAskedForTheTimeToHousingFromArrival_thenTheArrivalYearIsTheCohort() {
        UUID p = register(TOREBODA, date(2021, 1, 10), 1990, Gender.FEMALE);
        UUID q = register(TOREBODA, date(2021, 6, 1), 1988, Gender.MALE);
        register(TOREBODA, date(2021, 3, 1), 1992, Gender.FEMALE);
        UUID s = register(TOREBODA, date(2020, 12, 1), 1980, Gender.MALE);
        UUID t = register(STOCKHOLM_CODE, date(2021, 2, 1), 1985, Gender.FEMALE);
        String qFirstHousing = feeder.feedOne(handlers, new HousingSecured(q, date(2021, 9, 1), Tenure.SECOND_HAND));
        feeder.feed(
                handlers,
                new HousingSecured(p, date(2021, 2, 9), Tenure.FIRST_HAND),
                new HousingSecured(q, date(2021, 10, 1), Tenure.FIRST_HAND),
                new HousingSecured(s, date(2021, 1, 1), Tenure.LODGER),
                new HousingSecured(t, date(2021, 2, 11), Tenure.FIRST_HAND));

        TimeToMilestoneResponse all =
                queries.handle(new FindTimeToMilestone(Milestone.HOUSING_SECURED, MeasuredFrom.ARRIVAL, 2021, 2, null));
        assertThat(all)
                .isEqualTo(new TimeToMilestoneResponse(
                        Milestone.HOUSING_SECURED,
                        MeasuredFrom.ARRIVAL,
                        4L,
                        3L,
                        30L,
                        10L,
                        92L,
                        2,
                        new CountAndShare(2, new BigDecimal("0.5000")),
                        TODAY,
                        NOW_SETTLED,
                        POSITION,
                        null,
                        List.of()));

        TimeToMilestoneResponse toreboda = queries.handle(
                new FindTimeToMilestone(Milestone.HOUSING_SECURED, MeasuredFrom.ARRIVAL, 2021, 2, TOREBODA));
        assertThat(toreboda)
                .isEqualTo(new TimeToMilestoneResponse(
                        Milestone.HOUSING_SECURED,
                        MeasuredFrom.ARRIVAL,
                        3L,
                        2L,
                        30L,
                        30L,
                        92L,
                        2,
                        new CountAndShare(1, new BigDecimal("0.3333")),
                        TODAY,
                        NOW_SETTLED,
                        POSITION,
                        null,
                        List.of()));

        feeder.feed(handlers, new MilestoneRetracted(q, qFirstHousing, "contract never signed"));
        TimeToMilestoneResponse afterRetraction = queries.handle(
                new FindTimeToMilestone(Milestone.HOUSING_SECURED, MeasuredFrom.ARRIVAL, 2021, null, TOREBODA));
        assertThat(afterRetraction.p75Days()).as("2021-06-01 to 2021-10-01").isEqualTo(122L);
        assertThat(afterRetraction.withinMonths()).isNull();
        assertThat(afterRetraction.reachedWithin()).isNull();
    }

    @Test
    void givenEstablishmentStarts_whenAskedForTheTimeToWorkOrStudies_thenTheStartYearIsTheCohort() {
        UUID u = register(TOREBODA, date(2020, 12, 1), 1990, Gender.FEMALE);
        UUID v = register(TOREBODA, date(2021, 3, 1), 1991, Gender.MALE);
        UUID w = register(TOREBODA, date(2021, 1, 20), 1992, Gender.FEMALE);
        UUID x = register(TOREBODA, date(2021, 11, 1), 1993, Gender.MALE);
        UUID y = register(TOREBODA, date(2021, 4, 1), 1994, Gender.OTHER);
        feeder.feed(
                handlers,
                new EstablishmentPlanStarted(u, date(2021, 2, 1)),
                new StudiesStarted(u, date(2021, 1, 15), "s1", StudyLevel.KOMVUX),
                new EstablishmentPlanStarted(v, date(2021, 5, 1)),
                new EmploymentStarted(v, date(2021, 8, 1), "e1", EmploymentType.EXTRATJANST, "care", BigDecimal.TEN),
                new EmploymentStarted(w, date(2021, 3, 1), "e1", EmploymentType.REGULAR, "it", BigDecimal.TEN),
                new EstablishmentPlanStarted(x, date(2022, 1, 10)),
                new BusinessStarted(x, date(2022, 2, 1)),
                new EstablishmentPlanStarted(y, date(2021, 4, 1)));

        TimeToMilestoneResponse fromStart = queries.handle(
                new FindTimeToMilestone(Milestone.IN_WORK_OR_STUDIES, MeasuredFrom.ESTABLISHMENT_START, 2021, 3, null));
        assertThat(fromStart)
                .isEqualTo(new TimeToMilestoneResponse(
                        Milestone.IN_WORK_OR_STUDIES,
                        MeasuredFrom.ESTABLISHMENT_START,
                        3L,
                        2L,
                        0L,
                        0L,
                        92L,
                        3,
                        new CountAndShare(2, new BigDecimal("0.6667")),
                        TODAY,
                        NOW_SETTLED,
                        POSITION,
                        null,
                        List.of()));

        TimeToMilestoneResponse fromArrival = queries.handle(
                new FindTimeToMilestone(Milestone.IN_WORK_OR_STUDIES, MeasuredFrom.ARRIVAL, 2021, null, TOREBODA));
        assertThat(fromArrival.cohortSize()).as("v, w, x, y arrived in 2021").isEqualTo(4);
        assertThat(fromArrival.reached()).isEqualTo(3);
    }

    @Test
    void givenArrivals_whenAskedForTheTimeToHousingByMonth_thenEachMonthIsWhatTheQueryForThatMonthGives() {
        UUID p = register(TOREBODA, date(2021, 1, 10), 1990, Gender.FEMALE);
        UUID q = register(TOREBODA, date(2021, 6, 1), 1988, Gender.MALE);
        register(TOREBODA, date(2021, 3, 1), 1992, Gender.FEMALE);
        UUID s = register(STOCKHOLM_CODE, date(2021, 2, 1), 1985, Gender.FEMALE);
        feeder.feed(
                handlers,
                new HousingSecured(p, date(2021, 2, 9), Tenure.FIRST_HAND),
                new HousingSecured(q, date(2022, 3, 1), Tenure.FIRST_HAND),
                new HousingSecured(s, date(2021, 2, 11), Tenure.FIRST_HAND));

        List<TimeToMilestoneResponse> byMonth = queries.handle(
                new FindTimeToMilestoneByMonth(Milestone.HOUSING_SECURED, MeasuredFrom.ARRIVAL, 2021, 12, TOREBODA));

        assertThat(byMonth).hasSize(13);
        for (int month = 0; month <= 12; month++) {
            assertThat(byMonth.get(month))
                    .as("within %d months", month)
                    .isEqualTo(queries.handle(new FindTimeToMilestone(
                            Milestone.HOUSING_SECURED, MeasuredFrom.ARRIVAL, 2021, month, TOREBODA)));
        }
        assertThat(byMonth.get(0).reachedWithin()).isEqualTo(new CountAndShare(0, new BigDecimal("0.0000")));
        assertThat(byMonth.get(1).reachedWithin()).isEqualTo(new CountAndShare(1, new BigDecimal("0.3333")));
        assertThat(byMonth.get(9).reachedWithin())
                .as("q's housing 2022-03-01 is within 9 months of 2021-06-01 only by month 9")
                .isEqualTo(new CountAndShare(2, new BigDecimal("0.6667")));
        assertThat(byMonth.get(8).reachedWithin().count()).isEqualTo(1);
        assertThatThrownBy(() -> new FindTimeToMilestoneByMonth(
                        Milestone.HOUSING_SECURED, MeasuredFrom.ARRIVAL, 2021, 121, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenANegativeWithinMonths_whenTheQueryIsMade_thenRefused() {
        assertThatThrownBy(
                        () -> new FindTimeToMilestone(Milestone.HOUSING_SECURED, MeasuredFrom.ARRIVAL, 2021, -1, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new FindTwoYearsAfterOutcome(2022, " ", null).municipalityCode())
                .isNull();
    }

    // --- the view itself

    @Test
    void givenPersonalDetailsAtRegistrationAndCorrection_whenStored_thenNoRowHoldsANameOrIdentityNumber() {
        UUID journey = UUID.randomUUID();
        feeder.feed(
                handlers,
                new NewcomerRegistered(
                        journey,
                        date(2021, 1, 15),
                        TOREBODA,
                        ReceptionType.ASSIGNED,
                        1990,
                        Gender.FEMALE,
                        "SY",
                        EducationLevel.SECONDARY,
                        new PersonalDetails("Zainab Qudsiyya Al-Hashimi", "199001011239")),
                new EstablishmentPlanStarted(journey, date(2021, 2, 1)));
        feeder.feed(
                handlers,
                new PersonalDetailsCorrected(journey, new PersonalDetails("Zainab Qudsiyya Haddad", "199001021238")));
        feeder.feed(handlers, new HousingSecured(journey, date(2021, 3, 1), Tenure.FIRST_HAND));

        List<String> rows = jdbc.queryForList("select row_to_json(o)::text from outcome_facts o", String.class);

        assertThat(rows).hasSize(1);
        assertThat(rows.get(0))
                .doesNotContain("Zainab")
                .doesNotContain("Qudsiyya")
                .doesNotContain("Al-Hashimi")
                .doesNotContain("Haddad")
                .doesNotContain("199001011239")
                .doesNotContain("9001011239")
                .doesNotContain("0101-1239")
                .doesNotContain("199001021238")
                .doesNotContain("9001021238");
        assertThat(jdbc.queryForObject(
                        "select case_file -> 'personalDetails' is null"
                                + " or json_typeof(case_file -> 'personalDetails') = 'null' from outcome_facts",
                        Boolean.class))
                .isTrue();
        assertThat(queries.handle(new FindTimeToMilestone(
                                Milestone.HOUSING_SECURED, MeasuredFrom.ARRIVAL, 2021, null, null))
                        .reached())
                .as("the stored facts still measure")
                .isEqualTo(1);
    }

    @Test
    void givenAJourney_whenStored_thenItsCohortYearsAndMunicipalityAreInTheirColumns() {
        UUID withPlan = register(STOCKHOLM_CODE, date(2020, 12, 20), 1990, Gender.FEMALE);
        UUID withoutPlan = register(TOREBODA, date(2021, 1, 15), 1990, Gender.MALE);
        feeder.feed(handlers, new EstablishmentPlanStarted(withPlan, date(2021, 1, 4)));

        Map<String, Object> planned = jdbc.queryForMap(
                "select municipality_code, arrival_year,"
                        + " establishment_start_year, establishment_end_year from outcome_facts where journey_id = ?",
                withPlan);
        Map<String, Object> unplanned = jdbc.queryForMap(
                "select municipality_code, arrival_year,"
                        + " establishment_start_year, establishment_end_year from outcome_facts where journey_id = ?",
                withoutPlan);

        assertThat(planned)
                .containsEntry("municipality_code", STOCKHOLM_CODE)
                .containsEntry("arrival_year", 2020)
                .containsEntry("establishment_start_year", 2021)
                .containsEntry("establishment_end_year", 2023);
        assertThat(unplanned)
                .containsEntry("municipality_code", TOREBODA)
                .containsEntry("arrival_year", 2021)
                .containsEntry("establishment_start_year", null)
                .containsEntry("establishment_end_year", null);
        assertThat(queries.handle(new FindTwoYearsAfterOutcome(2023, null, null))
                        .pending())
                .as("only the journey with a plan is in a cohort")
                .isEqualTo(1);
    }

    @Test
    void givenEventsOfAnUnregisteredJourney_whenStored_thenNoRowIsWritten() {
        feeder.feed(handlers, new EstablishmentPlanStarted(UUID.randomUUID(), date(2021, 1, 4)));

        assertThat(jdbc.queryForObject("select count(*) from outcome_facts", Long.class))
                .isZero();
    }

    @Test
    void givenTheRunnersStatuses_whenThePositionIsTaken_thenItIsTheOutcomesViews() {
        List<ProjectionStatus> statuses = List.of(
                new ProjectionStatus("journey-state", 90, 100, false, 0.9, 0, null, 0),
                new ProjectionStatus(OutcomesProjection.NAME, 75, 100, false, 0.75, 0, null, 0));

        assertThat(OutcomeQueries.positionOf(statuses)).isEqualTo(75);
        assertThat(OutcomeQueries.positionOf(List.of())).isZero();
    }

    // --- test data

    /**
     * The 2022 cohort (establishment end in 2022) as of 2024-10-01, plus a journey without a plan and one of the
     * 2023 cohort. Measured: a (EMPLOYED, self-sufficient), b (STUDYING), e (follow-up FINANCIAL_ASSISTANCE), g
     * (Stockholm, SUBSIDISED_EMPLOYMENT, self-sufficient); pending: c; lost: d.
     */
    private void feedTheCohortOf2022() {
        UUID a = register(TOREBODA, date(2020, 3, 1), 1990, Gender.FEMALE);
        UUID b = register(TOREBODA, date(2020, 8, 1), 1980, Gender.MALE);
        UUID c = register(TOREBODA, date(2020, 11, 1), 1995, Gender.FEMALE);
        UUID d = register(TOREBODA, date(2020, 4, 1), 1990, Gender.MALE);
        UUID e = register(TOREBODA, date(2020, 6, 10), 1970, Gender.FEMALE);
        UUID f = register(TOREBODA, date(2020, 1, 1), 1990, Gender.FEMALE);
        UUID g = register(STOCKHOLM_CODE, date(2020, 2, 1), 2000, Gender.MALE);
        UUID h = register(TOREBODA, date(2021, 1, 5), 1990, Gender.FEMALE);
        feeder.feed(
                handlers,
                // a: ends 2022-06-01, measured 2024-06-01
                new EstablishmentPlanStarted(a, date(2020, 6, 1)),
                new EmploymentStarted(a, date(2023, 1, 1), "e1", EmploymentType.REGULAR, "it", BigDecimal.valueOf(40)),
                new SelfSufficiencyReached(a, date(2023, 2, 1), SelfSufficiencyBasis.EMPLOYMENT),
                // b: ended 2022-03-01, measured 2024-03-01
                new EstablishmentPlanStarted(b, date(2020, 9, 1)),
                new EstablishmentPlanEnded(b, date(2022, 3, 1), EstablishmentEndReason.STUDIES),
                new StudiesStarted(b, date(2023, 9, 1), "s1", StudyLevel.UNIVERSITY),
                // c: ended 2022-12-20, measured 2024-12-20: pending
                new EstablishmentPlanStarted(c, date(2020, 12, 15)),
                new EstablishmentPlanEnded(c, date(2022, 12, 20), EstablishmentEndReason.COMPLETED),
                // d: ends 2022-05-01, moved away before the measurement point: lost
                new EstablishmentPlanStarted(d, date(2020, 5, 1)),
                new JourneyClosed(d, date(2023, 5, 1), ClosureReason.MOVED_AWAY),
                // e: ends 2022-07-01, measured 2024-07-01; of the follow-ups dated by the as-of date (the interview
                // weeks after the point among them) the last recorded decides over the employment; the one dated
                // after the as-of date does not count yet
                new EstablishmentPlanStarted(e, date(2020, 7, 1)),
                new EmploymentStarted(e, date(2023, 3, 1), "e1", EmploymentType.REGULAR, "care", BigDecimal.TEN),
                new FollowUpRecorded(e, date(2024, 7, 1), 24, OutcomeStatus.STUDYING, FollowUpSource.REGISTER),
                new FollowUpRecorded(
                        e, date(2024, 8, 12), 24, OutcomeStatus.FINANCIAL_ASSISTANCE, FollowUpSource.INTERVIEW),
                new FollowUpRecorded(e, date(2024, 10, 15), 24, OutcomeStatus.UNKNOWN, FollowUpSource.CASE_FILE),
                // f: no establishment plan: in no cohort
                new EmploymentStarted(f, date(2021, 1, 1), "e1", EmploymentType.REGULAR, "it", BigDecimal.TEN),
                // g: ends 2022-02-01, measured 2024-02-01
                new EstablishmentPlanStarted(g, date(2020, 2, 1)),
                new EmploymentStarted(
                        g, date(2022, 5, 1), "e1", EmploymentType.NYSTARTSJOBB, "retail", BigDecimal.valueOf(40)),
                new SelfSufficiencyReached(g, date(2022, 6, 1), SelfSufficiencyBasis.EMPLOYMENT),
                // h: ends 2023-01-10: the 2023 cohort
                new EstablishmentPlanStarted(h, date(2021, 1, 10)));
    }

    private UUID register(String municipalityCode, LocalDate arrival, int birthYear, Gender gender) {
        UUID journey = UUID.randomUUID();
        feeder.feed(
                handlers,
                new NewcomerRegistered(
                        journey,
                        arrival,
                        municipalityCode,
                        ReceptionType.ASSIGNED,
                        birthYear,
                        gender,
                        "SY",
                        EducationLevel.SECONDARY,
                        new PersonalDetails("Test Person", null)));
        return journey;
    }

    @Test
    void givenArrivals_whenAskedForTheCumulativeReachWithoutAsOf_thenTodayEndsObservationAndALaterAsOfIsRefused() {
        UUID p = register(TOREBODA, date(2024, 3, 1), 1990, Gender.FEMALE);
        UUID q = register(TOREBODA, date(2024, 5, 1), 1988, Gender.MALE);
        UUID s = register(STOCKHOLM_CODE, date(2024, 2, 1), 1985, Gender.FEMALE);
        feeder.feed(
                handlers,
                new HousingSecured(p, date(2024, 4, 15), Tenure.FIRST_HAND), // month 2
                new JourneyClosed(q, date(2024, 6, 10), ClosureReason.MOVED_AWAY), // censored in month 2
                new HousingSecured(s, date(2024, 2, 2), Tenure.FIRST_HAND));

        CumulativeReachResponse reach = queries.handle(
                new FindCumulativeReach(Milestone.HOUSING_SECURED, MeasuredFrom.ARRIVAL, 2024, null, 3, TOREBODA));

        assertThat(reach.asOf()).isEqualTo(TODAY);
        assertThat(reach.eventStorePosition()).isEqualTo(POSITION);
        assertThat(reach.months())
                .containsExactly(
                        new CumulativeReachMonth(0, 2, 0, 0, new BigDecimal("0.0000")),
                        new CumulativeReachMonth(1, 2, 0, 0, new BigDecimal("0.0000")),
                        new CumulativeReachMonth(2, 2, 1, 1, new BigDecimal("0.5000")),
                        new CumulativeReachMonth(3, 0, 0, 0, null));
        assertThat(reach.byGender().get(Gender.FEMALE).get(2).reached()).isEqualTo(1);
        assertThatThrownBy(() -> queries.handle(new FindCumulativeReach(
                        Milestone.HOUSING_SECURED, MeasuredFrom.ARRIVAL, 2024, TODAY.plusDays(1), 3, null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("asOf");
    }
}
