package se.integrationjourney.benchmarks;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Recording;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import se.integrationjourney.api.security.Role;
import se.integrationjourney.projections.caseload.CaseloadQueries;
import se.integrationjourney.projections.caseload.GetCaseload;
import se.integrationjourney.projections.runtime.ProjectionRunner;
import se.integrationjourney.projections.runtime.ProjectionStatus;

/**
 * The caseworkers' caseload ({@code GET /api/caseload}) read by 50 caseworkers at once, ten in each of the five
 * municipalities, while new journeys are recorded through the command side (docs/benchmarks.md).
 *
 * <p>Each reader signs in as its own caseworker account and asks what a caseworker asks (docs/api.md): the first
 * page of their municipality's caseload, only what is due, one caseworker's journeys, later pages, other page
 * sizes; a deterministic mix per reader. Readers are closed loops: a reader sends its next request when the last
 * one was answered, after a think time. Two loads are measured:
 * <ul>
 *   <li><b>paced</b>: each reader thinks for an exponentially distributed time of mean
 *       {@code benchmark.caseload.think-millis} (default 1,000 ms) between requests, about 50 requests per
 *       second in all: 50 caseworkers working, the target load;</li>
 *   <li><b>saturated</b>: no think time: 50 requests always in flight, which measures throughput; by Little's law
 *       its latency is 50 / throughput, whatever the query does.</li>
 * </ul>
 * Both run over HTTP (what a caseworker waits for: HTTP, Basic authentication, the query, JSON) and in-process,
 * from 50 threads calling the {@link CaseloadQueries} bean (the query and its mapping alone), so the table shows
 * where the time goes. The appends are {@link CommandSideLoader} workers ({@code benchmark.caseload.append-threads},
 * default 2) recording journeys of another seed than the history's, so their ids are new, at
 * {@code benchmark.caseload.append-rate} events a second in all (default 100, far above what a whole country's
 * caseworkers record; 0 = as fast as they can, which fills whatever CPU the readers leave, so that the readers'
 * latency then measures a saturated machine). The rate they reach in each measurement window is read from the
 * event store's global index.
 *
 * <p>The windows under appends follow an unmeasured warm-up under the same load, until the JIT compilers are nearly
 * idle ({@link #warmUp}). Baselines, measured in the same run after the appends stopped and the views caught up:
 * one reader alone, no think time, no appends, over HTTP and in-process. One Java Flight Recorder recording runs from
 * before the warm-up to the end ({@code caseload.jfr}, see {@link QueryBenchmarkSupport#startRecording} for why),
 * each request slower than {@link #SLOW_MILLIS} in it as a {@link SlowRequest} event; none with
 * {@code -Dbenchmark.caseload.recording=false} (a diagnostic run: does the recording itself change the tail?).
 */
final class CaseloadUnderLoadBenchmark {

    static final String NAME = "caseload";
    static final int READERS = 50;
    private static final int READERS_PER_MUNICIPALITY = READERS / SyntheticHistory.MUNICIPALITY_CODES.size();
    private static final long WINDOW_MILLIS = Long.getLong("benchmark.caseload.seconds", 20) * 1000;
    static final long THINK_MILLIS = Long.getLong("benchmark.caseload.think-millis", 1000);
    /** Whether the flight recording runs (default); off for a diagnostic run that must not be watched. */
    private static final boolean RECORDING =
            Boolean.parseBoolean(System.getProperty("benchmark.caseload.recording", "true"));
    /** At most this long warming up before the windows under appends (see {@link #warmUp}). */
    private static final long WARM_UP_SECONDS = Long.getLong("benchmark.caseload.warmup.seconds", 240);

    private static final int APPEND_THREADS = Integer.getInteger("benchmark.caseload.append-threads", 2);
    /** Events a second the appends send over all their threads; 0 sends as fast as they can. */
    private static final double APPEND_RATE =
            Double.parseDouble(System.getProperty("benchmark.caseload.append-rate", "100"));
    /** Journeys queued for the appends: more than any window can record, the loader is stopped at the end. */
    private static final int APPEND_JOURNEYS = Integer.getInteger("benchmark.caseload.append-journeys", 20_000);

