package se.integrationjourney.projections.runtime;

import java.util.Set;

/**
 * Event handlers of a rebuild that keep their results in memory between batches and write them to the rebuild's
 * tables once, at the swap, rather than reading and rewriting rows in every batch: a replay touches each journey
 * many times, the live view only a few times a day.
 *
 * <p>Safe because nobody reads the rebuild's tables before the swap, and a restart abandons a running rebuild
 * anyway (ADR 0006). The tracking token may therefore run ahead of what is written; what it may not do is run
 * behind what is in memory: a batch rolled back after its events were applied in memory would apply them twice
 * when retried, so such handlers report themselves no longer {@link #intact()} and the runner starts the
 * rebuild over.
 */
public interface RetainedResults {

    /**
     * Writes everything held in memory into the rebuild's tables, in transactions of its own (nobody reads those
     * tables yet). Called once, with the rebuild's processor stopped, before the swap; if it fails, the rebuild is
     * discarded and the old view keeps serving.
     *
     * @return the journeys (aggregate ids) whose results a table refused: left out of every table, so that the
     *         runtime can dead-letter their events and the rebuilt views stay consistent per journey
     */
    Set<String> writeRetained();

    /** False once a batch was rolled back after its events had been applied in memory. */
    boolean intact();
}
