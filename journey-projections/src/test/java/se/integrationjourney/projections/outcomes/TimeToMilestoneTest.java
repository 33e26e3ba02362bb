package se.integrationjourney.projections.outcomes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.integrationjourney.projections.outcomes.JourneyFactsBuilder.date;
import static se.integrationjourney.projections.outcomes.JourneyFactsBuilder.journey;
import static se.integrationjourney.projections.outcomes.MeasuredFrom.ARRIVAL;
import static se.integrationjourney.projections.outcomes.MeasuredFrom.ESTABLISHMENT_START;
import static se.integrationjourney.projections.outcomes.Milestone.CIVIC_ORIENTATION_COMPLETED;
import static se.integrationjourney.projections.outcomes.Milestone.EMPLOYMENT_STARTED;
import static se.integrationjourney.projections.outcomes.Milestone.HOUSING_SECURED;
import static se.integrationjourney.projections.outcomes.Milestone.INTERNSHIP_STARTED;
import static se.integrationjourney.projections.outcomes.Milestone.IN_WORK_OR_STUDIES;
import static se.integrationjourney.projections.outcomes.Milestone.SELF_SUFFICIENCY_REACHED;
import static se.integrationjourney.projections.outcomes.Milestone.SFI_LEVEL_B;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.integrationjourney.core.events.EmploymentType;
import se.integrationjourney.core.events.SfiLevel;

class TimeToMilestoneTest {

    /** An as-of date after every date in these tests: every milestone counts. */
    private static final LocalDate EVERYTHING_DATED = LocalDate.of(2100, 1, 1);

    private static TimeToMilestone timeToMilestone(
            List<JourneyFacts> journeys, Milestone milestone, MeasuredFrom from, int cohortYear, Integer withinMonths) {
        return OutcomeCalculator.timeToMilestone(journeys, milestone, from, cohortYear, withinMonths, EVERYTHING_DATED);
    }

    @Test
    void givenAMilestoneDatedAfterTheAsOfDate_whenMeasured_thenItIsNotReachedYet() {
        List<JourneyFacts> facts = List.of(
                journey().arrived(2021, 1, 10).housingSecured(date(2021, 3, 1)).build());

        assertThat(OutcomeCalculator.timeToMilestone(
                                facts, Milestone.HOUSING_SECURED, ARRIVAL, 2021, 2, date(2021, 2, 28))
                        .reached())
                .isZero();
        assertThat(OutcomeCalculator.timeToMilestone(
                                facts, Milestone.HOUSING_SECURED, ARRIVAL, 2021, 2, date(2021, 3, 1))
                        .reached())
                .isEqualTo(1);
        assertThat(OutcomeCalculator.timeToMilestone(
                                facts, Milestone.HOUSING_SECURED, ARRIVAL, 2021, 2, date(2021, 1, 9))
                        .cohortSize())
                .as("arrived after the as-of date: not begun")
                .isZero();
    }

    private static final LocalDate ARRIVED = date(2021, 3, 1);

    private static JourneyFactsBuilder arrivedIn2021() {
        return journey().arrived(ARRIVED);
    }

    /** Days from arrival for a single journey, or null if it did not reach the milestone. */
    private static Long daysFromArrival(Milestone milestone, JourneyFactsBuilder journey) {
        TimeToMilestone result = timeToMilestone(List.of(journey.build()), milestone, ARRIVAL, 2021, null);
        assertThat(result.cohortSize()).isEqualTo(1);
        return result.medianDays();
    }

    /** A cohort of journeys arriving 2021-01-01, each securing housing after the given number of days. */
    private static List<JourneyFacts> housedAfter(long... days) {
        List<JourneyFacts> facts = new ArrayList<>();
        for (long d : days) {
            facts.add(journey()
                    .arrived(2021, 1, 1)
                    .housingSecured(date(2021, 1, 1).plusDays(d))
                    .build());
        }
        return facts;
    }

    // --- each milestone

