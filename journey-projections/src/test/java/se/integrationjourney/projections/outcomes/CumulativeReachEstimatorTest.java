package se.integrationjourney.projections.outcomes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.integrationjourney.projections.outcomes.JourneyFactsBuilder.date;
import static se.integrationjourney.projections.outcomes.JourneyFactsBuilder.journey;
import static se.integrationjourney.projections.outcomes.MeasuredFrom.ARRIVAL;
import static se.integrationjourney.projections.outcomes.MeasuredFrom.ESTABLISHMENT_START;
import static se.integrationjourney.projections.outcomes.Milestone.HOUSING_SECURED;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.integrationjourney.core.events.ClosureReason;
import se.integrationjourney.core.events.Gender;

/**
 * Kaplan–Meier by hand: every expected figure below is worked out in the comments, with n the journeys at risk at
 * the start of a month, d those reaching the milestone in it and c those censored in it.
 */
class CumulativeReachEstimatorTest {

    /** The builder's default arrival: month m ends on 2021-01-01 plus m months. */
    private static final LocalDate ARRIVED = date(2021, 1, 1);

    private static final LocalDate LATE_2021 = date(2021, 12, 31);

    private static CumulativeReach housing(LocalDate asOf, int lastMonth, JourneyFactsBuilder... journeys) {
        List<JourneyFacts> facts = new ArrayList<>();
        for (JourneyFactsBuilder journey : journeys) {
            facts.add(journey.build());
        }
        return CumulativeReachEstimator.estimate(facts, HOUSING_SECURED, ARRIVAL, 2021, asOf, lastMonth);
    }

    private static CumulativeReachMonth month(int month, long atRisk, long reached, long censored, String share) {
        return new CumulativeReachMonth(month, atRisk, reached, censored, share == null ? null : new BigDecimal(share));
    }

    @Test
    void givenAJourneyClosedBeforeReachingIt_whenEstimated_thenItIsCensoredAndTheShareIsAboveTheNaiveOne() {
        CumulativeReach reach = housing(
                LATE_2021,
                3,
                journey().housingSecured(date(2021, 1, 20)), // reached in month 1
                journey().closed(date(2021, 1, 15), ClosureReason.MOVED_AWAY), // censored in month 1
                journey().housingSecured(date(2021, 2, 10)), // reached in month 2
                journey()); // not reached by 2021-12-31: censored in month 12, beyond the curve

        // m1: 1 − 3/4 = 0.25; m2: 1 − 3/4 · 1/2 = 0.625, where "reached within 2 months" would say 2 of 4.
        assertThat(reach.months())
                .containsExactly(
                        month(0, 4, 0, 0, "0.0000"),
                        month(1, 4, 1, 1, "0.2500"),
                        month(2, 2, 1, 0, "0.6250"),
                        month(3, 1, 0, 0, "0.6250"));
    }

    @Test
    void givenJourneysNotReachedByAsOf_whenEstimated_thenCensoredInTheMonthOfAsOfAndNobodyIsAtRiskAfter() {
        CumulativeReach reach = housing(
                date(2021, 3, 20), // after 2021-03-01 and on or before 2021-04-01: month 3
                5,
                journey().housingSecured(date(2021, 2, 1)), // reached in month 1 (on 2021-01-01 + 1 month)
                journey().housingSecured(date(2021, 5, 1)), // after asOf: not reached yet, censored in month 3
                journey());

        // m1: 1 − 2/3 = 0.3333; m3 keeps it; from m4 nobody is left, so nothing is estimated.
        assertThat(reach.months())
                .containsExactly(
                        month(0, 3, 0, 0, "0.0000"),
                        month(1, 3, 1, 0, "0.3333"),
                        month(2, 2, 0, 0, "0.3333"),
                        month(3, 2, 0, 2, "0.3333"),
                        month(4, 0, 0, 0, null),
                        month(5, 0, 0, 0, null));
    }

    @Test
    void givenACensoringAndAReachInTheSameMonth_whenEstimated_thenTheCensoredJourneyIsStillAtRiskThatMonth() {
        CumulativeReach reach = housing(
                LATE_2021,
                2,
                journey().housingSecured(date(2021, 2, 25)), // month 2
                journey().closed(date(2021, 2, 5), ClosureReason.OTHER)); // month 2, before the reach

        // n2 = 2 (not 1): 1 − 1/2.
        assertThat(reach.months().get(2)).isEqualTo(month(2, 2, 1, 1, "0.5000"));
    }

