package se.integrationjourney.projections.outcomes;

import java.time.LocalDate;
import java.util.Map;
import se.integrationjourney.core.events.Gender;
import se.integrationjourney.core.events.OutcomeStatus;

/**
 * The two-years-after outcome of a cohort (docs/projections.md, "The outcomes view"): the cohort is
 * the journeys whose establishment end falls in {@code cohortYear}; each is pending (measurement point after
 * {@code asOf}), lost to follow-up (closed as MOVED_AWAY or DECEASED on or before its measurement point and
 * not reopened by then) or measured, in that order. Only measured journeys form the {@code denominator};
 * the counts and shares are of their status, "in work or studies" and "self-sufficient" at each one's
 * measurement point. Field names are those of the API's response (docs/api.md); its {@code eventStorePosition} is
 * not here, because only the caller knows which position the facts were read at: it adds it to its response.
 *
 * @param byStatus   count per status, every one of the six present, in {@link OutcomeStatus} order
 * @param byGender   the same measures per gender, all four present
 * @param byAgeBand  the same measures per age band at arrival, keyed by {@link AgeBand#label()}, all six present
 */
public record TwoYearsAfterOutcome(
        int cohortYear,
        LocalDate asOf,
        long denominator,
        long pending,
        long lostToFollowUp,
        Map<OutcomeStatus, Long> byStatus,
        CountAndShare inWorkOrStudies,
        CountAndShare selfSufficient,
        Map<Gender, Breakdown> byGender,
        Map<String, Breakdown> byAgeBand) {

    /**
     * The measures of one group of the cohort (one gender, one age band); shares are of the group's denominator.
     * The counts are {@code null} only in a response suppressed by {@link SmallCells}; the calculator fills them all.
     */
    public record Breakdown(
            Long denominator,
            Long pending,
            Long lostToFollowUp,
            Map<OutcomeStatus, Long> byStatus,
            CountAndShare inWorkOrStudies,
            CountAndShare selfSufficient) {}
}
