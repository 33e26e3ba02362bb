package se.integrationjourney.projections.runtime;

/**
 * Maps a view's table names to the physical tables one set of event handlers writes to: the live tables,
 * or their copies that a rebuild fills before they are swapped in.
 */
public final class ViewTables {

    /** The live view's tables, as Flyway created them and queries read them. */
    public static final ViewTables LIVE = new ViewTables("");
    /** The copies a rebuild writes to until they replace the live tables. */
    static final ViewTables REBUILD = new ViewTables(Projections.REBUILD_SUFFIX);

    private final String suffix;

    private ViewTables(String suffix) {
        this.suffix = suffix;
    }

    /** The physical name of {@code table}; table names are constants, never user input. */
    public String of(String table) {
        return table + suffix;
    }
}
