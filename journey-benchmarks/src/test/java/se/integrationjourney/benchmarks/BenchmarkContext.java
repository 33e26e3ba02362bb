package se.integrationjourney.benchmarks;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import se.integrationjourney.projections.testsupport.ThrowawayDatabase;

/**
 * What the benchmarks of one {@link BenchmarkSuite} run share: the settings, the database holding the synthetic
 * history (loaded once), the figures measured so far and notes on the environment for the report.
 */
final class BenchmarkContext {

    /** Events in the history the rebuild, outcome and caseload benchmarks run on ({@code benchmark.events}). */
    final int events = Integer.getInteger("benchmark.events", 1_000_000);
    /** The synthetic history's seed ({@code benchmark.seed}). */
    final long seed = Long.getLong("benchmark.seed", 20_261_101L);
    /** Where the report and any benchmark's own files go. */
    final Path output;

    private final ThrowawayDatabase history;
    private final List<Figure> figures = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    BenchmarkContext(ThrowawayDatabase history, Path output) {
        this.history = history;
        this.output = output;
    }

    /** The database holding the loaded synthetic history of {@link #events} events. */
    ThrowawayDatabase history() {
        return history;
    }

    /** A plain JDBC connection to the history's database (for baselines and statistics). */
    Connection connect() throws SQLException {
        return connect(history);
    }

    /** A plain JDBC connection to a benchmark's throwaway database. */
    static Connection connect(ThrowawayDatabase database) throws SQLException {
        Properties credentials = new Properties();
        credentials.setProperty("user", database.user());
        if (!database.password().isEmpty()) {
            credentials.setProperty("password", database.password());
        }
        return DriverManager.getConnection(database.url(), credentials);
    }

    void add(List<Figure> measured) {
        figures.addAll(measured);
    }

    List<Figure> figures() {
        return List.copyOf(figures);
    }

    /** A figure measured earlier in this run, e.g. as the baseline of a later one. */
    Optional<Figure> figure(String benchmark, String figure) {
        return figures.stream()
                .filter(f -> f.benchmark().equals(benchmark) && f.figure().equals(figure))
                .findFirst();
    }

    /** A line for the report's notes (environment, settings, what a figure includes). */
    void note(String format, Object... arguments) {
        String line = String.format(Locale.ROOT, format, arguments);
        notes.add(line);
        System.out.println("[benchmark] " + line);
    }

    List<String> notes() {
        return List.copyOf(notes);
    }
}
