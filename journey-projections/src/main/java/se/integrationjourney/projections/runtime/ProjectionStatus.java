package se.integrationjourney.projections.runtime;

import java.util.List;

/**
 * What the admin API shows of one view.
 *
 * @param name               the view
 * @param position           the global index up to which the serving view has handled events: the lowest over its
 *                           segments, a failing one included
 * @param headPosition       the global index of the newest event in the store
 * @param replaying          a rebuild is running; the old view keeps serving until it has caught up
 * @param progress           0–1: how far the rebuild (or, when none runs, the view) is towards the head
 * @param eventsPerSecond    events handled per second recently, by the rebuild while one runs
 * @param lastError          what is wrong now, without personal data: a segment's failure, or the last handler
 *                           failure while events wait in the dead-letter queue; null when the view is healthy
 * @param deadLetters        journeys whose events wait in the dead-letter queue
 * @param condition          {@link #UP}, {@link #DEGRADED} (dead letters, or a segment failing and being handled
 *                           event by event) or {@link #DOWN} (a segment stalled: events wait and it does not move)
 * @param segments           each segment of the serving view's processor
 * @param lastRebuildFailure why the last rebuild did not replace the view, without personal data; null if it did
 *                           or none was asked for
 */
public record ProjectionStatus(
        String name,
        long position,
        long headPosition,
        boolean replaying,
        double progress,
        double eventsPerSecond,
        String lastError,
        long deadLetters,
        String condition,
        List<SegmentStatus> segments,
        String lastRebuildFailure) {

    public static final String UP = "UP";
    public static final String DEGRADED = "DEGRADED";
    public static final String DOWN = "DOWN";

    /** A healthy view's status, without segment details (tests and tools). */
    public ProjectionStatus(
            String name,
            long position,
            long headPosition,
            boolean replaying,
            double progress,
            double eventsPerSecond,
            String lastError,
            long deadLetters) {
        this(
                name,
                position,
                headPosition,
                replaying,
                progress,
                eventsPerSecond,
                lastError,
                deadLetters,
                UP,
                List.of(),
                null);
    }

    /** Caught up: the view has handled everything in the store and is not replaying. */
    public boolean caughtUp() {
        return position >= headPosition && !replaying;
    }
}
