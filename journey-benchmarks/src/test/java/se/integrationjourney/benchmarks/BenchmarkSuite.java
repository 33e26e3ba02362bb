package se.integrationjourney.benchmarks;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.context.ConfigurableApplicationContext;
import se.integrationjourney.projections.runtime.ProjectionRunner;
import se.integrationjourney.projections.testsupport.ThrowawayDatabase;

/**
 * The benchmark suite of issue 6 (docs/benchmarks.md): one command, one table. Not part of {@code ./mvnw verify};
 * run it with
 * <pre>
 * ./mvnw -Pbenchmark verify [-Dbenchmark.events=1000000]
 *     [-Dbenchmark.only=rebuild,outcomes,caseload,caseload-page,append,append-protected,chain,two-nodes]
 * </pre>
 * It loads a {@link SyntheticHistory} of {@code benchmark.events} events into a throwaway database once (unless only
 * the append benchmarks, which bring their own empty stores, are asked for), runs the benchmarks in order (rebuild,
 * outcome queries, caseload under load, caseload page, append, append protected, the hash chain, two nodes), each
 * measuring its figures and a baseline in the same run, then prints the table and writes it to
 * {@code journey-benchmarks/target/benchmark/results.md}.
 * Nothing about timings is asserted: the machine is shared, so the ratios to the baselines carry the meaning.
 */
@Tag("benchmark")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BenchmarkSuite {

    private static final Set<String> ONLY = Arrays.stream(
                    System.getProperty("benchmark.only", "").split(","))
            .map(String::trim)
            .filter(name -> !name.isEmpty())
            .collect(Collectors.toSet());
    /** The benchmarks that bring their own empty stores and need no synthetic history loaded. */
    private static final Set<String> OWN_STORES = Set.of("append", AppendProtectedBenchmark.NAME);

    private ThrowawayDatabase history;
    private BenchmarkContext context;

    @BeforeAll
    void loadHistory() throws Exception {
        Path output = Path.of(System.getProperty("basedir", "."), "target", "benchmark");
        Files.createDirectories(output);
        history = ThrowawayDatabase.named();
        context = new BenchmarkContext(history, output);
        context.note(
                "machine: %d cores, %s %s, max heap %d MiB",
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name"),
                System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() / (1024 * 1024));
        context.note("machine: %s", MemoryMonitor.describe());
        if (!ONLY.isEmpty() && OWN_STORES.containsAll(ONLY)) {
            return; // the append benchmarks bring their own empty stores
        }
        long generating = System.nanoTime();
        List<DomainEventMessage<?>> events = SyntheticHistory.events(context.seed, context.events);
        long journeys = events.stream()
                .map(DomainEventMessage::getAggregateIdentifier)
                .distinct()
                .count();
        context.note(
                "history: %,d events of %,d journeys (seed %d), generated in %.1f s",
                events.size(), journeys, context.seed, (System.nanoTime() - generating) / 1e9);
        try (ConfigurableApplicationContext application = BenchmarkApplication.start(history)) {
            application.getBean(ProjectionRunner.class).stop();
            long loading = EventStoreLoader.load(application, events);
            context.note(
                    "history loaded in %.1f s straight into the event store (EventStore.publish, %,d events"
                            + " per transaction)",
                    loading / 1e9, EventStoreLoader.EVENTS_PER_TRANSACTION);
        }
        try (Connection connection = context.connect();
                Statement statement = connection.createStatement()) {
            // The views saw none of it: forget their (empty) tokens, as for a store loaded from elsewhere, so that
            // the next start builds them from the first event (ProjectionRunner: views that have never run).
            statement.execute("delete from token_entry");
            statement.execute("vacuum analyze domain_event_entry");
            try (ResultSet version = statement.executeQuery("show server_version")) {
                version.next();
                context.note("PostgreSQL %s on this machine", version.getString(1));
            }
        }
    }

    @Test
    @Order(1)
    void rebuild() throws Exception {
        run("rebuild", () -> RebuildBenchmark.run(context));
    }

    @Test
    @Order(2)
    void outcomeQueries() throws Exception {
        run("outcomes", () -> OutcomeQueryBenchmark.run(context));
    }

    @Test
    @Order(3)
    void caseloadUnderLoad() throws Exception {
        run("caseload", () -> CaseloadUnderLoadBenchmark.run(context));
    }

    @Test
    @Order(4)
    void caseloadPage() throws Exception {
        run(CaseloadPageBenchmark.NAME, () -> CaseloadPageBenchmark.run(context));
    }

    @Test
    @Order(5)
    void append() throws Exception {
        run("append", () -> AppendBenchmark.run(context));
    }

    @Test
    @Order(6)
    void appendProtected() throws Exception {
        run(AppendProtectedBenchmark.NAME, () -> AppendProtectedBenchmark.run(context));
    }

    @Test
    @Order(7)
    void chain() throws Exception {
        run(ChainBenchmark.NAME, () -> ChainBenchmark.run(context));
    }

    @Test
    @Order(8)
    void twoNodes() throws Exception {
        run(TwoNodesBenchmark.NAME, () -> TwoNodesBenchmark.run(context));
    }

    @AfterAll
    void writeReport() throws Exception {
        try {
            if (context != null) {
                String report = report();
                System.out.println(report);
                Files.writeString(context.output.resolve("results.md"), report, StandardCharsets.UTF_8);
            }
        } finally {
            if (history != null) {
                history.destroy();
            }
        }
    }

    private void run(String name, Measurement measurement) throws Exception {
        assumeTrue(ONLY.isEmpty() || ONLY.contains(name), "not in benchmark.only");
        context.add(measurement.run());
        Files.writeString(context.output.resolve("results.md"), report(), StandardCharsets.UTF_8);
    }

    private String report() {
        StringBuilder md = new StringBuilder("# Benchmark results\n\nMeasured ")
                .append(LocalDateTime.now().toString(), 0, 16)
                .append(" by `BenchmarkSuite`.\n\n")
                .append(Figure.markdownHeader())
                .append('\n');
        context.figures().forEach(figure -> md.append(figure.markdownRow()).append('\n'));
        md.append('\n');
        context.notes().forEach(note -> md.append("- ").append(note).append('\n'));
        return md.toString();
    }

    @FunctionalInterface
    private interface Measurement {
        List<Figure> run() throws Exception;
    }
}
