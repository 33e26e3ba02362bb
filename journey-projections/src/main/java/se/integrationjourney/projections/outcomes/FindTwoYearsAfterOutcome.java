package se.integrationjourney.projections.outcomes;

import java.time.LocalDate;

/**
 * Query: the two-years-after outcome of the journeys whose establishment end falls in {@code cohortYear}
 * (docs/api.md, {@code GET /api/outcomes/two-years-after}). Answered with a {@link TwoYearsAfterOutcomeResponse}.
 *
 * @param cohortYear       calendar year of the establishment end
 * @param municipalityCode only this municipality's journeys; {@code null} (or blank) for all
 * @param asOf             journeys measured after this business date are pending; {@code null} for today
 *                         (the service's {@link java.time.Clock})
 */
public record FindTwoYearsAfterOutcome(int cohortYear, String municipalityCode, LocalDate asOf) {

    public FindTwoYearsAfterOutcome {
        municipalityCode = municipalityCode == null || municipalityCode.isBlank() ? null : municipalityCode.strip();
    }
}
