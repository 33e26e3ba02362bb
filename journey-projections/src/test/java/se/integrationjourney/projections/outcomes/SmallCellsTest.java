package se.integrationjourney.projections.outcomes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import se.integrationjourney.core.events.Gender;
import se.integrationjourney.core.events.OutcomeStatus;

/**
 * Small-cell suppression on hand-made responses, with a limit of 5 unless a test says otherwise. Each cohort is
 * given as groups of people of one gender and one age band ({@link People}); the genders, the age bands and the
 * cohort are their sums, as the calculator would give them.
 */
class SmallCellsTest {

    private static final KnownAt KNOWN = new KnownAt(null, java.time.Instant.EPOCH, false);

    private static final int K = 5;

    // ---- primary suppression, zeros, the denominator

    @Test
    void givenNoSmallFigure_whenSuppressing_thenEveryFigureIsTheExactOneAndNothingIsListed() {
        TwoYearsAfterOutcomeResponse exact = cohort(
                women(10, 0, 0, 5, 5, 0).selfSufficient(10),
                men(6, 0, 0, 0, 0, 6).selfSufficient(6));

        TwoYearsAfterOutcomeResponse suppressed = SmallCells.suppress(exact, K);

        assertThat(suppressed.suppressed()).isEmpty();
        assertThat(suppressed.minCellSize()).isEqualTo(K);
        assertThat(suppressed)
                .usingRecursiveComparison()
                .ignoringFields("minCellSize")
                .isEqualTo(exact);
    }

    @Test
    void givenASmallCount_whenSuppressing_thenItAndItsShareAreNullAndNamedWhileZerosStay() {
        TwoYearsAfterOutcomeResponse exact = cohort(women(20, 0, 0, 0, 0, 0).selfSufficient(3));

        TwoYearsAfterOutcomeResponse suppressed = SmallCells.suppress(exact, K);

        assertThat(suppressed.selfSufficient()).isEqualTo(CountAndShare.SUPPRESSED);
        assertThat(ofTheCohort(suppressed.suppressed()))
                .containsExactly("selfSufficient.count", "selfSufficient.share");
        assertThat(suppressed.suppressed())
                .contains("byGender.FEMALE.selfSufficient.count", "byAgeBand.25-34.selfSufficient.share");
        assertThat(suppressed.denominator()).isEqualTo(20);
        assertThat(suppressed.byStatus())
                .containsExactly(
                        Map.entry(OutcomeStatus.EMPLOYED, 20L),
                        Map.entry(OutcomeStatus.SUBSIDISED_EMPLOYMENT, 0L),
                        Map.entry(OutcomeStatus.SELF_EMPLOYED, 0L),
                        Map.entry(OutcomeStatus.STUDYING, 0L),
                        Map.entry(OutcomeStatus.FINANCIAL_ASSISTANCE, 0L),
                        Map.entry(OutcomeStatus.UNKNOWN, 0L));
        assertThat(suppressed.inWorkOrStudies()).isEqualTo(new CountAndShare(20, new BigDecimal("1.0000")));
        assertThat(suppressed.byGender().get(Gender.MALE))
                .as("an empty group discloses nobody")
                .isEqualTo(exact.byGender().get(Gender.MALE));
    }

    @Test
    void givenALimitOfTwo_whenSuppressing_thenOnlyOnesAreSmall() {
        TwoYearsAfterOutcomeResponse exact = cohort(women(10, 0, 0, 0, 0, 0).selfSufficient(2));

        TwoYearsAfterOutcomeResponse suppressed = SmallCells.suppress(exact, 2);

        assertThat(suppressed.selfSufficient().count()).isEqualTo(2);
        assertThat(suppressed.suppressed()).isEmpty();
        assertThat(SmallCells.suppress(exact, 3).selfSufficient()).isEqualTo(CountAndShare.SUPPRESSED);
    }

