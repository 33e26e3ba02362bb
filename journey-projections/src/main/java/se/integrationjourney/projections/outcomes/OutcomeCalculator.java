package se.integrationjourney.projections.outcomes;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.LongStream;
import se.integrationjourney.core.events.Gender;
import se.integrationjourney.core.events.OutcomeStatus;

/**
 * The cohort measurements of docs/projections.md, "The outcomes view", computed over in-memory {@link JourneyFacts}:
 * the two-years-after outcome and the time to a milestone. Pure functions: no I/O, no clock (the caller passes
 * {@code asOf}), one pass over the journeys plus, for time-to, one sort of the reached journeys' days.
 *
 * <p>Interpretation decisions, where docs/domain.md leaves room (the per-journey rules live in {@link JourneyFacts}):
 * <ol>
 *   <li><b>Business time here, recording time before.</b> "At date D" filters on business dates
 *       ({@code occurredOn}). {@code asOf} is a business-date cut-off: it decides who is pending, which 24-month
 *       follow-ups count and, for time-to, which milestones are reached yet. Recording time is the caller's: it
 *       passes only the facts known at the moment asked ({@link KnownAt}, {@link OutcomeQueries}).</li>
 *   <li><b>The deciding follow-up may be dated after the measurement point.</b> Only follow-ups with
 *       {@code monthsAfterEstablishment == 24} count, whatever their business date, provided it is on or before
 *       {@code asOf}: the interview or register check is usually made weeks after the point and describes the
 *       status at the point.</li>
 *   <li><b>Several deciding follow-ups:</b> the one with the highest recording order wins, whatever their
 *       business dates ("the last one recorded").</li>
 *   <li><b>A follow-up gives the status directly</b>, including UNKNOWN: it overrides any active episode.
 *       Follow-ups for other months (0, 12, ...) never affect the status.</li>
 *   <li><b>Regular beats subsidised:</b> with both a regular and a subsidised employment active the status is
 *       EMPLOYED; SUBSIDISED_EMPLOYMENT needs subsidised ones only.</li>
 *   <li><b>Active at D</b> = started on or before D and not ended on or before D: active on the start day,
 *       not on the end day; an episode without an end is active from its start on.</li>
 *   <li><b>Self-sufficiency ties and episodes:</b> "latest" and "followed by" compare business dates and, on the
 *       same date, recording order (recorded later = happened later). A financial assistance start after the
 *       latest reach ends self-sufficiency even if that assistance has ended again by D (only a new reach
 *       restores it); assistance that started before the reach, even if still running, does not.</li>
 *   <li><b>Establishment end:</b> a recorded end is used as is; without one, start + 24 months with
 *       {@link LocalDate#plusMonths} clamping to the month's end (2020-02-29 gives 2022-02-28). Without a start
 *       there is no end and no measurement point, even if an end was recorded, and no cohort.</li>
 *   <li><b>Measurement point</b> = establishment end + 24 months, counted from the end (so 2020-02-29 start →
 *       2022-02-28 end → 2024-02-28, not start + 48 months = 2024-02-29).</li>
 *   <li><b>Pending</b> = measurement point strictly after {@code asOf}; a point on {@code asOf} is measured.</li>
 *   <li><b>Lost to follow-up</b> = of the lifecycle events dated on or before the measurement point, the last
 *       (by date, then recording order) is a closure as MOVED_AWAY or DECEASED. So a reopening on or before the
 *       point undoes the loss, a reopening after it does not, a closure after the point does not count, and a
 *       closure as FOLLOW_UP_COMPLETE or OTHER leaves the journey measured like any other.</li>
 *   <li><b>Breakdowns</b> have the whole shape: each group's pending and lost journeys are counted in the group,
 *       and its shares are of the group's own denominator. Every gender, status and age-band key is present,
 *       with zeros, in a stable order.</li>
 *   <li><b>Age bands</b> are inclusive at both ends; age at arrival = arrival year − birth year; below 20 and
 *       above 64 is "other".</li>
 *   <li><b>Shares</b> are count / denominator rounded HALF_UP to 4 decimals, always at scale 4; an empty
 *       denominator (or cohort) gives 0.0000.</li>
 *   <li><b>"First" milestone</b> = earliest business date, whatever the recording order. SFI_LEVEL_B is the
 *       first level B, C or D (C counts without a recorded B). CIVIC_ORIENTATION_COMPLETED is the first
 *       completion whose hours meet {@link CivicOrientationRules#legalMinimumHoursOn} its own date; a shorter
 *       one is ignored, not "reached". IN_WORK_OR_STUDIES is the earliest start of any employment (subsidised
 *       included), business or studies; follow-ups give it no date. SELF_SUFFICIENCY_REACHED is the first
 *       reach, even if lost later.</li>
 *   <li><b>Time-to has no as-of date:</b> it uses every fact the caller passes. Closures do not remove a journey
 *       from a time-to cohort: someone who moved away before the milestone counts as not reached.</li>
 *   <li><b>Days</b> = calendar days from {@code from} to the milestone; a milestone dated before {@code from}
 *       counts as 0 days, as reached, and as reached within any N months.</li>
 *   <li><b>Percentiles</b> by nearest rank over the reached journeys' days sorted ascending:
 *       rank = ⌈p/100 · n⌉ (1-based, computed in integers); the median is p = 50. All {@code null} when none
 *       reached.</li>
 *   <li><b>Within N months</b> = milestone date on or before {@code from.plusMonths(N)} (calendar months, clamped
 *       at month end: 2021-01-31 + 1 month = 2021-02-28). Its share is of the cohort size, not of those who
 *       reached it. N = 0 means on or before {@code from}; a negative N is rejected.</li>
 *   <li><b>Municipality</b> filtering is the caller's: pass only that municipality's journeys.</li>
 * </ol>
 */