    @Test
    void givenTwoHousingsSecuredRecordedLatestFirst_whenTimeToHousing_thenTheEarliestBusinessDateCounts() {
        Long days = daysFromArrival(
                HOUSING_SECURED,
                arrivedIn2021().housingSecured(date(2021, 6, 1)).housingSecured(date(2021, 4, 1)));

        assertThat(days).isEqualTo(31); // 2021-03-01 .. 2021-04-01
    }

    @Test
    void givenOnlySfiLevelA_whenTimeToSfiLevelB_thenNotReached() {
        assertThat(daysFromArrival(SFI_LEVEL_B, arrivedIn2021().sfiLevel(date(2021, 5, 1), SfiLevel.A)))
                .isNull();
    }

    @Test
    void givenSfiLevelsAThenB_whenTimeToSfiLevelB_thenTheBDateCounts() {
        Long days = daysFromArrival(
                SFI_LEVEL_B,
                arrivedIn2021().sfiLevel(date(2021, 5, 1), SfiLevel.A).sfiLevel(date(2021, 9, 1), SfiLevel.B));

        assertThat(days).isEqualTo(184); // 2021-03-01 .. 2021-09-01
    }

    @Test
    void givenSfiLevelCWithoutARecordedB_whenTimeToSfiLevelB_thenTheCDateCounts() {
        Long days = daysFromArrival(
                SFI_LEVEL_B,
                arrivedIn2021().sfiLevel(date(2021, 5, 1), SfiLevel.A).sfiLevel(date(2021, 11, 1), SfiLevel.C));

        assertThat(days).isEqualTo(245); // 2021-03-01 .. 2021-11-01
    }

    @Test
    void givenCivicOrientationOf59HoursBeforeFebruary2020_whenTimeToCivicOrientation_thenNotReached() {
        JourneyFactsBuilder journey = journey().arrived(2019, 3, 1).civicOrientation(date(2020, 1, 31), 59);

        TimeToMilestone result =
                timeToMilestone(List.of(journey.build()), CIVIC_ORIENTATION_COMPLETED, ARRIVAL, 2019, null);

        assertThat(result.reached()).isZero();
    }

    @Test
    void givenCivicOrientationOf60HoursBeforeFebruary2020_whenTimeToCivicOrientation_thenReached() {
        JourneyFactsBuilder journey = journey().arrived(2019, 3, 1).civicOrientation(date(2020, 1, 31), 60);

        TimeToMilestone result =
                timeToMilestone(List.of(journey.build()), CIVIC_ORIENTATION_COMPLETED, ARRIVAL, 2019, null);

        assertThat(result.reached()).isEqualTo(1);
        assertThat(result.medianDays()).isEqualTo(336); // 2019-03-01 .. 2020-01-31
    }

    @Test
    void givenCivicOrientationOf99HoursFromFebruary2020_whenTimeToCivicOrientation_thenNotReached() {
        JourneyFactsBuilder journey = journey().arrived(2019, 3, 1).civicOrientation(date(2020, 2, 1), 99);

        TimeToMilestone result =
                timeToMilestone(List.of(journey.build()), CIVIC_ORIENTATION_COMPLETED, ARRIVAL, 2019, null);

        assertThat(result.reached()).isZero();
    }

    @Test
    void givenCivicOrientationOf100HoursFromFebruary2020_whenTimeToCivicOrientation_thenReached() {
        JourneyFactsBuilder journey = journey().arrived(2019, 3, 1).civicOrientation(date(2020, 2, 1), 100);

        TimeToMilestone result =
                timeToMilestone(List.of(journey.build()), CIVIC_ORIENTATION_COMPLETED, ARRIVAL, 2019, null);

        assertThat(result.reached()).isEqualTo(1);
        assertThat(result.medianDays()).isEqualTo(337); // 2019-03-01 .. 2020-02-01
    }

