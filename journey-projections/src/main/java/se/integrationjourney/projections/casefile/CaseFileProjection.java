package se.integrationjourney.projections.casefile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import se.integrationjourney.projections.runtime.Projection;
import se.integrationjourney.projections.runtime.RebuildsTogether;
import se.integrationjourney.projections.runtime.ViewTables;

/**
 * A view that keeps one case file per journey in one table ({@code journey_id}, {@code case_file json} and
 * columns of its own). A view says only how its rows are written; reading, folding and batching are shared, and
 * case-file views rebuilt at once share one rebuild processor that folds each event once.
 */
public abstract class CaseFileProjection implements RebuildsTogether {

    /** The rebuild group of every case-file view. */
    static final String REBUILD_GROUP = "case-files";

    private final String name;
    private final String table;
    private final List<String> otherTables;
    private final JdbcTemplate jdbc;

    /**
     * @param table       the table of one row per journey with its case file
     * @param otherTables tables of the view besides it (copied, swapped and dropped with it by a rebuild)
     */
    protected CaseFileProjection(String name, String table, JdbcTemplate jdbc, String... otherTables) {
        this.name = name;
        this.table = table;
        this.otherTables = List.of(otherTables);
        this.jdbc = jdbc;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final List<String> tables() {
        List<String> tables = new ArrayList<>(List.of(table));
        tables.addAll(otherTables);
        return List.copyOf(tables);
    }

    /**
     * The live view's handlers write each batch as it commits; a rebuild's keep case files in memory and write
     * them at the swap ({@link RetainedCaseFileHandlers}).
     */
    @Override
    public final Object eventHandlers(ViewTables tables) {
        return tables.retainedPerSegment() > 0
                ? eventHandlers(List.of(this), tables)
                : new BatchedCaseFileHandlers(physicalTable(tables));
    }

    @Override
    public final String rebuildGroup() {
        return REBUILD_GROUP;
    }

    /** A rebuild's handlers filling the rebuild tables of all these case-file views at once. */
    @Override
    public final Object eventHandlers(List<Projection> group, ViewTables tables) {
        List<CaseFileProjection> views =
                group.stream().map(CaseFileProjection.class::cast).toList();
        List<CaseFileTable> physical =
                views.stream().map(view -> view.physicalTable(tables)).toList();
        CaseFileTable readBack = views.stream()
                .filter(CaseFileProjection::keepsWholeCaseFile)
                .findFirst()
                .orElse(views.get(0))
                .physicalTable(tables);
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
        return new CaseFileTable(jdbc, tables.of(table), this);
    }

    /**
     * The columns of the view's table that it fills besides {@code case_file}, {@code journey_id} first, in the
     * order of {@link #values}. A rebuild copies such rows into its fresh tables in bulk ({@code COPY}); the live
     * view upserts them ({@link #store}). Empty for a view that writes its rows itself by overriding {@code store}:
     * it is written with its own statements, a rebuild included.
     */
    protected List<String> columns() {
        return List.of();
    }

    /**
     * The values of {@link #columns()} for a registered journey's case file (dates as {@code LocalDate}, ids as
     * {@code UUID}, text, numbers, booleans or null); the case file itself is added by the caller.
     */
    protected Object[] values(CaseFile file) {
        throw new UnsupportedOperationException("view " + name + " writes its rows itself");
    }

    /**
     * Writes the changed case files, with the view's own columns, in one JDBC batch: by default an upsert of
     * {@link #columns()} and the case file ({@linkplain #keepsWholeCaseFile() whole} or without personal data) of
     * each registered journey.
     */
    protected void store(JdbcTemplate jdbc, String table, Collection<CaseFile> changed) {
        List<String> columns = columns();
        if (columns.isEmpty()) {
            throw new UnsupportedOperationException("view " + name + " names no columns and writes no rows");
        }
        String sql = "insert into " + table + " (" + String.join(", ", columns) + ", case_file) values ("
                + "?, ".repeat(columns.size()) + "?::json) on conflict (journey_id) do update set "
                + columns.stream()
                        .skip(1)
                        .map(column -> column + " = excluded." + column + ", ")
                        .collect(Collectors.joining())
                + "case_file = excluded.case_file";
        boolean whole = keepsWholeCaseFile();
        jdbc.batchUpdate(
                sql,
                changed.stream()
                        .filter(CaseFile::registered)
                        .map(file -> {
                            Object[] values = values(file);
                            Object[] row = Arrays.copyOf(values, values.length + 1);
                            row[values.length] =
                                    whole ? CaseFileJson.write(file) : CaseFileJson.writeWithoutPersonalData(file);
                            return row;
                        })
                        .toList());
    }
}