    private static final double TARGET_P99_MILLIS = 20;
    /** Requests slower than this are recorded in flight recordings as {@link SlowRequest} events. */
    private static final long SLOW_MILLIS = 10;
    /** Caseworker ids of the synthetic history: {@code handlaggare-<municipality>-<0..11>}. */
    private static final int CASEWORKERS_PER_MUNICIPALITY = 12;

    private CaseloadUnderLoadBenchmark() {}

    /** One caseload request, as its query parameters. */
    record Request(String caseworkerId, String municipalityCode, boolean dueOnly, int page, int size) {

        /** The path a caseworker asks; the municipality is left to its default (their own) half of the time. */
        String path(boolean explicitMunicipality) {
            StringBuilder path = new StringBuilder("/api/caseload?page=")
                    .append(page)
                    .append("&size=")
                    .append(size);
            if (dueOnly) {
                path.append("&dueOnly=true");
            }
            if (caseworkerId != null) {
                path.append("&caseworkerId=").append(caseworkerId);
            }
            if (explicitMunicipality) {
                path.append("&municipalityCode=").append(municipalityCode);
            }
            return path.toString();
        }

        GetCaseload query() {
            return new GetCaseload(caseworkerId, municipalityCode, dueOnly, page, size);
        }
    }

    /** One reader's way of asking: over HTTP as its account, or straight through the query bean. */
    @FunctionalInterface
    interface Reader {
        void read(int reader, Request request, Random random) throws Exception;
    }

    /**
     * A request slower than {@link #SLOW_MILLIS}, in a flight recording, so that it can be laid beside what else the
     * JVM did then (GC pauses, waits for a connection or for PostgreSQL): {@code jfr print --events SlowCaseloadRequest}.
     */
    @Name(SlowRequest.NAME)
    @Label("Slow caseload request")
    static final class SlowRequest extends Event {
        static final String NAME = "se.integrationjourney.benchmark.SlowCaseloadRequest";

        @Label("Reader")
        int reader;

        @Label("Page")
        int page;

        @Label("Page size")
        int size;

        @Label("Due only")
        boolean dueOnly;

        @Label("One caseworker's journeys")
        boolean caseworker;
    }

    /** What a measurement window gave. */
    record Window(
            Latencies latencies,
            long refused,
            Instant from,
            Instant until,
            double seconds,
            double appendsPerSecond,
            CpuUsage.Result cpu) {

        double requestsPerSecond() {
            return latencies.count() / seconds;
        }

        String describe() {
            return String.format(
                    Locale.ROOT,
                    "%,d requests, %.0f requests/s, p50 %.1f ms, p99 %.1f ms, max %.0f ms,"
                            + " appends %.0f events/s%s; %s",
                    latencies.count(),
                    requestsPerSecond(),
                    latencies.percentileMillis(50),
                    latencies.percentileMillis(99),
                    latencies.maxMillis(),
                    appendsPerSecond,
                    refused == 0
                            ? ""
                            : String.format(
                                    Locale.ROOT,
                                    "; %,d more refused for want of a database connection within the pool's wait"
                                            + " (503 over HTTP), not in the latencies",
                                    refused),
                    cpu.describe());
        }
    }

