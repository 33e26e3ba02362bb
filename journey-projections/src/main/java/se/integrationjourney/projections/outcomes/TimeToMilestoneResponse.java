package se.integrationjourney.projections.outcomes;

import java.time.LocalDate;
import java.util.List;

/**
 * The answer to {@link FindTimeToMilestone}: the fields of docs/api.md's {@code GET /api/outcomes/time-to}
 * response, plus {@code eventStorePosition} (an addition, as in the two-years-after response). No personal data.
 *
 * @param medianDays         nearest-rank median of the days to the milestone; {@code null} when nobody reached it
 * @param withinMonths       as asked; {@code null} when not asked
 * @param reachedWithin      count and share (of the cohort) reaching it within {@code withinMonths};
 *                           {@code null} when not asked
 * @param asOf               milestones dated after it are not counted as reached
 * @param knownAt            the moment the answer is as known at: {@code used}, what was {@code requested}, and
 *                           whether it was moved back by the settle margin ({@link KnownAt})
 * @param eventStorePosition the store's head (global index) read first: every event up to it stored at or before
 *                           {@code knownAt.used} is in the figures, and none stored after
 * @param minCellSize        the small-cell limit the figures were suppressed with ({@link SmallCells}); {@code null}
 *                           for exact figures
 * @param suppressed         the field paths of the figures suppressed ({@code null} in the response), e.g.
 *                           {@code reachedWithin.count}; empty when none is. A percentile that is {@code null}
 *                           because nobody reached the milestone is not suppressed, and not listed.
 */
public record TimeToMilestoneResponse(
        Milestone milestone,
        MeasuredFrom from,
        Long cohortSize,
        Long reached,
        Long medianDays,
        Long p25Days,
        Long p75Days,
        Integer withinMonths,
        CountAndShare reachedWithin,
        LocalDate asOf,
        KnownAt knownAt,
        long eventStorePosition,
        Integer minCellSize,
        List<String> suppressed) {

    public TimeToMilestoneResponse {
        suppressed =
                suppressed == null ? List.of() : List.copyOf(suppressed); // absent in answers kept before small cells
    }

    /** The exact figures: nothing suppressed. */
    public static TimeToMilestoneResponse of(
            TimeToMilestone time, LocalDate asOf, KnownAt knownAt, long eventStorePosition) {
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
                asOf,
                knownAt,
                eventStorePosition,
                null,
                List.of());
    }
}
