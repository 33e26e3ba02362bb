package se.integrationjourney.projections.outcomes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static se.integrationjourney.core.events.ClosureReason.DECEASED;
import static se.integrationjourney.core.events.ClosureReason.FOLLOW_UP_COMPLETE;
import static se.integrationjourney.core.events.ClosureReason.MOVED_AWAY;
import static se.integrationjourney.core.events.ClosureReason.OTHER;
import static se.integrationjourney.core.events.EmploymentType.EXTRATJANST;
import static se.integrationjourney.core.events.EmploymentType.REGULAR;
import static se.integrationjourney.projections.outcomes.JourneyFactsBuilder.date;
import static se.integrationjourney.projections.outcomes.JourneyFactsBuilder.journey;
import static se.integrationjourney.projections.outcomes.OutcomeCalculator.twoYearsAfter;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.integrationjourney.core.events.Gender;
import se.integrationjourney.core.events.OutcomeStatus;

class TwoYearsAfterOutcomeTest {

    private static final int COHORT = 2022;
    // establishment 2020-06-01 .. 2022-06-01 (no end recorded), measured 2024-06-01
    private static final LocalDate START = date(2020, 6, 1);
    private static final LocalDate POINT = date(2024, 6, 1);
    private static final LocalDate AS_OF = date(2025, 1, 1);

    private static JourneyFactsBuilder inCohort() {
        return journey().arrived(2020, 3, 1).establishmentStarted(START);
    }

    private static TwoYearsAfterOutcome measure(JourneyFactsBuilder... journeys) {
        List<JourneyFacts> facts = new ArrayList<>();
        for (JourneyFactsBuilder journey : journeys) {
            facts.add(journey.build());
        }
        return twoYearsAfter(facts, COHORT, AS_OF);
    }

    private static BigDecimal share(String value) {
        return new BigDecimal(value);
    }

    // --- cohort

    @Test
    void givenNoRecordedEnd_whenMeasuringTheCohortOfTheEndYear_thenTheJourneyIsInItAndNotInTheStartYearCohort() {
        JourneyFacts facts = inCohort().build();

        assertThat(twoYearsAfter(List.of(facts), 2022, AS_OF).denominator()).isEqualTo(1);
        assertThat(twoYearsAfter(List.of(facts), 2020, AS_OF).denominator()).isZero();
    }

    @Test
    void givenARecordedEndInAnEarlierYear_whenMeasuringCohorts_thenTheRecordedEndYearDecides() {
        JourneyFacts facts = journey()
                .establishmentStarted(2020, 6, 1)
                .establishmentEnded(2021, 12, 31)
                .build();

        assertThat(twoYearsAfter(List.of(facts), 2021, AS_OF).denominator()).isEqualTo(1);
        assertThat(twoYearsAfter(List.of(facts), 2022, AS_OF).denominator()).isZero();
    }

    @Test
    void givenAJourneyWithoutEstablishmentStart_whenMeasuringAnyCohort_thenItIsInNone() {
        JourneyFacts noPlan = journey()
                .arrived(2020, 3, 1)
                .employed(REGULAR, date(2021, 1, 1), null)
                .build();

        for (int year = 2019; year <= 2026; year++) {
            TwoYearsAfterOutcome outcome = twoYearsAfter(List.of(noPlan), year, AS_OF);
            assertThat(outcome.denominator() + outcome.pending() + outcome.lostToFollowUp())
                    .isZero();
        }
    }

    // --- pending, lost to follow-up, measured

    @Test
    void givenMeasurementPointAfterAsOf_whenMeasuring_thenPendingAndOutsideTheDenominator() {
        TwoYearsAfterOutcome outcome = twoYearsAfter(
                List.of(inCohort().employed(REGULAR, date(2021, 1, 1), null).build()), COHORT, POINT.minusDays(1));

        assertThat(outcome.pending()).isEqualTo(1);
        assertThat(outcome.denominator()).isZero();
        assertThat(outcome.byStatus().get(OutcomeStatus.EMPLOYED)).isZero();
    }

