package se.integrationjourney.api.audit;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A journey's events exactly as the event store holds them, with their links of the hash chain, for anyone to
 * verify without the service or its database: {@code java -jar journey-api.jar verify FILE} ({@link ExportVerifier}),
 * or any re-implementation of the definition in docs/operations.md, "Tamper evidence". Text fields are as stored;
 * payload and metadata are the stored bytes in base64, so that verifying needs no JSON canonicalisation. Each event's
 * summary is for people reading the file and is not covered by the chain.
 */
@JsonPropertyOrder({"format", "hashDefinition", "journeyId", "exportedAt", "exportedBy", "lastHash", "events"})
public record JourneyExport(
        @Schema(description = "Always " + FORMAT) String format,

        @Schema(description = "The hash chain's definition the links follow", example = "integration-journey-chain-1")
        String hashDefinition,

        UUID journeyId,

        @Schema(description = "When it was exported (UTC)") Instant exportedAt,

        @Schema(description = "Who exported it (username)") String exportedBy,

        @Schema(description = "The link of the journey's newest event (hex): anchors the chain as of the export")
        String lastHash,

        @Schema(description = "Every event of the journey, in sequence order")
        List<Event> events) {

    public static final String FORMAT = "integration-journey-export-1";

    /** One event as stored, and its link. */
    @JsonPropertyOrder({
        "globalIndex",
        "sequenceNumber",
        "eventIdentifier",
        "aggregateIdentifier",
        "timeStamp",
        "payloadType",
        "payloadRevision",
        "type",
        "payload",
        "metaData",
        "chainHash",
        "summary"
    })
    public record Event(
            @Schema(description = "The event's position in the whole store (not hashed)")
            long globalIndex,

            long sequenceNumber,
            String eventIdentifier,

            @Schema(description = "The journey id, as stored")
            String aggregateIdentifier,

            @Schema(description = "When it was stored, as stored (text)")
            String timeStamp,

            String payloadType,
            @Schema(nullable = true) String payloadRevision,
            @Schema(nullable = true) String type,

            @Schema(description = "The stored payload bytes, base64")
            String payload,

            @Schema(description = "The stored metadata bytes, base64", nullable = true)
            String metaData,

            @Schema(description = "The event's link as stored (hex)")
            String chainHash,

            @Schema(description = "For people: not covered by the chain", nullable = true)
            Summary summary) {}

    /**
     * What the event was, for people reading the file.
     *
     * @param eventType    as the timeline names it, e.g. {@code HOUSING_SECURED}
     * @param businessDate the day it happened in the person's life; null for corrections
     */
    public record Summary(String eventType, LocalDate businessDate) {}
}