    @Test
    void givenAMeasuredCohortBelowTheLimit_whenSuppressing_thenEveryFigureBuiltOnItIsHiddenZerosToo() {
        TwoYearsAfterOutcomeResponse exact =
                cohort(women(3, 0, 0, 1, 0, 0).selfSufficient(2).pending(7));

        TwoYearsAfterOutcomeResponse suppressed = SmallCells.suppress(exact, K);

        assertThat(suppressed.denominator()).isNull();
        assertThat(suppressed.byStatus().values()).containsOnlyNulls().hasSize(6);
        assertThat(suppressed.inWorkOrStudies()).isEqualTo(CountAndShare.SUPPRESSED);
        assertThat(suppressed.selfSufficient()).isEqualTo(CountAndShare.SUPPRESSED);
        assertThat(ofTheCohort(suppressed.suppressed()))
                .containsExactly(
                        "denominator",
                        "byStatus.EMPLOYED",
                        "byStatus.SUBSIDISED_EMPLOYMENT",
                        "byStatus.SELF_EMPLOYED",
                        "byStatus.STUDYING",
                        "byStatus.FINANCIAL_ASSISTANCE",
                        "byStatus.UNKNOWN",
                        "inWorkOrStudies.count",
                        "inWorkOrStudies.share",
                        "selfSufficient.count",
                        "selfSufficient.share");
        assertThat(suppressed.pending()).as("not built on the measured").isEqualTo(7);
        assertThat(suppressed.lostToFollowUp()).isZero();
    }

    @Test
    void givenFewLostToFollowUp_whenSuppressing_thenThatCountIsHiddenAndTheMeasuredShown() {
        TwoYearsAfterOutcomeResponse exact = cohort(women(10, 0, 0, 0, 0, 0).lost(2), men(0, 0, 0, 0, 0, 8));

        TwoYearsAfterOutcomeResponse suppressed = SmallCells.suppress(exact, K);

        assertThat(suppressed.lostToFollowUp()).isNull();
        assertThat(suppressed.byGender().get(Gender.FEMALE).lostToFollowUp()).isNull();
        assertThat(suppressed.byGender().get(Gender.MALE).lostToFollowUp()).isZero();
        assertThat(suppressed.denominator()).isEqualTo(18);
        assertThat(suppressed.suppressed())
                .containsExactly("lostToFollowUp", "byGender.FEMALE.lostToFollowUp", "byAgeBand.25-34.lostToFollowUp");
    }

    // ---- secondary suppression within a group

    @Test
    void givenOneSmallStatus_whenSuppressing_thenTheNextSmallestStatusIsHiddenSoTheMeasuredDoNotGiveItBack() {
        // 12 employed, 8 studying, 7 on financial assistance, 3 unknown: 30 measured.
        TwoYearsAfterOutcomeResponse exact = cohort(women(12, 0, 0, 8, 7, 3).selfSufficient(15));

        TwoYearsAfterOutcomeResponse suppressed = SmallCells.suppress(exact, K);

        assertThat(suppressed.byStatus())
                .containsExactly(
                        Map.entry(OutcomeStatus.EMPLOYED, 12L),
                        Map.entry(OutcomeStatus.SUBSIDISED_EMPLOYMENT, 0L),
                        Map.entry(OutcomeStatus.SELF_EMPLOYED, 0L),
                        Map.entry(OutcomeStatus.STUDYING, 8L),
                        nullEntry(OutcomeStatus.FINANCIAL_ASSISTANCE),
                        nullEntry(OutcomeStatus.UNKNOWN));
        assertThat(suppressed.inWorkOrStudies().count()).isEqualTo(20);
        assertThat(ofTheCohort(suppressed.suppressed()))
                .containsExactly("byStatus.FINANCIAL_ASSISTANCE", "byStatus.UNKNOWN");
    }

