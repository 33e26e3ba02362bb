package se.integrationjourney.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;
import se.integrationjourney.api.security.AccountStore;
import se.integrationjourney.api.security.Role;
import se.integrationjourney.projections.runtime.ProjectionRunner;
import se.integrationjourney.projections.runtime.ProjectionStatus;

/**
 * What the outcome-query and caseload-under-load benchmarks share: the application started on the history with
 * its views caught up, benchmark accounts, an HTTP client signing every request with Basic credentials, a
 * profile of where the JVM spent its time (Java Flight Recorder, in this JVM) and PostgreSQL's plans.
 */
final class QueryBenchmarkSupport {

    /** The password of every benchmark account: not a secret, the database is thrown away after the run. */
    static final String PASSWORD = "benchmark account password";

    private static final Duration CATCH_UP_LIMIT = Duration.ofMinutes(60);

    private QueryBenchmarkSupport() {}

    /**
     * The application on the history database with every view caught up. When the views are not caught up at
     * start (not built yet: the loader writes straight into the event store with them stopped, though an earlier
     * benchmark may have built them; or their processors have not read their tokens yet), the live views catch up
     * now, and how long that took goes into the notes. {@code extra} are further command-line arguments.
     */
    static ConfigurableApplicationContext startCaughtUp(BenchmarkContext context, String benchmark, String... extra) {
        ConfigurableApplicationContext application = BenchmarkApplication.start(context.history(), extra);
        ProjectionRunner runner = application.getBean(ProjectionRunner.class);
        List<ProjectionStatus> atStart = runner.status();
        if (!atStart.stream().allMatch(ProjectionStatus::caughtUp)) {
            long behind = atStart.stream()
                    .mapToLong(s -> s.headPosition() - s.position())
                    .max()
                    .orElse(0);
            long started = System.nanoTime();
            CpuUsage cpu = CpuUsage.start();
            BenchmarkApplication.awaitCaughtUp(runner, CATCH_UP_LIMIT);
            // Right after the start the processors may not have read their tokens yet and report position 0:
            // "behind" is what they reported, an upper bound, not necessarily what they had to handle.
            context.note(
                    "%s: the views were not caught up when the application started (reported up to %,d events"
                            + " behind); the live views (application settings) caught up in %.1f s (%s)",
                    benchmark,
                    behind,
                    (System.nanoTime() - started) / 1e9,
                    cpu.stop().describe());
            vacuumViews(context, benchmark);
        }
        return application;
    }

    /**
     * Vacuums the freshly built view tables, as autovacuum would soon after: building a view rewrites each
     * journey's row about once per batch that touches it, leaving many dead row versions (and index entries)
     * that every query would otherwise wade through. The sizes before and after go into the notes.
     */
    private static void vacuumViews(BenchmarkContext context, String benchmark) {
        String sizes = "select pg_size_pretty(pg_total_relation_size('caseload')),"
                + " pg_size_pretty(pg_total_relation_size('outcome_facts'))";
        try (Connection connection = context.connect();
                java.sql.Statement statement = connection.createStatement()) {
            String before = sizesOf(statement, sizes);
            long started = System.nanoTime();
            statement.execute("vacuum analyze caseload");
            statement.execute("vacuum analyze outcome_facts");
            statement.execute("vacuum analyze journey_state");
            context.note(
                    "%s: vacuum analyze of the view tables took %.1f s; caseload and outcome_facts (with"
                            + " indexes and TOAST) before: %s, after: %s (a plain vacuum makes dead rows' space"
                            + " reusable, it does not shrink the files)",
                    benchmark, (System.nanoTime() - started) / 1e9, before, sizesOf(statement, sizes));
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("vacuuming the views failed", e);
        }
    }

    private static String sizesOf(java.sql.Statement statement, String sql) throws java.sql.SQLException {
        try (ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getString(1) + " and " + row.getString(2);
        }
    }

    static int port(ConfigurableApplicationContext application) {
        return Integer.parseInt(application.getEnvironment().getProperty("local.server.port"));
    }

    /** Creates the account in the application's own store (no-op if a benchmark of this run already did). */
    static void account(
            ConfigurableApplicationContext application, String username, Role role, String municipalityCode) {
        String hash = application.getBean(PasswordEncoder.class).encode(PASSWORD);
        application.getBean(AccountStore.class).create(username, hash, EnumSet.of(role), municipalityCode);
    }