    @Test
    void givenAClosureFollowedByAReopening_whenEstimated_thenNotCensoredAndTheLaterReachCounts() {
        CumulativeReach reach = housing(
                LATE_2021,
                4,
                journey()
                        .closed(date(2021, 2, 1), ClosureReason.MOVED_AWAY)
                        .reopened(date(2021, 3, 1))
                        .housingSecured(date(2021, 4, 15)), // month 4
                journey().closed(date(2021, 2, 1), ClosureReason.OTHER)); // month 1

        assertThat(reach.months())
                .containsExactly(
                        month(0, 2, 0, 0, "0.0000"),
                        month(1, 2, 0, 1, "0.0000"),
                        month(2, 1, 0, 0, "0.0000"),
                        month(3, 1, 0, 0, "0.0000"),
                        month(4, 1, 1, 0, "1.0000"));
    }

    @Test
    void givenAReopeningAfterAsOf_whenEstimated_thenTheJourneyIsStillCensoredAtItsClosure() {
        CumulativeReach reach = housing(
                date(2021, 5, 1),
                3,
                journey().closed(date(2021, 2, 1), ClosureReason.MOVED_AWAY).reopened(date(2021, 6, 1)));

        assertThat(reach.months().get(1)).isEqualTo(month(1, 1, 0, 1, "0.0000"));
    }

    @Test
    void givenAClosureAndAReopeningOnTheSameDay_whenEstimated_thenTheLastRecordedDecides() {
        CumulativeReach reach = housing(
                LATE_2021,
                2,
                journey().closed(date(2021, 2, 1), ClosureReason.OTHER).reopened(date(2021, 2, 1)),
                journey().reopened(date(2021, 2, 1)).closed(date(2021, 2, 1), ClosureReason.OTHER));

        assertThat(reach.months().get(1)).isEqualTo(month(1, 2, 0, 1, "0.0000"));
    }

    @Test
    void givenEveryClosureReason_whenClosedBeforeTheMilestone_thenEachCensorsAtTheClosureDate() {
        for (ClosureReason reason : ClosureReason.values()) {
            CumulativeReach reach = housing(
                    LATE_2021, 2, journey().housingSecured(date(2021, 3, 1)).closed(date(2021, 1, 20), reason));

            assertThat(reach.months())
                    .as(reason.name())
                    .containsExactly(month(0, 1, 0, 0, "0.0000"), month(1, 1, 0, 1, "0.0000"), month(2, 0, 0, 0, null));
        }
    }

    @Test
    void givenAMilestoneOnTheClosureDay_whenEstimated_thenItIsReached() {
        CumulativeReach reach = housing(
                LATE_2021,
                1,
                journey().housingSecured(date(2021, 1, 20)).closed(date(2021, 1, 20), ClosureReason.MOVED_AWAY));

        assertThat(reach.months().get(1)).isEqualTo(month(1, 1, 1, 0, "1.0000"));
    }

    @Test
    void givenMilestonesBeforeOnAndJustAfterTheStart_whenEstimatedFromEstablishmentStart_thenTheFirstTwoAreMonth0() {
        LocalDate start = date(2021, 3, 1);
        List<JourneyFacts> cohort = List.of(
                journey()
                        .establishmentStarted(start)
                        .housingSecured(date(2021, 2, 1))
                        .build(),
                journey().establishmentStarted(start).housingSecured(start).build(),
                journey()
                        .establishmentStarted(start)
                        .housingSecured(date(2021, 3, 2))
                        .build());

        CumulativeReach reach =
                CumulativeReachEstimator.estimate(cohort, HOUSING_SECURED, ESTABLISHMENT_START, 2021, LATE_2021, 1);

        // m0: 1 − 1/3 = 0.6667 (HALF_UP); m1: 1 − 1/3 · 0/1 = 1.
        assertThat(reach.months()).containsExactly(month(0, 3, 2, 0, "0.6667"), month(1, 1, 1, 0, "1.0000"));
    }

    @Test
    void givenAClosureBeforeTheStart_whenEstimatedFromEstablishmentStart_thenCensoredInMonth0() {
        List<JourneyFacts> cohort = List.of(journey()
                .closed(date(2021, 2, 1), ClosureReason.OTHER)
                .establishmentStarted(2021, 3, 1)
                .build());

        CumulativeReach reach =
                CumulativeReachEstimator.estimate(cohort, HOUSING_SECURED, ESTABLISHMENT_START, 2021, LATE_2021, 0);

        assertThat(reach.months()).containsExactly(month(0, 1, 0, 1, "0.0000"));
    }