    @Test
    void givenTwoHiddenStatusesOfOneEach_whenSuppressing_thenAThirdIsHiddenSoTheyAreNotKnownToBeOneEach() {
        // The hidden self-employed and studying would add up to 22 - 20 = 2, so one each: the employed are hidden too.
        TwoYearsAfterOutcomeResponse exact = cohort(women(20, 0, 1, 1, 8, 0).selfSufficient(15));

        TwoYearsAfterOutcomeResponse suppressed = SmallCells.suppress(exact, K);

        assertThat(ofTheCohort(suppressed.suppressed()))
                .containsExactly("byStatus.EMPLOYED", "byStatus.SELF_EMPLOYED", "byStatus.STUDYING");
        assertThat(suppressed.inWorkOrStudies().count())
                .as("the partner is taken within the same half, so the measure stays")
                .isEqualTo(22);
        assertThat(suppressed.byStatus().get(OutcomeStatus.FINANCIAL_ASSISTANCE))
                .isEqualTo(8);
    }

    @Test
    void givenAllButOneInWorkOrStudies_whenSuppressing_thenTheCountIsHiddenWithTheRestItWouldGiveBack() {
        // 19 of 20 in work would say the twentieth is on financial assistance.
        TwoYearsAfterOutcomeResponse exact = cohort(women(19, 0, 0, 0, 1, 0).selfSufficient(10));

        TwoYearsAfterOutcomeResponse suppressed = SmallCells.suppress(exact, K);

        assertThat(suppressed.inWorkOrStudies()).isEqualTo(CountAndShare.SUPPRESSED);
        assertThat(suppressed.byStatus().get(OutcomeStatus.FINANCIAL_ASSISTANCE))
                .isNull();
        assertThat(suppressed.byStatus().get(OutcomeStatus.EMPLOYED))
                .as("else the hidden in work or studies would be the employed")
                .isNull();
        assertThat(suppressed.denominator()).isEqualTo(20);
        assertThat(ofTheCohort(suppressed.suppressed()))
                .containsExactly(
                        "byStatus.EMPLOYED",
                        "byStatus.FINANCIAL_ASSISTANCE",
                        "inWorkOrStudies.count",
                        "inWorkOrStudies.share");
    }

    @Test
    void givenAllButTwoSelfSufficient_whenSuppressing_thenTheSelfSufficientAreHiddenAsTheirComplementIsSmall() {
        TwoYearsAfterOutcomeResponse exact = cohort(women(20, 0, 0, 0, 0, 0).selfSufficient(18));

        TwoYearsAfterOutcomeResponse suppressed = SmallCells.suppress(exact, K);

        assertThat(suppressed.selfSufficient()).isEqualTo(CountAndShare.SUPPRESSED);
        assertThat(ofTheCohort(suppressed.suppressed()))
                .containsExactly("selfSufficient.count", "selfSufficient.share");
    }

    // ---- secondary suppression across groups

    @Test
    void givenOneSmallGender_whenSuppressing_thenTheNextSmallestGenderIsHiddenWholeAndTheCohortShown() {
        TwoYearsAfterOutcomeResponse exact = cohort(
                women(10, 0, 0, 10, 0, 0).selfSufficient(10),
                men(8, 0, 0, 7, 0, 0).selfSufficient(8),
                people(Gender.OTHER, "25-34", 1, 0, 0, 0, 0, 0));

        TwoYearsAfterOutcomeResponse suppressed = SmallCells.suppress(exact, K);

        assertThat(suppressed.byGender().get(Gender.FEMALE))
                .isEqualTo(exact.byGender().get(Gender.FEMALE));
        assertThat(suppressed.byGender().get(Gender.OTHER).denominator()).isNull();
        assertThat(suppressed.byGender().get(Gender.MALE).denominator())
                .as("15 is not small, but with it shown the cohort's 36 would give the other gender's 1 back")
                .isNull();
        assertThat(suppressed.byGender().get(Gender.MALE).byStatus().values()).containsOnlyNulls();
        assertThat(suppressed.byGender().get(Gender.MALE).inWorkOrStudies()).isEqualTo(CountAndShare.SUPPRESSED);
        assertThat(suppressed.byGender().get(Gender.UNKNOWN))
                .isEqualTo(exact.byGender().get(Gender.UNKNOWN));
        assertThat(suppressed.denominator()).isEqualTo(36);
        assertThat(suppressed.byStatus().get(OutcomeStatus.EMPLOYED)).isEqualTo(19);
        assertThat(ofTheCohort(suppressed.suppressed())).isEmpty();
        assertThat(suppressed.suppressed())
                .contains("byGender.MALE.denominator", "byGender.MALE.byStatus.STUDYING", "byGender.OTHER.denominator")
                .noneMatch(path -> path.startsWith("byGender.FEMALE."));
    }

