package se.integrationjourney.projections.outcomes;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import se.integrationjourney.core.events.Gender;

/**
 * The cumulative share of a time-to cohort reaching a milestone by each month, estimated with Kaplan–Meier so that
 * journeys no longer followed count for as long as they were (docs/projections.md, "Cumulative reach"). A pure
 * function: no I/O, no clock.
 *
 * <ol>
 *   <li><b>Cohort:</b> as {@link OutcomeCalculator#timeToMilestone}: every journey whose {@code from} date falls in
 *       the cohort year; one whose {@code from} is after {@code asOf} had not begun then and is left out.</li>
 *   <li><b>Months</b> are counted as "within N months" counts them: a date on or before {@code from} is month 0,
 *       a later one is the smallest m with the date on or before {@code from.plusMonths(m)} (clamped at month
 *       end).</li>
 *   <li><b>Observed until:</b> a journey whose last lifecycle event dated on or before {@code asOf} (by
 *       {@link JourneyFacts.LifecycleEvent#ORDER}) is a closure, whatever its reason, was followed until that
 *       closure; any other journey until {@code asOf}. Every reason censors: after a closure nobody records the
 *       journey's milestones, and a death or a move is treated as leaving follow-up, not as never reaching it.</li>
 *   <li><b>Reached</b> in the month of its first milestone date if that date is on or before the day it was
 *       followed until (a milestone on the closure's own day counts); otherwise <b>censored</b> in the month of
 *       that day.</li>
 *   <li><b>Ties:</b> the journeys censored in a month are at risk in that month (reaches come first).</li>
 *   <li><b>Share</b> = 1 − Π over months j ≤ m of (1 − reached_j / atRisk_j), computed exactly and rounded once,
 *       HALF_UP to 4 decimals; {@code null} in a month nobody is at risk, and in every month after it.</li>
 * </ol>
 */
public final class CumulativeReachEstimator {

    private CumulativeReachEstimator() {}

    /**
     * @param journeys  every journey to consider (pre-filtered by municipality if one was asked); others are skipped
     * @param asOf      the business date observation ends; later facts do not count yet
     * @param lastMonth the last month of the curve, 0 or more
     * @throws IllegalArgumentException if {@code lastMonth} is negative
     */
    public static CumulativeReach estimate(
            Iterable<JourneyFacts> journeys,
            Milestone milestone,
            MeasuredFrom from,
            int cohortYear,
            LocalDate asOf,
            int lastMonth) {
        Objects.requireNonNull(milestone, "milestone");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(asOf, "asOf");
        if (lastMonth < 0) {
            throw new IllegalArgumentException("lastMonth must not be negative, was " + lastMonth);
        }
        Tally total = new Tally(lastMonth);
        Map<Gender, Tally> byGender = new EnumMap<>(Gender.class);
        for (Gender gender : Gender.values()) {
            byGender.put(gender, new Tally(lastMonth));
        }
        for (JourneyFacts journey : journeys) {
            Optional<LocalDate> start = journey.fromDate(from);
            if (start.isEmpty()
                    || start.get().getYear() != cohortYear
                    || start.get().isAfter(asOf)) {
                continue;
            }
            LocalDate followedUntil = closedOn(journey, asOf).orElse(asOf);
            Optional<LocalDate> reachedOn =
                    journey.milestoneDate(milestone).filter(date -> !date.isAfter(followedUntil));
            int month = monthOf(start.get(), reachedOn.orElse(followedUntil));
            total.add(month, reachedOn.isPresent());
            byGender.get(journey.gender()).add(month, reachedOn.isPresent());
        }
        Map<Gender, List<CumulativeReachMonth>> curves = new EnumMap<>(Gender.class);
        byGender.forEach((gender, tally) -> curves.put(gender, tally.curve()));
        return new CumulativeReach(
                milestone, from, cohortYear, asOf, total.curve(), Collections.unmodifiableMap(curves));
    }

    /** The date of the closure the journey stands closed by on {@code asOf}, if it does. */
    static Optional<LocalDate> closedOn(JourneyFacts journey, LocalDate asOf) {
        return journey.lifecycleEvents().stream()
                .filter(event -> !event.date().isAfter(asOf))
                .max(JourneyFacts.LifecycleEvent.ORDER)
                .filter(last -> last.kind() == JourneyFacts.LifecycleEvent.Kind.CLOSED)
                .map(JourneyFacts.LifecycleEvent::date);
    }

    /**
     * The month of {@code date} after {@code start}: 0 on or before it, else the smallest m with {@code date} on or
     * before {@code start.plusMonths(m)}. {@link ChronoUnit#MONTHS} gives the largest m with
     * {@code start.plusMonths(m)} on or before {@code date}, so the answer is that m or the next.
     */
    static int monthOf(LocalDate start, LocalDate date) {
        if (!date.isAfter(start)) {
            return 0;
        }
        long whole = ChronoUnit.MONTHS.between(start, date);
        return Math.toIntExact(date.isAfter(start.plusMonths(whole)) ? whole + 1 : whole);
    }

    /** Reaches and censorings per month of one group; months beyond the last only keep journeys at risk. */
    private static final class Tally {
        private final long[] reached;
        private final long[] censored;
        private long entered;

        Tally(int lastMonth) {
            reached = new long[lastMonth + 1];
            censored = new long[lastMonth + 1];
        }

        void add(int month, boolean hasReached) {
            entered++;
            if (month < reached.length) {
                (hasReached ? reached : censored)[month]++;
            }
        }

        List<CumulativeReachMonth> curve() {
            List<CumulativeReachMonth> months = new ArrayList<>(reached.length);
            long atRisk = entered;
            // The share not yet reached, Π (atRisk − reached) / atRisk, as an exact fraction: rounding only at the
            // end keeps every month's figure independent of how many months came before it.
            BigInteger notReached = BigInteger.ONE;
            BigInteger denominator = BigInteger.ONE;
            for (int month = 0; month < reached.length; month++) {
                BigDecimal share = null;
                if (atRisk > 0) {
                    notReached = notReached.multiply(BigInteger.valueOf(atRisk - reached[month]));
                    denominator = denominator.multiply(BigInteger.valueOf(atRisk));
                    BigInteger common = notReached.gcd(denominator);
                    if (common.signum() > 0) {
                        notReached = notReached.divide(common);
                        denominator = denominator.divide(common);
                    }
                    share = new BigDecimal(denominator.subtract(notReached))
                            .divide(new BigDecimal(denominator), CountAndShare.SHARE_SCALE, RoundingMode.HALF_UP);
                }
                months.add(new CumulativeReachMonth(month, atRisk, reached[month], censored[month], share));
                atRisk -= reached[month] + censored[month];
            }
            return List.copyOf(months);
        }
    }
}