    @Test
    void givenATooShortCivicOrientationThenAFullOne_whenTimeToCivicOrientation_thenTheFullOneCounts() {
        Long days = daysFromArrival(
                CIVIC_ORIENTATION_COMPLETED,
                arrivedIn2021().civicOrientation(date(2021, 4, 1), 80).civicOrientation(date(2021, 6, 1), 100));

        assertThat(days).isEqualTo(92); // 2021-03-01 .. 2021-06-01
    }

    @Test
    void givenTwoInternships_whenTimeToInternship_thenTheFirstStartCounts() {
        Long days = daysFromArrival(
                INTERNSHIP_STARTED,
                arrivedIn2021()
                        .internship(date(2021, 5, 1), date(2021, 7, 1))
                        .internship(date(2021, 3, 11), date(2021, 4, 1)));

        assertThat(days).isEqualTo(10);
    }

    @Test
    void givenASubsidisedEmploymentBeforeARegularOne_whenTimeToEmployment_thenTheSubsidisedStartCounts() {
        Long days = daysFromArrival(
                EMPLOYMENT_STARTED,
                arrivedIn2021()
                        .employed(EmploymentType.REGULAR, date(2021, 8, 1), null)
                        .employed(EmploymentType.INTRODUKTIONSJOBB, date(2021, 4, 1), date(2021, 7, 1)));

        assertThat(days).isEqualTo(31);
    }

    @Test
    void givenOnlyAnInternship_whenTimeToEmploymentOrInWorkOrStudies_thenNotReached() {
        JourneyFactsBuilder journey = arrivedIn2021().internship(date(2021, 4, 1), null);

        assertThat(daysFromArrival(EMPLOYMENT_STARTED, journey)).isNull();
        assertThat(daysFromArrival(IN_WORK_OR_STUDIES, journey)).isNull();
    }

    @Test
    void givenEmploymentBusinessAndStudies_whenTimeToInWorkOrStudies_thenTheEarliestStartOfAnyCounts() {
        Long days = daysFromArrival(
                IN_WORK_OR_STUDIES,
                arrivedIn2021()
                        .employed(EmploymentType.REGULAR, date(2021, 9, 1), null)
                        .studying(date(2021, 3, 21), date(2021, 6, 1))
                        .selfEmployed(date(2021, 5, 1), null));

        assertThat(days).isEqualTo(20);
    }

    @Test
    void givenOnlyABusiness_whenTimeToInWorkOrStudies_thenTheBusinessStartCounts() {
        assertThat(daysFromArrival(IN_WORK_OR_STUDIES, arrivedIn2021().selfEmployed(date(2021, 3, 6), null)))
                .isEqualTo(5);
    }

    @Test
    void givenOnlyStudies_whenTimeToInWorkOrStudies_thenTheStudiesStartCounts() {
        assertThat(daysFromArrival(IN_WORK_OR_STUDIES, arrivedIn2021().studying(date(2021, 3, 4), null)))
                .isEqualTo(3);
    }

    @Test
    void givenSelfSufficiencyReachedLostAndReachedAgain_whenTimeToSelfSufficiency_thenTheFirstReachCounts() {
        Long days = daysFromArrival(
                SELF_SUFFICIENCY_REACHED,
                arrivedIn2021()
                        .selfSufficiencyLost(date(2021, 3, 2))
                        .selfSufficiencyReached(date(2021, 4, 1))
                        .selfSufficiencyLost(date(2021, 6, 1))
                        .selfSufficiencyReached(date(2021, 9, 1)));

        assertThat(days).isEqualTo(31);
    }

    @Test
    void givenAMilestoneOnTheFromDate_whenTimeTo_thenZeroDays() {
        assertThat(daysFromArrival(HOUSING_SECURED, arrivedIn2021().housingSecured(ARRIVED)))
                .isZero();
    }

    // --- from

