package se.integrationjourney.projections.outcomes;

/**
 * Time to a milestone for a cohort (docs/projections.md, "The outcomes view"): the cohort is every journey whose
 * {@code from} date falls in the cohort year; {@code reached} counts those with a milestone date; the
 * percentiles are in days from {@code from} by the nearest-rank method over the reached journeys (a milestone
 * dated before {@code from} counts as 0 days), {@code null} when nobody reached it. {@code reachedWithin}
 * counts the journeys whose milestone is on or before {@code from} plus {@code withinMonths} calendar months,
 * as a share of the whole cohort (Kronobergsmodellen's "122 of 152, 80 %, within 8 months"); it is
 * {@code null} when no {@code withinMonths} was asked. Field names are those of the API's response (docs/api.md).
 */
public record TimeToMilestone(
        Milestone milestone,
        MeasuredFrom from,
        long cohortSize,
        long reached,
        Long medianDays,
        Long p25Days,
        Long p75Days,
        Integer withinMonths,
        CountAndShare reachedWithin) {}
