package se.integrationjourney.projections.outcomes;

import java.time.LocalDate;
import se.integrationjourney.core.events.OutcomeStatus;

/**
 * Where one journey stands in a two-years-after cohort: outside it, pending, lost to follow-up, or measured with a
 * status, in work or studies or not, self-sufficient or not (docs/projections.md, "The outcomes view"). The cohort's
 * figures count these ({@link OutcomeCalculator#twoYearsAfter}); "what changed" compares them between two moments.
 *
 * @param status          for a measured journey, its status at the measurement point; otherwise {@code null}
 * @param inWorkOrStudies for a measured journey, whether the status is work or studies; otherwise false
 * @param selfSufficient  for a measured journey, whether self-sufficient at the measurement point; otherwise false
 */
public record TwoYearsAfterCategory(Kind kind, OutcomeStatus status, boolean inWorkOrStudies, boolean selfSufficient) {

    public enum Kind {
        NOT_IN_COHORT,
        PENDING,
        LOST_TO_FOLLOW_UP,
        MEASURED
    }

    static final TwoYearsAfterCategory NOT_IN_COHORT =
            new TwoYearsAfterCategory(Kind.NOT_IN_COHORT, null, false, false);
    static final TwoYearsAfterCategory PENDING = new TwoYearsAfterCategory(Kind.PENDING, null, false, false);
    static final TwoYearsAfterCategory LOST = new TwoYearsAfterCategory(Kind.LOST_TO_FOLLOW_UP, null, false, false);

    /** The category of the journey in the cohort of {@code cohortYear} (year of the establishment end) as of a date. */
    public static TwoYearsAfterCategory of(JourneyFacts journey, int cohortYear, LocalDate asOf) {
        LocalDate end = journey.establishmentEnd();
        if (end == null || end.getYear() != cohortYear) {
            return NOT_IN_COHORT;
        }
        LocalDate point = journey.measurementPoint();
        if (point.isAfter(asOf)) {
            return PENDING;
        }
        if (journey.isLostToFollowUpAt(point)) {
            return LOST;
        }
        OutcomeStatus status = journey.statusAt(point, asOf);
        return new TwoYearsAfterCategory(
                Kind.MEASURED, status, JourneyFacts.isWorkOrStudies(status), journey.isSelfSufficientAt(point));
    }
}
