package se.integrationjourney.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import se.integrationjourney.projections.runtime.ProjectionRunner;
import se.integrationjourney.projections.runtime.ProjectionStatus;

/**
 * Full rebuild of every view from the history ({@code benchmark.events}, 1 million by default), against two baselines
 * measured in the same run on the same events:
 * <ul>
 *   <li>the views rebuilt the way Axon runs event handlers out of the box: one processor per view with one
 *   segment and thread, batch size 1 (a transaction and token update per event), 100 events per event-store
 *   query, and the views' live handlers (each batch reads and writes its journey's case file), i.e. without this
 *   project's in-memory, one-pass rebuild (ADR 0006). Stopped after {@code benchmark.rebuild.axon-budget-seconds}
 *   and extrapolated from the share of the store the slowest view had rebuilt (clearly marked: it would take far
 *   longer than the suite should);</li>
 *   <li>{@link HandWrittenReplay}, a hand-written JDBC read-deserialize-upsert loop.</li>
 * </ul>
 * A rebuild is timed from asking for every view's rebuild ({@link ProjectionRunner#rebuildAll}, as
 * {@code POST /api/admin/projections/rebuild} does) until every view has swapped its rebuilt tables in and its live
 * processor has caught up again: what an operator waits for.
 */
final class RebuildBenchmark {

    static final String NAME = "rebuild, 3 views";
    private static final int RUNS = Integer.getInteger("benchmark.rebuild.runs", 2);
    private static final Duration AXON_BUDGET =
            Duration.ofSeconds(Long.getLong("benchmark.rebuild.axon-budget-seconds", 60));
    private static final Duration RUN_LIMIT = Duration.ofMinutes(30);
    /** The journey-keyed views and their tables (the table names are the projections' package constants). */
    static final Map<String, String> VIEW_TABLES =
            Map.of("journey-state", "journey_state", "caseload", "caseload", "outcomes", "outcome_facts");

    private RebuildBenchmark() {}

    static List<Figure> run(BenchmarkContext context) throws Exception {
        List<Double> ours = new ArrayList<>();
        List<Double> handWritten = new ArrayList<>();
        long head;
        try (ConfigurableApplicationContext application = BenchmarkApplication.start(context.history())) {
            ProjectionRunner runner = application.getBean(ProjectionRunner.class);
            long building = System.nanoTime();
            BenchmarkApplication.awaitCaughtUp(runner, RUN_LIMIT);
            context.note(
                    "views built or caught up at start in %.1f s (a view that has never run is built as a"
                            + " rebuild)",
                    (System.nanoTime() - building) / 1e9);
            head = runner.status().get(0).headPosition();
            for (int run = 1; run <= RUNS; run++) {
                // alternate, against drift on a shared machine
                if (run % 2 == 1) {
                    ours.add(rebuildSeconds(runner, RUN_LIMIT).seconds());
                    handWritten.add(handWrittenSeconds(application));
                } else {
                    handWritten.add(handWrittenSeconds(application));
                    ours.add(rebuildSeconds(runner, RUN_LIMIT).seconds());
                }
                System.out.printf(
                        "[benchmark] rebuild run %d: ours %.1f s, hand-written %.1f s%n",
                        run, ours.get(ours.size() - 1), handWritten.get(handWritten.size() - 1));
            }
        }
        double axonSeconds;
        try (ConfigurableApplicationContext application = BenchmarkApplication.start(
                context.history(),
                "--journey.projections.segments=1",
                "--journey.projections.threads=1",
                "--journey.projections.batch-size=1",
                "--journey.event-store.read-batch-size=100",
                "--journey.projections.rebuild-retained-journeys=0")) {
            ProjectionRunner runner = application.getBean(ProjectionRunner.class);
            Timed axon = rebuildSeconds(runner, AXON_BUDGET);
            axonSeconds = axon.seconds() / axon.share();
            context.note(
                    "Axon out-of-the-box baseline: stopped after %.0f s having rebuilt %.1f%% of the store"
                            + " (slowest view); its full time, %.0f s, is extrapolated at that rate",
                    axon.seconds(), axon.share() * 100, axonSeconds);
        }
        double oursMedian = median(ours);
        double handWrittenMedian = median(handWritten);
        context.note(
                "rebuild: %,d events, all three views at once, median of %d runs: ours %s s, hand-written"
                        + " JDBC loop %s s",
                head, RUNS, ours, handWritten);
        double rate = head / oursMedian;
        return List.of(
                new Figure(
                        NAME,
                        "seconds for all events",
                        oursMedian,
                        "",
                        Double.NaN,
                        "< 30 s (1M events)",
                        head >= 1_000_000 ? oursMedian < 30 : null),
                new Figure(
                        NAME,
                        "events/s",
                        rate,
                        "Axon out-of-the-box settings (extrapolated)",
                        head / axonSeconds,
                        "≥ 30×",
                        rate / (head / axonSeconds) >= 30),
                new Figure(
                        NAME,
                        "events/s",
                        rate,
                        "hand-written JDBC loop",
                        head / handWrittenMedian,
                        "≥ 0.5×",
                        rate / (head / handWrittenMedian) >= 0.5));
    }

    /**
     * Rebuilds every view at once and waits until all have swapped in and caught up, or until {@code budget}
     * has passed; returns the seconds and the share of the store the slowest view had reached.
     */
    private static Timed rebuildSeconds(ProjectionRunner runner, Duration budget) {
        BenchmarkApplication.awaitCaughtUp(runner, RUN_LIMIT);
        long started = System.nanoTime();
        assertThat(runner.rebuildAll()).containsExactlyInAnyOrderElementsOf(runner.names());
        while (true) {
            BenchmarkApplication.pause(100);
            List<ProjectionStatus> statuses = runner.status();
            double elapsed = (System.nanoTime() - started) / 1e9;
            statuses.forEach(
                    status -> assertThat(status.lastError()).as(status.name()).isNull());
            if (statuses.stream().allMatch(status -> !status.replaying() && status.caughtUp())) {
                return new Timed(elapsed, 1.0);
            }
            if (elapsed >= budget.toSeconds()) {
                return new Timed(
                        elapsed,
                        statuses.stream()
                                .mapToDouble(ProjectionStatus::progress)
                                .min()
                                .orElse(0));
            }
        }
    }

    private static double handWrittenSeconds(ConfigurableApplicationContext application) throws Exception {
        HandWrittenReplay.Result result = HandWrittenReplay.run(application, VIEW_TABLES);
        return result.nanos() / 1e9;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private record Timed(double seconds, double share) {}
}