public final class OutcomeCalculator {

    private OutcomeCalculator() {}

    /**
     * The two-years-after outcome of the journeys whose establishment end falls in {@code cohortYear},
     * as of {@code asOf}.
     *
     * @param journeys   every journey to consider (pre-filtered by municipality if one was asked); others are skipped
     * @param cohortYear the calendar year of the establishment end
     * @param asOf       journeys whose measurement point is after this date are pending
     */
    public static TwoYearsAfterOutcome twoYearsAfter(Iterable<JourneyFacts> journeys, int cohortYear, LocalDate asOf) {
        Objects.requireNonNull(asOf, "asOf");
        Tally total = new Tally();
        Map<Gender, Tally> byGender = new EnumMap<>(Gender.class);
        for (Gender gender : Gender.values()) {
            byGender.put(gender, new Tally());
        }
        Map<AgeBand, Tally> byAgeBand = new EnumMap<>(AgeBand.class);
        for (AgeBand band : AgeBand.values()) {
            byAgeBand.put(band, new Tally());
        }

        for (JourneyFacts journey : journeys) {
            TwoYearsAfterCategory category = TwoYearsAfterCategory.of(journey, cohortYear, asOf);
            if (category.kind() == TwoYearsAfterCategory.Kind.NOT_IN_COHORT) {
                continue;
            }
            Tally genderTally = byGender.get(journey.gender());
            Tally ageTally = byAgeBand.get(AgeBand.ofAge(journey.ageAtArrival()));
            for (Tally tally : List.of(total, genderTally, ageTally)) {
                tally.count(category);
            }
        }

        Map<Gender, TwoYearsAfterOutcome.Breakdown> genderBreakdowns = new EnumMap<>(Gender.class);
        byGender.forEach((gender, tally) -> genderBreakdowns.put(gender, tally.toBreakdown()));
        Map<String, TwoYearsAfterOutcome.Breakdown> ageBreakdowns = new LinkedHashMap<>();
        byAgeBand.forEach((band, tally) -> ageBreakdowns.put(band.label(), tally.toBreakdown()));

        return new TwoYearsAfterOutcome(
                cohortYear,
                asOf,
                total.denominator,
                total.pending,
                total.lostToFollowUp,
                total.byStatus(),
                CountAndShare.of(total.inWorkOrStudies, total.denominator),
                CountAndShare.of(total.selfSufficient, total.denominator),
                Collections.unmodifiableMap(genderBreakdowns),
                Collections.unmodifiableMap(ageBreakdowns));
    }

