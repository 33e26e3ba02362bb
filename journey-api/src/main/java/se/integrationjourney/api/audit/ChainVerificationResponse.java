package se.integrationjourney.api.audit;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;
import se.integrationjourney.eventstore.EventChain;

/** One journey's hash chain, verified as stored. */
record ChainVerificationResponse(
        UUID journeyId,

        @Schema(description = "Whether every event's stored hash is the one its stored bytes and its predecessor give")
        boolean intact,

        @Schema(description = "The journey's events") long events,

        @Schema(
                description = "The newest event's hash (hex) when intact, else the last intact one (64 zeros if none):"
                        + " compare it with an export held elsewhere")
        String lastHash,

        @Schema(example = EventChain.DEFINITION) String hashDefinition,

        Instant verifiedAt,

        @Schema(description = "The first broken link; null when intact", nullable = true)
        BrokenLinkResponse brokenLink) {

    static ChainVerificationResponse of(TamperEvidence.JourneyVerification verification) {
        var report = verification.report();
        return new ChainVerificationResponse(
                verification.journeyId(),
                report.intact(),
                report.events(),
                report.lastLink(),
                EventChain.DEFINITION,
                verification.verifiedAt(),
                BrokenLinkResponse.of(report.broken()));
    }
}