    @Test
    void givenOneSmallAgeBand_whenSuppressing_thenTheNextSmallestBandIsHiddenWhole() {
        TwoYearsAfterOutcomeResponse exact = cohort(
                women(12, 0, 0, 0, 0, 0).in("20-24"),
                women(20, 0, 0, 0, 0, 0).in("25-34"),
                women(2, 0, 0, 0, 0, 0).in("55-64"));

        TwoYearsAfterOutcomeResponse suppressed = SmallCells.suppress(exact, K);

        assertThat(suppressed.byAgeBand().get("55-64").denominator()).isNull();
        assertThat(suppressed.byAgeBand().get("20-24").denominator()).isNull();
        assertThat(suppressed.byAgeBand().get("25-34").denominator()).isEqualTo(20);
        assertThat(suppressed.byAgeBand().get("other").denominator()).isZero();
        assertThat(suppressed.byGender().get(Gender.FEMALE).denominator()).isEqualTo(34);
        assertThat(suppressed.suppressed())
                .allMatch(path -> path.startsWith("byAgeBand.20-24.") || path.startsWith("byAgeBand.55-64."));
    }

    @Test
    void
            givenASmallStatusInOneGender_whenSuppressing_thenTheSameStatusOfAnotherGenderIsHiddenSoTheCohortsDoesNotGiveItBack() {
        TwoYearsAfterOutcomeResponse exact = cohort(
                women(17, 0, 0, 3, 0, 0).selfSufficient(10),
                men(10, 0, 0, 10, 0, 0).selfSufficient(10));

        TwoYearsAfterOutcomeResponse suppressed = SmallCells.suppress(exact, K);

        TwoYearsAfterOutcome.Breakdown women = suppressed.byGender().get(Gender.FEMALE);
        TwoYearsAfterOutcome.Breakdown men = suppressed.byGender().get(Gender.MALE);
        assertThat(women.byStatus().get(OutcomeStatus.STUDYING)).isNull();
        assertThat(women.byStatus().get(OutcomeStatus.EMPLOYED))
                .as("else the women's 20 in work or studies give their studying back")
                .isNull();
        assertThat(men.byStatus().get(OutcomeStatus.STUDYING))
                .as("else the cohort's 13 studying give the women's back")
                .isNull();
        assertThat(men.byStatus().get(OutcomeStatus.EMPLOYED)).isNull();
        assertThat(women.inWorkOrStudies().count()).isEqualTo(20);
        assertThat(men.denominator()).isEqualTo(20);
        assertThat(suppressed.byStatus().get(OutcomeStatus.STUDYING)).isEqualTo(13);
        assertThat(suppressed.suppressed())
                .as("the women are the band 25-34 and the men 35-44, so the bands' figures go with theirs")
                .containsExactly(
                        "byGender.FEMALE.byStatus.EMPLOYED",
                        "byGender.FEMALE.byStatus.STUDYING",
                        "byGender.MALE.byStatus.EMPLOYED",
                        "byGender.MALE.byStatus.STUDYING",
                        "byAgeBand.25-34.byStatus.EMPLOYED",
                        "byAgeBand.25-34.byStatus.STUDYING",
                        "byAgeBand.35-44.byStatus.EMPLOYED",
                        "byAgeBand.35-44.byStatus.STUDYING");
    }