    /** Milliseconds one check of {@link #PASSWORD} against its stored hash takes (median of a few). */
    static double passwordCheckMillis(ConfigurableApplicationContext application) {
        PasswordEncoder encoder = application.getBean(PasswordEncoder.class);
        String hash = encoder.encode(PASSWORD);
        Latencies checks = new Latencies();
        for (int i = 0; i < 12; i++) {
            long started = System.nanoTime();
            encoder.matches(PASSWORD, hash);
            checks.record(System.nanoTime() - started);
        }
        return checks.percentileMillis(50);
    }

    /** A signed-in HTTP client of the application: every request carries the account's Basic credentials. */
    static final class Client {

        private final HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        private final String base;

        Client(int port) {
            this.base = "http://127.0.0.1:" + port;
        }

        /**
         * GETs the path as the user; returns the body's length. A 503 (no database connection free within the
         * pool's wait) is {@link Unavailable}; anything else but 200 is a failure of the run.
         */
        int get(String username, String pathAndQuery) throws IOException, InterruptedException {
            String credentials =
                    Base64.getEncoder().encodeToString((username + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                    .header("Authorization", "Basic " + credentials)
                    .header("Accept", "application/json")
                    .timeout(Duration.ofSeconds(60))
                    .GET()
                    .build();
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() == 503) {
                throw new Unavailable("GET " + pathAndQuery + " answered 503");
            }
            if (response.statusCode() != 200) {
                // The path holds no personal data (filters and page numbers only); the body is not printed.
                throw new IllegalStateException("GET " + pathAndQuery + " answered " + response.statusCode());
            }
            return response.body().length;
        }

        /** POSTs the JSON as the user and returns the answer's {@code Location}; anything but 201 fails the run. */
        String postForLocation(String username, String path, String json) throws IOException, InterruptedException {
            String credentials =
                    Base64.getEncoder().encodeToString((username + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                    .header("Authorization", "Basic " + credentials)
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .timeout(Duration.ofSeconds(60))
                    .POST(HttpRequest.BodyPublishers.ofString(json))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                throw new IllegalStateException("POST " + path + " answered " + response.statusCode());
            }
            return URI.create(response.headers().firstValue("Location").orElseThrow())
                    .getPath();
        }
    }

    /** The service answered 503: it could not get a database connection in time, as it does under overload. */
    static final class Unavailable extends IllegalStateException {
        Unavailable(String message) {
            super(message);
        }
    }

    /** PostgreSQL's plan and timing of a statement, with buffer counts, as text lines. */
    static List<String> explain(Connection connection, String sql, Object... parameters) throws Exception {
        List<String> plan = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("explain (analyze, buffers) " + sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    plan.add(rows.getString(1));
                }
            }
        }
        return plan;
    }

    /**
     * Runs the work under Java Flight Recorder's "profile" settings (execution samples every 10–20 ms of every
     * thread running Java code in this JVM, the application's and the load generator's alike), writes the
     * recording to {@code <output>/<name>.jfr} and summarizes it. Threads waiting on a socket (for PostgreSQL,
     * for a response) are not sampled: what the database does shows in {@link CpuUsage} and in plans instead.
     */
    static <T> Profile profile(BenchmarkContext context, String name, Callable<T> work) throws Exception {
        Path file = context.output.resolve(name + ".jfr");
        try (Recording recording = startRecording()) {
            work.call();
            recording.stop();
            recording.dump(file);
        }
        return Profile.of(file, Instant.MIN, Instant.MAX);
    }

    /**
     * A Java Flight Recorder recording under the "profile" settings, started. Starting one makes the JVM instrument
     * and recompile the code its events watch (sockets, files, locks): measured in the caseload benchmark, the JIT
     * compilers then took a whole core for the next half minute. A recording that should not disturb what it
     * watches is therefore started before the warm-up, and windows are read out of it by time
     * ({@link Profile#of(Path, Instant, Instant)}).
     */
    static Recording startRecording() throws IOException, ParseException {
        Recording recording = new Recording(Configuration.getConfiguration("profile"));
        recording.start();
        return recording;
    }

    /**
     * Where the sampled JVM time went: per category, the share of samples whose innermost categorized frame
     * (nearest the running code) is of it, so the shares add up to 100%; the share with bcrypt anywhere on the
     * stack; and the methods most often on top of the stack (self time).
     */
    record Profile(Path file, int samples, int bcryptSamples, Map<String, Double> inclusive, Map<String, Double> self) {

        /** Categories by package (or class) prefix; a sample counts for the innermost frame that has one. */
        private static final Map<String, String> CATEGORIES = categories();