    @Test
    void givenAMilestoneBeforeTheEstablishmentStart_whenTimeFromEstablishmentStart_thenItCountsAsZeroDaysAndWithin() {
        JourneyFacts facts = arrivedIn2021()
                .housingSecured(date(2021, 3, 15))
                .establishmentStarted(2021, 5, 1)
                .build();

        TimeToMilestone result = timeToMilestone(List.of(facts), HOUSING_SECURED, ESTABLISHMENT_START, 2021, 0);

        assertThat(result.reached()).isEqualTo(1);
        assertThat(result.medianDays()).isZero();
        assertThat(result.p25Days()).isZero();
        assertThat(result.p75Days()).isZero();
        assertThat(result.reachedWithin()).isEqualTo(new CountAndShare(1, new BigDecimal("1.0000")));
    }

    @Test
    void
            givenJourneysWithAndWithoutEstablishmentStart_whenTimeFromEstablishmentStart_thenOnlyThoseWithAStartAreInTheCohort() {
        List<JourneyFacts> facts = List.of(
                arrivedIn2021()
                        .establishmentStarted(2021, 4, 1)
                        .housingSecured(date(2021, 5, 1))
                        .build(),
                arrivedIn2021().housingSecured(date(2021, 5, 1)).build());

        TimeToMilestone fromStart = timeToMilestone(facts, HOUSING_SECURED, ESTABLISHMENT_START, 2021, null);
        TimeToMilestone fromArrival = timeToMilestone(facts, HOUSING_SECURED, ARRIVAL, 2021, null);

        assertThat(fromStart.cohortSize()).isEqualTo(1);
        assertThat(fromStart.medianDays()).isEqualTo(30);
        assertThat(fromArrival.cohortSize()).isEqualTo(2);
        assertThat(fromArrival.medianDays()).isEqualTo(61);
    }

    @Test
    void givenAnEstablishmentStartInTheYearBeforeArrival_whenChoosingCohorts_thenEachFromDateDecidesItsOwnYear() {
        List<JourneyFacts> facts = List.of(journey()
                .arrived(2021, 1, 10)
                .establishmentStarted(2020, 12, 15)
                .build());

        assertThat(timeToMilestone(facts, HOUSING_SECURED, ESTABLISHMENT_START, 2020, null)
                        .cohortSize())
                .isEqualTo(1);
        assertThat(timeToMilestone(facts, HOUSING_SECURED, ESTABLISHMENT_START, 2021, null)
                        .cohortSize())
                .isZero();
        assertThat(timeToMilestone(facts, HOUSING_SECURED, ARRIVAL, 2021, null).cohortSize())
                .isEqualTo(1);
        assertThat(timeToMilestone(facts, HOUSING_SECURED, ARRIVAL, 2020, null).cohortSize())
                .isZero();
    }

    // --- percentiles (nearest rank: rank = ceil(p/100 * n), 1-based, over the days sorted ascending)

    @Test
    void givenOneJourneyReached_whenTimeTo_thenEveryPercentileIsItsDays() {
        // n=1: every rank is ceil(p/100) = 1 -> 10
        TimeToMilestone result = timeToMilestone(housedAfter(10), HOUSING_SECURED, ARRIVAL, 2021, null);

        assertThat(result.p25Days()).isEqualTo(10);
        assertThat(result.medianDays()).isEqualTo(10);
        assertThat(result.p75Days()).isEqualTo(10);
    }

    @Test
    void givenFourJourneysReached_whenTimeTo_thenNearestRankPercentiles() {
        // sorted 10,20,30,40; p25: ceil(1)=1 -> 10; p50: ceil(2)=2 -> 20; p75: ceil(3)=3 -> 30
        TimeToMilestone result = timeToMilestone(housedAfter(40, 10, 30, 20), HOUSING_SECURED, ARRIVAL, 2021, null);

        assertThat(result.p25Days()).isEqualTo(10);
        assertThat(result.medianDays()).isEqualTo(20);
        assertThat(result.p75Days()).isEqualTo(30);
    }