    @Test
    void givenAMixedCohort_whenSuppressed_thenNoSumTheReaderCanFormGivesAHiddenFigureBack() {
        TwoYearsAfterOutcomeResponse exact = cohort(
                women(9, 1, 2, 6, 4, 1).selfSufficient(9).in("20-24"),
                women(14, 0, 0, 3, 2, 0).selfSufficient(12).pending(3),
                men(11, 2, 0, 5, 6, 2).selfSufficient(10).lost(1),
                people(Gender.UNKNOWN, "other", 2, 0, 0, 1, 0, 0));

        TwoYearsAfterOutcomeResponse suppressed = SmallCells.suppress(exact, K);

        List<TwoYearsAfterOutcome.Breakdown> exactGroups = groups(exact);
        List<TwoYearsAfterOutcome.Breakdown> shownGroups = groups(suppressed);
        List<Function<TwoYearsAfterOutcome.Breakdown, Long>> figures = new ArrayList<>(List.of(
                TwoYearsAfterOutcome.Breakdown::denominator,
                TwoYearsAfterOutcome.Breakdown::pending,
                TwoYearsAfterOutcome.Breakdown::lostToFollowUp,
                group -> group.inWorkOrStudies().count(),
                group -> group.selfSufficient().count()));
        for (OutcomeStatus status : OutcomeStatus.values()) {
            figures.add(group -> group.byStatus().get(status));
        }
        for (int g = 0; g < exactGroups.size(); g++) {
            TwoYearsAfterOutcome.Breakdown exactGroup = exactGroups.get(g);
            TwoYearsAfterOutcome.Breakdown shownGroup = shownGroups.get(g);
            List<Function<TwoYearsAfterOutcome.Breakdown, Long>> statuses = figures.subList(5, 11);
            List<Function<TwoYearsAfterOutcome.Breakdown, Long>> inWork = statuses.subList(0, 4);
            List<Function<TwoYearsAfterOutcome.Breakdown, Long>> workOrRest =
                    List.of(figures.get(3), statuses.get(4), statuses.get(5));
            for (List<Function<TwoYearsAfterOutcome.Breakdown, Long>> parts : List.of(statuses, workOrRest)) {
                assertNothingGivenBack(
                        figures.get(0).apply(exactGroup),
                        figures.get(0).apply(shownGroup),
                        parts.stream().map(part -> part.apply(exactGroup)).toList(),
                        parts.stream().map(part -> part.apply(shownGroup)).toList());
            }
            assertNothingGivenBack(
                    figures.get(3).apply(exactGroup),
                    figures.get(3).apply(shownGroup),
                    inWork.stream().map(part -> part.apply(exactGroup)).toList(),
                    inWork.stream().map(part -> part.apply(shownGroup)).toList());
            Long measured = shownGroup.denominator();
            Long selfSufficient = shownGroup.selfSufficient().count();
            if (measured != null && selfSufficient != null) {
                long others = measured - selfSufficient;
                assertThat(others > 0 && others < K)
                        .as("%d measured less %d self-sufficient", measured, selfSufficient)
                        .isFalse();
            }
        }
        List<TwoYearsAfterOutcome.Breakdown> exactGenders =
                List.copyOf(exact.byGender().values());
        List<TwoYearsAfterOutcome.Breakdown> shownGenders =
                List.copyOf(suppressed.byGender().values());
        List<TwoYearsAfterOutcome.Breakdown> exactBands =
                List.copyOf(exact.byAgeBand().values());
        List<TwoYearsAfterOutcome.Breakdown> shownBands =
                List.copyOf(suppressed.byAgeBand().values());
        for (Function<TwoYearsAfterOutcome.Breakdown, Long> figure : figures) {
            assertNothingGivenBack(
                    figure.apply(exactGroups.get(0)),
                    figure.apply(shownGroups.get(0)),
                    exactGenders.stream().map(figure).toList(),
                    shownGenders.stream().map(figure).toList());
            assertNothingGivenBack(
                    figure.apply(exactGroups.get(0)),
                    figure.apply(shownGroups.get(0)),
                    exactBands.stream().map(figure).toList(),
                    shownBands.stream().map(figure).toList());
        }
        assertThat(suppressed.suppressed()).isNotEmpty();
    }

