package se.integrationjourney.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.springframework.context.ConfigurableApplicationContext;
import se.integrationjourney.projections.runtime.ProjectionRunner;
import se.integrationjourney.projections.testsupport.ThrowawayDatabase;

/**
 * Append throughput and latency (issue 6), on a fresh database of its own:
 * <ol>
 *     <li>in-process: {@link CommandSideLoader}, one event per command, with each of {@code benchmark.append.threads}
 *     (default 4, 8, 16) sending threads; reported: the fewest threads within 5% of the best rate. Baselines from
 *     the same run and database: batched JDBC inserts of the rows the command side wrote, into a copy of
 *     {@code domain_event_entry} (same columns, indexes and kind of global-index sequence; without the hash chain's
 *     trigger) for events/s; and the same rows inserted one per transaction from as many threads as the best
 *     in-process run, for the latencies:
 *     the least a durable one-event append costs on this database. The best thread count runs once more, to see
 *     what PostgreSQL's sessions wait for and how many events each transaction held (group commit).</li>
 *     <li>over HTTP: {@link HttpApiLoader} with {@code benchmark.append.http.clients} (default 8) concurrent
 *     clients; baseline: the in-process figures.</li>
 * </ol>
 * The views are stopped while appending, so that the figures are the command side's alone (on two cores the
 * views would otherwise take their share of the CPU as they follow). Each run is bounded by a number of journeys
 * and by seconds, whichever comes first; every run appends journeys of its own (a journey is registered once).
 * Both are measured after an unmeasured warm-up: in-process until the JIT compilers are nearly idle, over HTTP
 * for a fixed time. While the best thread count runs again, PostgreSQL's wait events are sampled for the notes.
 *
 * <p>Settings (system properties): {@code benchmark.append.threads} (4,8,16), {@code benchmark.append.journeys}
 * (2000 per run), {@code benchmark.append.seconds} (25 per run), {@code benchmark.append.http.clients} (8),
 * {@code benchmark.append.http.journeys} (2000), {@code benchmark.append.http.seconds} (45),
 * {@code benchmark.append.http.warmup.seconds} (30), {@code benchmark.append.jdbc.batch} (500 rows per batch),
 * {@code benchmark.append.warmup.seconds} (at most 120), {@code benchmark.append.args} (further
 * {@code --name=value} arguments of the application, comma-separated, e.g. a pool size to try).
 */
final class AppendBenchmark {

    static final String IN_PROCESS = "append, in-process";
    static final String HTTP = "append, HTTP";

    private static final List<Integer> THREADS = Arrays.stream(
                    System.getProperty("benchmark.append.threads", "4,8,16").split(","))
            .map(String::trim)
            .filter(s -> !s.isEmpty())
            .map(Integer::valueOf)
            .toList();
    private static final int JOURNEYS = Integer.getInteger("benchmark.append.journeys", 2_000);
    private static final int SECONDS = Integer.getInteger("benchmark.append.seconds", 25);
    private static final int HTTP_CLIENTS = Integer.getInteger("benchmark.append.http.clients", 8);
    private static final int HTTP_JOURNEYS = Integer.getInteger("benchmark.append.http.journeys", 2_000);
    private static final int HTTP_SECONDS = Integer.getInteger("benchmark.append.http.seconds", 45);
    private static final int HTTP_WARM_UP_SECONDS = Integer.getInteger("benchmark.append.http.warmup.seconds", 30);
    private static final int JDBC_BATCH = Integer.getInteger("benchmark.append.jdbc.batch", 500);
    private static final List<String> EXTRA_ARGUMENTS = Arrays.stream(
                    System.getProperty("benchmark.append.args", "").split(","))
            .map(String::trim)
            .filter(s -> !s.isEmpty())
            .toList();
    private static final int WARM_UP_SECONDS = Integer.getInteger("benchmark.append.warmup.seconds", 120);
    private static final String ADMIN_PASSWORD = "append benchmark admin password";
    private static final String COLUMNS = "event_identifier, type, aggregate_identifier, sequence_number,"
            + " time_stamp, payload_type, payload_revision, payload, meta_data";

    private AppendBenchmark() {}

