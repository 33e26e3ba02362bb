package se.integrationjourney.benchmarks;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import jdk.jfr.Recording;
import org.springframework.context.ConfigurableApplicationContext;
import se.integrationjourney.api.accesslog.AccessAction;
import se.integrationjourney.api.accesslog.AccessLog;
import se.integrationjourney.api.accesslog.Actor;
import se.integrationjourney.api.security.Role;

/**
 * The caseworker's caseload page ({@code GET /caseload}, server-rendered HTML for a signed-in session) beside the
 * JSON caseload ({@code GET /api/caseload}, Basic) asking the same question (docs/benchmarks.md; issue 16's target:
 * the page's p95 under 50 ms with 10,000 open journeys, which is what each municipality of the 1-million-event
 * history holds).
 *
 * <p>One caseworker account per municipality, named as one of the history's caseworkers so that "my caseload" lists
 * that caseworker's real journeys; each signs in once through the sign-in form (a session cookie, CSRF token) as a
 * person does. One reader, no think time, no appends: the server's time per request, not a load test (the JSON
 * caseload under load is {@link CaseloadUnderLoadBenchmark}). Each step asks the same request of both, in random
 * order, so that the page and its baseline share whatever the shared machine does meanwhile. The mix is what a
 * caseworker asks: my caseload's first page (the start page), the whole municipality's first and later pages, one
 * stage, one due action; 25 a page, the page's default. The page does more than the JSON: the session's check
 * against the account's session generation, the access-log entry of the journeys shown, and the template.
 *
 * <p>Settings: {@code benchmark.caseload-page.seconds} (60, the measured window), {@code
 * benchmark.caseload-page.warmup.seconds} (120, unmeasured, the same mix: Thymeleaf and the page's other code are compiled by the JIT only after many requests).
 */
final class CaseloadPageBenchmark {

    static final String NAME = "caseload-page";
    private static final long WINDOW_MILLIS = Long.getLong("benchmark.caseload-page.seconds", 60) * 1000;
    private static final long WARM_UP_MILLIS = Long.getLong("benchmark.caseload-page.warmup.seconds", 120) * 1000;
    private static final double TARGET_P95_MILLIS = 50;
    private static final int PAGE_SIZE = 25;
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private CaseloadPageBenchmark() {}

    /** One question, as the page's address and as the JSON API's. */
    private record Request(String caseworker, String page, String json) {}

