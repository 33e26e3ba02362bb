package se.integrationjourney.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import se.integrationjourney.eventstore.AxonTables;
import se.integrationjourney.eventstore.ChainVerification;
import se.integrationjourney.eventstore.ChainedEvent;

/**
 * Tamper evidence (issue 18, docs/adr/0019) on the suite's history ({@code benchmark.events}, 1 million by default),
 * each figure beside a baseline measured in the same run on the same rows:
 * <ol>
 *     <li><b>Verification of the whole store</b> ({@link ChainVerification#verifyStore}, as
 *     {@code POST /api/audit/verifications} runs it), events/s, against the same pages read through the same
 *     (aggregate, sequence) index in the same kind of snapshot without hashing, and against one plain cursor over
 *     the table in global-index order (the cheapest way to read every row). Runs alternate, against drift.</li>
 *     <li><b>The trigger's cost on appends</b>: batched JDBC inserts (500 rows a batch and transaction, one
 *     connection) and one row per transaction from 8 connections, of copies of the history's first rows as new
 *     journeys, into the 1M-row {@code domain_event_entry} with the chain's trigger and with it disabled
 *     ({@code alter table … disable trigger}, on this throwaway database only), alternating; the rows are deleted
 *     after each run.</li>
 *     <li><b>The migration on a million stored events</b>: V7_3's links computed for every stored event and the table
 *     rewritten with them, against the plain way (an {@code UPDATE} of every row from the same computation), each in
 *     a transaction rolled back. The links computed are compared with the ones the trigger stored when the history
 *     was loaded: they must all be equal.</li>
 * </ol>
 * Settings: {@code benchmark.chain.runs} (2 verifications and 2 of each append), {@code benchmark.chain.rows}
 * (100,000 rows a batched append run; a fifth of them for the one-row-per-transaction runs),
 * {@code benchmark.chain.update-baseline} ({@code true}; {@code false} skips the UPDATE, the slowest step).
 */
final class ChainBenchmark {

    static final String NAME = "chain";

    private static final int RUNS = Integer.getInteger("benchmark.chain.runs", 2);
    private static final int ROWS = Integer.getInteger("benchmark.chain.rows", 100_000);
    private static final boolean UPDATE_BASELINE =
            Boolean.parseBoolean(System.getProperty("benchmark.chain.update-baseline", "true"));
    private static final int BATCH = 500;
    private static final int CONNECTIONS = 8;
    private static final String PREFIX = "chain-benchmark-";
    private static final String COLUMNS = "event_identifier, type, aggregate_identifier, sequence_number,"
            + " time_stamp, payload_type, payload_revision, payload, meta_data";

    /** V7_3__event_hash_chain.sql's computation of every stored event's link, as the migration runs it. */
    private static final String LINKS = "select global_index,"
            + " event_chain(event_chain_bytes(aggregate_identifier, sequence_number, event_identifier, time_stamp,"
            + " payload_type, payload_revision, payload, meta_data, type))"
            + " over (partition by aggregate_identifier order by sequence_number rows unbounded preceding) as chain_hash"
            + " from domain_event_entry";

    private ChainBenchmark() {}