    @Test
    void givenMeasurementPointOnAsOf_whenMeasuring_thenMeasured() {
        TwoYearsAfterOutcome outcome = twoYearsAfter(List.of(inCohort().build()), COHORT, POINT);

        assertThat(outcome.pending()).isZero();
        assertThat(outcome.denominator()).isEqualTo(1);
    }

    @Test
    void givenAJourneyBothPendingAndClosedAsMovedAway_whenMeasuring_thenItCountsAsPending() {
        JourneyFacts facts = inCohort().closed(date(2023, 1, 1), MOVED_AWAY).build();

        TwoYearsAfterOutcome outcome = twoYearsAfter(List.of(facts), COHORT, date(2024, 1, 1));

        assertThat(outcome.pending()).isEqualTo(1);
        assertThat(outcome.lostToFollowUp()).isZero();
        assertThat(outcome.denominator()).isZero();
    }

    @Test
    void givenClosedAsMovedAwayBeforeThePoint_whenMeasuring_thenLostToFollowUpAndOutsideTheDenominator() {
        TwoYearsAfterOutcome outcome = measure(inCohort().closed(date(2023, 1, 1), MOVED_AWAY));

        assertThat(outcome.lostToFollowUp()).isEqualTo(1);
        assertThat(outcome.denominator()).isZero();
        assertThat(outcome.byStatus().values()).containsOnly(0L);
    }

    @Test
    void givenClosedAsDeceasedOnThePoint_whenMeasuring_thenLostToFollowUp() {
        TwoYearsAfterOutcome outcome = measure(inCohort().closed(POINT, DECEASED));

        assertThat(outcome.lostToFollowUp()).isEqualTo(1);
    }

    @Test
    void givenClosedAsDeceasedButReopenedBeforeThePoint_whenMeasuring_thenMeasured() {
        TwoYearsAfterOutcome outcome = measure(inCohort()
                .closed(date(2023, 1, 1), DECEASED)
                .reopened(date(2023, 2, 1))
                .employed(REGULAR, date(2023, 3, 1), null));

        assertThat(outcome.lostToFollowUp()).isZero();
        assertThat(outcome.denominator()).isEqualTo(1);
        assertThat(outcome.byStatus().get(OutcomeStatus.EMPLOYED)).isEqualTo(1);
    }

    @Test
    void givenClosedAsMovedAwayAndReopenedAfterThePoint_whenMeasuring_thenStillLostToFollowUp() {
        TwoYearsAfterOutcome outcome =
                measure(inCohort().closed(date(2023, 1, 1), MOVED_AWAY).reopened(POINT.plusDays(1)));

        assertThat(outcome.lostToFollowUp()).isEqualTo(1);
        assertThat(outcome.denominator()).isZero();
    }

    @Test
    void givenClosedAndReopenedOnTheSameDateReopeningRecordedLater_whenMeasuring_thenMeasured() {
        TwoYearsAfterOutcome outcome =
                measure(inCohort().closed(date(2023, 1, 1), MOVED_AWAY).reopened(date(2023, 1, 1)));

        assertThat(outcome.lostToFollowUp()).isZero();
        assertThat(outcome.denominator()).isEqualTo(1);
    }

    @Test
    void givenThe24MonthFollowUpHeldWeeksAfterThePoint_whenMeasuredAsOfLater_thenItGivesTheStatus() {
        TwoYearsAfterOutcome outcome = measure(inCohort()
                .employed(REGULAR, date(2023, 1, 1), null)
                .followUp(POINT.plusWeeks(6), 24, OutcomeStatus.STUDYING));

        assertThat(outcome.byStatus().get(OutcomeStatus.STUDYING)).isEqualTo(1);
        assertThat(outcome.byStatus().get(OutcomeStatus.EMPLOYED)).isZero();
    }

