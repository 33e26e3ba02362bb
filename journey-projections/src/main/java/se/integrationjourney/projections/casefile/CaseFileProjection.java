package se.integrationjourney.projections.casefile;

import org.springframework.jdbc.core.JdbcTemplate;
import se.integrationjourney.projections.runtime.Projection;
import se.integrationjourney.projections.runtime.ViewTables;

import java.util.Collection;
import java.util.List;

/**
 * A view that keeps one case file per journey in one table ({@code journey_id}, {@code case_file jsonb} and
 * columns of its own). A view says only how its rows are written; reading, folding and batching are shared.
 */
public abstract class CaseFileProjection implements Projection {

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

    @Override
    public final Object eventHandlers(ViewTables tables) {
        return eventHandlersWriting(tables.of(table));
    }

    /** Event handlers writing into the given physical table, which has this view's columns. */
    public final CaseFileViewHandlers eventHandlersWriting(String physicalTable) {
        return new CaseFileViewHandlers(jdbc, physicalTable, this::store);
    }

    /** Writes the changed case files, with the view's own columns, in one JDBC batch. */
    protected abstract void store(JdbcTemplate jdbc, String table, Collection<CaseFile> changed);
}