    static List<Figure> run(BenchmarkContext context) throws Exception {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                context.history().url(),
                context.history().user(),
                context.history().password());
        List<Figure> figures = new ArrayList<>();
        figures.addAll(verification(context, dataSource));
        figures.addAll(appends(context));
        figures.addAll(migration(context));
        return figures;
    }

    private static List<Figure> verification(BenchmarkContext context, DriverManagerDataSource dataSource) {
        AxonTables tables = new AxonTables(new JdbcTemplate(dataSource));
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
        ChainVerification verification = new ChainVerification(tables, transactions);
        TransactionTemplate snapshot = new TransactionTemplate(transactions);
        snapshot.setReadOnly(true);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        List<Double> verified = new ArrayList<>();
        List<Double> pagesRead = new ArrayList<>();
        List<Double> cursorRead = new ArrayList<>();
        long events = 0;
        CpuUsage.Result cpu = null;
        for (int run = 1; run <= RUNS; run++) {
            // alternate, against drift on a shared machine
            if (run % 2 == 0) {
                pagesRead.add(seconds(() -> readPages(snapshot, tables)));
                cursorRead.add(seconds(() -> readInGlobalOrder(context)));
            }
            CpuUsage measuring = CpuUsage.start();
            long started = System.nanoTime();
            ChainVerification.StoreReport report = verification.verifyStore((checked, total) -> {});
            verified.add((System.nanoTime() - started) / 1e9);
            cpu = measuring.stop();
            assertThat(report.intact()).as("the loaded history's chains").isTrue();
            events = report.events();
            if (run % 2 == 1) {
                pagesRead.add(seconds(() -> readPages(snapshot, tables)));
                cursorRead.add(seconds(() -> readInGlobalOrder(context)));
            }
            System.out.printf(
                    "[benchmark] chain verification run %d: %.1f s, pages without hashing %.1f s, cursor %.1f s%n",
                    run, verified.get(run - 1), pagesRead.get(run - 1), cursorRead.get(run - 1));
        }
        double seconds = median(verified);
        context.note(
                "chain verification of the whole store: %,d events, %d runs %s s (median %.1f s); the same pages"
                        + " read without hashing %s s; one cursor in global-index order (fetch size %d) %s s; last"
                        + " verification's CPU: %s",
                events, RUNS, verified, seconds, pagesRead, FETCH_SIZE, cursorRead, cpu.describe());
        double rate = events / seconds;
        String benchmark = "chain: verification of the whole store (" + String.format("%,d", events) + " events)";
        return List.of(
                new Figure(
                        benchmark,
                        "events/s",
                        rate,
                        "the same pages, no hashing",
                        events / median(pagesRead),
                        "",
                        null),
                new Figure(
                        benchmark,
                        "events/s",
                        rate,
                        "one cursor, global-index order, no hashing",
                        events / median(cursorRead),
                        "",
                        null));
    }

    private static final int FETCH_SIZE = ChainVerification.PAGE_SIZE;

    /** What the verification reads, page by page in one snapshot, without hashing: the read alone. */
    private static void readPages(TransactionTemplate snapshot, AxonTables tables) {
        snapshot.executeWithoutResult(status -> {
            long bytes = 0;
            String lastAggregate = null;
            long lastSequence = 0;
            while (true) {
                List<ChainedEvent> page =
                        tables.chainedEventsAfter(lastAggregate, lastSequence, ChainVerification.PAGE_SIZE);
                for (ChainedEvent event : page) {
                    bytes += event.payload().length;
                }
                if (page.size() < ChainVerification.PAGE_SIZE) {
                    break;
                }
                ChainedEvent last = page.get(page.size() - 1);
                lastAggregate = last.aggregateIdentifier();
                lastSequence = last.sequenceNumber();
            }
            assertThat(bytes).isPositive();
        });
    }

    /** Every row's columns through one server-side cursor in the table's own order: the cheapest full read. */
    private static void readInGlobalOrder(BenchmarkContext context) {
        try (Connection connection = context.connect()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.setFetchSize(FETCH_SIZE);
                long bytes = 0;
                try (ResultSet rows = statement.executeQuery("select global_index, aggregate_identifier,"
                        + " sequence_number, event_identifier, time_stamp, payload_type, payload_revision, payload,"
                        + " meta_data, type, chain_hash from domain_event_entry order by global_index")) {
                    while (rows.next()) {
                        bytes += rows.getBytes(8).length;
                        rows.getString(2);
                        rows.getString(4);
                        rows.getString(5);
                        rows.getBytes(9);
                        rows.getBytes(11);
                    }
                }
                assertThat(bytes).isPositive();
            }
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Figure> appends(BenchmarkContext context) throws Exception {
        List<Object[]> rows = newJourneysLike(context, ROWS);
        List<Object[]> fewer = rows.subList(0, Math.max(1, ROWS / 5));
        List<Double> batchedWith = new ArrayList<>();
        List<Double> batchedWithout = new ArrayList<>();
        List<Double> singleWith = new ArrayList<>();
        List<Double> singleWithout = new ArrayList<>();
        for (int run = 1; run <= RUNS; run++) {
            boolean triggerFirst = run % 2 == 1;
            for (boolean trigger : triggerFirst ? new boolean[] {true, false} : new boolean[] {false, true}) {
                chainTrigger(context, trigger);
                try {
                    (trigger ? batchedWith : batchedWithout).add(rows.size() / batched(context, rows));
                    removeInserted(context);
                    (trigger ? singleWith : singleWithout).add(fewer.size() / oneRowPerTransaction(context, fewer));
                    removeInserted(context);
                } finally {
                    chainTrigger(context, true);
                }
            }
            System.out.printf(
                    "[benchmark] chain append run %d: batched %.0f/%.0f rows/s, one per transaction %.0f/%.0f rows/s"
                            + " (with/without the trigger)%n",
                    run,
                    batchedWith.get(run - 1),
                    batchedWithout.get(run - 1),
                    singleWith.get(run - 1),
                    singleWithout.get(run - 1));
        }
        context.note(
                "chain trigger on appends: %,d rows (copies of the history's first rows as new journeys, %,d bytes of"
                        + " payload and metadata on average) inserted into the %s-row domain_event_entry, batched (%d"
                        + " per batch and transaction, 1 connection): with the trigger %s rows/s, without %s; one row"
                        + " per transaction, %d connections, %,d rows: with %s, without %s; the trigger disabled with"
                        + " alter table … disable trigger (and chain_hash's not null dropped) on this database only",
                rows.size(),
                rows.stream()
                                .mapToLong(row -> ((byte[]) row[7]).length + length((byte[]) row[8]))
                                .sum()
                        / rows.size(),
                String.format("%,d", eventCount(context)),
                BATCH,
                rounded(batchedWith),
                rounded(batchedWithout),
                CONNECTIONS,
                fewer.size(),
                rounded(singleWith),
                rounded(singleWithout));
        return List.of(
                new Figure(
                        "chain: batched JDBC inserts (" + BATCH + " a batch) with the trigger",
                        "events/s",
                        median(batchedWith),
                        "the same inserts, trigger disabled",
                        median(batchedWithout),
                        "",
                        null),
                new Figure(
                        "chain: JDBC, 1 row per transaction, " + CONNECTIONS + " connections, with the trigger",
                        "events/s",
                        median(singleWith),
                        "the same inserts, trigger disabled",
                        median(singleWithout),
                        "",
                        null));
    }

    private static List<Figure> migration(BenchmarkContext context) throws SQLException {
        long events = eventCount(context);
        double links;
        double rewrite;
        try (Connection connection = context.connect();
                Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            long started = System.nanoTime();
            statement.execute("create temporary table event_chain_backfill on commit drop as " + LINKS);
            statement.execute("alter table event_chain_backfill add primary key (global_index)");
            links = (System.nanoTime() - started) / 1e9;
            try (ResultSet differing = statement.executeQuery("select count(*) from event_chain_backfill b"
                    + " join domain_event_entry e using (global_index) where b.chain_hash <> e.chain_hash")) {
                differing.next();
                assertThat(differing.getLong(1))
                        .as("links the migration computes that differ from those the trigger stored")
                        .isZero();
            }
            started = System.nanoTime();
            statement.execute("create function pg_temp.event_chain_backfilled(row_global_index bigint) returns bytea"
                    + " language sql stable return (select chain_hash from event_chain_backfill"
                    + " where global_index = row_global_index)");
            // As V7_3 ran, before V7_9's trigger, whose condition names the column, forbade changing its type.
            statement.execute("drop trigger domain_event_entry_chain on domain_event_entry");
            statement.execute("alter table domain_event_entry"
                    + " alter column chain_hash type bytea using pg_temp.event_chain_backfilled(global_index),"
                    + " alter column chain_hash set not null");
            rewrite = (System.nanoTime() - started) / 1e9;
            connection.rollback();
        }
        double update = Double.NaN;
        if (UPDATE_BASELINE) {
            try (Connection connection = context.connect();
                    Statement statement = connection.createStatement()) {
                connection.setAutoCommit(false);
                long started = System.nanoTime();
                statement.execute("update domain_event_entry e set chain_hash = c.chain_hash from (" + LINKS
                        + ") c where e.global_index = c.global_index");
                update = (System.nanoTime() - started) / 1e9;
                connection.rollback();
                connection.setAutoCommit(true);
                statement.execute("vacuum domain_event_entry"); // the rolled-back versions
            }
        }
        context.note(
                "chain migration V7_3 on %,d stored events (rolled back): the links computed in %.1f s (the window"
                        + " aggregate over the aggregate/sequence index, into a temporary table), equal to the"
                        + " trigger's for every event; the table rewritten with them in %.1f s; total %.1f s. An UPDATE"
                        + " of every row from the same computation instead: %s",
                events,
                links,
                rewrite,
                links + rewrite,
                UPDATE_BASELINE ? String.format("%.1f s", update) : "not measured (benchmark.chain.update-baseline)");
        return List.of(new Figure(
                "chain: migration V7_3 on " + String.format("%,d", events) + " stored events",
                "seconds",
                links + rewrite,
                "UPDATE of every row from the same links",
                update,
                "",
                null));
    }

    /** Copies of the history's first rows (global order) as new journeys: new aggregate and event ids. */
    private static List<Object[]> newJourneysLike(BenchmarkContext context, int count) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        Map<String, String> journeys = new HashMap<>();
        try (Connection connection = context.connect();
                PreparedStatement select = connection.prepareStatement(
                        "select " + COLUMNS + " from domain_event_entry order by global_index limit ?")) {
            select.setInt(1, count);
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows.add(new Object[] {
                        UUID.randomUUID().toString(),
                        result.getString(2),
                        journeys.computeIfAbsent(result.getString(3), old -> PREFIX + UUID.randomUUID()),
                        result.getLong(4),
                        result.getString(5),
                        result.getString(6),
                        result.getString(7),
                        result.getBytes(8),
                        result.getBytes(9)
                    });
                }
            }
        }
        return rows;
    }

    private static final String INSERT =
            "insert into domain_event_entry (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private static void bind(PreparedStatement insert, Object[] row) throws SQLException {
        insert.setString(1, (String) row[0]);
        insert.setString(2, (String) row[1]);
        insert.setString(3, (String) row[2]);
        insert.setLong(4, (Long) row[3]);
        insert.setString(5, (String) row[4]);
        insert.setString(6, (String) row[5]);
        insert.setString(7, (String) row[6]);
        insert.setBytes(8, (byte[]) row[7]);
        insert.setBytes(9, (byte[]) row[8]);
    }

    /** @return seconds */
    private static double batched(BenchmarkContext context, List<Object[]> rows) throws SQLException {
        try (Connection connection = context.connect();
                PreparedStatement insert = connection.prepareStatement(INSERT)) {
            connection.setAutoCommit(false);
            long started = System.nanoTime();
            for (int from = 0; from < rows.size(); from += BATCH) {
                for (Object[] row : rows.subList(from, Math.min(rows.size(), from + BATCH))) {
                    bind(insert, row);
                    insert.addBatch();
                }
                insert.executeBatch();
                connection.commit();
            }
            return (System.nanoTime() - started) / 1e9;
        }
    }

    /** Rows handed out in order to {@link #CONNECTIONS} threads, each row its own transaction. @return seconds */
    private static double oneRowPerTransaction(BenchmarkContext context, List<Object[]> rows) throws Exception {
        AtomicInteger next = new AtomicInteger();
        List<Exception> failures = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < CONNECTIONS; i++) {
            Thread thread = new Thread(
                    () -> {
                        try (Connection connection = context.connect();
                                PreparedStatement insert = connection.prepareStatement(INSERT)) {
                            // A journey's rows may go in out of order here: they are removed afterwards, and the
                            // trigger's work (one index lookup, one hash) is the same either way.
                            for (int index = next.getAndIncrement();
                                    index < rows.size();
                                    index = next.getAndIncrement()) {
                                bind(insert, rows.get(index));
                                insert.executeUpdate();
                            }
                        } catch (Exception e) {
                            synchronized (failures) {
                                failures.add(e);
                            }
                        }
                    },
                    "chain-append-" + i);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
        return (System.nanoTime() - started) / 1e9;
    }

    private static void removeInserted(BenchmarkContext context) throws SQLException {
        try (Connection connection = context.connect();
                Statement statement = connection.createStatement()) {
            statement.execute("delete from domain_event_entry where aggregate_identifier like '" + PREFIX + "%'");
            statement.execute("vacuum domain_event_entry");
        }
    }

    private static void chainTrigger(BenchmarkContext context, boolean on) throws SQLException {
        try (Connection connection = context.connect();
                Statement statement = connection.createStatement()) {
            if (on) {
                statement.execute("alter table domain_event_entry enable trigger domain_event_entry_chain");
                statement.execute("alter table domain_event_entry alter column chain_hash set not null");
            } else {
                statement.execute("alter table domain_event_entry disable trigger domain_event_entry_chain");
                statement.execute("alter table domain_event_entry alter column chain_hash drop not null");
            }
        }
    }

    private static long eventCount(BenchmarkContext context) throws SQLException {
        try (Connection connection = context.connect();
                Statement statement = connection.createStatement();
                ResultSet count = statement.executeQuery(
                        "select count(*) from domain_event_entry where aggregate_identifier not like '" + PREFIX
                                + "%'")) {
            count.next();
            return count.getLong(1);
        }
    }

    private static double seconds(Runnable action) {
        long started = System.nanoTime();
        action.run();
        return (System.nanoTime() - started) / 1e9;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private static List<Long> rounded(List<Double> values) {
        return values.stream().map(Math::round).toList();
    }

    private static long length(byte[] bytes) {
        return bytes == null ? 0 : bytes.length;
    }
}