    @Test
    void givenThe24MonthFollowUpDatedAfterTheAsOfDate_whenMeasured_thenTheEpisodesDecide() {
        TwoYearsAfterOutcome outcome = measure(inCohort()
                .employed(REGULAR, date(2023, 1, 1), null)
                .followUp(AS_OF.plusDays(1), 24, OutcomeStatus.STUDYING));

        assertThat(outcome.byStatus().get(OutcomeStatus.EMPLOYED)).isEqualTo(1);
    }

    @Test
    void givenClosedAsFollowUpComplete_whenMeasuring_thenMeasured() {
        TwoYearsAfterOutcome outcome =
                measure(inCohort().followUp(POINT, 24, OutcomeStatus.STUDYING).closed(POINT, FOLLOW_UP_COMPLETE));

        assertThat(outcome.lostToFollowUp()).isZero();
        assertThat(outcome.denominator()).isEqualTo(1);
        assertThat(outcome.byStatus().get(OutcomeStatus.STUDYING)).isEqualTo(1);
    }

    @Test
    void givenClosedForAnotherReason_whenMeasuring_thenMeasured() {
        TwoYearsAfterOutcome outcome = measure(inCohort().closed(date(2023, 1, 1), OTHER));

        assertThat(outcome.lostToFollowUp()).isZero();
        assertThat(outcome.denominator()).isEqualTo(1);
    }

    @Test
    void givenClosedAsMovedAwayAfterThePoint_whenMeasuring_thenMeasured() {
        TwoYearsAfterOutcome outcome =
                measure(inCohort().employed(REGULAR, date(2023, 1, 1), null).closed(POINT.plusDays(1), MOVED_AWAY));

        assertThat(outcome.lostToFollowUp()).isZero();
        assertThat(outcome.denominator()).isEqualTo(1);
        assertThat(outcome.byStatus().get(OutcomeStatus.EMPLOYED)).isEqualTo(1);
    }

    // --- measures at the measurement point

    @Test
    void givenFactsAroundThePoint_whenMeasuring_thenOnlyTheStatusAtEachJourneysOwnPointCounts() {
        TwoYearsAfterOutcome outcome = measure(
                inCohort().employed(REGULAR, date(2023, 1, 1), POINT), // ended on the point: not active
                inCohort().employed(REGULAR, POINT.plusDays(1), null), // starts after the point
                inCohort().studying(POINT, null), // starts on the point
                journey()
                        .establishmentStarted(2020, 12, 31) // point 2024-12-31
                        .selfEmployed(date(2024, 7, 1), null));

        assertThat(outcome.denominator()).isEqualTo(4);
        assertThat(outcome.byStatus())
                .containsExactly(
                        entry(OutcomeStatus.EMPLOYED, 0L),
                        entry(OutcomeStatus.SUBSIDISED_EMPLOYMENT, 0L),
                        entry(OutcomeStatus.SELF_EMPLOYED, 1L),
                        entry(OutcomeStatus.STUDYING, 1L),
                        entry(OutcomeStatus.FINANCIAL_ASSISTANCE, 0L),
                        entry(OutcomeStatus.UNKNOWN, 2L));
        assertThat(outcome.inWorkOrStudies()).isEqualTo(new CountAndShare(2, share("0.5000")));
    }

