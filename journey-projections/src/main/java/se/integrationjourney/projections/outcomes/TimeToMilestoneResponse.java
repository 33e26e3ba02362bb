package se.integrationjourney.projections.outcomes;

/**
 * The answer to {@link FindTimeToMilestone}: the fields of docs/api.md's {@code GET /api/outcomes/time-to}
 * response, plus {@code eventStorePosition} (an addition, as in the two-years-after response). No personal data.
 *
 * @param medianDays         nearest-rank median of the days to the milestone; {@code null} when nobody reached it
 * @param withinMonths       as asked; {@code null} when not asked
 * @param reachedWithin      count and share (of the cohort) reaching it within {@code withinMonths};
 *                           {@code null} when not asked
 * @param eventStorePosition the outcomes view's position (global index) read before the cohort's rows
 */
public record TimeToMilestoneResponse(
        Milestone milestone,
        MeasuredFrom from,
        long cohortSize,
        long reached,
        Long medianDays,
        Long p25Days,
        Long p75Days,
        Integer withinMonths,
        CountAndShare reachedWithin,
        long eventStorePosition) {

    public static TimeToMilestoneResponse of(TimeToMilestone time, long eventStorePosition) {
        return new TimeToMilestoneResponse(
                time.milestone(),
                time.from(),
                time.cohortSize(),
                time.reached(),
                time.medianDays(),
                time.p25Days(),
                time.p75Days(),
                time.withinMonths(),
                time.reachedWithin(),
                eventStorePosition);
    }
}
