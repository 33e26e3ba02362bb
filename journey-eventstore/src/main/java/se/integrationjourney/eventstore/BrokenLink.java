package se.integrationjourney.eventstore;

/**
 * The first place where an aggregate's chain does not hold: the event there, and what was expected of it against
 * what was found. Names no personal data: ids, positions and hashes only.
 *
 * @param expected for {@link Kind#ALTERED} the link recomputed from the stored bytes (hex), for
 *                 {@link Kind#MISSING_EVENTS} the sequence number that should have come
 * @param found    for {@link Kind#ALTERED} the link stored with the event (hex; null if it has none), for
 *                 {@link Kind#MISSING_EVENTS} the event's own sequence number
 */
public record BrokenLink(
        String aggregateIdentifier,
        long sequenceNumber,
        String eventIdentifier,
        long globalIndex,
        Kind kind,
        String expected,
        String found) {

    public enum Kind {
        /**
         * The event's stored bytes, or its stored link, or an earlier link are not what was chained: the link
         * recomputed from the previous one and the event's bytes differs from the one stored.
         */
        ALTERED,
        /** Events are missing before this one: its sequence number is not the one after its predecessor's. */
        MISSING_EVENTS
    }

    /** One line for people and logs, e.g. in the export's verifier. */
    public String describe() {
        return switch (kind) {
            case ALTERED ->
                "event %d of %s (event id %s, global index %d) does not match its link: expected %s, stored %s"
                        .formatted(
                                sequenceNumber,
                                aggregateIdentifier,
                                eventIdentifier,
                                globalIndex,
                                expected,
                                found == null ? "none" : found);
            case MISSING_EVENTS ->
                "event %s of %s (event id %s, global index %d) follows a gap: expected sequence number %s"
                        .formatted(found, aggregateIdentifier, eventIdentifier, globalIndex, expected);
        };
    }
}
