package se.integrationjourney.projections.runtime;

import java.util.List;

/**
 * A read model built from the journey events, rebuildable at any time. Each view package has one.
 *
 * <p>The runtime feeds the view's event handlers through a pooled streaming processor named {@link #name()};
 * a rebuild feeds a second set of handlers writing into fresh copies of {@link #tables()} and swaps them in
 * once they have caught up.
 */
public interface Projection {

    /**
     * The PostgreSQL notification channel on which a rebuild's swap names each view it swapped in, delivered to every
     * node when the swap commits: a node that keeps a copy of a view in memory loads it again.
     */
    String SWAPPED_CHANNEL = "journey_view_swapped";

    /**
     * The view's name: the key of its tracking tokens and dead letters, and the name in the admin API.
     * Keep it a constant: renaming it makes the view start over from the first event.
     */
    String name();

    /** The view's tables, created by Flyway. Plain tables: no foreign keys, sequences or views on them. */
    List<String> tables();

    /**
     * Creates the view's event handlers: an object with Axon {@code @EventHandler} methods that writes into
     * the physical tables that {@code tables} names, so the same code serves the live view and a rebuild.
     */
    Object eventHandlers(ViewTables tables);

    /**
     * Whether the live tables were built with settings other than the application's (the caseload's thresholds,
     * say), so that they no longer say what the events and the settings imply. The runner then rebuilds the view
     * at start-up; the old tables serve until the new ones have caught up.
     */
    default boolean builtWithOtherSettings() {
        return false;
    }

    /**
     * Records the application's settings in the view's fresh, empty tables that {@code tables} names, before their
     * first event (a rebuild's copies, or the live tables while the event store is empty).
     */
    default void recordSettings(ViewTables tables) {}

    /**
     * Records that the live tables were built with no settings known, so that any later start-up rebuilds them:
     * called when a rebuild for other settings starts while the live view goes on with the new ones.
     */
    default void forgetSettings() {}
}
