package se.integrationjourney.api.audit;

import io.swagger.v3.oas.annotations.media.Schema;
import se.integrationjourney.eventstore.BrokenLink;

/** The first broken link of a journey's chain: the event there and what was expected of it. */
record BrokenLinkResponse(
        @Schema(description = "The journey (aggregate) whose chain is broken")
        String journeyId,

        long sequenceNumber,

        String eventIdentifier,

        @Schema(description = "The event's position in the whole store")
        long globalIndex,

        @Schema(
                description = "ALTERED: the event's stored bytes or its stored hash are not what was chained;"
                        + " MISSING_EVENTS: events before it are missing",
                allowableValues = {"ALTERED", "MISSING_EVENTS"})
        String kind,

        @Schema(
                description = "ALTERED: the hash recomputed from the stored bytes (hex); MISSING_EVENTS: the sequence"
                        + " number that should have come")
        String expected,

        @Schema(
                description = "ALTERED: the hash stored with the event (hex, null if none); MISSING_EVENTS: the event's"
                        + " own sequence number",
                nullable = true)
        String found,

        @Schema(description = "The same in one English sentence")
        String description) {

    static BrokenLinkResponse of(BrokenLink broken) {
        return broken == null
                ? null
                : new BrokenLinkResponse(
                        broken.aggregateIdentifier(),
                        broken.sequenceNumber(),
                        broken.eventIdentifier(),
                        broken.globalIndex(),
                        broken.kind().name(),
                        broken.expected(),
                        broken.found(),
                        broken.describe());
    }
}