    static List<Figure> run(BenchmarkContext context) throws Exception {
        try (ConfigurableApplicationContext application = QueryBenchmarkSupport.startCaughtUp(context, NAME);
                Connection jdbc = context.connect()) {
            int port = QueryBenchmarkSupport.port(application);
            Map<String, Session> sessions = new HashMap<>();
            for (String municipality : SyntheticHistory.MUNICIPALITY_CODES) {
                String caseworker = caseworker(municipality);
                QueryBenchmarkSupport.account(application, caseworker, Role.CASEWORKER, municipality);
                sessions.put(caseworker, Session.signIn(port, caseworker));
            }
            QueryBenchmarkSupport.Client api = new QueryBenchmarkSupport.Client(port);
            context.note(
                    "caseload page: open journeys per municipality: %s; journeys of the signed-in caseworkers"
                            + " (\"mine\"): %s",
                    openJourneys(jdbc), mine(jdbc));

            // The recording starts before the warm-up: starting one makes the JIT recompile what its events watch.
            Path recordingFile = context.output.resolve("caseload-page.jfr");
            Latencies[] measured;
            Instant from;
            Instant until;
            try (Recording recording = QueryBenchmarkSupport.startRecording()) {
                measure(WARM_UP_MILLIS, api, sessions, new Random(context.seed));
                from = Instant.now();
                measured = measure(WINDOW_MILLIS, api, sessions, new Random(context.seed + 1));
                until = Instant.now();
                recording.stop();
                recording.dump(recordingFile);
            }
            Latencies page = measured[0];
            Latencies json = measured[1];
            context.note(
                    "caseload page: profile of the JVM during the measured window (%s): %s",
                    recordingFile.getFileName(),
                    QueryBenchmarkSupport.Profile.of(recordingFile, from, until).describe());
            Latencies accessLogEntries = accessLogEntry(application);
            context.note(
                    "caseload page: one access-log entry of a page's 25 journeys (its own transaction and commit, as"
                            + " the page writes it) takes p50 %.1f ms, p95 %.1f ms (200 in a row)",
                    accessLogEntries.percentileMillis(50), accessLogEntries.percentileMillis(95));
            context.note(
                    "caseload page: 1 reader, no appends, %,d requests each of the page and the JSON caseload in"
                            + " %.0f s (after %.0f s of warm-up); page p50 %.1f, p95 %.1f, p99 %.1f, max %.0f ms;"
                            + " JSON p50 %.1f, p95 %.1f, p99 %.1f, max %.0f ms",
                    page.count(),
                    WINDOW_MILLIS / 1e3,
                    WARM_UP_MILLIS / 1e3,
                    page.percentileMillis(50),
                    page.percentileMillis(95),
                    page.percentileMillis(99),
                    page.maxMillis(),
                    json.percentileMillis(50),
                    json.percentileMillis(95),
                    json.percentileMillis(99),
                    json.maxMillis());
            String benchmark = "caseload page (HTML, session), 1 reader, no appends";
            String baseline = "JSON caseload (Basic), same requests";
            double p95 = page.percentileMillis(95);
            return List.of(
                    new Figure(
                            benchmark,
                            "p50 ms",
                            page.percentileMillis(50),
                            baseline,
                            json.percentileMillis(50),
                            "",
                            null),
                    new Figure(
                            benchmark,
                            "p95 ms",
                            p95,
                            baseline,
                            json.percentileMillis(95),
                            "< 50 ms",
                            p95 < TARGET_P95_MILLIS),
                    new Figure(
                            benchmark,
                            "p99 ms",
                            page.percentileMillis(99),
                            baseline,
                            json.percentileMillis(99),
                            "",
                            null));
        }
    }

    /** What recording a page's reads in the access log costs alone: 200 entries of 25 journeys each. */
    private static Latencies accessLogEntry(ConfigurableApplicationContext application) {
        AccessLog accessLog = application.getBean(AccessLog.class);
        Actor actor = new Actor("benchmark-access-log", "CASEWORKER");
        List<UUID> journeys =
                IntStream.range(0, PAGE_SIZE).mapToObj(i -> UUID.randomUUID()).toList();
        Latencies latencies = new Latencies();
        for (int i = 0; i < 200; i++) {
            long started = System.nanoTime();
            accessLog.journeysRead(actor, AccessAction.CASELOAD_READ, "GET /caseload", journeys);
            latencies.record(System.nanoTime() - started);
        }
        return latencies;
    }

    /** The page and the JSON for the same requests for the window's length: {page, json}. */
    private static Latencies[] measure(
            long windowMillis, QueryBenchmarkSupport.Client api, Map<String, Session> sessions, Random random)
            throws Exception {
        Latencies page = new Latencies();
        Latencies json = new Latencies();
        long deadline = System.nanoTime() + windowMillis * 1_000_000;
        while (System.nanoTime() < deadline) {
            Request request = request(random);
            boolean pageFirst = random.nextBoolean();
            for (int i = 0; i < 2; i++) {
                long started = System.nanoTime();
                if (pageFirst == (i == 0)) {
                    sessions.get(request.caseworker()).get(request.page());
                    page.record(System.nanoTime() - started);
                } else {
                    api.get(request.caseworker(), request.json());
                    json.record(System.nanoTime() - started);
                }
            }
        }
        return new Latencies[] {page, json};
    }