    // ---- time to a milestone

    @Test
    void givenFewerThanTheLimitReached_whenSuppressing_thenTheCountThePercentilesAndTheCountWithinAreHidden() {
        TimeToMilestoneResponse exact = timeTo(20, 3, 120L, 40L, 300L, 12, 2);

        TimeToMilestoneResponse suppressed = SmallCells.suppress(exact, K);

        assertThat(suppressed.cohortSize()).isEqualTo(20);
        assertThat(suppressed.reached()).isNull();
        assertThat(suppressed.medianDays()).isNull();
        assertThat(suppressed.p25Days()).isNull();
        assertThat(suppressed.p75Days()).isNull();
        assertThat(suppressed.withinMonths()).isEqualTo(12);
        assertThat(suppressed.reachedWithin()).isEqualTo(CountAndShare.SUPPRESSED);
        assertThat(suppressed.suppressed())
                .containsExactly(
                        "reached", "medianDays", "p25Days", "p75Days", "reachedWithin.count", "reachedWithin.share");
        assertThat(suppressed.minCellSize()).isEqualTo(K);
    }

    @Test
    void givenAllButTwoReached_whenSuppressing_thenTheCountIsHiddenButThePercentilesOfEighteenStay() {
        TimeToMilestoneResponse exact = timeTo(20, 18, 120L, 40L, 300L, null, 0);

        TimeToMilestoneResponse suppressed = SmallCells.suppress(exact, K);

        assertThat(suppressed.reached()).isNull();
        assertThat(suppressed.medianDays()).isEqualTo(120);
        assertThat(suppressed.reachedWithin()).isNull();
        assertThat(suppressed.suppressed()).containsExactly("reached");
    }

    @Test
    void givenAllButOneOfThoseReachingItDidWithinTheMonths_whenSuppressing_thenTheCountWithinIsHidden() {
        // 19 within 12 months of 20 who reached it would say that one took longer.
        TimeToMilestoneResponse exact = timeTo(30, 20, 120L, 40L, 300L, 12, 19);

        TimeToMilestoneResponse suppressed = SmallCells.suppress(exact, K);

        assertThat(suppressed.reached()).isEqualTo(20);
        assertThat(suppressed.reachedWithin()).isEqualTo(CountAndShare.SUPPRESSED);
        assertThat(suppressed.suppressed()).containsExactly("reachedWithin.count", "reachedWithin.share");
    }

    @Test
    void givenACohortBelowTheLimit_whenSuppressing_thenEveryFigureIsHiddenButNoPercentileNobodyHad() {
        TimeToMilestoneResponse exact = timeTo(3, 0, null, null, null, 6, 0);

        TimeToMilestoneResponse suppressed = SmallCells.suppress(exact, K);

        assertThat(suppressed.cohortSize()).isNull();
        assertThat(suppressed.reached()).isNull();
        assertThat(suppressed.reachedWithin()).isEqualTo(CountAndShare.SUPPRESSED);
        assertThat(suppressed.suppressed())
                .containsExactly("cohortSize", "reached", "reachedWithin.count", "reachedWithin.share");
    }

    @Test
    void givenNobodyReachedIt_whenSuppressing_thenTheZeroIsShownAndNothingIsListed() {
        TimeToMilestoneResponse exact = timeTo(20, 0, null, null, null, 6, 0);

        TimeToMilestoneResponse suppressed = SmallCells.suppress(exact, K);

        assertThat(suppressed)
                .usingRecursiveComparison()
                .ignoringFields("minCellSize")
                .isEqualTo(exact);
        assertThat(suppressed.suppressed()).isEmpty();
    }

    // ---- the limit and the CSV

