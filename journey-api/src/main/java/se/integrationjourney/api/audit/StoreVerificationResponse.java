package se.integrationjourney.api.audit;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import se.integrationjourney.eventstore.ChainVerification;
import se.integrationjourney.eventstore.EventChain;

/** A verification of every chain in the store: its progress while it runs, its result after. */
record StoreVerificationResponse(
        UUID id,

        @Schema(
                description = "RUNNING; INTACT (every chain holds); BROKEN (at least one does not); FAILED (it could"
                        + " not finish: nothing is known)",
                allowableValues = {"RUNNING", "INTACT", "BROKEN", "FAILED"})
        String state,

        @Schema(description = "Who started it (username)") String startedBy,

        Instant startedAt,

        @Schema(nullable = true) Instant finishedAt,

        long eventsChecked,

        @Schema(description = "The events in the store when it started")
        long eventsTotal,

        @Schema(description = "0–100") int percent,

        @Schema(description = "Events checked per second since it started")
        long eventsPerSecond,

        @Schema(description = "At that rate, while it runs", nullable = true)
        Long secondsLeft,

        @Schema(description = "Chains (journeys and other aggregates) checked; known once finished")
        long chains,

        @Schema(description = "Chains with a broken link; known once finished")
        long brokenChains,

        @Schema(
                description = "The first broken link of each broken chain, at most "
                        + ChainVerification.MAX_BROKEN_LISTED
                        + ", by journey id")
        List<BrokenLinkResponse> broken,

        @Schema(description = "Why it failed; null unless FAILED", nullable = true)
        String failure,

        @Schema(example = EventChain.DEFINITION) String hashDefinition) {

    static StoreVerificationResponse of(StoreVerifications.Progress progress) {
        return new StoreVerificationResponse(
                progress.id(),
                progress.state().name(),
                progress.startedBy(),
                progress.startedAt(),
                progress.finishedAt(),
                progress.eventsChecked(),
                progress.eventsTotal(),
                progress.percent(),
                progress.eventsPerSecond(),
                progress.secondsLeft(),
                progress.chains(),
                progress.brokenChains(),
                progress.broken().stream().map(BrokenLinkResponse::of).toList(),
                progress.failure(),
                EventChain.DEFINITION);
    }
}