    static List<Figure> run(BenchmarkContext context) throws Exception {
        List<Figure> figures = new ArrayList<>();
        Window withCache;
        try (ConfigurableApplicationContext application = QueryBenchmarkSupport.startCaughtUp(context, NAME);
                Connection jdbc = context.connect()) {
            createAccounts(application);
            QueryBenchmarkSupport.Client client =
                    new QueryBenchmarkSupport.Client(QueryBenchmarkSupport.port(application));
            CaseloadQueries caseloads = application.getBean(CaseloadQueries.class);
            Reader overHttp = overHttp(client);
            Reader inProcess = (reader, request, random) -> caseloads.handle(request.query());
            context.note(
                    "caseload: open journeys per municipality (of all registered): %s; 50 readers, 10 per"
                            + " municipality, each its own caseworker account; the application's connection pool: %s",
                    caseloadSizes(jdbc), poolSize(application));

            double passwordCheck = QueryBenchmarkSupport.passwordCheckMillis(application);
            context.note(
                    "caseload: one check of a Basic password against its bcrypt hash takes %.1f ms in this JVM"
                            + " (PasswordEncoder.matches, median of 12)",
                    passwordCheck);

            CommandSideLoader loader = new CommandSideLoader(application, APPEND_RATE);
            List<SyntheticHistory.JourneyHistory> newJourneys =
                    SyntheticHistory.journeys(context.seed + 1, APPEND_JOURNEYS);
            AtomicReference<Object> appendOutcome = new AtomicReference<>();
            Thread appends = new Thread(
                    () -> {
                        try {
                            appendOutcome.set(loader.load(newJourneys, APPEND_THREADS));
                        } catch (RuntimeException e) {
                            appendOutcome.set(e);
                        }
                    },
                    "caseload-benchmark-appends");
            Path recordingFile = context.output.resolve("caseload.jfr");
            Window pacedHttp;
            Window saturatedHttp;
            Window pacedInProcess;
            Window saturatedInProcess;
            Window aloneHttp;
            Window aloneInProcess;
            long appendsStarted;
            // A null resource is allowed: without a recording (a diagnostic run) nothing is recorded or profiled.
            try (Recording recording = RECORDING ? QueryBenchmarkSupport.startRecording() : null) {
                appendsStarted = System.nanoTime();
                appends.start();
                try {
                    warmUp(context, overHttp, inProcess, jdbc);
                    pacedHttp = measure(READERS, WINDOW_MILLIS, THINK_MILLIS, overHttp, jdbc);
                    saturatedHttp = measure(READERS, WINDOW_MILLIS, 0, overHttp, jdbc);
                    pacedInProcess = measure(READERS, WINDOW_MILLIS, THINK_MILLIS, inProcess, jdbc);
                    saturatedInProcess = measure(READERS, WINDOW_MILLIS, 0, inProcess, jdbc);
                } finally {
                    loader.stop();
                    appends.join();
                }
                // The baselines: one reader, no appends, once the views have caught up with what the appends left.
                BenchmarkApplication.awaitCaughtUp(application.getBean(ProjectionRunner.class), Duration.ofMinutes(30));
                aloneHttp = measure(1, WINDOW_MILLIS / 2, 0, overHttp, jdbc);
                aloneInProcess = measure(1, WINDOW_MILLIS / 2, 0, inProcess, jdbc);
                if (recording != null) {
                    recording.stop();
                    recording.dump(recordingFile);
                }
            }
            double appendSeconds = (System.nanoTime() - appendsStarted) / 1e9;
            if (appendOutcome.get() instanceof RuntimeException failure) {
                throw failure;
            }
            CommandSideLoader.LoadResult appended = (CommandSideLoader.LoadResult) appendOutcome.get();
            ProjectionStatus caseloadView = application.getBean(ProjectionRunner.class).status().stream()
                    .filter(status -> status.name().equals(NAME))
                    .findFirst()
                    .orElseThrow();
            context.note("caseload baseline, 1 reader over HTTP, no appends: %s", aloneHttp.describe());
            context.note("caseload baseline, 1 reader in-process, no appends: %s", aloneInProcess.describe());
            context.note(
                    "caseload: appends through the command side (%d threads, one event per command, %s): %,d events"
                            + " in %.0f s, %.0f events/s, command p50 %.1f ms, p99 %.1f ms; when they stopped the"
                            + " caseload view was %,d events behind the store",
                    APPEND_THREADS,
                    APPEND_RATE > 0 ? String.format(Locale.ROOT, "paced at %.0f events/s", APPEND_RATE) : "unpaced",
                    appended.events(),
                    appendSeconds,
                    appended.events() / appendSeconds,
                    appended.latencies().percentileMillis(50),
                    appended.latencies().percentileMillis(99),
                    caseloadView.headPosition() - caseloadView.position());
            context.note(
                    "caseload, 50 readers over HTTP, think time ~%d ms, during appends: %s",
                    THINK_MILLIS, pacedHttp.describe());
            context.note("caseload, 50 readers over HTTP, no think time, during appends: %s", saturatedHttp.describe());
            context.note(
                    "caseload, 50 readers in-process, think time ~%d ms, during appends: %s",
                    THINK_MILLIS, pacedInProcess.describe());
            context.note(
                    "caseload, 50 readers in-process, no think time, during appends: %s",
                    saturatedInProcess.describe());
            if (RECORDING) {
                context.note(
                        "caseload: one flight recording from before the warm-up to the end (%s; requests slower"
                                + " than %d ms are in it as %s events); of the JVM during 50 HTTP readers without think time"
                                + " and the appends: %s",
                        recordingFile.getFileName(),
                        SLOW_MILLIS,
                        SlowRequest.NAME,
                        QueryBenchmarkSupport.Profile.of(recordingFile, saturatedHttp.from(), saturatedHttp.until())
                                .describe());
                context.note(
                        "caseload, profile of the JVM during 50 paced in-process readers and the appends: %s",
                        QueryBenchmarkSupport.Profile.of(recordingFile, pacedInProcess.from(), pacedInProcess.until())
                                .describe());
            } else {
                context.note("caseload: no flight recording in this run (benchmark.caseload.recording=false)");
            }
            explainLargestFirstPage(context, application, jdbc);

            String httpBaseline = "1 reader, HTTP, no appends";
            String inProcessBaseline = "1 reader, in-process, no appends";
            figures.addAll(latencyFigures(
                    "caseload: 50 readers, HTTP, think ~" + THINK_MILLIS + " ms, appends " + rate(pacedHttp),
                    pacedHttp,
                    httpBaseline,
                    aloneHttp,
                    true));
            figures.addAll(latencyFigures(
                    "caseload: 50 readers, HTTP, no think time, appends " + rate(saturatedHttp),
                    saturatedHttp,
                    httpBaseline,
                    aloneHttp,
                    false));
            figures.add(new Figure(
                    "caseload: 50 readers, HTTP, no think time, appends " + rate(saturatedHttp),
                    "requests/s",
                    saturatedHttp.requestsPerSecond(),
                    httpBaseline,
                    aloneHttp.requestsPerSecond(),
                    "",
                    null));
            figures.addAll(latencyFigures(
                    "caseload: 50 readers, in-process, think ~" + THINK_MILLIS + " ms, appends " + rate(pacedInProcess),
                    pacedInProcess,
                    inProcessBaseline,
                    aloneInProcess,
                    false));
            figures.addAll(latencyFigures(
                    "caseload: 50 readers, in-process, no think time, appends " + rate(saturatedInProcess),
                    saturatedInProcess,
                    inProcessBaseline,
                    aloneInProcess,
                    false));
            figures.add(new Figure(
                    "caseload: 50 readers, in-process, no think time, appends " + rate(saturatedInProcess),
                    "requests/s",
                    saturatedInProcess.requestsPerSecond(),
                    inProcessBaseline,
                    aloneInProcess.requestsPerSecond(),
                    "",
                    null));
            withCache = aloneHttp;
        }
        figures.addAll(withoutCredentialsCache(context, withCache));
        return figures;
    }

