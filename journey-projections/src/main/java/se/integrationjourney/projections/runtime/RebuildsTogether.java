package se.integrationjourney.projections.runtime;

import java.util.List;

/**
 * A view whose rebuild can share one processor with other views of its group: rebuilt at once, they read and
 * deserialize every event once, and the group's handlers do the work they have in common once (the case-file
 * views fold each event into one case file and write it to each view's table). Three views rebuilt apart cost
 * three times the reading, which was most of a rebuild's time (docs/benchmark-notes.md).
 */
public interface RebuildsTogether extends Projection {

    /** Views returning the same name are rebuilt by one processor when they are rebuilt at once. */
    String rebuildGroup();

    /**
     * Event handlers filling the rebuild tables ({@code tables}) of every view in {@code group}, which all
     * belong to this view's rebuild group.
     */
    Object eventHandlers(List<Projection> group, ViewTables tables);
}