    @Test
    void givenALimitOutsideTwoToAHundred_whenSuppressing_thenItIsRefused() {
        TwoYearsAfterOutcomeResponse exact = cohort(women(10, 0, 0, 0, 0, 0));

        for (int limit : List.of(-1, 0, 1, 101)) {
            assertThatThrownBy(() -> SmallCells.suppress(exact, limit))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("minCellSize must be from 2 to 100 (leave it out for exact figures)");
        }
        assertThat(SmallCells.suppress(exact, 100).denominator()).isNull();
    }

    @Test
    void givenASuppressedResponse_whenSuppressingAgain_thenItIsRefused() {
        TwoYearsAfterOutcomeResponse once = SmallCells.suppress(cohort(women(10, 0, 0, 0, 0, 0)), K);

        assertThatThrownBy(() -> SmallCells.suppress(once, K)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenSuppressedResponses_whenFlattenedToCsv_thenEachHiddenFigureIsTheMarkAndAMissingOneStaysEmpty() {
        TwoYearsAfterOutcomeResponse outcome = SmallCells.suppress(cohort(women(19, 0, 0, 0, 1, 0)), K);
        TimeToMilestoneResponse time = SmallCells.suppress(timeTo(20, 3, 120L, 40L, 300L, null, 0), K);

        assertThat(OutcomeCsv.rows(outcome).get(1))
                .containsExactly(
                        "total", "all", "20", "0", "0", "<5", "0", "0", "0", "<5", "0", "<5", "<5", "0", "0.0000");
        assertThat(OutcomeCsv.rows(time).get(1))
                .containsExactly("SFI_LEVEL_B", "ARRIVAL", "20", "<5", "<5", "<5", "<5", "", "", "");
    }

    // ---- helpers

    /** The measured of one gender in one age band, by status in {@link OutcomeStatus} order, and the rest. */
    private record People(
            Gender gender, String ageBand, long[] byStatus, long selfSufficient, long pending, long lost) {

        People selfSufficient(long count) {
            return new People(gender, ageBand, byStatus, count, pending, lost);
        }

        People pending(long count) {
            return new People(gender, ageBand, byStatus, selfSufficient, count, lost);
        }

        People lost(long count) {
            return new People(gender, ageBand, byStatus, selfSufficient, pending, count);
        }

        People in(String band) {
            return new People(gender, band, byStatus, selfSufficient, pending, lost);
        }
    }

    private static People people(Gender gender, String ageBand, long... byStatus) {
        assertThat(byStatus).hasSize(OutcomeStatus.values().length);
        return new People(gender, ageBand, byStatus, 0, 0, 0);
    }

    /** Women aged 25 to 34, by status. */
    private static People women(long... byStatus) {
        return people(Gender.FEMALE, "25-34", byStatus);
    }

    /** Men aged 35 to 44, by status. */
    private static People men(long... byStatus) {
        return people(Gender.MALE, "35-44", byStatus);
    }

    /** The exact response for these people, every gender and age band present. */
    private static TwoYearsAfterOutcomeResponse cohort(People... people) {
        List<People> all = Arrays.asList(people);
        Map<Gender, TwoYearsAfterOutcome.Breakdown> byGender = new EnumMap<>(Gender.class);
        for (Gender gender : Gender.values()) {
            byGender.put(
                    gender,
                    breakdown(all.stream().filter(p -> p.gender() == gender).toList()));
        }
        Map<String, TwoYearsAfterOutcome.Breakdown> byAgeBand = new LinkedHashMap<>();
        for (AgeBand band : AgeBand.values()) {
            byAgeBand.put(
                    band.label(),
                    breakdown(all.stream()
                            .filter(p -> p.ageBand().equals(band.label()))
                            .toList()));
        }
        TwoYearsAfterOutcome.Breakdown total = breakdown(all);
        return TwoYearsAfterOutcomeResponse.of(
                new TwoYearsAfterOutcome(
                        2021,
                        LocalDate.of(2025, 6, 30),
                        total.denominator(),
                        total.pending(),
                        total.lostToFollowUp(),
                        total.byStatus(),
                        total.inWorkOrStudies(),
                        total.selfSufficient(),
                        byGender,
                        byAgeBand),
                KNOWN,
                42);
    }

    private static TwoYearsAfterOutcome.Breakdown breakdown(List<People> people) {
        Map<OutcomeStatus, Long> byStatus = new EnumMap<>(OutcomeStatus.class);
        long denominator = 0;
        long inWorkOrStudies = 0;
        for (OutcomeStatus status : OutcomeStatus.values()) {
            long count = people.stream()
                    .mapToLong(p -> p.byStatus()[status.ordinal()])
                    .sum();
            byStatus.put(status, count);
            denominator += count;
            inWorkOrStudies += JourneyFacts.isWorkOrStudies(status) ? count : 0;
        }
        long selfSufficient = people.stream().mapToLong(People::selfSufficient).sum();
        return new TwoYearsAfterOutcome.Breakdown(
                denominator,
                people.stream().mapToLong(People::pending).sum(),
                people.stream().mapToLong(People::lost).sum(),
                byStatus,
                CountAndShare.of(inWorkOrStudies, denominator),
                CountAndShare.of(selfSufficient, denominator));
    }

    private static TimeToMilestoneResponse timeTo(
            long cohortSize, long reached, Long median, Long p25, Long p75, Integer withinMonths, long reachedWithin) {
        return TimeToMilestoneResponse.of(
                new TimeToMilestone(
                        Milestone.SFI_LEVEL_B,
                        MeasuredFrom.ARRIVAL,
                        cohortSize,
                        reached,
                        median,
                        p25,
                        p75,
                        withinMonths,
                        withinMonths == null ? null : CountAndShare.of(reachedWithin, cohortSize)),
                LocalDate.of(2025, 6, 30),
                KNOWN,
                7);
    }

    /** The paths of the whole cohort's figures, not its groups'. */
    private static List<String> ofTheCohort(List<String> suppressed) {
        return suppressed.stream()
                .filter(path -> !path.startsWith("byGender.") && !path.startsWith("byAgeBand."))
                .toList();
    }

    private static List<TwoYearsAfterOutcome.Breakdown> groups(TwoYearsAfterOutcomeResponse outcome) {
        List<TwoYearsAfterOutcome.Breakdown> groups = new ArrayList<>();
        groups.add(new TwoYearsAfterOutcome.Breakdown(
                outcome.denominator(),
                outcome.pending(),
                outcome.lostToFollowUp(),
                outcome.byStatus(),
                outcome.inWorkOrStudies(),
                outcome.selfSufficient()));
        groups.addAll(outcome.byGender().values());
        groups.addAll(outcome.byAgeBand().values());
        return groups;
    }

    /**
     * A sum gives a hidden figure back when it is the only hidden figure of the sum, or when its total is shown and
     * its hidden parts add up to a small number (each being at least 1).
     */
    private static void assertNothingGivenBack(
            long exactTotal, Long shownTotal, List<Long> exactParts, List<Long> shownParts) {
        long hidden = (shownTotal == null ? 1 : 0)
                + shownParts.stream().filter(part -> part == null).count();
        assertThat(hidden)
                .as("hidden figures of %s = %s", shownTotal, shownParts)
                .isNotEqualTo(1);
        if (shownTotal != null) {
            long hiddenSum = 0;
            for (int i = 0; i < exactParts.size(); i++) {
                hiddenSum += shownParts.get(i) == null ? exactParts.get(i) : 0;
            }
            assertThat(hiddenSum > 0 && hiddenSum < K)
                    .as("the hidden parts of %s = %s add up to %d", shownTotal, shownParts, hiddenSum)
                    .isFalse();
        }
    }

    private static Map.Entry<OutcomeStatus, Long> nullEntry(OutcomeStatus status) {
        return new java.util.AbstractMap.SimpleEntry<>(status, null);
    }
}
