package se.integrationjourney.projections.outcomes;

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
 * @throws NullPointerException     if {@code milestone} or {@code from} is missing
 * @throws IllegalArgumentException if {@code withinMonths} is negative
 */
public record FindTimeToMilestone(
        Milestone milestone, MeasuredFrom from, int cohortYear, Integer withinMonths, String municipalityCode) {

    public FindTimeToMilestone {
        Objects.requireNonNull(milestone, "milestone");
        Objects.requireNonNull(from, "from");
        if (withinMonths != null && withinMonths < 0) {
            throw new IllegalArgumentException("withinMonths must not be negative");
        }
        municipalityCode = municipalityCode == null || municipalityCode.isBlank() ? null : municipalityCode.strip();
    }
}
