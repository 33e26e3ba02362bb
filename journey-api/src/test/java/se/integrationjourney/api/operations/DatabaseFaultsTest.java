package se.integrationjourney.api.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import se.integrationjourney.api.testsupport.ApiClient;
import se.integrationjourney.api.testsupport.ApiTestAccounts;
import se.integrationjourney.api.testsupport.RequestBodies;
import se.integrationjourney.api.testsupport.ServiceOnProxy;
import se.integrationjourney.api.testsupport.TcpProxy;

/**
 * The service with its database connections cut under it (issue 14): through a TCP proxy of the test's own, never
 * by stopping the shared PostgreSQL. Every 2xx must be stored, every answer that says "nothing was recorded" must
 * be true, an unknown commit outcome must be said as such, and an outage answers 503, never 401, and logs one line.
 */
@ExtendWith(OutputCaptureExtension.class)
class DatabaseFaultsTest {

    private static final Duration DEADLINE = Duration.ofSeconds(60);
    /** The statements as the driver sends them (a Parse message's text ends with a NUL), lower case. */
    private static final String COMMIT = "\u0000commit\u0000";

    private static final String ROLLBACK = "\u0000rollback\u0000";
    private static ServiceOnProxy service;

    @BeforeAll
    static void start() throws Exception {
        service = new ServiceOnProxy();
    }

    @AfterAll
    static void stop() throws Exception {
        service.close();
    }

    @AfterEach
    void heal() {
        service.proxy().fault(null);
        service.proxy().refuse(false);
    }