    @Test
    void givenAMixedCohort_whenMeasuring_thenCountsAndSharesAreOfTheMeasuredJourneysOnly() {
        TwoYearsAfterOutcome outcome = twoYearsAfter(
                List.of(
                        inCohort()
                                .employed(REGULAR, date(2023, 1, 1), null)
                                .selfSufficiencyReached(date(2023, 1, 1))
                                .build(),
                        inCohort().employed(EXTRATJANST, date(2023, 1, 1), null).build(),
                        inCohort().financialAssistance(date(2022, 7, 1), null).build(),
                        inCohort().closed(date(2023, 1, 1), MOVED_AWAY).build(),
                        journey()
                                .establishmentStarted(2020, 12, 1)
                                .build()), // point 2024-12-01, pending as of 2024-11-30
                COHORT,
                date(2024, 11, 30));

        assertThat(outcome.cohortYear()).isEqualTo(COHORT);
        assertThat(outcome.asOf()).isEqualTo(date(2024, 11, 30));
        assertThat(outcome.denominator()).isEqualTo(3);
        assertThat(outcome.pending()).isEqualTo(1);
        assertThat(outcome.lostToFollowUp()).isEqualTo(1);
        assertThat(outcome.byStatus().get(OutcomeStatus.EMPLOYED)).isEqualTo(1);
        assertThat(outcome.byStatus().get(OutcomeStatus.SUBSIDISED_EMPLOYMENT)).isEqualTo(1);
        assertThat(outcome.byStatus().get(OutcomeStatus.FINANCIAL_ASSISTANCE)).isEqualTo(1);
        assertThat(outcome.inWorkOrStudies()).isEqualTo(new CountAndShare(2, share("0.6667")));
        assertThat(outcome.selfSufficient()).isEqualTo(new CountAndShare(1, share("0.3333")));
    }

    @Test
    void givenEveryJourneyPending_whenMeasuring_thenSharesAreZeroNotNaN() {
        TwoYearsAfterOutcome outcome =
                twoYearsAfter(List.of(inCohort().build(), inCohort().build()), COHORT, date(2023, 1, 1));

        assertThat(outcome.denominator()).isZero();
        assertThat(outcome.pending()).isEqualTo(2);
        assertThat(outcome.inWorkOrStudies()).isEqualTo(new CountAndShare(0, share("0.0000")));
        assertThat(outcome.selfSufficient()).isEqualTo(new CountAndShare(0, share("0.0000")));
    }

    @Test
    void givenNoJourneys_whenMeasuring_thenZerosWithEveryKeyPresent() {
        TwoYearsAfterOutcome outcome = twoYearsAfter(List.of(), COHORT, AS_OF);

        assertThat(outcome.denominator()).isZero();
        assertThat(outcome.pending()).isZero();
        assertThat(outcome.lostToFollowUp()).isZero();
        assertThat(outcome.byStatus()).containsOnlyKeys(OutcomeStatus.values()).containsValues(0L);
        assertThat(outcome.byGender()).containsOnlyKeys(Gender.values());
        assertThat(outcome.byAgeBand()).hasSize(6);
        assertThat(outcome.byGender().get(Gender.FEMALE).inWorkOrStudies().share())
                .isEqualTo(share("0.0000"));
    }

    @Test
    void givenOneOfEightInWork_whenMeasuring_thenTheShareKeepsFourDecimals() {
        List<JourneyFacts> facts = new ArrayList<>();
        facts.add(inCohort().studying(date(2023, 1, 1), null).build());
        for (int i = 0; i < 7; i++) {
            facts.add(inCohort().build());
        }

        assertThat(twoYearsAfter(facts, COHORT, AS_OF).inWorkOrStudies())
                .isEqualTo(new CountAndShare(1, share("0.1250")));
    }

    @Test
    void givenResult_whenReadingItsMaps_thenKeysComeInAStableDocumentedOrder() {
        TwoYearsAfterOutcome outcome = measure(inCohort());

        assertThat(outcome.byStatus().keySet()).containsExactly(OutcomeStatus.values());
        assertThat(outcome.byGender().keySet())
                .containsExactly(Gender.FEMALE, Gender.MALE, Gender.OTHER, Gender.UNKNOWN);
        assertThat(outcome.byAgeBand().keySet()).containsExactly("20-24", "25-34", "35-44", "45-54", "55-64", "other");
        assertThat(outcome.byGender().get(Gender.MALE).byStatus().keySet()).containsExactly(OutcomeStatus.values());
    }

