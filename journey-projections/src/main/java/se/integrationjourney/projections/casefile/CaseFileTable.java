package se.integrationjourney.projections.casefile;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One physical table of a case-file view (live or rebuild copy): reads case files, writes them with the view's columns. */
final class CaseFileTable {

    /** Rows per JDBC batch when many case files are written at once (a rebuild's write-out). */
    private static final int ROWS_PER_STATEMENT_BATCH = 2_000;

    private final JdbcTemplate jdbc;
    private final String table;
    private final CaseFileViewHandlers.Store store;

    CaseFileTable(JdbcTemplate jdbc, String table, CaseFileViewHandlers.Store store) {
        this.jdbc = jdbc;
        this.table = table;
        this.store = store;
    }

    String name() {
        return table;
    }

    /** The stored case files of those journeys that have a row; one query. */
    Map<UUID, CaseFile> load(Collection<UUID> journeys) {
        Map<UUID, CaseFile> files = new HashMap<>();
        if (journeys.isEmpty()) {
            return files;
        }
        jdbc.query("select case_file::text from " + table + " where journey_id = any(?)",
                row -> {
                    CaseFile file = CaseFileJson.read(row.getString(1));
                    files.put(file.journeyId(), file);
                }, (Object) journeys.toArray(UUID[]::new));
        return files;
    }

    /** Upserts the case files, in JDBC batches, in a transaction of their own on the calling thread. */
    void storeInOwnTransaction(Collection<CaseFile> files) {
        DataSource dataSource = jdbc.getDataSource();
        if (dataSource == null) {
            throw new IllegalStateException("the view's JdbcTemplate has no data source");
        }
        new TransactionTemplate(new DataSourceTransactionManager(dataSource)).executeWithoutResult(status -> store(files));
    }

    /** Upserts the case files, in JDBC batches, within the caller's transaction. */
    void store(Collection<CaseFile> files) {
        List<CaseFile> chunk = new ArrayList<>(Math.min(files.size(), ROWS_PER_STATEMENT_BATCH));
        for (CaseFile file : files) {
            chunk.add(file);
            if (chunk.size() == ROWS_PER_STATEMENT_BATCH) {
                store.store(jdbc, table, chunk);
                chunk.clear();
            }
        }
        if (!chunk.isEmpty()) {
            store.store(jdbc, table, chunk);
        }
    }
}