    /**
     * The time to {@code milestone} for the journeys whose {@code from} date falls in {@code cohortYear}.
     *
     * @param journeys     every journey to consider (pre-filtered by municipality if one was asked); others are skipped
     * @param withinMonths N for "reached within N months", or {@code null} when not asked (then
     *                     {@code reachedWithin} is {@code null})
     * @param asOf         a milestone dated after it is not reached (yet); a journey whose {@code from} date is after
     *                     it is not in the cohort (it had not begun)
     * @throws IllegalArgumentException if {@code withinMonths} is negative
     */
    public static TimeToMilestone timeToMilestone(
            Iterable<JourneyFacts> journeys,
            Milestone milestone,
            MeasuredFrom from,
            int cohortYear,
            Integer withinMonths,
            LocalDate asOf) {
        Objects.requireNonNull(milestone, "milestone");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(from, "from");
        if (withinMonths != null && withinMonths < 0) {
            throw new IllegalArgumentException("withinMonths must not be negative, was " + withinMonths);
        }
        long cohortSize = 0;
        long reachedWithin = 0;
        LongStream.Builder days = LongStream.builder();
        for (JourneyFacts journey : journeys) {
            Optional<LocalDate> fromDate = journey.fromDate(from);
            if (fromDate.isEmpty()
                    || fromDate.get().getYear() != cohortYear
                    || fromDate.get().isAfter(asOf)) {
                continue;
            }
            cohortSize++;
            Optional<LocalDate> reachedOn = journey.milestoneDate(milestone);
            if (reachedOn.isEmpty() || reachedOn.get().isAfter(asOf)) {
                continue;
            }
            days.add(Math.max(0, ChronoUnit.DAYS.between(fromDate.get(), reachedOn.get())));
            if (withinMonths != null && !reachedOn.get().isAfter(fromDate.get().plusMonths(withinMonths))) {
                reachedWithin++;
            }
        }
        long[] sorted = days.build().sorted().toArray();
        return new TimeToMilestone(
                milestone,
                from,
                cohortSize,
                sorted.length,
                nearestRank(sorted, 50),
                nearestRank(sorted, 25),
                nearestRank(sorted, 75),
                withinMonths,
                withinMonths == null ? null : CountAndShare.of(reachedWithin, cohortSize));
    }

    /**
     * The p-th percentile of ascending {@code sorted} by the nearest-rank method: the value at 1-based rank
     * ⌈p/100 · n⌉, computed in integers so that no floating-point error moves a rank; {@code null} if empty.
     */
    static Long nearestRank(long[] sorted, int percentile) {
        int n = sorted.length;
        if (n == 0) {
            return null;
        }
        long rank = ((long) percentile * n + 99) / 100;
        return sorted[(int) Math.max(1, rank) - 1];
    }

    /** Running counts for one group of a two-years-after cohort. */
    private static final class Tally {
        private final long[] statusCounts = new long[OutcomeStatus.values().length];
        private long denominator;
        private long pending;
        private long lostToFollowUp;
        private long inWorkOrStudies;
        private long selfSufficient;

        void count(TwoYearsAfterCategory category) {
            switch (category.kind()) {
                case PENDING -> pending++;
                case LOST_TO_FOLLOW_UP -> lostToFollowUp++;
                case MEASURED -> {
                    denominator++;
                    statusCounts[category.status().ordinal()]++;
                    if (category.inWorkOrStudies()) {
                        inWorkOrStudies++;
                    }
                    if (category.selfSufficient()) {
                        selfSufficient++;
                    }
                }
                case NOT_IN_COHORT -> throw new IllegalArgumentException("not in the cohort");
            }
        }

        Map<OutcomeStatus, Long> byStatus() {
            Map<OutcomeStatus, Long> counts = new EnumMap<>(OutcomeStatus.class);
            for (OutcomeStatus status : OutcomeStatus.values()) {
                counts.put(status, statusCounts[status.ordinal()]);
            }
            return Collections.unmodifiableMap(counts);
        }

        TwoYearsAfterOutcome.Breakdown toBreakdown() {
            return new TwoYearsAfterOutcome.Breakdown(
                    denominator,
                    pending,
                    lostToFollowUp,
                    byStatus(),
                    CountAndShare.of(inWorkOrStudies, denominator),
                    CountAndShare.of(selfSufficient, denominator));
        }
    }
}
