package se.integrationjourney.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import se.integrationjourney.projections.runtime.ProjectionRunner;
import se.integrationjourney.projections.runtime.ProjectionStatus;
import se.integrationjourney.projections.testsupport.ThrowawayDatabase;

/**
 * How fast the three views rebuild, over a grid of processor sizes (segments = threads, batch size), to choose
 * the defaults by measurement. Not part of {@code ./mvnw verify}; run it with
 * <pre>
 * flock /tmp/journey-build.lock ./mvnw -o -q -pl journey-benchmarks test -Dgroups=tuning -DexcludedGroups= \
 *     -Dtest=RebuildTuningBenchmark [-Dbenchmark.events=200000] [-Dbenchmark.runs=2] \
 *     [-Dbenchmark.grid=1x1,1x100,2x500,...] [-Dbenchmark.batch-one-budget-seconds=150] \
 *     [-Dbenchmark.views=caseload]
 * </pre>
 *
 * <p>It loads a {@link SyntheticHistory} of {@code benchmark.events} events once into a throwaway database, lets
 * the live views build it, then for each setting (in rounds, every other round in reverse order) starts the real
 * application on that database with the setting, asks all three views to rebuild at once and polls
 * {@link ProjectionRunner#status()} every 100 ms until every view has been rebuilt, swapped in and caught up. It
 * prints a table and writes it to {@code target/benchmark/rebuild-tuning.md} ({@code benchmark.views} rebuilds only
 * the views it names, into {@code rebuild-tuning-<views>.md}). Batch size 1 (Axon's default)
 * stops after a time budget and is extrapolated from the share it reached, clearly marked. Nothing is asserted
 * about timings: the machine is shared and noisy, so each setting runs several times and medians are reported.
 */
@Tag("tuning")
class RebuildTuningBenchmark {

    private static final int EVENTS = Integer.getInteger("benchmark.events", 200_000);
    private static final int RUNS = Integer.getInteger("benchmark.runs", 2);
    private static final long SEED = Long.getLong("benchmark.seed", 20_261_101L);
    private static final String GRID =
            System.getProperty("benchmark.grid", "1x1,1x100,1x500,1x2000,2x100,2x500,2x2000,4x100,4x500,4x2000");
    private static final Duration BATCH_ONE_BUDGET =
            Duration.ofSeconds(Long.getLong("benchmark.batch-one-budget-seconds", 150));
    private static final Duration RUN_LIMIT = Duration.ofMinutes(20);
    private static final long POLL_MILLIS = 100;
    /** The views and their tables (the tables' names are package-private constants of the projections). */
    private static final Map<String, String> TABLES =
            Map.of("journey-state", "journey_state", "caseload", "caseload", "outcomes", "outcome_facts");
    /** The views rebuilt in each run: all three at once unless {@code benchmark.views} names some. */
    private static final List<String> VIEWS = Arrays.stream(
                    System.getProperty("benchmark.views", "journey-state,caseload,outcomes")
                            .split(","))
            .map(String::trim)
            .toList();

    private static final String REBUILD_SUFFIX = "__rebuild";

    private static ThrowawayDatabase database;
    private final List<String> environment = new ArrayList<>();
    private final Path output = Path.of(System.getProperty("basedir", "."), "target", "benchmark");

    @BeforeAll
    static void database() {
        database = ThrowawayDatabase.named();
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        if (database != null) {
            database.destroy();
        }
    }

    @Test
    void rebuildAllViewsForEachSetting() throws Exception {
        Files.createDirectories(output);
        Files.writeString(output.resolve("top-snapshots.txt"), "", StandardCharsets.UTF_8);
        List<Setting> grid = Arrays.stream(GRID.split(","))
                .map(String::trim)
                .map(Setting::parse)
                .toList();
        load();

        Map<Setting, List<Run>> runs = new LinkedHashMap<>();
        grid.forEach(setting -> runs.put(setting, new ArrayList<>()));
        int total = grid.size() * RUNS;
        int done = 0;
        for (int round = 1; round <= RUNS; round++) {
            List<Setting> order = new ArrayList<>(grid);
            if (round % 2 == 0) {
                Collections.reverse(order); // against drift: a setting early in one round is late in the next
            }
            for (Setting setting : order) {
                Run run = measure(setting);
                runs.get(setting).add(run);
                done++;
                System.out.printf(
                        Locale.ROOT,
                        "[benchmark] %d/%d %s round %d: %s%n",
                        done,
                        total,
                        setting.label(),
                        round,
                        run.summary());
                write(report(runs));
            }
        }
        String report = report(runs);
        System.out.println(report);
        write(report);
        assertThat(runs.values()).allSatisfy(list -> assertThat(list).hasSize(RUNS));
    }

