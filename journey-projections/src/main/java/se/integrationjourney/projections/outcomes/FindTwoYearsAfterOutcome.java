package se.integrationjourney.projections.outcomes;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Query: the two-years-after outcome of the journeys whose establishment end falls in {@code cohortYear}
 * (docs/api.md, {@code GET /api/outcomes/two-years-after}). Answered with a {@link TwoYearsAfterOutcomeResponse}.
 *
 * @param cohortYear       calendar year of the establishment end
 * @param municipalityCode only this municipality's journeys; {@code null} (or blank) for all
 * @param asOf             journeys measured after this business date are pending; {@code null} for today
 *                         (the service's {@link java.time.Clock})
 * @param knownAt          only events stored at or before this moment count ({@link KnownAt}); {@code null} for now
 */
public record FindTwoYearsAfterOutcome(int cohortYear, String municipalityCode, LocalDate asOf, Instant knownAt) {

    /** As known now. */
    public FindTwoYearsAfterOutcome(int cohortYear, String municipalityCode, LocalDate asOf) {
        this(cohortYear, municipalityCode, asOf, null);
    }

    public FindTwoYearsAfterOutcome {
        municipalityCode = municipalityCode == null || municipalityCode.isBlank() ? null : municipalityCode.strip();
    }
}