    /** One measured load: how many threads, what it did, and the CPU it took. */
    record Run(int threads, CommandSideLoader.LoadResult result, CpuUsage.Result cpu) {

        String describe() {
            return String.format(
                    Locale.ROOT,
                    "%d threads: %,d events in %.1f s = %,.0f events/s, p50 %.1f ms," + " p99 %.1f ms, max %.0f ms; %s",
                    threads,
                    result.events(),
                    result.nanos() / 1e9,
                    result.eventsPerSecond(),
                    result.latencies().percentileMillis(50),
                    result.latencies().percentileMillis(99),
                    result.latencies().maxMillis(),
                    cpu.describe());
        }
    }

    static List<Figure> run(BenchmarkContext context) throws Exception {
        ThrowawayDatabase database = ThrowawayDatabase.named();
        try {
            return measure(context, database);
        } finally {
            database.destroy();
        }
    }

    private static List<Figure> measure(BenchmarkContext context, ThrowawayDatabase database) throws Exception {
        List<String> arguments = new ArrayList<>(List.of("--journey.admin-password=" + ADMIN_PASSWORD));
        arguments.addAll(EXTRA_ARGUMENTS);
        Journeys journeys = new Journeys(context.seed);
        Run best;
        Run http;
        Map<String, Double> waits;
        try (ConfigurableApplicationContext application =
                BenchmarkApplication.start(database, arguments.toArray(String[]::new))) {
            application.getBean(ProjectionRunner.class).stop();
            context.note(
                    "append: application arguments %s; views stopped while appending; seed %d",
                    EXTRA_ARGUMENTS.isEmpty() ? "as shipped" : EXTRA_ARGUMENTS, context.seed);

            long compiledBefore = CpuUsage.jitMillis();
            Run warmUp = warmUp(application, journeys.lazily(WARM_UP_SECONDS * 200), THREADS.get(0), WARM_UP_SECONDS);
            context.note(
                    "append, in-process, warm-up (not measured) until the JIT compilers were nearly idle (%.0f s"
                            + " of compilation meanwhile), %s",
                    (CpuUsage.jitMillis() - compiledBefore) / 1e3, warmUp.describe());

            List<Run> runs = new ArrayList<>();
            for (int threads : THREADS) {
                Run run = commandSide(application, journeys.next(JOURNEYS), threads, SECONDS);
                context.note("append, in-process, %s", run.describe());
                runs.add(run);
            }
            // The fewest threads within 5% of the highest rate: once the CPU is the limit, more threads add only
            // queueing (the same events/s with a longer p99), and the run-to-run noise here is about 5%.
            double highest = runs.stream()
                    .mapToDouble(run -> run.result().eventsPerSecond())
                    .max()
                    .orElseThrow();
            best = runs.stream()
                    .filter(run -> run.result().eventsPerSecond() >= 0.95 * highest)
                    .min(Comparator.comparingInt(Run::threads))
                    .orElseThrow();

            // The best thread count once more, short, to see what the database's sessions wait for meanwhile,
            // and how many commands' events each transaction held (the group commit's, ADR 0011).
            long lastBefore = lastGlobalIndex(database);
            try (WaitEvents sampler = WaitEvents.start(database)) {
                commandSide(application, journeys.next(JOURNEYS), best.threads(), Math.min(SECONDS, 10));
                waits = sampler.shares();
            }
            context.note(
                    "append, in-process, %d threads: PostgreSQL sessions of this database sampled every"
                            + " 5 ms: %s; %s",
                    best.threads(), describe(waits), transactionsSince(database, lastBefore));

            int port = Integer.parseInt(application.getEnvironment().getProperty("local.server.port"));
            // The web stack's code paths are new to the JIT: warm them up as well, unmeasured.
            HttpApiLoader httpWarmUp = new HttpApiLoader(port, "admin", ADMIN_PASSWORD);
            timed(httpWarmUp::stop, HTTP_WARM_UP_SECONDS, () -> {
                httpWarmUp.load(journeys.lazily(HTTP_WARM_UP_SECONDS * 50), HTTP_CLIENTS);
                return null;
            });
            HttpApiLoader httpLoader = new HttpApiLoader(port, "admin", ADMIN_PASSWORD);
            http = timed(httpLoader::stop, HTTP_SECONDS, () -> {
                CpuUsage cpu = CpuUsage.start();
                CommandSideLoader.LoadResult result = httpLoader.load(journeys.next(HTTP_JOURNEYS), HTTP_CLIENTS);
                return new Run(HTTP_CLIENTS, result, cpu.stop());
            });
            context.note(
                    "append, HTTP, %d clients: %s; HTTP Basic on every request (bcrypt only when the service has"
                            + " not verified the credentials recently); the clients run in the measured JVM, so its"
                            + " CPU includes theirs",
                    HTTP_CLIENTS, http.describe().replaceFirst("^\\d+ threads: ", ""));
        }

        List<Row> rows = writtenRows(database);
        Baseline batched = batchedInserts(database, rows);
        context.note(
                "append baseline: batched JDBC inserts, 1 connection, %d rows per batch and transaction, into a"
                        + " copy of domain_event_entry (like … including all, own sequence): %,d rows (%,d bytes of"
                        + " payload and metadata on average) in %.1f s; per batch p50 %.1f ms, p99 %.1f ms; %s",
                JDBC_BATCH,
                batched.rows(),
                rows.stream().mapToLong(Row::size).sum() / Math.max(1, rows.size()),
                batched.nanos() / 1e9,
                batched.latencies().percentileMillis(50),
                batched.latencies().percentileMillis(99),
                batched.cpu().describe());
        Baseline single = singleRowTransactions(database, rows, best.threads());
        context.note(
                "append baseline: the same rows one per transaction (insert, commit), %d connections: %,.0f"
                        + " rows/s, p50 %.1f ms, p99 %.1f ms; %s",
                best.threads(),
                single.rowsPerSecond(),
                single.latencies().percentileMillis(50),
                single.latencies().percentileMillis(99),
                single.cpu().describe());

        double inProcessRate = best.result().eventsPerSecond();
        double inProcessP50 = best.result().latencies().percentileMillis(50);
        double inProcessP99 = best.result().latencies().percentileMillis(99);
        String inProcess = IN_PROCESS;
        String singleRows = "JDBC, 1 row per transaction, " + best.threads() + " connections";
        String inProcessBaseline = IN_PROCESS + ", " + best.threads() + " threads";
        String httpName = HTTP;
        return List.of(
                new Figure(
                        inProcess,
                        "events/s",
                        inProcessRate,
                        "batched JDBC inserts (" + JDBC_BATCH + " per batch)",
                        batched.rowsPerSecond(),
                        "≥ 5,000",
                        inProcessRate >= 5_000),
                new Figure(inProcess, "events/s", inProcessRate, singleRows, single.rowsPerSecond(), "", null),
                new Figure(
                        inProcess,
                        "p50 ms",
                        inProcessP50,
                        singleRows,
                        single.latencies().percentileMillis(50),
                        "",
                        null),
                new Figure(
                        inProcess,
                        "p99 ms",
                        inProcessP99,
                        singleRows,
                        single.latencies().percentileMillis(99),
                        "< 20",
                        inProcessP99 < 20),
                new Figure(
                        httpName,
                        "events/s",
                        http.result().eventsPerSecond(),
                        inProcessBaseline,
                        inProcessRate,
                        "",
                        null),
                new Figure(
                        httpName,
                        "p50 ms",
                        http.result().latencies().percentileMillis(50),
                        inProcessBaseline,
                        inProcessP50,
                        "",
                        null),
                new Figure(
                        httpName,
                        "p99 ms",
                        http.result().latencies().percentileMillis(99),
                        inProcessBaseline,
                        inProcessP99,
                        "",
                        null));
    }

