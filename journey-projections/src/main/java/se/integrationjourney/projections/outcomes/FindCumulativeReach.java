package se.integrationjourney.projections.outcomes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Query: the cumulative share of a time-to cohort reaching {@code milestone} by each month 0 to {@code months},
 * with the journeys no longer followed censored (Kaplan–Meier; docs/api.md,
 * {@code GET /api/outcomes/time-to/cumulative}). Answered with a {@link CumulativeReachResponse}.
 *
 * @param cohortYear       calendar year of the {@code from} date, as in {@link FindTimeToMilestone}
 * @param asOf             the business date observation ends; {@code null} for today (the service's
 *                         {@link java.time.Clock}); a date after today is refused when the query is answered
 * @param months           the last month of the curve, 0 to {@link #MAX_MONTHS}
 * @param knownAt          only events stored at or before this moment count ({@link KnownAt}); {@code null} for now
 * @param municipalityCode only this municipality's journeys; {@code null} (or blank) for all
 * @throws NullPointerException     if {@code milestone} or {@code from} is missing
 * @throws IllegalArgumentException if {@code months} is outside 0 to {@link #MAX_MONTHS}
 */
public record FindCumulativeReach(
        Milestone milestone,
        MeasuredFrom from,
        int cohortYear,
        LocalDate asOf,
        int months,
        String municipalityCode,
        Instant knownAt) {

    /** As known now. */
    public FindCumulativeReach(
            Milestone milestone,
            MeasuredFrom from,
            int cohortYear,
            LocalDate asOf,
            int months,
            String municipalityCode) {
        this(milestone, from, cohortYear, asOf, months, municipalityCode, null);
    }

    /** Three years, the span the analysts' time-to page draws. */
    public static final int DEFAULT_MONTHS = 36;

    /** Ten years of months, as {@link FindTimeToMilestoneByMonth#MAX_LAST_MONTH}. */
    public static final int MAX_MONTHS = FindTimeToMilestoneByMonth.MAX_LAST_MONTH;

    public FindCumulativeReach {
        Objects.requireNonNull(milestone, "milestone");
        Objects.requireNonNull(from, "from");
        if (months < 0 || months > MAX_MONTHS) {
            throw new IllegalArgumentException("months must be 0 to " + MAX_MONTHS);
        }
        municipalityCode = municipalityCode == null || municipalityCode.isBlank() ? null : municipalityCode.strip();
    }
}