    // --- loading ----------------------------------------------------------------------------------------------

    /** Loads the history with the live views stopped, then lets them build it (with the default setting). */
    private void load() throws SQLException {
        environment.add("machine: " + Runtime.getRuntime().availableProcessors() + " cores, "
                + System.getProperty("java.vm.name") + " " + System.getProperty("java.version")
                + ", max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB");
        long generating = System.nanoTime();
        List<DomainEventMessage<?>> events = SyntheticHistory.events(SEED, EVENTS);
        long journeys = events.stream()
                .map(DomainEventMessage::getAggregateIdentifier)
                .distinct()
                .count();
        environment.add(String.format(
                Locale.ROOT,
                "history: %,d events of %,d journeys (seed %d), generated in" + " %.1f s",
                events.size(),
                journeys,
                SEED,
                seconds(System.nanoTime() - generating)));

        Setting defaults = new Setting(2, 500);
        try (ConfigurableApplicationContext context = start(
                defaults,
                "--spring.jpa.properties.hibernate.jdbc.batch_size=500",
                "--spring.jpa.properties.hibernate.order_inserts=true")) {
            ProjectionRunner runner = context.getBean(ProjectionRunner.class);
            runner.stop();
            long loading = EventStoreLoader.load(context, events);
            environment.add(String.format(
                    Locale.ROOT,
                    "load: %.1f s through EventStore.publish, %,d events per" + " transaction (%.0f events/s)",
                    seconds(loading),
                    EventStoreLoader.EVENTS_PER_TRANSACTION,
                    events.size() / seconds(loading)));
            events = null;
            CpuUsage cpu = CpuUsage.start();
            long building = System.nanoTime();
            runner.start();
            awaitCaughtUp(runner, RUN_LIMIT);
            double built = seconds(System.nanoTime() - building);
            environment.add(String.format(
                    Locale.ROOT,
                    "initial build by the live views (%s, from a stopped"
                            + " start): %.1f s, %.0f events/s per view; %s",
                    defaults.label(),
                    built,
                    EVENTS / built,
                    cpu.stop().describe()));
        }
        try (Connection connection = connect();
                Statement statement = connection.createStatement()) {
            statement.execute("vacuum analyze domain_event_entry");
            environment.add("postgres: " + settings(statement));
        }
        environment.forEach(line -> System.out.println("[benchmark] " + line));
    }

    // --- one measurement ----------------------------------------------------------------------------------

