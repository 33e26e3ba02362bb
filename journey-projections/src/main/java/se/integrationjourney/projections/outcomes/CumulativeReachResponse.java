package se.integrationjourney.projections.outcomes;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import se.integrationjourney.core.events.Gender;

/**
 * The answer to {@link FindCumulativeReach}: {@link CumulativeReach} plus the moment it is as known at and the store's
 * position. Counts and shares only: no personal data.
 *
 * @param asOf               as asked, or today when not asked
 * @param months             the whole cohort, one element per month 0 to the last month asked
 * @param byGender           the same for each gender, every gender present
 * @param knownAt            the moment the answer is as known at ({@link KnownAt})
 * @param eventStorePosition the store's head (global index) read first, as in the other outcome answers
 */
public record CumulativeReachResponse(
        int cohortYear,
        Milestone milestone,
        MeasuredFrom from,
        LocalDate asOf,
        List<CumulativeReachMonth> months,
        Map<Gender, List<CumulativeReachMonth>> byGender,
        KnownAt knownAt,
        long eventStorePosition) {

    public static CumulativeReachResponse of(CumulativeReach reach, KnownAt knownAt, long eventStorePosition) {
        return new CumulativeReachResponse(
                reach.cohortYear(),
                reach.milestone(),
                reach.from(),
                reach.asOf(),
                reach.months(),
                reach.byGender(),
                knownAt,
                eventStorePosition);
    }
}