    @Test
    void givenFiveJourneysReached_whenTimeTo_thenNearestRankPercentiles() {
        // sorted 10,20,30,40,50; p25: ceil(1.25)=2 -> 20; p50: ceil(2.5)=3 -> 30; p75: ceil(3.75)=4 -> 40
        TimeToMilestone result = timeToMilestone(housedAfter(50, 30, 10, 40, 20), HOUSING_SECURED, ARRIVAL, 2021, null);

        assertThat(result.p25Days()).isEqualTo(20);
        assertThat(result.medianDays()).isEqualTo(30);
        assertThat(result.p75Days()).isEqualTo(40);
    }

    @Test
    void givenTenJourneysReached_whenTimeTo_thenNearestRankPercentiles() {
        // sorted 10..100; p25: ceil(2.5)=3 -> 30; p50: ceil(5)=5 -> 50; p75: ceil(7.5)=8 -> 80
        TimeToMilestone result = timeToMilestone(
                housedAfter(100, 90, 80, 70, 60, 50, 40, 30, 20, 10), HOUSING_SECURED, ARRIVAL, 2021, null);

        assertThat(result.reached()).isEqualTo(10);
        assertThat(result.p25Days()).isEqualTo(30);
        assertThat(result.medianDays()).isEqualTo(50);
        assertThat(result.p75Days()).isEqualTo(80);
    }

    @Test
    void givenSomeJourneysNotReached_whenTimeTo_thenPercentilesAreOverTheReachedOnly() {
        // reached 7, 9, 400; p25: ceil(0.75)=1 -> 7; p50: ceil(1.5)=2 -> 9; p75: ceil(2.25)=3 -> 400
        List<JourneyFacts> facts = new ArrayList<>(housedAfter(400, 7, 9));
        facts.add(journey().arrived(2021, 1, 1).build());
        facts.add(journey().arrived(2021, 2, 1).build());

        TimeToMilestone result = timeToMilestone(facts, HOUSING_SECURED, ARRIVAL, 2021, null);

        assertThat(result.cohortSize()).isEqualTo(5);
        assertThat(result.reached()).isEqualTo(3);
        assertThat(result.p25Days()).isEqualTo(7);
        assertThat(result.medianDays()).isEqualTo(9);
        assertThat(result.p75Days()).isEqualTo(400);
    }

    @Test
    void givenSortedDays_whenTakingNearestRankDirectly_thenRanksAreCeilingsWithoutFloatingPointDrift() {
        long[] sorted = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20};

