package se.integrationjourney.projections.outcomes;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import se.integrationjourney.core.events.Gender;

/**
 * The cumulative share of a cohort reaching a milestone month by month, with censoring (Kaplan–Meier), as
 * {@link CumulativeReachEstimator} computes it: one row per month 0 to the last month asked, for the whole cohort
 * and for each gender (every gender present, in {@link Gender}'s order, with zeros when it has no journeys).
 */
public record CumulativeReach(
        Milestone milestone,
        MeasuredFrom from,
        int cohortYear,
        LocalDate asOf,
        List<CumulativeReachMonth> months,
        Map<Gender, List<CumulativeReachMonth>> byGender) {}
