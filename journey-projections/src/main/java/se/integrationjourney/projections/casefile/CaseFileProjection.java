package se.integrationjourney.projections.casefile;

import org.springframework.jdbc.core.JdbcTemplate;
import se.integrationjourney.projections.runtime.Projection;
import se.integrationjourney.projections.runtime.RebuildsTogether;
import se.integrationjourney.projections.runtime.ViewTables;

import java.util.Collection;
import java.util.List;

/**
 * A view that keeps one case file per journey in one table ({@code journey_id}, {@code case_file jsonb} and
 * columns of its own). A view says only how its rows are written; reading, folding and batching are shared, and
 * case-file views rebuilt at once share one rebuild processor that folds each event once.
 */
public abstract class CaseFileProjection implements RebuildsTogether {

    /** The rebuild group of every case-file view. */
    static final String REBUILD_GROUP = "case-files";

    private final String name;
    private final String table;
    private final JdbcTemplate jdbc;

    protected CaseFileProjection(String name, String table, JdbcTemplate jdbc) {
        this.name = name;
        this.table = table;
        this.jdbc = jdbc;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final List<String> tables() {
        return List.of(table);
    }

    /**
     * The live view's handlers write each batch as it commits; a rebuild's keep case files in memory and write
     * them at the swap ({@link RetainedCaseFileHandlers}).
     */
    @Override
    public final Object eventHandlers(ViewTables tables) {
        return tables.retainedPerSegment() > 0 ? eventHandlers(List.of(this), tables)
                : new BatchedCaseFileHandlers(physicalTable(tables));
    }

    @Override
    public final String rebuildGroup() {
        return REBUILD_GROUP;
    }

    /** A rebuild's handlers filling the rebuild tables of all these case-file views at once. */
    @Override
    public final Object eventHandlers(List<Projection> group, ViewTables tables) {
        List<CaseFileProjection> views = group.stream().map(CaseFileProjection.class::cast).toList();
        List<CaseFileTable> physical = views.stream().map(view -> view.physicalTable(tables)).toList();
        CaseFileTable readBack = views.stream().filter(CaseFileProjection::keepsWholeCaseFile).findFirst()
                .orElse(views.get(0)).physicalTable(tables);
        return new RetainedCaseFileHandlers(physical, readBack, Math.max(1, tables.retainedPerSegment()));
    }

    /**
     * Whether this view's table holds the whole case file (personal data included), so that a rebuild may read a
     * case file back from it. The outcomes view holds it without personal data.
     */
    protected boolean keepsWholeCaseFile() {
        return true;
    }

    private CaseFileTable physicalTable(ViewTables tables) {
        return new CaseFileTable(jdbc, tables.of(table), this::store);
    }

    /** Live event handlers writing into the given physical table, which has this view's columns. */
    public final CaseFileViewHandlers eventHandlersWriting(String physicalTable) {
        return new BatchedCaseFileHandlers(new CaseFileTable(jdbc, physicalTable, this::store));
    }

    /**
     * Writes case files into a physical table with this view's columns (upserts, in JDBC batches, within the
     * caller's transaction). For tools that fill a copy of the view's table themselves, such as the benchmarks'
     * hand-written replay.
     */
    public final void write(String physicalTable, Collection<CaseFile> files) {
        new CaseFileTable(jdbc, physicalTable, this::store).store(files);
    }

    /** Writes the changed case files, with the view's own columns, in one JDBC batch. */
    protected abstract void store(JdbcTemplate jdbc, String table, Collection<CaseFile> changed);
}