    @Test
    void givenTheAnswerToACommitLost_whenWritingWithAKey_then503OutcomeUnknownAndARetryWithTheKeyGetsTheFirstAnswer()
            throws Exception {
        String journey = register();
        long before = eventsOf(journey);
        service.proxy().fault(afterTheEventInsert(TcpProxy.Action.CUT_AFTER, COMMIT));
        ApiClient writer = caseworker().with("Idempotency-Key", "lost-commit-" + UUID.randomUUID());

        ApiClient.Response lost = writer.post(milestones(journey), meeting());
        service.proxy().fault(null);
        ApiClient.Response retried = writer.post(milestones(journey), meeting());

        assertUnavailable(lost, "outcome-unknown");
        assertThat(lost.json().path("detail").asString())
                .contains("may or may not have been recorded")
                .contains("Idempotency-Key");
        assertThat(eventsOf(journey)).as("the commit reached the database").isEqualTo(before + 1);
        assertThat(retried.status()).isEqualTo(201);
        assertThat(retried.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(eventsOf(journey)).isEqualTo(before + 1);
    }

    @Test
    void givenTheAnswerToACommitLost_whenWritingWithoutAKey_then503OutcomeUnknownNotNothingRecorded() throws Exception {
        String journey = register();
        long before = eventsOf(journey);
        service.proxy().fault(afterTheEventInsert(TcpProxy.Action.CUT_AFTER, COMMIT));

        ApiClient.Response lost = caseworker().post(milestones(journey), meeting());

        assertUnavailable(lost, "outcome-unknown");
        assertThat(lost.body()).doesNotContain("nothing was recorded");
        assertThat(eventsOf(journey)).isEqualTo(before + 1);
    }

    @Test
    void givenTheConnectionCutBeforeTheEventReachedTheDatabase_whenWriting_then503NothingRecordedAndItIsTrue()
            throws Exception {
        String journey = register();
        long before = eventsOf(journey);

        service.proxy().fault(atTheEventInsert(TcpProxy.Action.CUT_BEFORE));
        ApiClient.Response withoutKey = caseworker().post(milestones(journey), meeting());
        service.proxy().fault(atTheEventInsert(TcpProxy.Action.CUT_BEFORE));
        ApiClient.Response withKey =
                caseworker().with("Idempotency-Key", "cut-" + UUID.randomUUID()).post(milestones(journey), meeting());

        assertUnavailable(withoutKey, "database-unavailable");
        assertUnavailable(withKey, "database-unavailable");
        assertThat(withoutKey.json().path("detail").asString()).contains("nothing was recorded");
        assertThat(eventsOf(journey)).isEqualTo(before);
    }

    @Test
    void givenTheDatabaseUnreachable_whenCalled_then503EverywhereNever401AndOneLogLine(CapturedOutput output)
            throws Exception {
        String journey = register();
        // An account this node has not read yet: its first request must read it, during the outage.
        String newcomer = "cw-outage-" + UUID.randomUUID().toString().substring(0, 8);
        ApiClient.Response created = admin().post(
                        "/api/admin/users",
                        Map.of(
                                "username",
                                newcomer,
                                "password",
                                ApiTestAccounts.PASSWORD,
                                "roles",
                                List.of("CASEWORKER"),
                                "municipalityCode",
                                ApiTestAccounts.TOREBODA));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        await().atMost(DEADLINE).until(() -> !service.bean(DatabaseOutage.class).ongoing()); // an earlier test's cut
        int logStart = output.getAll().length();
        service.proxy().refuse(true);

        // The caseworker's account was read within the recheck (ADR 0024): signed in, the journey's events are not.
        ApiClient.Response read = caseworker().get("/api/journeys/" + journey);
        ApiClient.Response signIn =
                ApiClient.as(service.port(), newcomer, ApiTestAccounts.PASSWORD).get("/api/journeys/" + journey);
        ApiClient.Response write = caseworker().post(milestones(journey), meeting());
        ApiClient.Response admin = admin().get("/api/admin/projections");
        ApiClient.Response health = ApiClient.anonymous(service.port()).get("/actuator/health");
        for (int i = 0; i < 5; i++) {
            caseworker().get("/api/journeys/" + journey); // more failures of the same incident: no more lines
        }
        String duringOutage = output.getAll().substring(logStart);
        service.proxy().refuse(false);
        await().atMost(DEADLINE).until(() -> caseworker().get("/api/caseload").status() == 200);
        await().atMost(DEADLINE).until(() -> output.getAll().contains("can be reached again"));

        assertUnavailable(read, "database-unavailable");
        assertUnavailable(signIn, "database-unavailable");
        assertThat(signIn.json().path("detail").asString()).contains("sign-in cannot be checked");
        assertUnavailable(write, "database-unavailable");
        assertUnavailable(admin, "database-unavailable");
        assertThat(health.status()).isEqualTo(503);
        assertThat(health.json().path("status").asString()).isEqualTo("DOWN");
        assertThat(duringOutage
                        .lines()
                        .filter(line -> line.contains("cannot be reached"))
                        .count())
                .isEqualTo(1);
        assertThat(duringOutage.lines().filter(line -> line.contains(" WARN ") || line.contains(" ERROR ")))
                .hasSize(1);
        assertThat(duringOutage).doesNotContain("\tat ");
    }

    @Test
    void
            givenConnectionsCutAtRandomDuringWrites_whenEachAnswerIsChecked_thenEvery2xxIsStoredAndEveryNothingRecordedIsTrue()
                    throws Exception {
        int writers = 4;
        int writesEach = 25;
        List<String> journeys = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            journeys.add(register());
        }
        RandomGenerator chaos = RandomGeneratorFactory.of("L64X128MixRandom").create(14);
        AtomicInteger cuts = new AtomicInteger();
        service.proxy().fault((connection, chunk) -> {
            synchronized (chaos) {
                double roll = chaos.nextDouble();
                if (roll < 0.03) {
                    cuts.incrementAndGet();
                    return roll < 0.015 ? TcpProxy.Action.CUT_BEFORE : TcpProxy.Action.CUT_AFTER;
                }
            }
            return TcpProxy.Action.PASS;
        });
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        AtomicBoolean internalErrors = new AtomicBoolean();
        List<Future<List<String>>> results = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            String journey = journeys.get(w);
            boolean withKeys = w % 2 == 0;
            results.add(pool.submit(() -> writeAndCheck(journey, writesEach, withKeys, internalErrors)));
        }
        List<String> untrue = new ArrayList<>();
        for (Future<List<String>> result : results) {
            untrue.addAll(result.get());
        }
        pool.shutdown();
        service.proxy().fault(null);

