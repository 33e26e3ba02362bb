package se.integrationjourney.projections.runtime;

/** Names shared by the runtime's parts. */
final class Projections {

    /** Appended to a view's processor name and table names while it is being rebuilt. */
    static final String REBUILD_SUFFIX = "__rebuild";

    private Projections() {
    }

    static String rebuildProcessorName(Projection projection) {
        return projection.name() + REBUILD_SUFFIX;
    }
}