    // --- breakdowns

    @Test
    void givenJourneysOfSeveralGenders_whenMeasuring_thenEachGenderHasItsOwnDenominatorPendingLostAndShares() {
        TwoYearsAfterOutcome outcome = twoYearsAfter(
                List.of(
                        inCohort()
                                .gender(Gender.FEMALE)
                                .employed(REGULAR, date(2023, 1, 1), null)
                                .selfSufficiencyReached(date(2023, 2, 1))
                                .build(),
                        inCohort().gender(Gender.FEMALE).build(),
                        inCohort()
                                .gender(Gender.FEMALE)
                                .closed(date(2023, 1, 1), DECEASED)
                                .build(),
                        inCohort()
                                .gender(Gender.MALE)
                                .studying(date(2023, 1, 1), null)
                                .build(),
                        journey()
                                .gender(Gender.MALE)
                                .establishmentStarted(2020, 12, 1)
                                .build()),
                COHORT,
                date(2024, 11, 30));

        TwoYearsAfterOutcome.Breakdown women = outcome.byGender().get(Gender.FEMALE);
        assertThat(women.denominator()).isEqualTo(2);
        assertThat(women.pending()).isZero();
        assertThat(women.lostToFollowUp()).isEqualTo(1);
        assertThat(women.byStatus().get(OutcomeStatus.EMPLOYED)).isEqualTo(1);
        assertThat(women.byStatus().get(OutcomeStatus.UNKNOWN)).isEqualTo(1);
        assertThat(women.inWorkOrStudies()).isEqualTo(new CountAndShare(1, share("0.5000")));
        assertThat(women.selfSufficient()).isEqualTo(new CountAndShare(1, share("0.5000")));

        TwoYearsAfterOutcome.Breakdown men = outcome.byGender().get(Gender.MALE);
        assertThat(men.denominator()).isEqualTo(1);
        assertThat(men.pending()).isEqualTo(1);
        assertThat(men.byStatus().get(OutcomeStatus.STUDYING)).isEqualTo(1);
        assertThat(men.inWorkOrStudies()).isEqualTo(new CountAndShare(1, share("1.0000")));
        assertThat(men.selfSufficient()).isEqualTo(new CountAndShare(0, share("0.0000")));

        TwoYearsAfterOutcome.Breakdown other = outcome.byGender().get(Gender.OTHER);
        assertThat(other.denominator() + other.pending() + other.lostToFollowUp())
                .isZero();
        assertThat(other.byStatus()).containsOnlyKeys(OutcomeStatus.values());
        assertThat(outcome.byGender().get(Gender.UNKNOWN).denominator()).isZero();
    }

    @Test
    void givenAgesAtEveryBandBoundary_whenMeasuring_thenEachLandsInItsBand() {
        // arrival 2020-03-01, so birth year 2020 - age
        int[] ages = {19, 20, 24, 25, 34, 35, 44, 45, 54, 55, 64, 65};
        List<JourneyFacts> facts = new ArrayList<>();
        for (int age : ages) {
            facts.add(inCohort().born(2020 - age).build());
        }

        TwoYearsAfterOutcome outcome = twoYearsAfter(facts, COHORT, AS_OF);

        assertThat(outcome.byAgeBand().get("20-24").denominator()).isEqualTo(2); // 20, 24
        assertThat(outcome.byAgeBand().get("25-34").denominator()).isEqualTo(2); // 25, 34
        assertThat(outcome.byAgeBand().get("35-44").denominator()).isEqualTo(2); // 35, 44
        assertThat(outcome.byAgeBand().get("45-54").denominator()).isEqualTo(2); // 45, 54
        assertThat(outcome.byAgeBand().get("55-64").denominator()).isEqualTo(2); // 55, 64
        assertThat(outcome.byAgeBand().get("other").denominator()).isEqualTo(2); // 19, 65
    }