    /** One in-process load of these journeys from {@code threads} threads, stopped after {@code seconds}. */
    static Run commandSide(
            ConfigurableApplicationContext application,
            List<SyntheticHistory.JourneyHistory> journeys,
            int threads,
            int seconds)
            throws Exception {
        CommandSideLoader loader = new CommandSideLoader(application);
        return timed(loader::stop, seconds, () -> {
            CpuUsage cpu = CpuUsage.start();
            CommandSideLoader.LoadResult result = loader.load(journeys, threads);
            return new Run(threads, result, cpu.stop());
        });
    }

    /**
     * Appends until the JIT compilers are nearly idle: on two cores C2 needs minutes of load to compile the
     * command path (Axon, Hibernate, Jackson, pgjdbc: tens of thousands of methods), and measured before that a
     * good half of the CPU goes to compiling, not appending. Stops once compilation took less than a tenth of a
     * core over the last 5 s (at least 20 s, at most {@code maxSeconds}; here {@code benchmark.append.warmup.seconds}).
     */
    static Run warmUp(
            ConfigurableApplicationContext application,
            List<SyntheticHistory.JourneyHistory> journeys,
            int threads,
            int maxSeconds)
            throws Exception {
        CommandSideLoader loader = new CommandSideLoader(application);
        long started = System.nanoTime();
        AtomicBoolean done = new AtomicBoolean();
        Thread watcher = new Thread(
                () -> {
                    long compiled = CpuUsage.jitMillis();
                    while (!done.get()) {
                        BenchmarkApplication.pause(5_000);
                        long compiledNow = CpuUsage.jitMillis();
                        double seconds = (System.nanoTime() - started) / 1e9;
                        if ((seconds >= 20 && compiledNow - compiled < 500) || seconds >= maxSeconds) {
                            loader.stop();
                            return;
                        }
                        compiled = compiledNow;
                    }
                },
                "append-warm-up");
        watcher.setDaemon(true);
        watcher.start();
        try {
            CpuUsage cpu = CpuUsage.start();
            CommandSideLoader.LoadResult result = loader.load(journeys, threads);
            return new Run(threads, result, cpu.stop());
        } finally {
            done.set(true);
        }
    }

