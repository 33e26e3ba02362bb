package se.integrationjourney.api.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.integrationjourney.api.testsupport.ApiClient;
import se.integrationjourney.api.testsupport.PageSession;
import se.integrationjourney.api.testsupport.RequestBodies;
import se.integrationjourney.projections.testsupport.ThrowawayDatabase;

/**
 * Two nodes of the service, each a process of its own on its own port, on one database, as behind a load balancer
 * (docs/adr/0021-several-nodes-requests.md): writes through both at once, one journey's commands sent to both so that
 * each node's cached journey goes stale, one idempotency key sent to both, an account changed on one and used on the
 * other, a web session begun on one and used on the other. Every write test then compares what the clients were told
 * (each 201's event id and version) with the event store: every acknowledged event stored once, at the version told,
 * and nothing stored that was not acknowledged. The two processes serve every test of the class (each start is a JVM
 * start); the tests share them but not their journeys or accounts.
 */
class TwoNodesRequestsTest {

    /** Bjuv: a municipality no other test uses. */
    private static final String MUNICIPALITY = "1260";

    private static final String CASEWORKER = "cw-bjuv";
    private static final String PASSWORD = "bjuv caseworker secret";
    private static final ZoneId BUSINESS_TIME = ZoneId.of("Europe/Stockholm");
    private static final long WAIT_SECONDS = 300;

    private static ThrowawayDatabase database;
    private static ServiceProcess nodeA;
    private static ServiceProcess nodeB;

    @BeforeAll
    static void startTwoNodes() {
        database = ThrowawayDatabase.named();
        byte[] masterKey = new byte[32];
        new SecureRandom().nextBytes(masterKey);
        String[] settings = {
            // Both nodes open the same journeys' keys: one master key, as an operator gives every node.
            "--journey.personal-data.master-key=" + Base64.getEncoder().encodeToString(masterKey),
            "--journey.retention.enabled=false"
        };
        // One after the other: the first migrates the database and creates the admin account.
        nodeA = ServiceProcess.startOn(database, settings);
        nodeB = ServiceProcess.startOn(database, settings);
        createCaseworker(CASEWORKER, PASSWORD);
    }

    @AfterAll
    static void stopBoth() throws SQLException {
        try {
            if (nodeA != null) {
                nodeA.close();
            }
            if (nodeB != null) {
                nodeB.close();
            }
        } finally {
            if (database != null) {
                database.destroy();
            }
        }
    }

    @Test
    void givenManyJourneys_whenWritesGoThroughBothNodesAtOnce_thenEachIsRecordedAndStoredExactlyOnce()
            throws Exception {
        List<String> journeys = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            journeys.add(register(i % 2 == 0 ? nodeA : nodeB));
        }
        ConcurrentLinkedQueue<Acknowledged> acknowledged = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> otherAnswers = new ConcurrentLinkedQueue<>();

        // Four clients, two per node, each writing to the journeys in its own order.
        inParallel(4, client -> {
            ServiceProcess node = client % 2 == 0 ? nodeA : nodeB;
            for (int n = 0; n < 15; n++) {
                String journey = journeys.get((client * 3 + n * (client + 1)) % journeys.size());
                ApiClient.Response answer = assignCaseworker(caseworker(node), journey, "cw-" + client + "-" + n);
                collect(journey, answer, acknowledged, otherAnswers);
            }
        });

