package se.integrationjourney.projections.outcomes;

import java.math.BigDecimal;

/**
 * One month of a {@link CumulativeReach} curve (docs/projections.md, "Cumulative reach").
 *
 * @param month           months after {@code from}: 0 is on or before {@code from}, m ≥ 1 is after
 *                        {@code from.plusMonths(m - 1)} and on or before {@code from.plusMonths(m)}
 * @param atRisk          journeys neither reached nor censored in an earlier month
 * @param reached         journeys reaching the milestone in this month
 * @param censored        journeys last observed in this month without reaching it (closed, or the as-of date)
 * @param cumulativeShare the Kaplan–Meier estimate of the share reaching it by the end of this month, 0 to 1 at
 *                        scale 4; {@code null} when nobody is at risk, as nothing is known about that month
 */
public record CumulativeReachMonth(int month, long atRisk, long reached, long censored, BigDecimal cumulativeShare) {}
