package se.integrationjourney.projections.outcomes;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import se.integrationjourney.core.events.Gender;
import se.integrationjourney.core.events.OutcomeStatus;

/**
 * Small-cell suppression of the analysts' aggregates, as official statistics publish them (docs/projections.md,
 * "Small cells"): a count that is not zero and below {@code minCellSize} becomes {@code null}, and so does every share
 * built on it; where that leaves a sum the reader can form with one hidden figure, or with hidden figures adding up to
 * a small number, the next-smallest figure of that sum is hidden too, so that the total does not give it back. A
 * denominator stays shown unless it is small itself; then everything built on it is hidden. Every hidden figure is
 * named in the response's {@code suppressed} list by its field path. Pure functions of an exact response.
 *
 * <p>The sums a reader of a two-years-after response can form, in each group (the whole cohort, each gender, each age
 * band): the six statuses add up to the measured ({@code denominator}); those in work or studies are the first four of
 * them, and with the other two (the rest) add up to the measured; the self-sufficient and the rest add up to the
 * measured (the rest is not published, but the measured minus the self-sufficient gives it). Across groups, every
 * figure of the genders adds up to the cohort's, and so does every figure of the age bands. The groups' own
 * denominators are a breakdown like any other: the smallest gender or band beside a hidden one is hidden too, the
 * whole group, since its shares would give its denominator back. Pending and lost to follow-up are counts like any
 * other, tied only across groups (the response does not publish a cohort size).
 *
 * <p>A time-to response: those who reached the milestone and the rest add up to the cohort; so do those who reached
 * it within the months asked and the rest; and those who reached it within the months and later add up to those who
 * reached it. The percentiles are days of single journeys: built on fewer than {@code minCellSize} reached journeys,
 * they are hidden too.
 */
public final class SmallCells {

    /** The smallest limit accepted: 1 would hide nothing. */
    public static final int LOWEST_MIN_CELL_SIZE = 2;

    /** The largest limit accepted; a larger one would hide nearly every municipality's figures. */
    public static final int HIGHEST_MIN_CELL_SIZE = 100;

    private SmallCells() {}

    /** @throws IllegalArgumentException if {@code minCellSize} is outside 2 to 100 */
    public static int checkedMinCellSize(int minCellSize) {
        if (minCellSize < LOWEST_MIN_CELL_SIZE || minCellSize > HIGHEST_MIN_CELL_SIZE) {
            throw new IllegalArgumentException("minCellSize must be from " + LOWEST_MIN_CELL_SIZE + " to "
                    + HIGHEST_MIN_CELL_SIZE + " (leave it out for exact figures)");
        }
        return minCellSize;
    }

    /** How a table writes a suppressed figure: {@code <5} for a limit of 5. */
    public static String mark(int minCellSize) {
        return "<" + minCellSize;
    }

    /**
     * The two-years-after outcome with its small cells suppressed.
     *
     * @param exact an exact response ({@code minCellSize} null)
     * @throws IllegalArgumentException if {@code minCellSize} is outside 2 to 100, or the response is suppressed
     *                                  already
     */
    public static TwoYearsAfterOutcomeResponse suppress(TwoYearsAfterOutcomeResponse exact, int minCellSize) {
        checkedMinCellSize(minCellSize);
        requireExact(exact.minCellSize());
        CellTable table = new CellTable(minCellSize);
        GroupCells cohort = GroupCells.of(
                table,
                "",
                new TwoYearsAfterOutcome.Breakdown(
                        exact.denominator(),
                        exact.pending(),
                        exact.lostToFollowUp(),
                        exact.byStatus(),
                        exact.inWorkOrStudies(),
                        exact.selfSufficient()));
        Map<Gender, GroupCells> genders = new EnumMap<>(Gender.class);
        exact.byGender()
                .forEach((gender, group) ->
                        genders.put(gender, GroupCells.of(table, "byGender." + gender.name() + ".", group)));
        Map<String, GroupCells> bands = new LinkedHashMap<>();
        exact.byAgeBand()
                .forEach((band, group) -> bands.put(band, GroupCells.of(table, "byAgeBand." + band + ".", group)));
        for (GroupCells group : genders.values()) {
            group.sumsWithin(table);
        }
        for (GroupCells group : bands.values()) {
            group.sumsWithin(table);
        }
        cohort.sumsWithin(table);
        cohort.sumsAcross(table, List.copyOf(genders.values()));
        cohort.sumsAcross(table, List.copyOf(bands.values()));
        table.suppress();

        List<String> suppressed = new ArrayList<>();
        TwoYearsAfterOutcome.Breakdown total = cohort.shown(suppressed);
        Map<Gender, TwoYearsAfterOutcome.Breakdown> byGender = new EnumMap<>(Gender.class);
        genders.forEach((gender, group) -> byGender.put(gender, group.shown(suppressed)));
        Map<String, TwoYearsAfterOutcome.Breakdown> byAgeBand = new LinkedHashMap<>();
        bands.forEach((band, group) -> byAgeBand.put(band, group.shown(suppressed)));
        return new TwoYearsAfterOutcomeResponse(
                exact.cohortYear(),
                exact.asOf(),
                total.denominator(),
                total.pending(),
                total.lostToFollowUp(),
                total.byStatus(),
                total.inWorkOrStudies(),
                total.selfSufficient(),
                Collections.unmodifiableMap(byGender),
                Collections.unmodifiableMap(byAgeBand),
                exact.knownAt(),
                exact.eventStorePosition(),
                minCellSize,
                suppressed);
    }