        /** The execution samples of the recording taken from {@code from} until {@code until}. */
        static Profile of(Path file, Instant from, Instant until) throws IOException {
            int samples = 0;
            int bcryptSamples = 0;
            Map<String, Integer> inclusiveCounts = new HashMap<>();
            Map<String, Integer> selfCounts = new HashMap<>();
            for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
                if (!event.getEventType().getName().equals("jdk.ExecutionSample")
                        || event.getStartTime().isBefore(from)
                        || event.getStartTime().isAfter(until)) {
                    continue;
                }
                RecordedStackTrace stack = event.getStackTrace();
                if (stack == null || stack.getFrames().isEmpty()) {
                    continue;
                }
                samples++;
                List<RecordedFrame> frames = stack.getFrames();
                selfCounts.merge(method(frames.get(0)), 1, Integer::sum);
                String innermost = "JDK and other";
                boolean bcrypt = false;
                for (int i = frames.size() - 1; i >= 0; i--) { // from the thread's start to the running frame
                    String type = frames.get(i).getMethod().getType().getName();
                    bcrypt |= type.startsWith("org.springframework.security.crypto.bcrypt");
                    for (Map.Entry<String, String> category : CATEGORIES.entrySet()) {
                        if (type.startsWith(category.getKey())) {
                            innermost = category.getValue();
                            break;
                        }
                    }
                }
                inclusiveCounts.merge(innermost, 1, Integer::sum);
                if (bcrypt) {
                    bcryptSamples++;
                }
            }
            return new Profile(
                    file, samples, bcryptSamples, shares(inclusiveCounts, samples, 12), shares(selfCounts, samples, 8));
        }

        String describe() {
            return String.format(
                    Locale.ROOT,
                    "%,d JFR execution samples (%s); by the innermost known code on the"
                            + " stack: %s; bcrypt anywhere on the stack: %.0f%%; top methods (self): %s",
                    samples,
                    file.getFileName(),
                    format(inclusive),
                    samples == 0 ? 0 : 100.0 * bcryptSamples / samples,
                    format(self));
        }

        private static String format(Map<String, Double> shares) {
            return shares.entrySet().stream()
                    .map(e -> String.format(Locale.ROOT, "%s %.0f%%", e.getKey(), e.getValue() * 100))
                    .collect(Collectors.joining(", "));
        }

        private static Map<String, Double> shares(Map<String, Integer> counts, int samples, int limit) {
            Map<String, Double> shares = new LinkedHashMap<>();
            counts.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()))
                    .limit(limit)
                    .forEach(e -> shares.put(e.getKey(), samples == 0 ? 0 : (double) e.getValue() / samples));
            return shares;
        }

        private static String method(RecordedFrame frame) {
            String type = frame.getMethod().getType().getName();
            return type.substring(type.lastIndexOf('.') + 1) + "."
                    + frame.getMethod().getName();
        }

        private static Map<String, String> categories() {
            Map<String, String> categories = new LinkedHashMap<>();
            categories.put("org.springframework.security.crypto.bcrypt", "bcrypt");
            categories.put("org.springframework.security", "Spring Security");
            categories.put("org.postgresql", "PostgreSQL JDBC driver");
            categories.put("com.zaxxer.hikari", "Hikari pool");
            categories.put("tools.jackson", "Jackson");
            categories.put("com.fasterxml.jackson", "Jackson");
            categories.put("org.apache.catalina", "Tomcat");
            categories.put("org.apache.coyote", "Tomcat");
            categories.put("org.apache.tomcat", "Tomcat");
            categories.put("org.springframework.web", "Spring MVC");
            categories.put("jdk.internal.net.http", "HTTP client (load generator)");
            categories.put("java.net.http", "HTTP client (load generator)");
            categories.put(
                    "se.integrationjourney.projections.casefile.CaseFileJson", "CaseFileJson (case file parsing)");
            categories.put("se.integrationjourney.projections.outcomes.OutcomeFacts", "OutcomeFacts (mapping)");
            categories.put("se.integrationjourney.projections.outcomes.OutcomeCalculator", "OutcomeCalculator");
            categories.put("se.integrationjourney.projections.outcomes.JourneyFacts", "JourneyFacts (rules)");
            categories.put("se.integrationjourney.projections.caseload", "caseload view (query, mapping)");
            categories.put("se.integrationjourney.core", "journey-core");
            categories.put("org.axonframework", "Axon");
            categories.put("java.time", "java.time");
            return categories;
        }
    }
}
