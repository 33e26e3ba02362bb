package se.integrationjourney.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import se.integrationjourney.api.process.ServiceProcess;
import se.integrationjourney.api.testsupport.ApiClient;

/**
 * The access log's loss window under {@code kill -9}, measured (docs/adr/0018-access-log-written-behind.md,
 * docs/operations.md "The access log"). Not part of {@code ./mvnw verify}; run it by hand with
 * <pre>
 * flock /tmp/journey-build.lock ./mvnw -o -q -pl journey-benchmarks -am test -Dgroups=tuning -DexcludedGroups= \
 *     -Dtest=AccessLogLossWindowBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     [-Dbenchmark.runs=5] [-Dbenchmark.readers=4] [-Dbenchmark.intervals=50ms,200ms]
 * </pre>
 *
 * <p>Each run starts the service as a process of its own ({@link ServiceProcess}, the flush interval under test,
 * everything else as shipped), registers {@value #JOURNEYS} journeys and reads them from {@code benchmark.readers}
 * threads, each read with a correlation id of its own, as fast as the service answers. After a number of reads
 * answered (drawn at random, so that the kill falls anywhere in the writer's cycle; no timer is involved) the process
 * is killed with SIGKILL. The reads answered (200 received) whose correlation id is not in the access log are lost;
 * the age of the oldest of them at the kill is the loss window. The table goes to the console and to
 * {@code target/benchmark/access-log-loss-window.md}. Nothing is asserted about timings: the machine is shared.
 */
@Tag("tuning")
class AccessLogLossWindowBenchmark {

    private static final int RUNS = Integer.getInteger("benchmark.runs", 5);
    private static final int READERS = Integer.getInteger("benchmark.readers", 4);
    private static final List<String> INTERVALS = Arrays.stream(
                    System.getProperty("benchmark.intervals", "50ms").split(","))
            .map(String::strip)
            .toList();
    private static final int JOURNEYS = 20;
    /** Reads answered before the kill: at least this many (the JVM warmed up), plus up to as many again at random. */
    private static final int READS_BEFORE_KILL = Integer.getInteger("benchmark.reads-before-kill", 3000);

    private record Answered(String correlationId, long atNanos) {}

    private record Run(
            String interval, int run, int answered, double readsPerSecond, int lost, double windowMs, double newestMs) {

        String row() {
            return String.format(
                    Locale.ROOT,
                    "| %s | %d | %d | %.0f | %d | %.1f | %.1f |",
                    interval,
                    run,
                    answered,
                    readsPerSecond,
                    lost,
                    windowMs,
                    newestMs);
        }
    }

    @Test
    void measureTheReadsLostToKillNine() throws Exception {
        List<Run> runs = new ArrayList<>();
        for (String interval : INTERVALS) {
            for (int run = 1; run <= RUNS; run++) {
                runs.add(measure(interval, run));
                System.out.println("[benchmark] " + runs.get(runs.size() - 1).row());
            }
        }
        StringBuilder report = new StringBuilder()
                .append("Access log under kill -9: ")
                .append(READERS)
                .append(" readers, GET /api/journeys/{id} as fast as answered, killed after ")
                .append(READS_BEFORE_KILL)
                .append("–")
                .append(2 * READS_BEFORE_KILL)
                .append(" reads\n\n")
                .append("| flush interval | run | reads answered | reads/s | lost | oldest lost, ms before the kill"
                        + " | newest answered, ms before the kill |\n")
                .append("|---|---|---|---|---|---|---|\n");
        runs.forEach(run -> report.append(run.row()).append('\n'));
        System.out.println(report);
        Path output = Path.of("target", "benchmark");
        Files.createDirectories(output);
        Files.writeString(output.resolve("access-log-loss-window.md"), report, StandardCharsets.UTF_8);
    }

    private Run measure(String interval, int run) throws Exception {
        try (ServiceProcess service = ServiceProcess.start("--journey.access-log.flush-interval=" + interval)) {
            ApiClient admin = service.admin();
            List<String> journeys = new ArrayList<>();
            for (int i = 0; i < JOURNEYS; i++) {
                ApiClient.Response created = admin.post("/api/journeys", registration(i));
                assertThat(created.status()).as(created.body()).isEqualTo(201);
                journeys.add(created.json().path("journeyId").asString());
            }
            assertThat(admin.get("/api/journeys/" + journeys.get(JOURNEYS - 1)).status())
                    .as("the views have the journeys")
                    .isEqualTo(200);

            Map<String, Answered> answered = new ConcurrentHashMap<>();
            AtomicLong count = new AtomicLong();
            AtomicBoolean killed = new AtomicBoolean();
            long killAfter = READS_BEFORE_KILL + ThreadLocalRandom.current().nextInt(READS_BEFORE_KILL);
            List<Thread> readers = new ArrayList<>();
            Object enough = new Object();
            long started = System.nanoTime();
            for (int reader = 0; reader < READERS; reader++) {
                int id = reader;
                Thread thread = new Thread(
                        () -> {
                            for (long n = 0; !killed.get(); n++) {
                                String correlationId = "r" + run + "-" + id + "-" + n;
                                ApiClient.Response read;
                                try {
                                    read = admin.with("X-Correlation-Id", correlationId)
                                            .get("/api/journeys/" + journeys.get((int) (n % JOURNEYS)));
                                } catch (IllegalStateException connectionLost) {
                                    return; // killed while the request was under way: not answered
                                }
                                if (read.status() == 200) {
                                    answered.put(correlationId, new Answered(correlationId, System.nanoTime()));
                                    if (count.incrementAndGet() == killAfter) {
                                        synchronized (enough) {
                                            enough.notifyAll();
                                        }
                                    }
                                }
                            }
                        },
                        "reader-" + reader);
                readers.add(thread);
                thread.start();
            }
            synchronized (enough) {
                while (count.get() < killAfter) {
                    enough.wait();
                }
            }
            long killAt = System.nanoTime();
            killed.set(true);
            service.kill();
            for (Thread reader : readers) {
                reader.join();
            }
            Set<String> logged = loggedReads(service);
            List<Answered> lost = answered.values().stream()
                    .filter(read -> !logged.contains(read.correlationId()))
                    .toList();
            double windowMs = lost.stream()
                            .mapToLong(read -> killAt - read.atNanos())
                            .max()
                            .orElse(0)
                    / 1e6;
            double newestMs = answered.values().stream()
                            .mapToLong(read -> killAt - read.atNanos())
                            .min()
                            .orElse(0)
                    / 1e6;
            double seconds = (killAt - started) / 1e9;
            return new Run(interval, run, answered.size(), answered.size() / seconds, lost.size(), windowMs, newestMs);
        }
    }

    private static Set<String> loggedReads(ServiceProcess service) throws Exception {
        try (Connection connection = service.connection();
                PreparedStatement select = connection.prepareStatement(
                        "select correlation_id from access_log where action = 'JOURNEY_READ'");
                ResultSet rows = select.executeQuery()) {
            Set<String> ids = new HashSet<>();
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
            return ids;
        }
    }

    private static Map<String, Object> registration(int i) {
        return Map.of(
                "municipalityCode", "1473",
                "arrivalDate", "2024-01-10",
                "receptionType", "ASSIGNED",
                "birthYear", 1990,
                "gender", i % 2 == 0 ? "FEMALE" : "MALE",
                "countryOfBirth", "SY",
                "educationLevel", "SECONDARY",
                "personalDetails", Map.of("fullName", "Läsare Nummer" + i));
    }
}