    private Run measure(Setting setting) throws Exception {
        long tokenUpdatesBefore = tokenUpdates();
        Map<String, Double> viewSeconds = new LinkedHashMap<>();
        Map<String, Double> progressAtStop = new LinkedHashMap<>();
        List<double[]> samples = new ArrayList<>();
        boolean capped = false;
        double wall;
        long head;
        CpuUsage.Result cpuResult;
        try (ConfigurableApplicationContext context = start(setting)) {
            ProjectionRunner runner = context.getBean(ProjectionRunner.class);
            awaitCaughtUp(runner, Duration.ofMinutes(2));
            head = runner.status().get(0).headPosition();
            CpuUsage cpu = CpuUsage.start();
            long started = System.nanoTime();
            VIEWS.forEach(view -> assertThat(runner.rebuild(view)).as(view).isTrue());
            int snapshots = 0;
            while (true) {
                Thread.sleep(POLL_MILLIS);
                List<ProjectionStatus> statuses = runner.status();
                double elapsed = seconds(System.nanoTime() - started);
                double slowest = 1.0;
                boolean allCaughtUp = true;
                for (ProjectionStatus status : statuses) {
                    assertThat(status.lastError())
                            .as("view %s failed", status.name())
                            .isNull();
                    boolean rebuilt = status.replaying() ? status.progress() >= 1.0 : status.caughtUp();
                    if (rebuilt && VIEWS.contains(status.name())) {
                        viewSeconds.putIfAbsent(status.name(), elapsed);
                    }
                    slowest = Math.min(slowest, status.replaying() || !status.caughtUp() ? status.progress() : 1.0);
                    allCaughtUp &= status.caughtUp();
                }
                samples.add(new double[] {elapsed, slowest});
                if (snapshots < 2 && elapsed >= (snapshots == 0 ? 5 : 20)) {
                    snapshots++;
                    topSnapshot(setting, elapsed);
                }
                if (allCaughtUp) {
                    wall = elapsed;
                    break;
                }
                if (setting.batchSize() == 1 && elapsed >= BATCH_ONE_BUDGET.toSeconds()) {
                    capped = true;
                    wall = elapsed;
                    statuses.stream()
                            .filter(status -> VIEWS.contains(status.name()))
                            .forEach(status -> progressAtStop.put(status.name(), status.progress()));
                    break;
                }
                if (elapsed > RUN_LIMIT.toSeconds()) {
                    throw new IllegalStateException(setting.label() + " did not finish in " + RUN_LIMIT);
                }
            }
            cpuResult = cpu.stop();
        }
        // Backends flush their table statistics when they exit, i.e. once the context has closed its pool.
        Thread.sleep(1000);
        long rowsWritten = rowsWritten(capped);
        long tokenUpdates = tokenUpdates() - tokenUpdatesBefore;
        return new Run(
                setting,
                head,
                wall,
                viewSeconds,
                capped,
                progressAtStop,
                cpuResult,
                rowsWritten,
                tokenUpdates,
                samples);
    }

    private ConfigurableApplicationContext start(Setting setting, String... extra) {
        List<String> arguments = new ArrayList<>(List.of(
                "--journey.projections.segments=" + setting.segments(),
                "--journey.projections.threads=" + setting.segments(),
                "--journey.projections.batch-size=" + setting.batchSize()));
        arguments.addAll(List.of(extra));
        return BenchmarkApplication.start(database, arguments.toArray(String[]::new));
    }

    private static void awaitCaughtUp(ProjectionRunner runner, Duration limit) {
        BenchmarkApplication.awaitCaughtUp(runner, limit);
    }

    // --- database statistics ------------------------------------------------------------------------------

    private Connection connect() throws SQLException {
        Properties credentials = new Properties();
        credentials.setProperty("user", database.user());
        if (!database.password().isEmpty()) {
            credentials.setProperty("password", database.password());
        }
        return DriverManager.getConnection(database.url(), credentials);
    }

    /** Token updates so far: one per committed batch and segment, plus claim extensions of idle segments. */
    private long tokenUpdates() throws SQLException {
        return statistic("select coalesce(sum(n_tup_upd), 0) from pg_stat_user_tables where relname = 'token_entry'");
    }

    /** Rows inserted or updated in the rebuilt tables: how many case files were written, batches merged. */
    private long rowsWritten(boolean capped) throws SQLException {
        String names = VIEWS.stream()
                .map(TABLES::get)
                .map(table -> "'" + table + (capped ? REBUILD_SUFFIX : "") + "'")
                .reduce((a, b) -> a + ", " + b)
                .orElseThrow();
        return statistic("select coalesce(sum(n_tup_ins + n_tup_upd), 0) from pg_stat_user_tables where relname in ("
                + names + ")");
    }

    private long statistic(String query) throws SQLException {
        try (Connection connection = connect();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(query)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static String settings(Statement statement) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet version = statement.executeQuery("show server_version")) {
            version.next();
            values.add("PostgreSQL " + version.getString(1));
        }
        for (String name :
                List.of("shared_buffers", "synchronous_commit", "fsync", "wal_level", "max_wal_size", "work_mem")) {
            try (ResultSet value = statement.executeQuery("show " + name)) {
                value.next();
                values.add(name + "=" + value.getString(1));
            }
        }
        return String.join(", ", values);
    }

