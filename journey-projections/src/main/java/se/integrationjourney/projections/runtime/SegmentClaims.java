package se.integrationjourney.projections.runtime;

import java.time.Clock;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import se.integrationjourney.eventstore.AxonTables;
import se.integrationjourney.eventstore.ProcessingNode;

/**
 * The token store's rows as the status reads them: each segment's position and the node that holds it. Axon's
 * token store has no way to read a token without claiming it, so the rows are read as stored
 * ({@link AxonTables#tokensOf}) and the token decoded with the serializer the token store writes it with.
 */
final class SegmentClaims {

    private final Serializer serializer;
    private final ProcessingNode node;
    private final Clock clock;

    SegmentClaims(Serializer serializer, ProcessingNode node, Clock clock) {
        this.serializer = serializer;
        this.node = node;
        this.clock = clock;
    }

    /** The global index up to which the token's segment has handled events; 0 before the first. */
    long position(AxonTables.StoredToken stored) {
        if (stored.token() == null || stored.tokenType() == null) {
            return 0;
        }
        TrackingToken token = serializer.deserialize(
                new SimpleSerializedObject<>(stored.token(), byte[].class, stored.tokenType(), null));
        return token == null ? 0 : Math.max(0, token.position().orElse(0));
    }

    /**
     * The node holding the token's claim, or null when none does: released, or not renewed within the claim timeout
     * (its node is taken to be dead, and another may claim it), as Axon's token store decides it.
     */
    String owner(AxonTables.StoredToken stored) {
        if (stored.owner() == null
                || stored.timestamp().plus(node.claimTimeout()).isBefore(clock.instant())) {
            return null;
        }
        return stored.owner();
    }
}