    @Test
    void givenJourneysOfEachGender_whenEstimated_thenEveryGenderHasItsOwnCurveInAStableOrder() {
        CumulativeReach reach = housing(
                date(2021, 2, 15),
                2,
                journey().gender(Gender.FEMALE).housingSecured(date(2021, 1, 10)), // month 1
                journey().gender(Gender.FEMALE), // censored at asOf, month 2
                journey().gender(Gender.MALE).housingSecured(ARRIVED)); // month 0

        assertThat(reach.byGender()).containsOnlyKeys(Gender.values());
        assertThat(List.copyOf(reach.byGender().keySet())).containsExactly(Gender.values());
        assertThat(reach.byGender().get(Gender.FEMALE))
                .containsExactly(month(0, 2, 0, 0, "0.0000"), month(1, 2, 1, 0, "0.5000"), month(2, 1, 0, 1, "0.5000"));
        assertThat(reach.byGender().get(Gender.MALE))
                .containsExactly(month(0, 1, 1, 0, "1.0000"), month(1, 0, 0, 0, null), month(2, 0, 0, 0, null));
        for (Gender empty : List.of(Gender.OTHER, Gender.UNKNOWN)) {
            assertThat(reach.byGender().get(empty))
                    .as(empty.name())
                    .containsExactly(month(0, 0, 0, 0, null), month(1, 0, 0, 0, null), month(2, 0, 0, 0, null));
        }
        // The whole cohort: m0 1 − 2/3 = 0.3333; m1 1 − 2/3 · 1/2 = 0.6667.
        assertThat(reach.months())
                .containsExactly(month(0, 3, 1, 0, "0.3333"), month(1, 2, 1, 0, "0.6667"), month(2, 1, 0, 1, "0.6667"));
    }

    @Test
    void givenJourneysOutsideTheCohortOrNotStartedByAsOf_whenEstimated_thenLeftOut() {
        List<JourneyFacts> journeys = List.of(
                journey().arrived(2020, 12, 31).housingSecured(date(2021, 1, 5)).build(),
                journey().arrived(2021, 6, 1).build(), // after asOf: had not begun
                journey().arrived(2021, 3, 1).build(), // censored at asOf, month 1
                journey().build()); // no establishment start: in no ESTABLISHMENT_START cohort

        CumulativeReach byArrival =
                CumulativeReachEstimator.estimate(journeys, HOUSING_SECURED, ARRIVAL, 2021, date(2021, 3, 10), 0);
        CumulativeReach byStart = CumulativeReachEstimator.estimate(
                journeys, HOUSING_SECURED, ESTABLISHMENT_START, 2021, date(2021, 3, 10), 0);

        assertThat(byArrival.months()).containsExactly(month(0, 2, 0, 0, "0.0000"));
        assertThat(byStart.months()).containsExactly(month(0, 0, 0, 0, null));
    }

    @Test
    void givenReachesAfterTheLastMonthAsked_whenEstimated_thenThoseJourneysStayAtRiskThroughIt() {
        CumulativeReach reach = housing(
                LATE_2021,
                1,
                journey().housingSecured(date(2021, 6, 1)),
                journey().closed(date(2021, 9, 1), ClosureReason.OTHER));

        assertThat(reach.months()).containsExactly(month(0, 2, 0, 0, "0.0000"), month(1, 2, 0, 0, "0.0000"));
    }

    @Test
    void givenTheMonthsOfTimeTo_whenDatesAroundMonthEndsAreCounted_thenEachIsTheFirstNReachedWithin() {
        for (LocalDate start : List.of(
                date(2020, 1, 29), date(2020, 1, 31), date(2020, 2, 29), date(2021, 1, 28), date(2021, 8, 31))) {
            for (LocalDate day = start.minusDays(3); day.isBefore(start.plusMonths(14)); day = day.plusDays(1)) {
                JourneyFacts reached =
                        journey().arrived(start).housingSecured(day).build();
                int month = CumulativeReachEstimator.monthOf(start, day);

                assertThat(reachedWithin(reached, start, month))
                        .as("%s to %s", start, day)
                        .isOne();
                if (month > 0) {
                    assertThat(reachedWithin(reached, start, month - 1))
                            .as("%s to %s", start, day)
                            .isZero();
                }
            }
        }
        assertThat(CumulativeReachEstimator.monthOf(date(2021, 1, 31), date(2021, 2, 28)))
                .isEqualTo(1);
        assertThat(CumulativeReachEstimator.monthOf(date(2021, 1, 31), date(2021, 3, 1)))
                .isEqualTo(2);
    }

    @Test
    void givenMonthsOutOfRange_whenEstimatedOrAsked_thenRefused() {
        assertThatThrownBy(() -> housing(LATE_2021, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FindCumulativeReach(HOUSING_SECURED, ARRIVAL, 2021, null, 121, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new FindCumulativeReach(HOUSING_SECURED, ARRIVAL, 2021, null, 120, " ").municipalityCode())
                .isNull();
    }

    private static long reachedWithin(JourneyFacts journey, LocalDate start, int months) {
        return OutcomeCalculator.timeToMilestone(
                        List.of(journey), HOUSING_SECURED, ARRIVAL, start.getYear(), months, LocalDate.MAX)
                .reachedWithin()
                .count();
    }
}
