package se.integrationjourney.projections.outcomes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Query: the time to {@code milestone} for the journeys whose {@code from} date falls in {@code cohortYear}
 * (docs/api.md, {@code GET /api/outcomes/time-to}). Answered with a {@link TimeToMilestoneResponse}.
 *
 * @param milestone        the milestone; required
 * @param from             count from arrival or from establishment start; required
 * @param cohortYear       calendar year of the {@code from} date
 * @param withinMonths     N for "reached within N months"; {@code null} when not asked
 * @param municipalityCode only this municipality's journeys; {@code null} (or blank) for all
 * @param asOf             milestones dated after this business date are not reached yet, and journeys whose
 *                         {@code from} date is after it not in the cohort; {@code null} for today
 * @param knownAt          only events stored at or before this moment count ({@link KnownAt}); {@code null} for now
 * @throws NullPointerException     if {@code milestone} or {@code from} is missing
 * @throws IllegalArgumentException if {@code withinMonths} is negative
 */
public record FindTimeToMilestone(
        Milestone milestone,
        MeasuredFrom from,
        int cohortYear,
        Integer withinMonths,
        String municipalityCode,
        LocalDate asOf,
        Instant knownAt) {

    /** As of today, as known now. */
    public FindTimeToMilestone(
            Milestone milestone, MeasuredFrom from, int cohortYear, Integer withinMonths, String municipalityCode) {
        this(milestone, from, cohortYear, withinMonths, municipalityCode, null, null);
    }

    public FindTimeToMilestone {
        Objects.requireNonNull(milestone, "milestone");
        Objects.requireNonNull(from, "from");
        if (withinMonths != null && withinMonths < 0) {
            throw new IllegalArgumentException("withinMonths must not be negative");
        }
        municipalityCode = municipalityCode == null || municipalityCode.isBlank() ? null : municipalityCode.strip();
    }
}