    /**
     * The same reads with the application's cache of verified Basic credentials turned off, so that bcrypt runs
     * on every request (what the service did before the cache): one reader, and 50 paced readers, no appends.
     */
    private static List<Figure> withoutCredentialsCache(BenchmarkContext context, Window withCache) throws Exception {
        try (ConfigurableApplicationContext application =
                        BenchmarkApplication.start(context.history(), "--journey.security.verified-credentials-ttl=0");
                Connection jdbc = context.connect()) {
            // The views catch up on what the appends left behind before anything is timed.
            BenchmarkApplication.awaitCaughtUp(application.getBean(ProjectionRunner.class), Duration.ofMinutes(30));
            QueryBenchmarkSupport.Client client =
                    new QueryBenchmarkSupport.Client(QueryBenchmarkSupport.port(application));
            Reader overHttp = overHttp(client);
            measure(READERS, 3_000, 0, overHttp, jdbc);
            Window alone = measure(1, WINDOW_MILLIS / 2, 0, overHttp, jdbc);
            Window paced = measure(READERS, WINDOW_MILLIS, THINK_MILLIS, overHttp, jdbc);
            context.note(
                    "caseload, credentials cache off (bcrypt on every request), 1 reader over HTTP, no appends:"
                            + " %s",
                    alone.describe());
            context.note(
                    "caseload, credentials cache off, 50 readers over HTTP, think time ~%d ms, no appends: %s",
                    THINK_MILLIS, paced.describe());
            String benchmark = "caseload: credentials cache off (bcrypt per request), ";
            String baseline = "1 reader, HTTP, no appends, cache on";
            return List.of(
                    new Figure(
                            benchmark + "1 reader, HTTP, no appends",
                            "p50 ms",
                            alone.latencies().percentileMillis(50),
                            baseline,
                            withCache.latencies().percentileMillis(50),
                            "",
                            null),
                    new Figure(
                            benchmark + "50 readers, HTTP, think ~" + THINK_MILLIS + " ms, no appends",
                            "p99 ms",
                            paced.latencies().percentileMillis(99),
                            baseline,
                            withCache.latencies().percentileMillis(99),
                            "",
                            null));
        }
    }

