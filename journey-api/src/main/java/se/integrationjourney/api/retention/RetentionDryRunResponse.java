package se.integrationjourney.api.retention;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What retention would erase today, one page of it: journeys by id, municipality and time, no personal data. */
record RetentionDryRunResponse(
        @Schema(description = "The moment the dry run was made (UTC)")
        Instant asOf,

        @Schema(description = "The day in Swedish time it is for")
        LocalDate day,

        @Schema(description = "journey.retention.keep-for, ISO-8601, e.g. P5Y")
        String keepFor,

        @Schema(description = "Journeys whose newest event was stored before this (UTC) lose their personal data")
        Instant lastRecordedBefore,

        @Schema(description = "Journeys whose personal data would be erased (all pages)")
        int wouldErase,

        @Schema(
                description = "Journeys past the period but kept for research: the person was born on the 5th, 15th or"
                        + " 25th of a month")
        int keptForResearch,

        @Schema(
                description = "Journeys past the period without a name or identity number (never had them, or they"
                        + " were erased): nothing to erase")
        int nothingToErase,

        @Schema(
                description = "Journeys past the period that the journey-state view does not show, so their birth day"
                        + " cannot be read: left until it can")
        int notInView,

        @Schema(description = "This page, from 0") int page,

        @Schema(description = "Journeys per page") int size,

        @Schema(description = "The journeys that would be erased, on this page, in journey id order")
        List<Journey> journeys) {

    /**
     * @param lastRecordedAt when its newest event was stored (UTC)
     */
    record Journey(UUID journeyId, String municipalityCode, Instant lastRecordedAt) {}

    static RetentionDryRunResponse of(RetentionPlan plan, RetentionSettings settings, int page, int size) {
        List<RetentionPlan.Candidate> toErase = plan.toErase();
        int from = (int) Math.min((long) page * size, toErase.size());
        return new RetentionDryRunResponse(
                plan.asOf(),
                plan.day(),
                settings.keepFor().toString(),
                plan.lastRecordedBefore(),
                toErase.size(),
                plan.count(RetentionPlan.Verdict.KEEP_FOR_RESEARCH),
                plan.count(RetentionPlan.Verdict.NOTHING_TO_ERASE),
                plan.count(RetentionPlan.Verdict.NOT_IN_VIEW),
                page,
                size,
                toErase.subList(from, Math.min(toErase.size(), from + size)).stream()
                        .map(candidate -> new Journey(
                                candidate.journeyId(), candidate.municipalityCode(), candidate.lastRecordedAt()))
                        .toList());
    }
}
