package se.integrationjourney.api.projections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import se.integrationjourney.api.process.ServiceProcess;
import se.integrationjourney.api.testsupport.ApiClient;
import se.integrationjourney.api.testsupport.Registrations;
import se.integrationjourney.projections.testsupport.ThrowawayDatabase;
import tools.jackson.databind.JsonNode;

/**
 * Two nodes of the service, each a process of its own, on one database: the views' segments are shared between them,
 * a node killed with {@code kill -9} has its segments taken over by the other, a rebuild asked on both runs once and
 * both serve the rebuilt views, and a node that stops politely lets its segments go. Writes go through both nodes all
 * along, each node to journeys of its own (what one node's caches make of another's writes is another test's), and
 * every view is then compared with a rebuild of it.
 *
 * <p>The claim timeout is {@value #CLAIM_TIMEOUT}, so that a dead node's segments move within seconds. The processes
 * live as long as the class: starting one takes 10 to 20 s; the tests run in order, each starting what it misses.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesProcessingTest {

    private static final String CLAIM_TIMEOUT = "3s";
    private static final String MUNICIPALITY = "1380";
    private static final String NODE_A = "node-a";
    /** A guard against a hang, not a measure: waits end as soon as their condition holds. */
    private static final Duration DEADLINE = Duration.ofMinutes(2);

    /** Every view's tables, compared row by row with a rebuild's. */
    private static final Map<String, List<String>> VIEW_TABLES = Map.of(
            "journey-state", List.of("journey_state"),
            "caseload", List.of("caseload", "caseload_settings"),
            "outcomes", List.of("outcome_facts"),
            "studies", List.of("study_list"));

    private static final Pattern REBUILD_STARTED = Pattern.compile("Views \\[([^]]*)]: rebuild started");
    private static final Pattern REBUILT_SERVE =
            Pattern.compile("Views \\[([^]]*)]: rebuilt views have caught up and now serve");

    /** The writers' and the concurrent requests' threads: the common pool may have a single one on two cores. */
    private static final ExecutorService THREADS = Executors.newCachedThreadPool();

    private static ThrowawayDatabase database;
    private static ServiceProcess nodeA;
    private static ServiceProcess nodeB;
    /** Every write a node answered 2xx: the journey, and the event's id (null for a registration). */
    private static final List<Acknowledged> acknowledged = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void startTwoNodes() {
        database = ThrowawayDatabase.named();
        bothNodesRunning();
    }

    /** A failed test's writers stop with it, so that the next test starts without writes going on. */
    @AfterEach
    void stopWriters() {
        List.copyOf(Writer.running).forEach(Writer::stop);
    }

    @AfterAll
    static void stopNodes() throws SQLException {
        for (ServiceProcess node : new ServiceProcess[] {nodeA, nodeB}) {
            if (node != null) {
                node.close();
            }
        }
        database.destroy();
        THREADS.shutdownNow();
    }

    @Test
    @Order(1)
    void givenTwoNodes_whenARebuildIsAskedOnBothAtOnce_thenItRunsOnceAndBothServeTheRebuiltViewsAndFollowNewEvents()
            throws Exception {
        bothNodesRunning();
        awaitSegmentsHeldByBoth();
        String quiet = register(nodeA.admin(), "Quiet Journey");
        record(nodeA.admin(), quiet, 0);
        awaitCaughtUp(nodeA);
        awaitCaughtUp(nodeB);
        try (Connection connection = nodeA.connection()) {
            update(connection, "delete from journey_state where journey_id = ?::uuid", quiet);
        }
        assertThat(nodeB.admin().get("/api/journeys/" + quiet).status())
                .as("node B reads the damaged live view")
                .isEqualTo(404);

        Writer onA = Writer.start(nodeA, "a");
        Writer onB = Writer.start(nodeB, "b");
        await().atMost(DEADLINE).until(() -> onA.journeys() >= 3 && onB.journeys() >= 3);
        long logA = Files.size(nodeA.log());
        long logB = Files.size(nodeB.log());
        CompletableFuture<ApiClient.Response> askedOnA =
                CompletableFuture.supplyAsync(() -> nodeA.admin().post("/api/admin/projections/rebuild", ""), THREADS);
        CompletableFuture<ApiClient.Response> askedOnB =
                CompletableFuture.supplyAsync(() -> nodeB.admin().post("/api/admin/projections/rebuild", ""), THREADS);
        assertThat(askedOnA.get().status()).isEqualTo(202);
        assertThat(askedOnB.get().status()).isEqualTo(202);
        await().atMost(DEADLINE)
                .untilAsserted(() -> assertThat(viewsIn(REBUILT_SERVE, nodeA, logA, nodeB, logB))
                        .as(() -> "swapped in so far; node A's status " + statusOf(nodeA) + "; node B's "
                                + statusOf(nodeB))
                        .hasSize(VIEW_TABLES.size()));

        List<String> started = viewsIn(REBUILD_STARTED, nodeA, logA, nodeB, logB);
        assertThat(started)
                .as("every view's rebuild started once, on one of the nodes")
                .containsExactlyInAnyOrderElementsOf(VIEW_TABLES.keySet());
        assertThat(viewsIn(REBUILT_SERVE, nodeA, logA, nodeB, logB))
                .as("and swapped in once")
                .containsExactlyInAnyOrderElementsOf(VIEW_TABLES.keySet());
        ApiClient.Response repaired = nodeB.admin().get("/api/journeys/" + quiet);
        assertThat(repaired.status()).as("node B reads the rebuilt view").isEqualTo(200);
        assertThat(repaired.json().path("version").asLong()).isEqualTo(1);
        int journeysAtSwap = onA.journeys() + onB.journeys();
        ApiClient.Response later = record(nodeB.admin(), quiet, 1);
        await().atMost(DEADLINE)
                .alias("node B follows a new event in the rebuilt view")
                .until(() -> nodeB.admin()
                                .get("/api/journeys/" + quiet)
                                .json()
                                .path("version")
                                .asLong()
                        == later.json().path("version").asLong());
        await().atMost(DEADLINE).until(() -> onA.journeys() + onB.journeys() >= journeysAtSwap + 6);
        onA.stop();
        onB.stop();

        assertThat(onA.failures()).isEmpty();
        assertThat(onB.failures()).isEmpty();
        awaitSegmentsHeldByBoth();
        assertEveryAcknowledgedEventStoredOnce();
        assertEveryViewEqualsARebuildOn(nodeB);
        assertEachNodesCaseloadListsTheView(nodeA, nodeB);
    }

    @Test
    @Order(2)
    void givenTwoNodes_whenOneIsKilledWhileWritesGoOn_thenTheOtherTakesOverItsSegmentsAndEveryViewEqualsARebuild()
            throws Exception {
        bothNodesRunning();
        awaitSegmentsHeldByBoth();
        String nameA = nodeA.admin().nodeName();
        String nameB = nodeB.admin().nodeName();
        Writer onA = Writer.start(nodeA, "a");
        Writer onB = Writer.start(nodeB, "b");
        await().atMost(DEADLINE).until(() -> onA.journeys() >= 5 && onB.journeys() >= 5);

        nodeB.kill();
        Instant killed = Instant.now();
        await().atMost(DEADLINE)
                .pollInterval(Duration.ofMillis(100))
                .alias("node A holds every segment of every view")
                .until(() -> owners(nodeA).equals(Set.of(nameA)));
        // Reported, not asserted: the bound is the claim timeout plus a sixth of it (docs/architecture.md).
        System.out.println("Segments of " + nameB + " taken over by " + nameA + " "
                + Duration.between(killed, Instant.now()).toMillis() + " ms after kill -9 (claim timeout "
                + CLAIM_TIMEOUT + ")");
        int journeysAtTakeover = onA.journeys();
        await().atMost(DEADLINE).until(() -> onA.journeys() >= journeysAtTakeover + 5);
        onA.stop();
        onB.stop();

        assertThat(onA.failures()).as("node A answered every write").isEmpty();
        assertThat(onB.journeys())
                .as("node B answered writes until it was killed")
                .isPositive();
        awaitCaughtUp(nodeA);
        assertEveryAcknowledgedEventStoredOnce();
        assertEveryViewEqualsARebuildOn(nodeA);
        assertEachNodesCaseloadListsTheView(nodeA);
    }

    @Test
    @Order(3)
    void givenANodeThatIsStoppedPolitely_whenItHasStopped_thenItHoldsNoSegmentAndIsNoLongerCounted() throws Exception {
        if (nodeA == null || !nodeA.isAlive()) {
            nodeA = start(NODE_A);
        }
        await().atMost(DEADLINE).until(() -> owners(nodeA).contains(NODE_A));

        assertThat(nodeA.stopPolitely())
                .as("SIGTERM: the JVM's exit code for it")
                .isEqualTo(143);

        try (Connection connection = nodeA.connection()) {
            assertThat(count(connection, "select count(*) from token_entry where owner = ?", NODE_A))
                    .as("its claims released, not left to expire")
                    .isZero();
            assertThat(count(connection, "select count(*) from processing_node where node_name = ?", NODE_A))
                    .isZero();
        }
    }

    // ---- the nodes

    /** Node A is named {@value #NODE_A}; node B has the default name, host:port. */
    private static void bothNodesRunning() {
        if (nodeA == null || !nodeA.isAlive()) {
            nodeA = start(NODE_A);
        }
        if (nodeB == null || !nodeB.isAlive()) {
            nodeB = start(null);
        }
    }

    private static ServiceProcess start(String name) {
        List<String> arguments = new ArrayList<>(List.of("--journey.processing.claim-timeout=" + CLAIM_TIMEOUT));
        if (name != null) {
            arguments.add("--journey.node.name=" + name);
        }
        return ServiceProcess.startOn(database, arguments.toArray(String[]::new));
    }

    private static void awaitSegmentsHeldByBoth() {
        String nameB = nodeB.admin().nodeName();
        assertThat(nameB).as("the default name").endsWith(":" + nodeB.port());
        await().atMost(DEADLINE)
                .alias("each node holds segments, and each node's status says so")
                .until(() -> owners(nodeA).equals(Set.of(NODE_A, nameB))
                        && owners(nodeB).equals(Set.of(NODE_A, nameB)));
    }

    /**
     * The nodes holding the views' segments, as the node's status shows them; a segment held by none, or a view without
     * segments yet, counts too.
     */
    private static Set<String> owners(ServiceProcess node) {
        Set<String> owners = new HashSet<>();
        for (JsonNode view : views(node)) {
            if (view.path("segments").isEmpty()) {
                owners.add("(no segments yet)");
            }
            view.path("segments")
                    .forEach(segment -> owners.add(
                            segment.hasNonNull("owner") ? segment.path("owner").asString() : "(none)"));
        }
        return owners;
    }

    private static List<JsonNode> views(ServiceProcess node) {
        ApiClient.Response status = node.admin().get("/api/admin/projections");
        assertThat(status.status()).as(status.body()).isEqualTo(200);
        List<JsonNode> views = new ArrayList<>();
        status.json().forEach(views::add);
        return views;
    }

    private static void awaitCaughtUp(ServiceProcess node) {
        await().atMost(DEADLINE)
                .untilAsserted(() -> assertThat(views(node))
                        .as(() -> "caught up, not replaying: " + statusOf(node))
                        .allMatch(view -> !view.path("replaying").asBoolean()
                                && view.path("position").asLong()
                                        >= view.path("headPosition").asLong()));
    }

    /** The node's status of the views, for a failure's message. */
    private static String statusOf(ServiceProcess node) {
        return node.isAlive() ? node.admin().get("/api/admin/projections").body() : "(not running)";
    }

    /** The views named in the lines matching {@code pattern} each node logged since the offset given. */
    private static List<String> viewsIn(
            Pattern pattern, ServiceProcess first, long firstFrom, ServiceProcess second, long secondFrom)
            throws IOException {
        List<String> views = new ArrayList<>();
        views.addAll(viewsIn(pattern, first, firstFrom));
        views.addAll(viewsIn(pattern, second, secondFrom));
        return views;
    }

    private static List<String> viewsIn(Pattern pattern, ServiceProcess node, long from) throws IOException {
        byte[] log = Files.readAllBytes(node.log());
        Matcher lines = pattern.matcher(new String(log, (int) from, log.length - (int) from, StandardCharsets.UTF_8));
        List<String> views = new ArrayList<>();
        while (lines.find()) {
            views.addAll(List.of(lines.group(1).split(", ")));
        }
        return views;
    }

    // ---- what the views and the store hold

    private static void assertEveryAcknowledgedEventStoredOnce() throws SQLException {
        assertThat(acknowledged).isNotEmpty();
        try (Connection connection = nodeA.connection()) {
            for (Acknowledged write : List.copyOf(acknowledged)) {
                long stored = write.eventId() == null
                        ? count(
                                connection,
                                "select count(*) from domain_event_entry where aggregate_identifier = ?"
                                        + " and sequence_number = 0",
                                write.journeyId())
                        : count(
                                connection,
                                "select count(*) from domain_event_entry where event_identifier = ?",
                                write.eventId());
                assertThat(stored).as(write.toString()).isEqualTo(1);
            }
        }
    }

    /**
     * Every view's tables, row for row, equal what a rebuild of every view on {@code node} makes of the same events:
     * what two nodes built together, handing segments over, is what one node builds from the first event.
     */
    private static void assertEveryViewEqualsARebuildOn(ServiceProcess node) throws SQLException {
        awaitCaughtUp(node);
        assertThat(views(node).stream().map(view -> view.path("name").asString()))
                .as("every view of the service is compared")
                .containsExactlyInAnyOrderElementsOf(VIEW_TABLES.keySet());
        Map<String, List<String>> built = contents();
        assertThat(built.get("journey_state")).isNotEmpty();

        assertThat(node.admin().post("/api/admin/projections/rebuild", "").status())
                .isEqualTo(202);
        awaitCaughtUp(node);

        Map<String, List<String>> rebuilt = contents();
        built.forEach((table, rows) -> assertThat(rebuilt.get(table)).as(table).isEqualTo(rows));
    }

    /**
     * Each node's caseload, answered from its copy of the view in memory (followed through the rebuild's swap and the
     * writes of both nodes), lists exactly the open journeys of the view's table.
     */
    private static void assertEachNodesCaseloadListsTheView(ServiceProcess... nodes) throws SQLException {
        List<String> open = new ArrayList<>();
        try (Connection connection = nodeA.connection();
                PreparedStatement statement = connection.prepareStatement(
                        "select journey_id::text from caseload where municipality_code = ? and not closed")) {
            statement.setString(1, MUNICIPALITY);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    open.add(rows.getString(1));
                }
            }
        }
        assertThat(open).hasSizeLessThanOrEqualTo(500).isNotEmpty();
        for (ServiceProcess node : nodes) {
            await().atMost(DEADLINE).untilAsserted(() -> {
                JsonNode page = node.admin()
                        .get("/api/caseload?municipalityCode=" + MUNICIPALITY + "&size=500")
                        .json();
                List<String> listed = new ArrayList<>();
                page.path("items")
                        .forEach(item -> listed.add(item.path("journeyId").asString()));
                assertThat(listed).as(node.admin().nodeName()).containsExactlyInAnyOrderElementsOf(open);
            });
        }
    }

    /** Every row of every view's table as JSON text, in a stable order, by table. */
    private static Map<String, List<String>> contents() throws SQLException {
        Map<String, List<String>> contents = new LinkedHashMap<>();
        try (Connection connection = nodeA.connection()) {
            for (List<String> tables : VIEW_TABLES.values()) {
                for (String table : tables) {
                    List<String> rows = new ArrayList<>();
                    try (PreparedStatement select = connection.prepareStatement(
                                    "select to_jsonb(t)::text from " + table + " t order by 1");
                            ResultSet result = select.executeQuery()) {
                        while (result.next()) {
                            rows.add(result.getString(1));
                        }
                    }
                    contents.put(table, rows);
                }
            }
        }
        return contents;
    }

    private static long count(Connection connection, String sql, String parameter) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, parameter);
            try (ResultSet result = select.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    private static void update(Connection connection, String sql, String parameter) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            update.setString(1, parameter);
            update.executeUpdate();
        }
    }

    // ---- writes

    /** Registers a journey through {@code client}; its id. */
    private static String register(ApiClient client, String name) {
        ApiClient.Response created = client.post("/api/journeys", Registrations.newcomer(MUNICIPALITY, name));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String journeyId = created.json().path("journeyId").asString();
        acknowledged.add(new Acknowledged(journeyId, null));
        return journeyId;
    }

    /** Records the {@code n}th of a few milestones on the journey through {@code client}. */
    private static ApiClient.Response record(ApiClient client, String journeyId, int n) {
        Map<String, Object> milestone = switch (n % 3) {
            case 0 -> Map.of("type", "CASEWORKER_ASSIGNED", "occurredOn", "2024-01-12", "caseworkerId", "cw-1");
            case 1 -> Map.of("type", "HOUSING_SECURED", "occurredOn", "2024-02-01", "tenure", "FIRST_HAND");
            default -> Map.of("type", "SFI_ENROLLED", "occurredOn", "2024-02-15", "studyPath", 1);
        };
        ApiClient.Response recorded = client.post("/api/journeys/" + journeyId + "/milestones", milestone);
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        acknowledged.add(
                new Acknowledged(journeyId, recorded.json().path("eventId").asString()));
        return recorded;
    }

    private record Acknowledged(String journeyId, String eventId) {}

    /**
     * Writes through one node, one request after another, until stopped or until the node stops answering: each
     * journey registered and given three milestones. A failure of a request to a live node is recorded for the test
     * to see; once a node is killed its writer stops at the first request that gets no answer.
     */
    private static final class Writer {

        /** The writers not stopped yet. */
        static final List<Writer> running = Collections.synchronizedList(new ArrayList<>());

        private final ServiceProcess node;
        private final String prefix;
        private final AtomicBoolean stopped = new AtomicBoolean();
        private final AtomicInteger journeys = new AtomicInteger();
        private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
        private CompletableFuture<Void> writing;

        private Writer(ServiceProcess node, String prefix) {
            this.node = node;
            this.prefix = prefix;
        }

        static Writer start(ServiceProcess node, String prefix) {
            Writer writer = new Writer(node, prefix);
            writer.writing = CompletableFuture.runAsync(writer::write, THREADS);
            running.add(writer);
            return writer;
        }

        int journeys() {
            return journeys.get();
        }

        List<String> failures() {
            return failures;
        }

        void stop() {
            stopped.set(true);
            writing.join();
            running.remove(this);
        }

        private void write() {
            ApiClient client = node.admin();
            while (!stopped.get()) {
                try {
                    String journey = register(client, "Writer " + prefix + " " + journeys.get());
                    for (int n = 0; n < 3; n++) {
                        record(client, journey, n);
                    }
                    journeys.incrementAndGet();
                } catch (IllegalStateException noAnswer) {
                    if (node.isAlive()) {
                        failures.add(noAnswer.toString());
                    }
                    return;
                } catch (AssertionError refused) {
                    failures.add(refused.getMessage());
                    return;
                }
            }
        }
    }
}
