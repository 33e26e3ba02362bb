package se.integrationjourney.api.studies;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import se.integrationjourney.core.events.StudyQuery;
import se.integrationjourney.projections.studies.SavedStudy;
import se.integrationjourney.projections.studies.StudyListItem;

/**
 * The bodies of the studies' answers. None holds a study's pseudonym key, nor any personal data. An outcome answer is
 * written as the JSON it is kept as, verbatim: read into a tree and written again, its shares would lose their four
 * decimals (1.0000 would become 1.0).
 */
public final class StudyResponses {

    private StudyResponses() {}

    /** A study as the list shows it. */
    public record Summary(
            UUID id,
            String title,
            StudyQuery query,

            @Schema(description = "The business date the question is asked as of")
            LocalDate asOf,

            @Schema(
                    description = "Only events stored at or before this moment count: the moment of saving less the"
                            + " settle margin")
            Instant knownAt,

            String savedBy,
            Instant savedAt,

            @Schema(description = "Research extracts made of it so far")
            int extracts) {

        static Summary of(StudyListItem item) {
            return new Summary(
                    item.id(),
                    item.title(),
                    item.query(),
                    item.asOf(),
                    item.knownAt(),
                    item.savedBy(),
                    item.savedAt(),
                    item.extracts());
        }
    }

    /** A study with the answer kept when it was saved, and who made extracts of it when. */
    public record Study(
            UUID id,
            String title,
            StudyQuery query,
            LocalDate asOf,
            Instant knownAt,
            String savedBy,
            Instant savedAt,

            @Schema(
                    type = "object",
                    description = "The answer when it was saved: the outcome endpoint's JSON for the query")
            @JsonRawValue
            String answer,

            List<SavedStudy.Extract> extracts) {

        static Study of(SavedStudy study) {
            return new Study(
                    study.id(),
                    study.title(),
                    study.query(),
                    study.asOf(),
                    study.knownAt(),
                    study.savedBy(),
                    study.savedAt(),
                    study.answer(),
                    study.extracts());
        }
    }

    /** The study's question asked again, at its own {@code asOf} and {@code knownAt}. */
    public record Rerun(
            Summary study,

            @Schema(
                    type = "object",
                    description = "The answer now: the outcome endpoint's JSON, its own" + " eventStorePosition")
            @JsonRawValue
            String answer,

            @Schema(description = "Whether every figure is the kept answer's (eventStorePosition aside)")
            boolean sameAsSaved,

            @Schema(description = "The figures that differ from the kept answer, as JSON paths; empty when the same")
            List<String> changed) {}

    /** The kept answer and the same question as known now, side by side. */
    public record Compared(
            Summary study,

            @Schema(type = "object", description = "The answer kept when the study was saved") @JsonRawValue
            String saved,

            @Schema(
                    type = "object",
                    description = "The same query at the same asOf, as known now (less the settle margin)")
            @JsonRawValue
            String today,

            @Schema(description = "The figures that differ, as JSON paths (e.g. byStatus.EMPLOYED); empty when none")
            List<String> changed) {}
}