    /**
     * The time to a milestone with its small cells suppressed.
     *
     * @param exact an exact response ({@code minCellSize} null)
     * @throws IllegalArgumentException if {@code minCellSize} is outside 2 to 100, or the response is suppressed
     *                                  already
     */
    public static TimeToMilestoneResponse suppress(TimeToMilestoneResponse exact, int minCellSize) {
        checkedMinCellSize(minCellSize);
        requireExact(exact.minCellSize());
        CellTable table = new CellTable(minCellSize);
        long cohortSize = exact.cohortSize();
        long reachedCount = exact.reached();
        CellTable.Cell cohort = table.published(cohortSize);
        CellTable.Cell reached = table.published(reachedCount);
        CellTable.Cell notReached = table.unpublished(cohortSize - reachedCount);
        List<CellTable.Cell> builtOnCohort = new ArrayList<>(List.of(reached, notReached));
        CellTable.Cell within = null;
        if (exact.reachedWithin() != null) {
            long withinCount = exact.reachedWithin().count();
            within = table.published(withinCount);
            CellTable.Cell notWithin = table.unpublished(cohortSize - withinCount);
            CellTable.Cell later = table.unpublished(reachedCount - withinCount);
            table.sum(reached, List.of(within, later));
            table.sum(cohort, List.of(within, notWithin));
            builtOnCohort.addAll(List.of(within, notWithin, later));
        }
        table.sum(cohort, List.of(reached, notReached));
        table.builtOn(cohort, builtOnCohort);
        table.suppress();

        List<String> suppressed = new ArrayList<>();
        Long shownCohort = shown(cohort, "cohortSize", suppressed);
        Long shownReached = shown(reached, "reached", suppressed);
        boolean percentilesHidden = cohort.hidden() || table.isSmall(reachedCount);
        Long median = percentile(exact.medianDays(), percentilesHidden, "medianDays", suppressed);
        Long p25 = percentile(exact.p25Days(), percentilesHidden, "p25Days", suppressed);
        Long p75 = percentile(exact.p75Days(), percentilesHidden, "p75Days", suppressed);
        CountAndShare reachedWithin =
                within == null ? null : shown(within, exact.reachedWithin(), "reachedWithin.", suppressed);
        return new TimeToMilestoneResponse(
                exact.milestone(),
                exact.from(),
                shownCohort,
                shownReached,
                median,
                p25,
                p75,
                exact.withinMonths(),
                reachedWithin,
                exact.asOf(),
                exact.knownAt(),
                exact.eventStorePosition(),
                minCellSize,
                suppressed);
    }

    private static void requireExact(Integer minCellSize) {
        if (minCellSize != null) {
            throw new IllegalArgumentException("the response is suppressed already");
        }
    }

    private static Long shown(CellTable.Cell cell, String path, List<String> suppressed) {
        if (cell.hidden()) {
            suppressed.add(path);
            return null;
        }
        return cell.value();
    }

    private static CountAndShare shown(
            CellTable.Cell count, CountAndShare exact, String prefix, List<String> suppressed) {
        if (count.hidden()) {
            suppressed.add(prefix + "count");
            suppressed.add(prefix + "share");
            return CountAndShare.SUPPRESSED;
        }
        return exact;
    }

    private static Long percentile(Long days, boolean hidden, String path, List<String> suppressed) {
        if (days == null || !hidden) {
            return days;
        }
        suppressed.add(path);
        return null;
    }