    private void topSnapshot(Setting setting, double elapsed) {
        try {
            Process top = new ProcessBuilder("top", "-b", "-n", "1", "-w", "160")
                    .redirectErrorStream(true)
                    .start();
            List<String> lines;
            try (Stream<String> output = top.inputReader().lines()) {
                lines = output.limit(16).toList();
            }
            top.destroy();
            Files.writeString(
                    output.resolve("top-snapshots.txt"),
                    String.format(
                            Locale.ROOT,
                            "=== %s at %.0f s ===%n%s%n%n",
                            setting.label(),
                            elapsed,
                            String.join("\n", lines)),
                    StandardCharsets.UTF_8,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            // no top here: the /proc figures in the table still tell the story
        }
    }

    // --- the report ---------------------------------------------------------------------------------------

    private String report(Map<Setting, List<Run>> runs) {
        StringBuilder md = new StringBuilder();
        md.append("# View rebuild tuning: measured\n\n");
        md.append("Measured ")
                .append(LocalDateTime.now()
                        .format(DateTimeFormatter.ISO_LOCAL_DATE_TIME.withLocale(Locale.ROOT))
                        .substring(0, 16))
                .append(" by `RebuildTuningBenchmark`.\n\n");
        environment.forEach(line -> md.append("- ").append(line).append('\n'));
        md.append("\nEach run: a fresh application context on the same database with the setting, the views "
                + VIEWS + " rebuilt at once (`ProjectionRunner.rebuild`), wall time until every view has been rebuilt,"
                + " swapped in and caught up (status polled every 100 ms). Medians over the runs; "
                + "*events/s per view* = events / the view's own time to reach the head; *total* = views × events /"
                + " wall time. *Rows per event*: view rows written / (views × events) (a journey with several events in"
                + " one batch is written once). *Events per transaction*: views × events / token updates, a lower bound"
                + " (idle segments' claim extensions count too). CPU in average cores busy over the run (the"
                + " machine has " + Runtime.getRuntime().availableProcessors() + "); *other* is the rest of the"
                + " machine (e.g. someone else's build).\n\n");
        md.append("| segments = threads | batch size | runs | wall s (median) | total events/s | journey-state"
                + " ev/s | caseload ev/s | outcomes ev/s | rows per event | events per tx (≥) | JVM cores |"
                + " postgres cores | other cores | wall s of each run |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        runs.forEach((setting, list) -> {
            if (list.isEmpty()) {
                return;
            }
            boolean capped = list.stream().anyMatch(Run::capped);
            double wall = median(list.stream().map(Run::estimatedWall).toList());
            long head = list.get(0).head();
            md.append(String.format(
                    Locale.ROOT,
                    "| %d | %d | %d | %s | %s | %s | %s | %s | %.2f | %.0f | %.2f |" + " %.2f | %.2f | %s |%n",
                    setting.segments(),
                    setting.batchSize(),
                    list.size(),
                    (capped ? "**~" : "")
                            + String.format(Locale.ROOT, "%.1f", wall)
                            + (capped ? " (extrapolated)**" : ""),
                    (capped ? "~" : "") + String.format(Locale.ROOT, "%.0f", (double) VIEWS.size() * head / wall),
                    perView(list, "journey-state"),
                    perView(list, "caseload"),
                    perView(list, "outcomes"),
                    median(list.stream().map(Run::rowsPerEvent).toList()),
                    median(list.stream().map(Run::eventsPerTransaction).toList()),
                    median(list.stream().map(run -> run.cpu().jvmCores()).toList()),
                    median(list.stream().map(run -> run.cpu().postgresCores()).toList()),
                    median(list.stream().map(run -> run.cpu().otherCores()).toList()),
                    String.join(", ", list.stream().map(Run::wallDescription).toList())));
        });
        List<Run> cappedRuns =
                runs.values().stream().flatMap(List::stream).filter(Run::capped).toList();
        if (!cappedRuns.isEmpty()) {
            double share =
                    median(cappedRuns.stream().map(Run::slowestShareAtStop).toList());
            md.append(String.format(
                    Locale.ROOT,
                    "%nBatch size 1 stopped after %d s, having rebuilt %.0f%% of the"
                            + " store (slowest view); its full time is extrapolated at the rate it had. The early part of the"
                            + " store is cheaper (young journeys, small case files), so the extrapolation is optimistic. Like"
                            + " for like, the time every setting needed for that first %.0f%% (slowest view, median):%n%n",
                    BATCH_ONE_BUDGET.toSeconds(),
                    share * 100,
                    share * 100));
            md.append("| segments = threads | batch size | seconds to the same share |\n|---|---|---|\n");
            runs.forEach((setting, list) -> {
                if (!list.isEmpty()) {
                    md.append(String.format(
                            Locale.ROOT,
                            "| %d | %d | %.1f |%n",
                            setting.segments(),
                            setting.batchSize(),
                            median(list.stream()
                                    .map(run -> run.secondsTo(share))
                                    .toList())));
                }
            });
        }
        return md.toString();
    }