        assertThat(untrue).as("answers that misstated what was stored").isEmpty();
        assertThat(internalErrors).as("no 500").isFalse();
        assertThat(cuts.get()).as("the proxy did cut connections").isPositive();
        await().atMost(DEADLINE).until(this::everyViewAtTheHead);
    }

    /** Writes milestones one after another to one journey and checks each answer against the stored events. */
    private List<String> writeAndCheck(String journey, int writes, boolean withKeys, AtomicBoolean internalErrors)
            throws SQLException {
        List<String> untrue = new ArrayList<>();
        for (int i = 0; i < writes; i++) {
            long before = eventsOf(journey);
            ApiClient client =
                    withKeys ? caseworker().with("Idempotency-Key", "chaos-" + UUID.randomUUID()) : caseworker();
            ApiClient.Response answer = client.post(milestones(journey), meeting());
            long after = eventsOf(journey);
            String type = answer.status() >= 400 ? answer.json().path("type").asString() : "";
            boolean saysNothingRecorded = answer.status() >= 400
                    && (answer.body().contains("nothing was recorded")
                            || answer.status() < 500 && answer.status() != 401 && answer.status() != 429);
            if (answer.status() == 500) {
                internalErrors.set(true);
            }
            if (answer.status() / 100 == 2 && after != before + 1) {
                untrue.add(answer.status() + " but " + (after - before) + " events stored");
            } else if (saysNothingRecorded && after != before) {
                untrue.add(answer.status() + " " + type + " said nothing was recorded, but it was");
            } else if (type.endsWith("outcome-unknown") && after - before > 1) {
                untrue.add("stored twice");
            }
        }
        return untrue;
    }

    // --- faults

    /** At the journey event's insert: cut, before or after passing it on. */
    private static TcpProxy.Fault atTheEventInsert(TcpProxy.Action action) {
        AtomicBoolean armed = new AtomicBoolean(true);
        return (connection, chunk) -> chunk.contains("insert into domain_event_entry") && armed.getAndSet(false)
                ? action
                : TcpProxy.Action.PASS;
    }

    /**
     * At the first chunk containing {@code marker} on a connection whose current transaction inserted a journey
     * event (one begun after this fault was set).
     */
    private static TcpProxy.Fault afterTheEventInsert(TcpProxy.Action action, String marker) {
        AtomicBoolean armed = new AtomicBoolean(true);
        java.util.Set<TcpProxy.Connection> inserting = java.util.concurrent.ConcurrentHashMap.newKeySet();
        return (connection, chunk) -> {
            if (chunk.contains("insert into domain_event_entry")) {
                inserting.add(connection);
            }
            if (chunk.contains(marker) && inserting.contains(connection) && armed.getAndSet(false)) {
                return action;
            }
            if (chunk.contains(COMMIT) || chunk.contains(ROLLBACK)) {
                inserting.remove(connection); // that transaction ended: follow the next one only
            }
            return TcpProxy.Action.PASS;
        };
    }

    // --- helpers

    private static ApiClient caseworker() {
        return ApiClient.as(service.port(), ApiTestAccounts.CASEWORKER_TOREBODA, ApiTestAccounts.PASSWORD);
    }

    private static ApiClient admin() {
        return ApiClient.as(service.port(), ApiTestAccounts.ADMIN, ApiTestAccounts.ADMIN_PASSWORD);
    }

    private static String milestones(String journey) {
        return "/api/journeys/" + journey + "/milestones";
    }

    private static Map<String, Object> meeting() {
        return Map.of("type", "INTRODUCTORY_MEETING_HELD", "occurredOn", "2024-02-01");
    }

    private static String register() {
        ApiClient.Response created = caseworker()
                .post(
                        "/api/journeys",
                        RequestBodies.registration(
                                ApiTestAccounts.TOREBODA,
                                LocalDate.of(2024, 1, 10).toString(),
                                "Amal Haddad",
                                null));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("journeyId").asString();
    }

    private static void assertUnavailable(ApiClient.Response response, String type) {
        assertThat(response.status()).as(response.body()).isEqualTo(503);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("type").asString()).isEqualTo("urn:integration-journey:problem:" + type);
        assertThat(response.header("Retry-After")).isNotBlank();
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("SQL");
    }

    /** Events of the journey, counted on a connection of the test's own (not through the proxy). */
    private static long eventsOf(String journey) throws SQLException {
        try (Connection connection = direct();
                PreparedStatement count = connection.prepareStatement(
                        "select count(*) from domain_event_entry where aggregate_identifier = ?")) {
            count.setString(1, journey);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private boolean everyViewAtTheHead() {
        ApiClient.Response status = admin().get("/api/admin/projections");
        if (status.status() != 200) {
            return false;
        }
        for (tools.jackson.databind.JsonNode view : status.json()) {
            if (view.path("position").asLong() < view.path("headPosition").asLong()
                    || view.path("replaying").asBoolean()) {
                return false;
            }
        }
        return true;
    }

    private static Connection direct() throws SQLException {
        Properties credentials = new Properties();
        credentials.setProperty("user", service.database().user());
        if (!service.database().password().isEmpty()) {
            credentials.setProperty("password", service.database().password());
        }
        return DriverManager.getConnection(service.database().url(), credentials);
    }
}