    /** The figures of one group of a two-years-after outcome (the cohort, a gender, an age band), as cells. */
    private record GroupCells(
            String prefix,
            TwoYearsAfterOutcome.Breakdown exact,
            CellTable.Cell denominator,
            CellTable.Cell pending,
            CellTable.Cell lostToFollowUp,
            Map<OutcomeStatus, CellTable.Cell> byStatus,
            CellTable.Cell inWorkOrStudies,
            CellTable.Cell selfSufficient,
            CellTable.Cell notSelfSufficient) {

        static GroupCells of(CellTable table, String prefix, TwoYearsAfterOutcome.Breakdown exact) {
            long denominator = exact.denominator();
            Map<OutcomeStatus, CellTable.Cell> byStatus = new EnumMap<>(OutcomeStatus.class);
            for (OutcomeStatus status : OutcomeStatus.values()) {
                byStatus.put(status, table.published(exact.byStatus().get(status)));
            }
            long selfSufficient = exact.selfSufficient().count();
            GroupCells group = new GroupCells(
                    prefix,
                    exact,
                    table.published(denominator),
                    table.published(exact.pending()),
                    table.published(exact.lostToFollowUp()),
                    byStatus,
                    table.published(exact.inWorkOrStudies().count()),
                    table.published(selfSufficient),
                    table.unpublished(denominator - selfSufficient));
            List<CellTable.Cell> builtOnDenominator = new ArrayList<>(byStatus.values());
            builtOnDenominator.addAll(List.of(group.inWorkOrStudies, group.selfSufficient, group.notSelfSufficient));
            table.builtOn(group.denominator, builtOnDenominator);
            return group;
        }

        /**
         * The sums within the group, the count/complement pairs first: hiding a partner inside a pair's half
         * (another status in work or studies) keeps the headline measure shown where hiding one across would not.
         */
        void sumsWithin(CellTable table) {
            List<CellTable.Cell> inWork = new ArrayList<>();
            List<CellTable.Cell> rest = new ArrayList<>();
            byStatus.forEach((status, cell) -> (JourneyFacts.isWorkOrStudies(status) ? inWork : rest).add(cell));
            List<CellTable.Cell> workOrRest = new ArrayList<>(List.of(inWorkOrStudies));
            workOrRest.addAll(rest);
            table.sum(denominator, workOrRest);
            table.sum(denominator, List.of(selfSufficient, notSelfSufficient));
            table.sum(inWorkOrStudies, inWork);
            table.sum(denominator, List.copyOf(byStatus.values()));
        }

        /** Every figure of {@code groups} adds up to this group's (the genders, or the age bands, to the cohort). */
        void sumsAcross(CellTable table, List<GroupCells> groups) {
            List<Function<GroupCells, CellTable.Cell>> figures = new ArrayList<>(List.of(
                    GroupCells::denominator,
                    GroupCells::pending,
                    GroupCells::lostToFollowUp,
                    GroupCells::inWorkOrStudies,
                    GroupCells::selfSufficient));
            for (OutcomeStatus status : OutcomeStatus.values()) {
                figures.add(group -> group.byStatus().get(status));
            }
            for (Function<GroupCells, CellTable.Cell> figure : figures) {
                table.sum(figure.apply(this), groups.stream().map(figure).toList());
            }
        }

        /** The group as the response shows it, naming each hidden figure's path in {@code suppressed}. */
        TwoYearsAfterOutcome.Breakdown shown(List<String> suppressed) {
            Long shownDenominator = SmallCells.shown(denominator, prefix + "denominator", suppressed);
            Long shownPending = SmallCells.shown(pending, prefix + "pending", suppressed);
            Long shownLost = SmallCells.shown(lostToFollowUp, prefix + "lostToFollowUp", suppressed);
            Map<OutcomeStatus, Long> shownByStatus = new EnumMap<>(OutcomeStatus.class);
            byStatus.forEach((status, cell) -> shownByStatus.put(
                    status, SmallCells.shown(cell, prefix + "byStatus." + status.name(), suppressed)));
            return new TwoYearsAfterOutcome.Breakdown(
                    shownDenominator,
                    shownPending,
                    shownLost,
                    Collections.unmodifiableMap(shownByStatus),
                    SmallCells.shown(inWorkOrStudies, exact.inWorkOrStudies(), prefix + "inWorkOrStudies.", suppressed),
                    SmallCells.shown(selfSufficient, exact.selfSufficient(), prefix + "selfSufficient.", suppressed));
        }
    }
}