    /** A caseworker's next question, as the page and as the JSON API. */
    private static Request request(Random random) {
        String municipality =
                SyntheticHistory.MUNICIPALITY_CODES.get(random.nextInt(SyntheticHistory.MUNICIPALITY_CODES.size()));
        String caseworker = caseworker(municipality);
        String size = "&size=" + PAGE_SIZE;
        int kind = random.nextInt(100);
        if (kind < 40) {
            return new Request(caseworker, "/caseload", "/api/caseload?caseworkerId=" + caseworker + size);
        } else if (kind < 65) {
            return new Request(caseworker, "/caseload?scope=all", "/api/caseload?page=0" + size);
        } else if (kind < 80) {
            int page = 2 + random.nextInt(9);
            return new Request(
                    caseworker, "/caseload?scope=all&page=" + page, "/api/caseload?page=" + (page - 1) + size);
        } else if (kind < 90) {
            return new Request(
                    caseworker, "/caseload?scope=all&due=NO_HOUSING", "/api/caseload?dueAction=NO_HOUSING" + size);
        } else {
            return new Request(
                    caseworker, "/caseload?scope=all&stage=ESTABLISHMENT", "/api/caseload?stage=ESTABLISHMENT" + size);
        }
    }

    /** The history's first caseworker of the municipality: an account of that name has real journeys as "mine". */
    private static String caseworker(String municipality) {
        return "handlaggare-" + municipality + "-0";
    }

    private static String openJourneys(Connection jdbc) throws Exception {
        return counts(jdbc, "select municipality_code, count(*) from caseload where not closed group by 1 order by 1");
    }

    private static String mine(Connection jdbc) throws Exception {
        return counts(
                jdbc,
                "select caseworker_id, count(*) from caseload where not closed and caseworker_id like 'handlaggare-%-0'"
                        + " group by 1 order by 1");
    }

    private static String counts(Connection jdbc, String sql) throws Exception {
        List<String> counts = new ArrayList<>();
        try (Statement statement = jdbc.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                counts.add(String.format(Locale.ROOT, "%s %,d", rows.getString(1), rows.getLong(2)));
            }
        }
        return String.join(", ", counts);
    }

    /** A browser's session: signed in through the form once, then its cookie on every page. */
    private static final class Session {

        private final HttpClient http;
        private final String base;

        private Session(HttpClient http, String base) {
            this.http = http;
            this.base = base;
        }

        static Session signIn(int port, String username) throws IOException, InterruptedException {
            HttpClient http = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofSeconds(10))
                    .build();
            Session session = new Session(http, "http://127.0.0.1:" + port);
            String form =
                    session.send(HttpRequest.newBuilder(session.uri("/signin")).GET(), 200);
            Matcher token = CSRF.matcher(form);
            if (!token.find()) {
                throw new IllegalStateException("the sign-in page has no CSRF token");
            }
            String body = "username=" + encode(username) + "&password=" + encode(QueryBenchmarkSupport.PASSWORD)
                    + "&_csrf=" + encode(token.group(1));
            session.send(
                    HttpRequest.newBuilder(session.uri("/signin"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(body)),
                    302);
            String start = session.get("/caseload");
            if (!start.contains("<table")) {
                throw new IllegalStateException("signed in, but the caseload page shows no list");
            }
            return session;
        }

        /** The page's HTML; anything but 200 fails the run (the address holds filters only, no personal data). */
        String get(String path) throws IOException, InterruptedException {
            return send(
                    HttpRequest.newBuilder(uri(path))
                            .header("Accept", "text/html")
                            .GET(),
                    200);
        }

        private String send(HttpRequest.Builder request, int expected) throws IOException, InterruptedException {
            HttpResponse<String> response = http.send(
                    request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != expected) {
                throw new IllegalStateException(response.request().method() + " "
                        + response.request().uri().getPath() + " answered " + response.statusCode() + ", not "
                        + expected);
            }
            return response.body();
        }

        private URI uri(String path) {
            return URI.create(base + path);
        }

        private static String encode(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }
}
