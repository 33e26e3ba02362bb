package se.integrationjourney.projections.runtime;

/** Names shared by the runtime's parts. */
final class Projections {

    /** Appended to a view's processor name and table names while it is being rebuilt. */
    static final String REBUILD_SUFFIX = "__rebuild";

    private Projections() {}

    /** The processor rebuilding a view, or a group of views rebuilt together, named {@code name}. */
    static String rebuildProcessorName(String name) {
        return name + REBUILD_SUFFIX;
    }
}