    /**
     * Readers of every kind (over HTTP and in-process, paced and not) while the appends run, unmeasured, until the
     * JIT compilers are nearly idle: measured earlier, C2 compiled for most of a core through the measured windows
     * (the JDBC driver, Spring, Axon, Jackson, recompiled as each window took new paths), and what the windows showed
     * was the compiler's share of two cores as much as the service. Rounds of 4 × 5 s, until one compiled for less
     * than a tenth of a core, at most {@code benchmark.caseload.warmup.seconds}.
     */
    private static void warmUp(BenchmarkContext context, Reader overHttp, Reader inProcess, Connection jdbc)
            throws Exception {
        BenchmarkApplication.pause(2_000); // the appends reach their pace first
        long started = System.nanoTime();
        long compiledBefore = CpuUsage.jitMillis();
        int rounds = 0;
        double lastRoundJitCores;
        do {
            long compiled = CpuUsage.jitMillis();
            long roundStarted = System.nanoTime();
            measure(READERS, 5_000, THINK_MILLIS, overHttp, jdbc);
            measure(READERS, 5_000, 0, overHttp, jdbc);
            measure(READERS, 5_000, THINK_MILLIS, inProcess, jdbc);
            measure(READERS, 5_000, 0, inProcess, jdbc);
            rounds++;
            lastRoundJitCores = (CpuUsage.jitMillis() - compiled) / 1e3 / ((System.nanoTime() - roundStarted) / 1e9);
        } while (lastRoundJitCores >= 0.1 && (System.nanoTime() - started) / 1e9 < WARM_UP_SECONDS);
        context.note(
                "caseload: warm-up during the appends (not measured), %d rounds of every kind of reader in %.0f s,"
                        + " %.0f s of JIT compilation meanwhile, %.2f cores compiling in the last round",
                rounds,
                (System.nanoTime() - started) / 1e9,
                (CpuUsage.jitMillis() - compiledBefore) / 1e3,
                lastRoundJitCores);
    }

    private static List<Figure> latencyFigures(
            String benchmark, Window window, String baseline, Window alone, boolean target) {
        double p99 = window.latencies().percentileMillis(99);
        return List.of(
                new Figure(
                        benchmark,
                        "p50 ms",
                        window.latencies().percentileMillis(50),
                        baseline,
                        alone.latencies().percentileMillis(50),
                        "",
                        null),
                new Figure(
                        benchmark,
                        "p99 ms",
                        p99,
                        baseline,
                        alone.latencies().percentileMillis(99),
                        target ? "< 20 ms" : "",
                        target ? p99 < TARGET_P99_MILLIS : null));
    }

    private static String rate(Window window) {
        return String.format(Locale.ROOT, "%,.0f events/s", window.appendsPerSecond());
    }