    /** Runs {@code load}, calling {@code stop} once {@code seconds} have passed if it is still running. */
    static Run timed(Runnable stop, int seconds, Load load) throws Exception {
        AtomicBoolean done = new AtomicBoolean();
        Thread deadline = new Thread(
                () -> {
                    long until = System.nanoTime() + seconds * 1_000_000_000L;
                    while (!done.get() && System.nanoTime() < until) {
                        BenchmarkApplication.pause(50);
                    }
                    if (!done.get()) {
                        stop.run();
                    }
                },
                "append-deadline");
        deadline.setDaemon(true);
        deadline.start();
        try {
            return load.run();
        } finally {
            done.set(true);
        }
    }

    @FunctionalInterface
    interface Load {
        Run run() throws Exception;
    }

    /** Journeys of the seed not handed out before: each run registers journeys of its own. */
    static final class Journeys {
        private final long seed;
        private int nextIndex;

        Journeys(long seed) {
            this.seed = seed;
        }

        /** As {@link #next}, but each journey is generated when a loader takes it (for the unmeasured warm-up). */
        List<SyntheticHistory.JourneyHistory> lazily(int count) {
            int first = nextIndex;
            nextIndex += count;
            return new java.util.AbstractList<>() {
                @Override
                public SyntheticHistory.JourneyHistory get(int index) {
                    return SyntheticHistory.journey(seed, first + index);
                }

                @Override
                public int size() {
                    return count;
                }
            };
        }

