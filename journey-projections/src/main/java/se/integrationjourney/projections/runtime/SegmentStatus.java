package se.integrationjourney.projections.runtime;

import java.time.Instant;

/**
 * One segment of a view's processor, as the admin API and the health check show it.
 *
 * @param segment      the segment's id
 * @param owner        the node that holds the segment's claim ({@code journey.node.name}); null while no node does
 *                     (released, or its node's claim has expired and another node is about to take it)
 * @param position     the global index up to which the segment has handled events: its last committed batch here, or
 *                     the token another node last stored (it stores an idle segment's token every claim interval)
 * @param error        why its last batch failed, without personal data; null once a batch has committed since
 * @param failingSince when its batches began to fail; null when they do not
 * @param eventByEvent its next batch is handled event by event, so that the event that fails goes to the
 *                     dead-letter queue alone
 * @param waitingSince since when events wait for it without its position moving; null when it is at the head
 * @param stalled      it has waited longer than the configured stall time: the view is behind and not catching up
 * @param atEvent      the event it failed or waits at (type, journey, position), without personal data; null if none
 */
public record SegmentStatus(
        int segment,
        String owner,
        long position,
        String error,
        Instant failingSince,
        boolean eventByEvent,
        Instant waitingSince,
        boolean stalled,
        String atEvent) {}