    /**
     * {@code readers} readers asking their mix for the window's length, each thinking an exponentially distributed
     * time of mean {@code thinkMillis} between requests (none when 0); every request's latency is recorded.
     */
    static Window measure(int readers, long windowMillis, long thinkMillis, Reader ask, Connection jdbc)
            throws Exception {
        Latencies latencies = new Latencies();
        java.util.concurrent.atomic.AtomicLong refusals = new java.util.concurrent.atomic.AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch ready = new CountDownLatch(readers);
        CountDownLatch go = new CountDownLatch(1);
        long[] deadline = new long[1];
        List<Thread> threads = new ArrayList<>();
        for (int reader = 0; reader < readers; reader++) {
            int index = reader;
            Thread thread = new Thread(
                    () -> {
                        Random random = new Random(SyntheticHistory.spread(31L * index + readers));
                        try {
                            ready.countDown();
                            go.await();
                            if (thinkMillis > 0) {
                                // Readers start spread over one think time, not all in the same millisecond.
                                Thread.sleep((long) (random.nextDouble() * thinkMillis));
                            }
                            while (System.nanoTime() < deadline[0] && failure.get() == null) {
                                Request request = request(index, random);
                                SlowRequest slow = new SlowRequest();
                                slow.begin();
                                long started = System.nanoTime();
                                try {
                                    ask.read(index, request, random);
                                } catch (Exception refused) {
                                    if (!unavailable(refused)) {
                                        throw refused;
                                    }
                                    // Overload answered as designed: no connection within the pool's wait (503).
                                    refusals.incrementAndGet();
                                    continue;
                                }
                                long took = System.nanoTime() - started;
                                latencies.record(took);
                                slow.end();
                                if (took > SLOW_MILLIS * 1_000_000) {
                                    slow.reader = index;
                                    slow.page = request.page();
                                    slow.size = request.size();
                                    slow.dueOnly = request.dueOnly();
                                    slow.caseworker = request.caseworkerId() != null;
                                    slow.commit();
                                }
                                if (thinkMillis > 0) {
                                    Thread.sleep(Math.min(5 * thinkMillis, (long)
                                            (-Math.log(1 - random.nextDouble()) * thinkMillis)));
                                }
                            }
                        } catch (Throwable e) {
                            failure.compareAndSet(null, e);
                        }
                    },
                    "caseload-reader-" + reader);
            threads.add(thread);
            thread.start();
        }
        ready.await();
        long head = headPosition(jdbc);
        CpuUsage cpu = CpuUsage.start();
        long started = System.nanoTime();
        Instant from = Instant.now();
        deadline[0] = started + windowMillis * 1_000_000;
        go.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        // The window ends with the last answer; the appends' rate is over the same time.
        double seconds = (System.nanoTime() - started) / 1e9;
        CpuUsage.Result used = cpu.stop();
        double appendsPerSecond = (headPosition(jdbc) - head) / seconds;
        if (failure.get() != null) {
            throw new IllegalStateException("a caseload reader failed", failure.get());
        }
        return new Window(latencies, refusals.get(), from, Instant.now(), seconds, appendsPerSecond, used);
    }

    /** Refused for want of a database connection in time: a 503 over HTTP, the pool's timeout in-process. */
    private static boolean unavailable(Exception refused) {
        return refused instanceof QueryBenchmarkSupport.Unavailable
                || se.integrationjourney.eventstore.DatabaseFailures.isConnectionFailure(refused);
    }

    /** A caseworker's next request: mostly the first page of their caseload, sometimes something narrower. */
    private static Request request(int reader, Random random) {
        String municipality = municipality(reader);
        int kind = random.nextInt(100);
        if (kind < 40) {
            return new Request(null, municipality, false, 0, GetCaseload.DEFAULT_SIZE);
        } else if (kind < 60) {
            return new Request(null, municipality, true, 0, GetCaseload.DEFAULT_SIZE);
        } else if (kind < 75) {
            String caseworker = "handlaggare-" + municipality + "-" + random.nextInt(CASEWORKERS_PER_MUNICIPALITY);
            return new Request(caseworker, municipality, random.nextBoolean(), 0, GetCaseload.DEFAULT_SIZE);
        } else if (kind < 90) {
            return new Request(
                    null, municipality, random.nextBoolean(), 1 + random.nextInt(9), GetCaseload.DEFAULT_SIZE);
        } else {
            return new Request(
                    null, municipality, random.nextBoolean(), random.nextInt(3), random.nextBoolean() ? 20 : 100);
        }
    }

