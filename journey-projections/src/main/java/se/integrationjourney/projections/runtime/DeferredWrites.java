package se.integrationjourney.projections.runtime;

/**
 * Event handlers that collect a batch's changes in memory and write them when the batch commits (the live case-file
 * views do: one read and one write per batch instead of per event). When a batch has failed, the runtime handles it
 * again event by event, each in a savepoint, and then asks such handlers to write each event's changes at once, so
 * that a change the database refuses fails with its event, which goes to the dead-letter queue, and not with the
 * batch.
 */
public interface DeferredWrites {

    /** Writes what the current batch's events have changed so far and not written yet. */
    void writeNow();

    /**
     * Forgets what the current batch's events have changed and not written, after the failed event's savepoint was
     * rolled back: what was written stays, and a journey whose changes were forgotten is read again when needed.
     */
    void discardUnwritten();
}