    @Test
    void givenAgeBandBoundaries_whenClassifyingAges_then19And65AreOtherAnd20To64AreInBands() {
        assertThat(AgeBand.ofAge(19)).isEqualTo(AgeBand.OTHER);
        assertThat(AgeBand.ofAge(20)).isEqualTo(AgeBand.AGE_20_24);
        assertThat(AgeBand.ofAge(24)).isEqualTo(AgeBand.AGE_20_24);
        assertThat(AgeBand.ofAge(25)).isEqualTo(AgeBand.AGE_25_34);
        assertThat(AgeBand.ofAge(64)).isEqualTo(AgeBand.AGE_55_64);
        assertThat(AgeBand.ofAge(65)).isEqualTo(AgeBand.OTHER);
        assertThat(AgeBand.ofAge(0)).isEqualTo(AgeBand.OTHER);
    }

    @Test
    void givenAnAgeBandWithPendingAndLostJourneys_whenMeasuring_thenTheBandReportsThemOutsideItsDenominator() {
        TwoYearsAfterOutcome outcome = twoYearsAfter(
                List.of(
                        inCohort().born(1995).studying(date(2023, 1, 1), null).build(), // 25
                        inCohort()
                                .born(1995)
                                .closed(date(2023, 1, 1), MOVED_AWAY)
                                .build(), // 25, lost
                        journey()
                                .arrived(2020, 3, 1)
                                .born(1995)
                                .establishmentStarted(2020, 12, 1)
                                .build()), // 25, pending
                COHORT,
                date(2024, 11, 30));

        TwoYearsAfterOutcome.Breakdown band = outcome.byAgeBand().get("25-34");
        assertThat(band.denominator()).isEqualTo(1);
        assertThat(band.pending()).isEqualTo(1);
        assertThat(band.lostToFollowUp()).isEqualTo(1);
        assertThat(band.inWorkOrStudies()).isEqualTo(new CountAndShare(1, share("1.0000")));
        assertThat(outcome.byAgeBand().get("20-24").denominator()).isZero();
    }

    @Test
    void givenFiftyThousandJourneys_whenMeasuring_thenEveryCohortJourneyIsCountedExactlyOnce() {
        List<JourneyFacts> facts = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            JourneyFactsBuilder journey = journey()
                    .arrived(2020, 1 + i % 12, 1)
                    .born(1960 + i % 45)
                    .gender(Gender.values()[i % 4])
                    .establishmentStarted(2020, 1 + i % 12, 1 + i % 28);
            if (i % 3 == 0) {
                journey.employed(REGULAR, date(2022, 1, 1), null);
            }
            if (i % 10 == 0) {
                journey.closed(date(2023, 1, 1), MOVED_AWAY);
            }
            facts.add(journey.build());
        }

        // points fall in 2024, in month 1 + i % 12; as of 2024-06-30 months 7..12 (i % 12 in 6..11) are pending:
        // 50,000 = 12 * 4,166 + 8, so remainders 0..7 occur 4,167 times: 4 * 4,166 + 2 * 4,167 = 24,998
        TwoYearsAfterOutcome outcome = twoYearsAfter(facts, COHORT, date(2024, 6, 30));

        assertThat(outcome.denominator() + outcome.pending() + outcome.lostToFollowUp())
                .isEqualTo(50_000);
        assertThat(outcome.byStatus().values().stream()
                        .mapToLong(Long::longValue)
                        .sum())
                .isEqualTo(outcome.denominator());
        assertThat(outcome.byGender().values().stream()
                        .mapToLong(TwoYearsAfterOutcome.Breakdown::denominator)
                        .sum())
                .isEqualTo(outcome.denominator());
        assertThat(outcome.byAgeBand().values().stream()
                        .mapToLong(TwoYearsAfterOutcome.Breakdown::pending)
                        .sum())
                .isEqualTo(outcome.pending());
        assertThat(outcome.pending()).isEqualTo(24_998);
    }
}
