package se.integrationjourney.projections.runtime;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.common.transaction.TransactionManager;
import org.springframework.jdbc.core.JdbcTemplate;
import se.integrationjourney.eventstore.AxonTables;

/**
 * The table work of a rebuild: fresh copies of a view's tables to fill, and the swap that makes them the live
 * view, atomically, with the tracking tokens and dead letters that belong to them.
 *
 * <p>PostgreSQL's DDL is transactional, so queries see either the old tables or the new ones, never a mix.
 * The tokens and dead letters are Axon's, handled through {@link AxonTables}.
 */
final class ViewSwap {

    /** Only for the physical names of the rebuild's tables. */
    private static final ViewTables REBUILD_TABLES = ViewTables.rebuild(0);

    private final JdbcTemplate jdbc;
    private final AxonTables axonTables;
    private final TransactionManager transactions;

    ViewSwap(JdbcTemplate jdbc, AxonTables axonTables, TransactionManager transactions) {
        this.jdbc = jdbc;
        this.axonTables = axonTables;
        this.transactions = transactions;
    }

    /**
     * Empty copies of the views' tables, with all their columns, defaults, constraints and indexes, for the
     * processor {@code processorName} to fill.
     */
    void prepareRebuild(List<Projection> views, String processorName) {
        transactions.executeInTransaction(() -> {
            views.forEach(this::dropRebuildTables);
            for (Projection view : views) {
                for (String table : view.tables()) {
                    jdbc.execute("create table " + REBUILD_TABLES.of(table) + " (like " + table + " including all)");
                }
                view.recordSettings(REBUILD_TABLES);
            }
            axonTables.forgetProcessor(processorName);
        });
    }

    /** Removes what an unfinished rebuild left behind. */
    void discardRebuild(List<Projection> views, String processorName) {
        transactions.executeInTransaction(() -> {
            views.forEach(this::dropRebuildTables);
            axonTables.forgetProcessor(processorName);
        });
    }

    /**
     * Removes what every unfinished rebuild left behind, when no node rebuilds any view: a restart abandons running
     * rebuilds, since their handlers may have kept results in memory ({@link RetainedResults}).
     */
    void discardAllRebuilds(Collection<Projection> views) {
        transactions.executeInTransaction(() -> {
            views.forEach(this::dropRebuildTables);
            axonTables.forgetProcessorsEndingWith(Projections.REBUILD_SUFFIX);
        });
    }

    /**
     * Removes what unfinished rebuilds of these views left behind, tables and the tokens and dead letters of the
     * processors named: a restart abandons its running rebuilds, since their handlers may have kept results in memory
     * ({@link RetainedResults}). Only views no node rebuilds now: another node's running rebuild is left alone.
     */
    void discardRebuilds(Collection<Projection> views, Collection<String> processorNames) {
        transactions.executeInTransaction(() -> {
            views.forEach(this::dropRebuildTables);
            processorNames.forEach(axonTables::forgetProcessor);
        });
    }

    /**
     * Vacuums and analyzes the filled copies before they serve. A table filled by {@code COPY} has no planner
     * statistics and no visibility map until autovacuum comes by, which may take minutes: meanwhile PostgreSQL
     * guesses the row counts and reads the heap for every index entry, and the caseload's first page cost about
     * five times as much (2,904 buffers instead of 129 in the benchmark, docs/benchmark-notes.md). Outside any
     * transaction, as {@code VACUUM} requires; the live views keep serving meanwhile.
     */
    void prepareForQueries(List<Projection> views) {
        for (Projection view : views) {
            for (String table : view.tables()) {
                jdbc.execute("vacuum (analyze) " + REBUILD_TABLES.of(table));
            }
        }
    }

    /**
     * Replaces each view's live tables by its rebuilt ones, keeping the live indexes' names (later migrations refer
     * to them), and gives each view the rebuild processor's tokens and dead letters (a failure in handlers shared by
     * the group concerns every view of it). All processors involved must be stopped, and what the rebuild's
     * handlers kept in memory written. If anything fails, the old views stay as they were.
     *
     * <p>The new tokens are claimed by {@code owner}, this node, as of {@code claimedAt}: another node's processor
     * still working on the old view (it held a segment before the swap) cannot store its old position into them, and
     * fails its next batch instead, releases the segment and later claims it afresh from the rebuilt position.
     */
    void swapIn(List<Projection> views, String processorName, String owner, Instant claimedAt) {
        transactions.executeInTransaction(() -> {
            for (Projection view : views) {
                for (String table : view.tables()) {
                    Map<String, String> liveIndexNames = indexNamesByDefinition(table);
                    jdbc.execute("drop table " + table);
                    jdbc.execute("alter table " + REBUILD_TABLES.of(table) + " rename to " + table);
                    indexNamesByDefinition(table).forEach((definition, name) -> {
                        String canonical = liveIndexNames.get(definition);
                        if (canonical != null && !canonical.equals(name)) {
                            jdbc.execute("alter index " + name + " rename to " + canonical);
                        }
                    });
                }
                axonTables.forgetProcessor(view.name());
                axonTables.copyProcessor(processorName, view.name(), owner, claimedAt);
                // Delivered to every node when the swap commits: a node's copy of a view in memory loads it again.
                jdbc.query("select pg_notify(?, ?)", row -> {}, Projection.SWAPPED_CHANNEL, view.name());
            }
            axonTables.forgetProcessor(processorName);
        });
    }

    /** Whether the processor has ever stored a tracking token (false for a view that has never run). */
    boolean hasTokens(String processorName) {
        return axonTables.hasTokens(processorName);
    }

    /** The stored tracking tokens of these processors, by processor. */
    Map<String, List<AxonTables.StoredToken>> tokensOf(Collection<String> processorNames) {
        Map<String, List<AxonTables.StoredToken>> tokens = new HashMap<>();
        for (AxonTables.StoredToken token : axonTables.tokensOf(processorNames)) {
            tokens.computeIfAbsent(token.processorName(), name -> new ArrayList<>())
                    .add(token);
        }
        return tokens;
    }

    /** The global index of the newest event in the store, 0 when it is empty. */
    long headPosition() {
        return axonTables.headPosition();
    }

    /** The journey's last sequence number among its events up to the global index {@code position}; -1 if none. */
    long lastSequenceUpTo(String journeyId, long position) {
        return axonTables.lastSequenceUpTo(journeyId, position);
    }

    private void dropRebuildTables(Projection projection) {
        for (String table : projection.tables()) {
            jdbc.execute("drop table if exists " + REBUILD_TABLES.of(table));
        }
    }

    /** Index name by its definition with the name taken out, so that a copy's index finds its original. */
    private Map<String, String> indexNamesByDefinition(String table) {
        Map<String, String> names = new HashMap<>();
        jdbc.query(
                "select indexname, indexdef from pg_indexes where schemaname = current_schema() and tablename = ?",
                row -> {
                    String name = row.getString("indexname");
                    names.put(
                            row.getString("indexdef").replaceFirst(" INDEX \"?" + name + "\"? ON ", " INDEX ON "),
                            name);
                },
                table);
        return names;
    }
}
