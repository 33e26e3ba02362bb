package se.integrationjourney.eventstore;

/**
 * An event as {@code domain_event_entry} stores it, with its link of the hash chain ({@link EventChain}): the fields
 * as stored (text as text, payload and metadata as their bytes), never deserialized.
 *
 * @param globalIndex the event's position in the whole store; not hashed (it is given out by a sequence that
 *                    transactions share, so it says nothing about the journey)
 * @param chainHash   the link the database stored with the event; null only if something stored the event without
 *                    one
 */
public record ChainedEvent(
        long globalIndex,
        String aggregateIdentifier,
        long sequenceNumber,
        String eventIdentifier,
        String timeStamp,
        String payloadType,
        String payloadRevision,
        byte[] payload,
        byte[] metaData,
        String type,
        byte[] chainHash) {}
