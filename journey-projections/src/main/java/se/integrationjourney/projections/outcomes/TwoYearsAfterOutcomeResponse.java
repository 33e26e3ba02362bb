package se.integrationjourney.projections.outcomes;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import se.integrationjourney.core.events.Gender;
import se.integrationjourney.core.events.OutcomeStatus;

/**
 * The answer to {@link FindTwoYearsAfterOutcome}: field for field the response of docs/api.md's
 * {@code GET /api/outcomes/two-years-after}. No personal data.
 *
 * @param byStatus           count per status, all six present, in {@link OutcomeStatus} order
 * @param byGender           the same measures per gender, all four present
 * @param byAgeBand          the same measures per age band at arrival ("20-24", "25-34", "35-44", "45-54", "55-64",
 *                           "other"), all present, in that order
 * @param knownAt            the moment the answer is as known at: {@code used}, what was {@code requested}, and
 *                           whether it was moved back by the settle margin ({@link KnownAt})
 * @param eventStorePosition the store's head (global index) read first: every event up to it stored at or before
 *                           {@code knownAt.used} is in the figures, and none stored after
 * @param minCellSize        the small-cell limit the figures were suppressed with ({@link SmallCells}); {@code null}
 *                           for exact figures, every count then present
 * @param suppressed         the field paths of the figures suppressed ({@code null} in the response), in the
 *                           response's order, e.g. {@code byGender.FEMALE.byStatus.EMPLOYED}; empty when none is
 */
public record TwoYearsAfterOutcomeResponse(
        int cohortYear,
        LocalDate asOf,
        Long denominator,
        Long pending,
        Long lostToFollowUp,
        Map<OutcomeStatus, Long> byStatus,
        CountAndShare inWorkOrStudies,
        CountAndShare selfSufficient,
        Map<Gender, TwoYearsAfterOutcome.Breakdown> byGender,
        Map<String, TwoYearsAfterOutcome.Breakdown> byAgeBand,
        KnownAt knownAt,
        long eventStorePosition,
        Integer minCellSize,
        List<String> suppressed) {

    public TwoYearsAfterOutcomeResponse {
        suppressed =
                suppressed == null ? List.of() : List.copyOf(suppressed); // absent in answers kept before small cells
    }

    /** The exact figures: nothing suppressed. */
    public static TwoYearsAfterOutcomeResponse of(
            TwoYearsAfterOutcome outcome, KnownAt knownAt, long eventStorePosition) {
        return new TwoYearsAfterOutcomeResponse(
                outcome.cohortYear(),
                outcome.asOf(),
                outcome.denominator(),
                outcome.pending(),
                outcome.lostToFollowUp(),
                outcome.byStatus(),
                outcome.inWorkOrStudies(),
                outcome.selfSufficient(),
                outcome.byGender(),
                outcome.byAgeBand(),
                knownAt,
                eventStorePosition,
                null,
                List.of());
    }
}