    /** Each reader's caseworker account (a no-op for those an earlier benchmark of this run created). */
    static void createAccounts(ConfigurableApplicationContext application) {
        for (int reader = 0; reader < READERS; reader++) {
            QueryBenchmarkSupport.account(application, account(reader), Role.CASEWORKER, municipality(reader));
        }
    }

    /** Readers asking over HTTP, each as its own caseworker account, of the application that client talks to. */
    static Reader overHttp(QueryBenchmarkSupport.Client client) {
        return (reader, request, random) -> client.get(account(reader), request.path(random.nextBoolean()));
    }

    private static String municipality(int reader) {
        return SyntheticHistory.MUNICIPALITY_CODES.get(reader % SyntheticHistory.MUNICIPALITY_CODES.size());
    }

    private static String account(int reader) {
        return "benchmark-cw-" + municipality(reader) + "-" + reader / SyntheticHistory.MUNICIPALITY_CODES.size();
    }

    static long headPosition(Connection jdbc) throws Exception {
        try (Statement statement = jdbc.createStatement();
                ResultSet row =
                        statement.executeQuery("select coalesce(max(global_index), 0) from domain_event_entry")) {
            row.next();
            return row.getLong(1);
        }
    }

    private static String caseloadSizes(Connection jdbc) throws Exception {
        List<String> sizes = new ArrayList<>();
        try (Statement statement = jdbc.createStatement();
                ResultSet rows = statement.executeQuery("select municipality_code, count(*) filter (where not closed),"
                        + " count(*) from caseload group by 1 order by 1")) {
            while (rows.next()) {
                sizes.add(String.format(
                        Locale.ROOT, "%s %,d (%,d)", rows.getString(1), rows.getLong(2), rows.getLong(3)));
            }
        }
        return String.join(", ", sizes);
    }

    private static String poolSize(ConfigurableApplicationContext application) {
        return "Hikari, at most "
                + application.getEnvironment().getProperty("spring.datasource.hikari.maximum-pool-size", "10 (default)")
                + " connections";
    }

    /**
     * PostgreSQL's plan of the caseload statement for the largest municipality's first page, as the application
     * runs it. The statement and its parameters are package-private in the projections module (they are not an
     * API); reflection reads them so that the plan is of the very statement measured, not a copy that may drift.
     */
    private static void explainLargestFirstPage(
            BenchmarkContext context, ConfigurableApplicationContext application, Connection jdbc) throws Exception {
        String largest;
        try (Statement statement = jdbc.createStatement();
                ResultSet row = statement.executeQuery("select municipality_code from caseload where not closed"
                        + " group by 1 order by count(*) desc limit 1")) {
            row.next();
            largest = row.getString(1);
        }
        GetCaseload query = new GetCaseload(null, largest, false, 0, GetCaseload.DEFAULT_SIZE);
        Method sql = CaseloadQueries.class.getDeclaredMethod("dueSql", GetCaseload.class);
        Method parameters = CaseloadQueries.class.getDeclaredMethod("parameters", GetCaseload.class, LocalDate.class);
        sql.setAccessible(true);
        parameters.setAccessible(true);
        MapSqlParameterSource values = ((MapSqlParameterSource)
                        parameters.invoke(null, query, LocalDate.now(application.getBean(Clock.class))))
                .addValue("wanted", (long) query.size());
        NamedParameterJdbcTemplate named = new NamedParameterJdbcTemplate(application.getBean(JdbcTemplate.class));
        List<String> plan = named.query(
                "explain (analyze, buffers) " + sql.invoke(null, query), values, (row, n) -> row.getString(1));
        context.note(
                "caseload, PostgreSQL's plan of the first page of municipality %s (EXPLAIN ANALYZE, BUFFERS):" + " %s",
                largest, String.join(" / ", plan).replaceAll("\\s+", " "));
    }
}
