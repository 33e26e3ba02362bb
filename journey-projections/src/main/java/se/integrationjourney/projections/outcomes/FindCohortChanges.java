package se.integrationjourney.projections.outcomes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Query: which journeys of a two-years-after cohort stand differently as known at two moments, and which stored
 * events made the difference (docs/projections.md, "What changed"). Answered with a {@link CohortChangesResponse}.
 *
 * @param cohortYear       calendar year of the establishment end
 * @param municipalityCode only this municipality's journeys; {@code null} (or blank) for all
 * @param asOf             the business date both sides are measured as of; {@code null} for today
 * @param before           the earlier moment; required
 * @param after            the later moment; {@code null} for now
 */
public record FindCohortChanges(
        int cohortYear, String municipalityCode, LocalDate asOf, Instant before, Instant after) {

    public FindCohortChanges {
        Objects.requireNonNull(before, "before");
        municipalityCode = municipalityCode == null || municipalityCode.isBlank() ? null : municipalityCode.strip();
    }
}
