package se.integrationjourney.api.studies;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import se.integrationjourney.core.events.StudyKind;
import se.integrationjourney.core.study.Study;
import se.integrationjourney.projections.outcomes.MeasuredFrom;
import se.integrationjourney.projections.outcomes.Milestone;

/** The body of {@code POST /api/studies}: a title, the question, and the date it is asked as of. */
public record SaveStudyRequest(
        @Schema(description = "The analyst's name for the study; no personal data", example = "Luleå, kohort 2021")
        @NotBlank
        @Size(max = Study.MAX_TITLE)
        String title,

        @NotNull @Valid Query query,

        @Schema(
                description = "The business date the question is asked as of; default today (Europe/Stockholm); not"
                        + " after today")
        LocalDate asOf) {

    /**
     * The question, as the outcome endpoints take it: {@code TWO_YEARS_AFTER} takes {@code cohortYear} and
     * {@code municipalityCode}; {@code TIME_TO} also {@code milestone}, {@code from} and {@code withinMonths}.
     */
    public record Query(
            @Schema(
                    description = "TWO_YEARS_AFTER (GET /api/outcomes/two-years-after) or TIME_TO (GET"
                            + " /api/outcomes/time-to)")
            @NotNull
            StudyKind kind,

            @Schema(description = "The cohort's year (of the establishment end, or of `from`)", example = "2021")
            @NotNull
            @Min(1900)
            @Max(2100)
            Integer cohortYear,

            @Schema(description = "Four digits; all municipalities if absent", example = "2580")
            @Pattern(regexp = "[0-9]{4}", message = "must be four digits")
            String municipalityCode,

            @Schema(description = "TIME_TO only, and required there")
            Milestone milestone,

            @Schema(description = "TIME_TO only, and required there")
            MeasuredFrom from,

            @Schema(description = "TIME_TO only, optional: N of \"reached within N months\"") @Min(0) @Max(120)
            Integer withinMonths) {}
}
