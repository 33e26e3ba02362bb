package se.integrationjourney.eventstore;

import java.security.MessageDigest;

/**
 * Follows one aggregate's chain event by event, in sequence order, up to its first broken link: each event must
 * have the sequence number after its predecessor's (0 for the first) and its stored link must be the one
 * {@link EventChain} computes from the predecessor's stored link and the event's stored bytes. Comparing each link
 * with the stored one before it (not with a recomputed one) names the very event whose bytes or link were changed;
 * up to the first break the two are the same. Holds one link, whatever the chain's length.
 */
public final class ChainWalk {

    private final String aggregateIdentifier;
    private final EventChain.Linker linker;
    private byte[] previous = EventChain.start();
    private long nextSequence;
    private long events;
    private BrokenLink broken;

    public ChainWalk(String aggregateIdentifier) {
        this(aggregateIdentifier, new EventChain.Linker());
    }

    /** With a linker of the caller's, so that a walk over many chains (the whole store) keeps one digest. */
    public ChainWalk(String aggregateIdentifier, EventChain.Linker linker) {
        this.aggregateIdentifier = aggregateIdentifier;
        this.linker = linker;
    }

    /**
     * Checks the aggregate's next event (an event of another aggregate is a mistake of the caller's).
     *
     * @return whether the chain still holds, this event included; once broken, further events are not checked
     */
    public boolean next(ChainedEvent event) {
        if (!aggregateIdentifier.equals(event.aggregateIdentifier())) {
            throw new IllegalArgumentException("an event of another aggregate");
        }
        if (broken != null) {
            return false;
        }
        if (event.sequenceNumber() != nextSequence) {
            broken = new BrokenLink(
                    aggregateIdentifier,
                    event.sequenceNumber(),
                    event.eventIdentifier(),
                    event.globalIndex(),
                    BrokenLink.Kind.MISSING_EVENTS,
                    Long.toString(nextSequence),
                    Long.toString(event.sequenceNumber()));
            return false;
        }
        byte[] expected = linker.link(previous, event);
        if (event.chainHash() == null || !MessageDigest.isEqual(expected, event.chainHash())) {
            broken = new BrokenLink(
                    aggregateIdentifier,
                    event.sequenceNumber(),
                    event.eventIdentifier(),
                    event.globalIndex(),
                    BrokenLink.Kind.ALTERED,
                    EventChain.hex(expected),
                    EventChain.hex(event.chainHash()));
            return false;
        }
        previous = event.chainHash();
        nextSequence++;
        events++;
        return true;
    }

    public String aggregateIdentifier() {
        return aggregateIdentifier;
    }

    /** Events checked and found intact. */
    public long intactEvents() {
        return events;
    }

    /** The last intact link (the chain's head when it is intact); 32 zero bytes before any event. */
    public byte[] lastLink() {
        return previous.clone();
    }

    /** The first broken link, or null while the chain holds. */
    public BrokenLink broken() {
        return broken;
    }
}