        List<SyntheticHistory.JourneyHistory> next(int count) {
            List<SyntheticHistory.JourneyHistory> journeys = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                journeys.add(SyntheticHistory.journey(seed, nextIndex++));
            }
            return journeys;
        }
    }

    // --- the JDBC baselines ---------------------------------------------------------------------------------

    /** A row of domain_event_entry as the command side wrote it, to be written again by plain JDBC. */
    private record Row(
            String eventIdentifier,
            String type,
            String aggregateIdentifier,
            long sequenceNumber,
            String timeStamp,
            String payloadType,
            String payloadRevision,
            byte[] payload,
            byte[] metaData) {

        long size() {
            return payload.length + (metaData == null ? 0 : metaData.length);
        }
    }

    private record Baseline(long rows, long nanos, Latencies latencies, CpuUsage.Result cpu) {
        double rowsPerSecond() {
            return rows / (nanos / 1e9);
        }
    }

    private static long lastGlobalIndex(ThrowawayDatabase database) throws SQLException {
        try (Connection connection = BenchmarkContext.connect(database);
                Statement statement = connection.createStatement();
                ResultSet result =
                        statement.executeQuery("select coalesce(max(global_index), 0)" + " from domain_event_entry")) {
            result.next();
            return result.getLong(1);
        }
    }

    /** How the events appended after {@code lastBefore} were committed: each row's xmin is its transaction. */
    private static String transactionsSince(ThrowawayDatabase database, long lastBefore) throws SQLException {
        try (Connection connection = BenchmarkContext.connect(database);
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("select count(*), count(distinct xmin::text)"
                        + " from domain_event_entry where global_index > " + lastBefore)) {
            result.next();
            long events = result.getLong(1);
            long transactions = result.getLong(2);
            return String.format(
                    Locale.ROOT,
                    "%,d events in %,d transactions, %.1f events per transaction",
                    events,
                    transactions,
                    transactions == 0 ? Double.NaN : (double) events / transactions);
        }
    }

    private static List<Row> writtenRows(ThrowawayDatabase database) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (Connection connection = BenchmarkContext.connect(database);
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(
                        "select " + COLUMNS + " from domain_event_entry order by global_index")) {
            while (result.next()) {
                rows.add(new Row(
                        result.getString(1),
                        result.getString(2),
                        result.getString(3),
                        result.getLong(4),
                        result.getString(5),
                        result.getString(6),
                        result.getString(7),
                        result.getBytes(8),
                        result.getBytes(9)));
            }
        }
        return rows;
    }

    /** An empty copy of the event table: same columns, constraints and indexes, its own one-by-one sequence. */
    private static void freshCopy(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("drop table if exists append_baseline");
            statement.execute("drop sequence if exists append_baseline_global_index_seq");
            statement.execute("create sequence append_baseline_global_index_seq start with 1 increment by 1");
            statement.execute("create table append_baseline (like domain_event_entry including all)");
            statement.execute("alter table append_baseline alter column global_index"
                    + " set default nextval('append_baseline_global_index_seq')");
            // A copy has no trigger (triggers are not copied, and the chain's names domain_event_entry), so no link
            // either: the baseline stays a plain insert. ChainBenchmark measures what the chain adds.
            statement.execute("alter table append_baseline alter column chain_hash drop not null");
        }
    }

    private static final String INSERT =
            "insert into append_baseline (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private static void bind(PreparedStatement insert, Row row) throws SQLException {
        insert.setString(1, row.eventIdentifier());
        insert.setString(2, row.type());
        insert.setString(3, row.aggregateIdentifier());
        insert.setLong(4, row.sequenceNumber());
        insert.setString(5, row.timeStamp());
        insert.setString(6, row.payloadType());
        insert.setString(7, row.payloadRevision());
        insert.setBytes(8, row.payload());
        insert.setBytes(9, row.metaData());
    }

    private static Baseline batchedInserts(ThrowawayDatabase database, List<Row> rows) throws SQLException {
        try (Connection connection = BenchmarkContext.connect(database)) {
            freshCopy(connection);
            connection.setAutoCommit(false);
            Latencies batches = new Latencies();
            CpuUsage cpu = CpuUsage.start();
            long started = System.nanoTime();
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (int from = 0; from < rows.size(); from += JDBC_BATCH) {
                    long batchStarted = System.nanoTime();
                    for (Row row : rows.subList(from, Math.min(rows.size(), from + JDBC_BATCH))) {
                        bind(insert, row);
                        insert.addBatch();
                    }
                    insert.executeBatch();
                    connection.commit();
                    batches.record(System.nanoTime() - batchStarted);
                }
            }
            return new Baseline(rows.size(), System.nanoTime() - started, batches, cpu.stop());
        }
    }

    private static Baseline singleRowTransactions(ThrowawayDatabase database, List<Row> rows, int connections)
            throws Exception {
        try (Connection connection = BenchmarkContext.connect(database)) {
            freshCopy(connection);
        }
        // As many rows as the command side wrote in its best run's time is plenty; bounded by the same seconds.
        AtomicInteger next = new AtomicInteger();
        AtomicBoolean stopped = new AtomicBoolean();
        Latencies latencies = new Latencies();
        List<Thread> threads = new ArrayList<>();
        List<Exception> failures = new ArrayList<>();
        CpuUsage cpu = CpuUsage.start();
        long started = System.nanoTime();
        long until = started + SECONDS * 1_000_000_000L;
        for (int i = 0; i < connections; i++) {
            Thread thread = new Thread(
                    () -> {
                        try (Connection connection = BenchmarkContext.connect(database);
                                PreparedStatement insert = connection.prepareStatement(INSERT)) {
                            for (int index = next.getAndIncrement();
                                    index < rows.size() && !stopped.get();
                                    index = next.getAndIncrement()) {
                                long inserting = System.nanoTime();
                                bind(insert, rows.get(index));
                                insert.executeUpdate(); // autocommit: one row, one transaction
                                latencies.record(System.nanoTime() - inserting);
                                if (System.nanoTime() > until) {
                                    stopped.set(true);
                                }
                            }
                        } catch (SQLException e) {
                            synchronized (failures) {
                                failures.add(e);
                            }
                            stopped.set(true);
                        }
                    },
                    "append-baseline-" + i);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        long nanos = System.nanoTime() - started;
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
        return new Baseline(latencies.count(), nanos, latencies, cpu.stop());
    }

    // --- what the database waits for ------------------------------------------------------------------------

    /**
     * Samples pg_stat_activity for the client sessions of one database: the share of samples in which a session
     * was running on the CPU, waiting for the client (the application's next statement), for the WAL to be
     * flushed, for a lock, and so on. A profile of the database side without pg_stat_statements.
     */
    private static final class WaitEvents implements AutoCloseable {
        private final Map<String, Long> counts = new LinkedHashMap<>();
        private final AtomicBoolean stopped = new AtomicBoolean();
        private final Thread sampler;
        private long sessionSamples;

        private WaitEvents(ThrowawayDatabase database) {
            sampler = new Thread(() -> sample(database), "append-wait-events");
            sampler.setDaemon(true);
        }

        static WaitEvents start(ThrowawayDatabase database) {
            WaitEvents events = new WaitEvents(database);
            events.sampler.start();
            return events;
        }

        private void sample(ThrowawayDatabase database) {
            try (Connection connection = BenchmarkContext.connect(database);
                    PreparedStatement query = connection.prepareStatement("select state, wait_event_type, wait_event"
                            + " from pg_stat_activity where datname = current_database()"
                            + " and backend_type = 'client backend' and pid <> pg_backend_pid()")) {
                while (!stopped.get()) {
                    try (ResultSet sessions = query.executeQuery()) {
                        while (sessions.next()) {
                            String state = sessions.getString(1);
                            String waitType = sessions.getString(2);
                            String key = waitType == null
                                    ? ("active".equals(state) ? "CPU (running)" : state)
                                    : waitType + ":" + sessions.getString(3)
                                            + ("idle in transaction".equals(state) ? " (in transaction)" : "");
                            synchronized (this) {
                                counts.merge(key, 1L, Long::sum);
                                sessionSamples++;
                            }
                        }
                    }
                    BenchmarkApplication.pause(5);
                }
            } catch (SQLException e) {
                synchronized (this) {
                    counts.put("sampling failed: " + e.getClass().getSimpleName(), 0L);
                }
            }
        }

        /** Each state's share of all session samples, largest first. */
        synchronized Map<String, Double> shares() {
            return counts.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .collect(Collectors.toMap(
                            Map.Entry::getKey,
                            entry -> sessionSamples == 0 ? 0 : (double) entry.getValue() / sessionSamples,
                            (a, b) -> a,
                            LinkedHashMap::new));
        }

        @Override
        public void close() throws InterruptedException {
            stopped.set(true);
            sampler.join();
        }
    }

    private static String describe(Map<String, Double> shares) {
        return shares.entrySet().stream()
                .limit(8)
                .map(entry -> String.format(Locale.ROOT, "%s %.0f%%", entry.getKey(), entry.getValue() * 100))
                .collect(Collectors.joining(", "));
    }
}
