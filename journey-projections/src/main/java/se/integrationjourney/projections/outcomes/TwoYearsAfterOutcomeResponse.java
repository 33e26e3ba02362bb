package se.integrationjourney.projections.outcomes;

import java.time.LocalDate;
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
 * @param eventStorePosition the outcomes view's position (global index) read before the cohort's rows: the
 *                           figures include at least every event up to it
 */
public record TwoYearsAfterOutcomeResponse(
        int cohortYear,
        LocalDate asOf,
        long denominator,
        long pending,
        long lostToFollowUp,
        Map<OutcomeStatus, Long> byStatus,
        CountAndShare inWorkOrStudies,
        CountAndShare selfSufficient,
        Map<Gender, TwoYearsAfterOutcome.Breakdown> byGender,
        Map<String, TwoYearsAfterOutcome.Breakdown> byAgeBand,
        long eventStorePosition) {

    public static TwoYearsAfterOutcomeResponse of(TwoYearsAfterOutcome outcome, long eventStorePosition) {
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
                eventStorePosition);
    }
}
