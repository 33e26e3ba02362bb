package se.integrationjourney.projections.runtime;

/**
 * What the admin API shows of one view.
 *
 * @param name            the view
 * @param position        the global index up to which the serving view has handled events
 * @param headPosition    the global index of the newest event in the store
 * @param replaying       a rebuild is running; the old view keeps serving until it has caught up
 * @param progress        0–1: how far the rebuild (or, when none runs, the view) is towards the head
 * @param eventsPerSecond events handled per second recently, by the rebuild while one runs
 * @param lastError       the last failure of an event handler, without personal data; null if none
 * @param deadLetters     journeys whose events wait in the dead-letter queue
 */
public record ProjectionStatus(String name, long position, long headPosition, boolean replaying, double progress,
                               double eventsPerSecond, String lastError, long deadLetters) {

    /** Caught up: the view has handled everything in the store and is not replaying. */
    public boolean caughtUp() {
        return position >= headPosition && !replaying;
    }
}
