package se.integrationjourney.projections.runtime;

import org.axonframework.common.transaction.TransactionManager;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.HashMap;
import java.util.Map;

/**
 * The table work of a rebuild: fresh copies of a view's tables to fill, and the swap that makes them the live
 * view, atomically, with the tracking tokens and dead letters that belong to them.
 *
 * <p>PostgreSQL's DDL is transactional, so queries see either the old tables or the new ones, never a mix.
 * The token and dead-letter tables are Axon's ({@code token_entry}, {@code dead_letter_entry}), created by
 * the application's event-store migration.
 */
final class ViewSwap {

    private final JdbcTemplate jdbc;
    private final TransactionManager transactions;

    ViewSwap(JdbcTemplate jdbc, TransactionManager transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** Empty copies of the view's tables, with all their columns, defaults, constraints and indexes. */
    void prepareRebuild(Projection projection) {
        transactions.executeInTransaction(() -> {
            dropRebuildTables(projection);
            for (String table : projection.tables()) {
                jdbc.execute("create table " + ViewTables.REBUILD.of(table)
                        + " (like " + table + " including all)");
            }
            forgetProcessor(Projections.rebuildProcessorName(projection));
        });
    }

    /** Removes what an unfinished rebuild left behind (a restart abandons a running rebuild). */
    void discardRebuild(Projection projection) {
        transactions.executeInTransaction(() -> {
            dropRebuildTables(projection);
            forgetProcessor(Projections.rebuildProcessorName(projection));
        });
    }

    /**
     * Replaces the live tables by the rebuilt ones, keeping the live indexes' names (later migrations refer to
     * them), and hands the rebuild's tokens and dead letters to the live processor. Both processors must be
     * stopped.
     */
    void swapIn(Projection projection) {
        String live = projection.name();
        String rebuild = Projections.rebuildProcessorName(projection);
        transactions.executeInTransaction(() -> {
            for (String table : projection.tables()) {
                Map<String, String> liveIndexNames = indexNamesByDefinition(table);
                jdbc.execute("drop table " + table);
                jdbc.execute("alter table " + ViewTables.REBUILD.of(table) + " rename to " + table);
                indexNamesByDefinition(table).forEach((definition, name) -> {
                    String canonical = liveIndexNames.get(definition);
                    if (canonical != null && !canonical.equals(name)) {
                        jdbc.execute("alter index " + name + " rename to " + canonical);
                    }
                });
            }
            forgetProcessor(live);
            jdbc.update("update token_entry set processor_name = ? where processor_name = ?", live, rebuild);
            jdbc.update("update dead_letter_entry set processing_group = ? where processing_group = ?", live, rebuild);
        });
    }

    /** The global index of the newest event in the store, 0 when it is empty. */
    long headPosition() {
        Long head = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
        return head == null ? 0 : head;
    }

    private void dropRebuildTables(Projection projection) {
        for (String table : projection.tables()) {
            jdbc.execute("drop table if exists " + ViewTables.REBUILD.of(table));
        }
    }

    private void forgetProcessor(String processorName) {
        jdbc.update("delete from token_entry where processor_name = ?", processorName);
        jdbc.update("delete from dead_letter_entry where processing_group = ?", processorName);
    }

    /** Index name by its definition with the name taken out, so that a copy's index finds its original. */
    private Map<String, String> indexNamesByDefinition(String table) {
        Map<String, String> names = new HashMap<>();
        jdbc.query("select indexname, indexdef from pg_indexes where schemaname = current_schema() and tablename = ?",
                row -> {
                    String name = row.getString("indexname");
                    names.put(row.getString("indexdef").replaceFirst(" INDEX \"?" + name + "\"? ON ", " INDEX ON "),
                            name);
                }, table);
        return names;
    }
}