        assertThat(OutcomeCalculator.nearestRank(sorted, 25)).isEqualTo(5); // 0.25 * 20 = 5 exactly
        assertThat(OutcomeCalculator.nearestRank(sorted, 75)).isEqualTo(15); // 0.75 * 20 = 15 exactly
        assertThat(OutcomeCalculator.nearestRank(sorted, 50)).isEqualTo(10);
        assertThat(OutcomeCalculator.nearestRank(new long[0], 50)).isNull();
    }

    // --- within N months

    @Test
    void givenMilestonesExactlyOnAndOneDayAfterFromPlusNMonths_whenCountingWithin_thenOnlyTheOneOnTheBoundaryCounts() {
        List<JourneyFacts> facts = List.of(
                arrivedIn2021()
                        .employed(EmploymentType.REGULAR, date(2021, 11, 1), null)
                        .build(),
                arrivedIn2021()
                        .employed(EmploymentType.REGULAR, date(2021, 11, 2), null)
                        .build());

        TimeToMilestone result = timeToMilestone(facts, EMPLOYMENT_STARTED, ARRIVAL, 2021, 8);

        assertThat(result.withinMonths()).isEqualTo(8);
        assertThat(result.reachedWithin()).isEqualTo(new CountAndShare(1, new BigDecimal("0.5000")));
    }

    @Test
    void givenFromOnTheLastDayOfJanuary_whenCountingWithinOneMonth_thenTheLastDayOfFebruaryIsTheBoundary() {
        List<JourneyFacts> facts = List.of(
                journey().arrived(2021, 1, 31).housingSecured(date(2021, 2, 28)).build(),
                journey().arrived(2021, 1, 31).housingSecured(date(2021, 3, 1)).build());

        TimeToMilestone result = timeToMilestone(facts, HOUSING_SECURED, ARRIVAL, 2021, 1);

        assertThat(result.reachedWithin().count()).isEqualTo(1);
    }

    @Test
    void givenNoWithinMonthsAsked_whenTimeTo_thenReachedWithinAndWithinMonthsAreNull() {
        TimeToMilestone result = timeToMilestone(housedAfter(5), HOUSING_SECURED, ARRIVAL, 2021, null);

        assertThat(result.withinMonths()).isNull();
        assertThat(result.reachedWithin()).isNull();
    }

    @Test
    void givenANegativeWithinMonths_whenTimeTo_thenItIsRejected() {
        assertThatThrownBy(() -> timeToMilestone(housedAfter(5), HOUSING_SECURED, ARRIVAL, 2021, -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // --- cohorts

    @Test
    void givenAnEmptyCohort_whenTimeTo_thenZerosAndNullsNotExceptions() {
        List<JourneyFacts> otherYear = List.of(
                journey().arrived(2020, 5, 1).housingSecured(date(2020, 6, 1)).build());

        TimeToMilestone result = timeToMilestone(otherYear, HOUSING_SECURED, ARRIVAL, 2021, 6);

        assertThat(result)
                .isEqualTo(new TimeToMilestone(
                        HOUSING_SECURED,
                        ARRIVAL,
                        0,
                        0,
                        null,
                        null,
                        null,
                        6,
                        new CountAndShare(0, new BigDecimal("0.0000"))));
    }

    @Test
    void givenACohortWhereNobodyReached_whenTimeTo_thenPercentilesAreNullAndTheShareIsZero() {
        List<JourneyFacts> facts =
                List.of(arrivedIn2021().build(), arrivedIn2021().build());

        TimeToMilestone result = timeToMilestone(facts, SFI_LEVEL_B, ARRIVAL, 2021, 12);

        assertThat(result.cohortSize()).isEqualTo(2);
        assertThat(result.reached()).isZero();
        assertThat(result.medianDays()).isNull();
        assertThat(result.p25Days()).isNull();
        assertThat(result.p75Days()).isNull();
        assertThat(result.reachedWithin()).isEqualTo(new CountAndShare(0, new BigDecimal("0.0000")));
    }

    @Test
    void givenKronobergsCohortOf152With122EmployedWithin8Months_whenTimeTo_then122AndShare0_8026() {
        List<JourneyFacts> facts = new ArrayList<>();
        for (int i = 0; i < 122; i++) {
            // 2021-03-01 + 8 months = 2021-11-01; spread over the 245 days up to and including it
            facts.add(arrivedIn2021()
                    .employed(EmploymentType.REGULAR, ARRIVED.plusDays(i * 2L), null)
                    .build());
        }
        for (int i = 0; i < 20; i++) {
            facts.add(arrivedIn2021()
                    .employed(EmploymentType.NYSTARTSJOBB, date(2021, 11, 2).plusDays(i), null)
                    .build());
        }
        for (int i = 0; i < 10; i++) {
            facts.add(arrivedIn2021().internship(date(2021, 4, 1), null).build());
        }
        facts.add(journey()
                .arrived(2020, 12, 31)
                .employed(EmploymentType.REGULAR, date(2021, 1, 5), null)
                .build());

        TimeToMilestone result = timeToMilestone(facts, EMPLOYMENT_STARTED, ARRIVAL, 2021, 8);

        assertThat(result.cohortSize()).isEqualTo(152);
        assertThat(result.reached()).isEqualTo(142);
        assertThat(result.reachedWithin()).isEqualTo(new CountAndShare(122, new BigDecimal("0.8026")));
    }
}