    private static String perView(List<Run> list, String view) {
        if (!VIEWS.contains(view)) {
            return "–";
        }
        boolean capped = list.stream().anyMatch(Run::capped);
        double rate = median(list.stream().map(run -> run.viewRate(view)).toList());
        return (capped ? "~" : "") + String.format(Locale.ROOT, "%.0f", rate);
    }

    private void write(String report) {
        try {
            String name = VIEWS.size() == TABLES.size()
                    ? "rebuild-tuning.md"
                    : "rebuild-tuning-" + String.join("-", VIEWS) + ".md";
            Files.writeString(output.resolve(name), report, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted =
                values.stream().filter(v -> !Double.isNaN(v)).sorted().toList();
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    // --- values -------------------------------------------------------------------------------------------

    record Setting(int segments, int batchSize) {

        static Setting parse(String text) {
            String[] parts = text.split("x");
            return new Setting(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
        }

        String label() {
            return segments + " segment(s) × batch " + batchSize;
        }
    }

    record Run(
            Setting setting,
            long head,
            double wall,
            Map<String, Double> viewSeconds,
            boolean capped,
            Map<String, Double> progressAtStop,
            CpuUsage.Result cpu,
            long rowsWritten,
            long tokenUpdates,
            List<double[]> samples) {

        /** The slowest view's share of the store at the stop (1 when the run finished). */
        double slowestShareAtStop() {
            return capped
                    ? progressAtStop.values().stream()
                            .mapToDouble(Double::doubleValue)
                            .min()
                            .orElse(0)
                    : 1.0;
        }

        /** Wall time, or for a capped run the time the slowest view would have needed at its rate. */
        double estimatedWall() {
            return capped ? wall / Math.max(1e-9, slowestShareAtStop()) : wall;
        }

        /** Events per second of one view: to its head, or as far as it got when capped. */
        double viewRate(String view) {
            if (capped) {
                return head * progressAtStop.getOrDefault(view, 0.0) / wall;
            }
            Double seconds = viewSeconds.get(view);
            return seconds == null ? Double.NaN : head / seconds;
        }

        double rowsPerEvent() {
            double handled = capped
                    ? head
                            * progressAtStop.values().stream()
                                    .mapToDouble(Double::doubleValue)
                                    .sum()
                    : (double) VIEWS.size() * head;
            return rowsWritten / handled;
        }

        double eventsPerTransaction() {
            double handled = capped
                    ? head
                            * progressAtStop.values().stream()
                                    .mapToDouble(Double::doubleValue)
                                    .sum()
                    : (double) VIEWS.size() * head;
            return tokenUpdates == 0 ? Double.NaN : handled / tokenUpdates;
        }

        /** Seconds until the slowest view had reached that share of the store. */
        double secondsTo(double share) {
            return samples.stream()
                    .filter(sample -> sample[1] >= share)
                    .mapToDouble(sample -> sample[0])
                    .findFirst()
                    .orElse(Double.NaN);
        }

        String wallDescription() {
            return capped
                    ? String.format(Locale.ROOT, "stopped at %.0f s (%.0f%%)", wall, slowestShareAtStop() * 100)
                    : String.format(Locale.ROOT, "%.1f", wall);
        }

        String summary() {
            return String.format(
                    Locale.ROOT,
                    "%s s wall, views %s, rows/event %.2f, events/tx %.0f, %s",
                    wallDescription(),
                    viewSeconds.isEmpty() ? progressAtStop : viewSeconds,
                    rowsPerEvent(),
                    eventsPerTransaction(),
                    cpu.describe());
        }
    }
}
