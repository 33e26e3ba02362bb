package se.integrationjourney.projections.runtime;

/**
 * Maps a view's table names to the physical tables one set of event handlers writes to: the live tables,
 * or their copies that a rebuild fills before they are swapped in. It also tells the handlers how much of a
 * rebuild they may keep in memory.
 */
public final class ViewTables {

    /** The live view's tables, as Flyway created them and queries read them. */
    public static final ViewTables LIVE = new ViewTables("", 0);

    private final String suffix;
    private final int retainedPerSegment;

    private ViewTables(String suffix, int retainedPerSegment) {
        this.suffix = suffix;
        this.retainedPerSegment = retainedPerSegment;
    }

    /**
     * The copies a rebuild writes to until they replace the live tables. Nobody reads them before the swap, so
     * handlers may keep up to {@code retainedPerSegment} journeys per segment in memory and write them once
     * ({@link RetainedResults}), instead of reading and writing them in every batch.
     */
    public static ViewTables rebuild(int retainedPerSegment) {
        return new ViewTables(Projections.REBUILD_SUFFIX, retainedPerSegment);
    }

    /** The physical name of {@code table}; table names are constants, never user input. */
    public String of(String table) {
        return table + suffix;
    }

    /**
     * How many journeys per segment the handlers may keep in memory between batches (write-behind); 0 for the
     * live tables, which queries read: each batch must be written when it commits.
     */
    public int retainedPerSegment() {
        return retainedPerSegment;
    }
}