        assertThat(otherAnswers)
                .as("every write recorded, whichever node and cache")
                .isEmpty();
        assertThat(acknowledged).hasSize(60);
        assertStoredExactlyAsAcknowledged(journeys, acknowledged);
    }

    @Test
    void givenOneJourney_whenItsCommandsAlternateBetweenTheNodes_thenEachIsDecidedOnTheStoredJourney()
            throws Exception {
        String journey = register(nodeA);
        ConcurrentLinkedQueue<Acknowledged> acknowledged = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> otherAnswers = new ConcurrentLinkedQueue<>();

        // From the third command on, each node's cached journey lacks the other node's last event.
        for (int n = 0; n < 10; n++) {
            ApiClient.Response answer = assignCaseworker(caseworker(n % 2 == 0 ? nodeA : nodeB), journey, "cw-" + n);
            collect(journey, answer, acknowledged, otherAnswers);
            assertThat(answer.json().path("version").asLong())
                    .as("recorded after the other node's event: " + answer.body())
                    .isEqualTo(n + 1);
        }
        assertThat(otherAnswers).as("no conflict from a stale cache").isEmpty();

        // Node B's cached journey is at version 9; the journey as stored is at 10.
        ApiClient.Response current = caseworker(nodeB)
                .with("If-Match", "\"10\"")
                .post(
                        milestones(journey),
                        Map.of(
                                "type",
                                "INTRODUCTORY_MEETING_HELD",
                                "occurredOn",
                                yesterday().toString()));
        collect(journey, current, acknowledged, otherAnswers);
        assertThat(current.json().path("version").asLong()).isEqualTo(11);

        // Node A's is at 10, the store at 11: the If-Match it would pass is judged against the store.
        ApiClient.Response stale = caseworker(nodeA)
                .with("If-Match", "\"10\"")
                .post(
                        milestones(journey),
                        Map.of(
                                "type",
                                "TEMPORARY_HOUSING_PROVIDED",
                                "occurredOn",
                                yesterday().toString()));
        assertThat(stale.status()).as(stale.body()).isEqualTo(412);
        assertThat(stale.json().path("detail").asString()).contains("now at version 11");

        assertThat(otherAnswers).isEmpty();
        assertStoredExactlyAsAcknowledged(List.of(journey), acknowledged);
    }

    @Test
    void givenOneJourney_whenBothNodesStartAndCloseItsBusinessAtOnce_thenTheOneAtATimeRuleHolds() throws Exception {
        String journey = register(nodeB);
        ConcurrentLinkedQueue<Acknowledged> acknowledged = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> otherAnswers = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> refusedRules = new ConcurrentLinkedQueue<>();

        inParallel(2, client -> {
            ServiceProcess node = client == 0 ? nodeA : nodeB;
            for (int n = 0; n < 12; n++) {
                String type = n % 2 == 0 ? "BUSINESS_STARTED" : "BUSINESS_CLOSED";
                ApiClient.Response answer = caseworker(node)
                        .post(
                                milestones(journey),
                                Map.of("type", type, "occurredOn", yesterday().toString()));
                if (answer.status() == 422) {
                    refusedRules.add(type + " " + answer.json().path("rule").asString());
                } else if (answer.status() == 409
                        && answer.json().path("detail").asString().contains("each of the 5 times")) {
                    // Overtaken at every one of its decisions on the stored journey: a real race, not a cache's.
                    continue;
                } else {
                    collect(journey, answer, acknowledged, otherAnswers);
                }
            }
        });

        assertThat(otherAnswers)
                .as("each answer a decision on the stored journey: recorded or refused by the rule")
                .isEmpty();
        assertThat(refusedRules)
                .allMatch(refusal -> refusal.equals("BUSINESS_STARTED EPISODE_ALREADY_OPEN")
                        || refusal.equals("BUSINESS_CLOSED EPISODE_NOT_STARTED"));
        assertThat(businessEvents(journey))
                .as("one business at a time: started and closed alternate, whatever the nodes did")
                .isNotEmpty()
                .satisfies(types -> {
                    for (int i = 0; i < types.size(); i++) {
                        assertThat(types.get(i)).isEqualTo(i % 2 == 0 ? "BusinessStarted" : "BusinessClosed");
                    }
                });
        assertStoredExactlyAsAcknowledged(List.of(journey), acknowledged);
    }

    @Test
    void givenOneIdempotencyKey_whenTheSameRequestReachesBothNodesAtOnce_thenOneEventAndBothGetTheSameAnswer()
            throws Exception {
        String journey = register(nodeA);
        ConcurrentLinkedQueue<Acknowledged> acknowledged = new ConcurrentLinkedQueue<>();
        for (int k = 0; k < 5; k++) {
            String key = "two-nodes-" + k + "-" + UUID.randomUUID();
            List<ApiClient.Response> answers = concurrently(
                    2,
                    client -> assignCaseworker(
                            caseworker(client == 0 ? nodeA : nodeB).with("Idempotency-Key", key), journey, key));

            assertThat(answers)
                    .allSatisfy(answer ->
                            assertThat(answer.status()).as(answer.body()).isEqualTo(201));
            assertThat(answers.get(0).json()).isEqualTo(answers.get(1).json());
            assertThat(answers.stream()
                            .filter(answer -> "true".equals(answer.header("Idempotent-Replayed")))
                            .count())
                    .as("one recorded, the other replayed")
                    .isEqualTo(1);
            acknowledged.add(Acknowledged.of(journey, answers.get(0)));
        }
        assertStoredExactlyAsAcknowledged(List.of(journey), acknowledged);
    }

    @Test
    void givenAnAccountInUseOnNodeB_whenDisabledOnNodeA_thenNodeBRefusesItsPasswordAndItsSessionWithinTheRecheck() {
        String username = "cw-bjuv-disabled";
        createCaseworker(username, PASSWORD);
        ApiClient onB = ApiClient.as(nodeB.port(), username, PASSWORD);
        assertThat(onB.get("/api/caseload").status()).isEqualTo(200);
        assertThat(onB.get("/api/caseload").status())
                .as("the second request passes on node B's remembered password check")
                .isEqualTo(200);
        PageSession session = PageSession.signIn(nodeB.port(), username, PASSWORD);
        assertThat(session.get("/caseload", null).statusCode()).isEqualTo(200);

        ApiClient.Response disabled = nodeA.admin().post("/api/admin/users/" + username + "/disable", "");
        assertThat(disabled.status()).as(disabled.body()).isLessThan(300);

        HttpResponse<String> ended = session.at(nodeA.port()).get("/caseload", null);
        assertThat(ended.statusCode())
                .as("at once on the node that disabled it")
                .isEqualTo(302);
        assertThat(ended.headers().firstValue("Location").orElseThrow()).contains("/signin?ended");
        // Node B answers from the account as it read it for at most journey.security.account-recheck (2 s here,
        // AccountRecheckTest holds the bound itself): refused then, and from then on.
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> onB.get("/api/caseload").status() == 401);
        assertThat(session.get("/caseload", null).headers().firstValue("Location"))
                .as("ended everywhere: node B no longer knows the session either")
                .hasValueSatisfying(location -> assertThat(location).contains("/signin"));
    }

    @Test
    void givenAPasswordRememberedOnNodeB_whenChangedOnNodeA_thenNodeBRefusesTheOldOneWithinTheRecheck() {
        String username = "cw-bjuv-changing";
        String newPassword = "bjuv caseworker new secret";
        createCaseworker(username, PASSWORD);
        ApiClient oldOnB = ApiClient.as(nodeB.port(), username, PASSWORD);
        assertThat(oldOnB.get("/api/caseload").status()).isEqualTo(200);
        assertThat(oldOnB.get("/api/caseload").status()).isEqualTo(200);

        ApiClient.Response changed = ApiClient.as(nodeA.port(), username, PASSWORD)
                .post("/api/account/password", Map.of("currentPassword", PASSWORD, "newPassword", newPassword));
        assertThat(changed.status()).as(changed.body()).isEqualTo(204);

        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> oldOnB.get("/api/caseload").status() == 401);
        assertThat(ApiClient.as(nodeB.port(), username, newPassword)
                        .get("/api/caseload")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void givenTheSignInFormFromNodeA_whenPostedToNodeBAndTheSessionUsedOnBoth_thenOneSessionWithOneCsrfToken() {
        PageSession onB = PageSession.signIn(nodeA.port(), nodeB.port(), CASEWORKER, PASSWORD);
        PageSession onA = onB.at(nodeA.port());

        assertThat(onA.get("/caseload", null).statusCode())
                .as("signed in on node B, a page on node A")
                .isEqualTo(200);
        assertThat(onB.get("/caseload", null).statusCode()).isEqualTo(200);

        // A form from node A, its token checked by node B: the token is the session's, kept in PostgreSQL.
        HttpResponse<String> signedOut = onB.postWithToken("/signout", onA.csrf("/caseload"));
        assertThat(signedOut.statusCode()).isEqualTo(302);
        assertThat(signedOut.headers().firstValue("Location").orElseThrow()).contains("/signin?signedOut");
        assertThat(onA.get("/caseload", null).statusCode())
                .as("signed out on node B, so on node A too")
                .isEqualTo(302);
    }

    /** Registers a journey in Bjuv through {@code node}; its id. */
    private static String register(ServiceProcess node) {
        ApiClient.Response created = caseworker(node)
                .post(
                        "/api/journeys",
                        RequestBodies.registration(
                                MUNICIPALITY, yesterday().minusDays(30).toString(), "Test Person", null));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("journeyId").asString();
    }

    private static ApiClient.Response assignCaseworker(ApiClient client, String journey, String caseworkerId) {
        return client.post(
                milestones(journey),
                Map.of(
                        "type",
                        "CASEWORKER_ASSIGNED",
                        "occurredOn",
                        yesterday().toString(),
                        "caseworkerId",
                        caseworkerId));
    }

    private static void createCaseworker(String username, String password) {
        ApiClient.Response created = nodeA.admin()
                .post(
                        "/api/admin/users",
                        Map.of(
                                "username", username,
                                "password", password,
                                "roles", List.of("CASEWORKER"),
                                "municipalityCode", MUNICIPALITY));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    private static ApiClient caseworker(ServiceProcess node) {
        return ApiClient.as(node.port(), CASEWORKER, PASSWORD);
    }

    private static LocalDate yesterday() {
        return LocalDate.now(BUSINESS_TIME).minusDays(1);
    }

    private static String milestones(String journey) {
        return "/api/journeys/" + journey + "/milestones";
    }

    /** A 201 is acknowledged; anything else is kept as "status body", for the assertion to show. */
    private static void collect(
            String journey,
            ApiClient.Response answer,
            ConcurrentLinkedQueue<Acknowledged> acknowledged,
            ConcurrentLinkedQueue<String> otherAnswers) {
        if (answer.status() == 201) {
            acknowledged.add(Acknowledged.of(journey, answer));
        } else {
            otherAnswers.add(answer.status() + " " + answer.body());
        }
    }

    /** Runs {@code clients} clients at once, started together; their results in client order. */
    private static <T> List<T> concurrently(int clients, IntFunction<T> client) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(clients);
        try {
            CyclicBarrier start = new CyclicBarrier(clients);
            List<Future<T>> running = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int number = c;
                running.add(threads.submit(() -> {
                    start.await(WAIT_SECONDS, TimeUnit.SECONDS);
                    return client.apply(number);
                }));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> result : running) {
                results.add(result.get(WAIT_SECONDS, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            threads.shutdownNow();
        }
    }

    private static void inParallel(int clients, ClientLoop loop) throws Exception {
        concurrently(clients, client -> {
            loop.run(client);
            return null;
        });
    }

    @FunctionalInterface
    private interface ClientLoop {
        void run(int client);
    }

    /**
     * The journeys' stored events after registration are exactly the acknowledged ones: each event id once, at the
     * version its 201 told, and nothing else; each journey registered once.
     */
    private static void assertStoredExactlyAsAcknowledged(List<String> journeys, Iterable<Acknowledged> acknowledged)
            throws SQLException {
        Set<Acknowledged> told = new HashSet<>();
        acknowledged.forEach(told::add);
        List<Acknowledged> stored = new ArrayList<>();
        try (Connection connection = nodeA.connection();
                PreparedStatement query = connection.prepareStatement(
                        "select aggregate_identifier, event_identifier, sequence_number from domain_event_entry"
                                + " where aggregate_identifier = any (?) order by aggregate_identifier,"
                                + " sequence_number")) {
            query.setArray(1, connection.createArrayOf("text", journeys.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    stored.add(new Acknowledged(rows.getString(1), rows.getString(2), rows.getLong(3)));
                }
            }
        }
        assertThat(stored.stream().filter(event -> event.version() == 0).map(Acknowledged::journey))
                .as("each journey registered once")
                .containsExactlyInAnyOrderElementsOf(journeys);
        assertThat(stored.stream().filter(event -> event.version() > 0))
                .as("what the clients were told, and nothing else")
                .containsExactlyInAnyOrderElementsOf(told);
    }

    private static List<String> businessEvents(String journey) throws SQLException {
        List<String> types = new ArrayList<>();
        try (Connection connection = nodeA.connection();
                PreparedStatement query = connection.prepareStatement(
                        "select payload_type from domain_event_entry where aggregate_identifier = ?"
                                + " and payload_type like '%Business%' order by sequence_number")) {
            query.setString(1, journey);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String type = rows.getString(1);
                    types.add(type.substring(type.lastIndexOf('.') + 1));
                }
            }
        }
        return types;
    }

    /** An event a client was told was recorded (or that the store holds): journey, event id, version. */
    private record Acknowledged(String journey, String eventId, long version) {
        static Acknowledged of(String journey, ApiClient.Response recorded) {
            return new Acknowledged(
                    journey,
                    recorded.json().path("eventId").asString(),
                    recorded.json().path("version").asLong());
        }
    }
}
