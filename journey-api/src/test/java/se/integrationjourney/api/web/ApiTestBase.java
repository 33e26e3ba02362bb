package se.integrationjourney.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import se.integrationjourney.api.accesslog.AccessLog;
import se.integrationjourney.api.commandhandling.CommandHandlingConfiguration;
import se.integrationjourney.api.security.AccountStore;
import se.integrationjourney.api.testsupport.ApiClient;
import se.integrationjourney.api.testsupport.ApiTestAccounts;
import se.integrationjourney.api.testsupport.RequestBodies;
import se.integrationjourney.projections.caseload.CaseloadMemory;

/** Full-stack HTTP tests: the real service on a random port, its own database, an account per role. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "journey.admin-password=" + ApiTestAccounts.ADMIN_PASSWORD)
public abstract class ApiTestBase {

    @LocalServerPort
    protected int port;

    @Autowired
    AccountStore accounts;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    private CaseloadMemory caseloadMemory;

    /** Reads are written to the access log behind the answer: {@code accessLog.flush()} before reading the table. */
    @Autowired
    protected AccessLog accessLog;

    @BeforeEach
    void accounts() {
        ApiTestAccounts.ensure(accounts, passwords);
    }

    protected ApiClient admin() {
        return ApiClient.as(port, ApiTestAccounts.ADMIN, ApiTestAccounts.ADMIN_PASSWORD);
    }

    protected ApiClient caseworker() {
        return ApiClient.as(port, ApiTestAccounts.CASEWORKER_TOREBODA, ApiTestAccounts.PASSWORD);
    }

    protected ApiClient otherCaseworker() {
        return ApiClient.as(port, ApiTestAccounts.CASEWORKER_TRELLEBORG, ApiTestAccounts.PASSWORD);
    }

    protected ApiClient analyst() {
        return ApiClient.as(port, ApiTestAccounts.ANALYST, ApiTestAccounts.PASSWORD);
    }

    protected ApiClient auditor() {
        return ApiClient.as(port, ApiTestAccounts.AUDITOR, ApiTestAccounts.PASSWORD);
    }

    protected ApiClient anonymous() {
        return ApiClient.anonymous(port);
    }

    /** The Töreboda caseworker's username with a password that is not theirs. */
    protected ApiClient wrongPassword() {
        return ApiClient.as(port, ApiTestAccounts.CASEWORKER_TOREBODA, "not the right password at all");
    }

    /** Today in the service's business time zone (business dates may not be in the future). */
    protected static LocalDate today() {
        return LocalDate.now(CommandHandlingConfiguration.BUSINESS_TIME_ZONE);
    }

    /** A milestone body: type, business date and the fields of that type as name/value pairs. */
    protected static Map<String, Object> milestone(String type, Object occurredOn, Object... fields) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("occurredOn", occurredOn.toString());
        for (int i = 0; i < fields.length; i += 2) {
            body.put((String) fields[i], fields[i + 1]);
        }
        return body;
    }

    /** Records a milestone as {@code client}, insisting on 201, and returns its event id. */
    protected static String record(ApiClient client, String journeyId, Map<String, Object> milestone) {
        ApiClient.Response recorded = client.post("/api/journeys/" + journeyId + "/milestones", milestone);
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        return recorded.json().path("eventId").asString();
    }

    /** Rows of the event store for one journey: what a refused write must leave unchanged. */
    protected long eventsOf(String journeyId) {
        return jdbc.queryForObject(
                "select count(*) from domain_event_entry where aggregate_identifier = ?", Long.class, journeyId);
    }

    /**
     * A view has caught up (docs/api.md: position ≥ headPosition and not replaying), as the admin API says.
     * Checked before reading a view, so that everything recorded so far is in the answer. For the caseload, also
     * this node's copy in memory then holds what the view's table holds (it follows the table's commits, a moment
     * later).
     */
    protected boolean viewCaughtUp(String view) {
        ApiClient.Response projections = admin().get("/api/admin/projections");
        assertThat(projections.status()).as(projections.body()).isEqualTo(200);
        for (tools.jackson.databind.JsonNode status : projections.json()) {
            if (status.path("name").asString().equals(view)) {
                boolean caughtUp = status.path("position").asLong()
                                >= status.path("headPosition").asLong()
                        && !status.path("replaying").asBoolean();
                if (caughtUp && view.equals("caseload")) {
                    caseloadMemory.sync(Duration.ofSeconds(60));
                }
                return caughtUp;
            }
        }
        throw new AssertionError("no view named " + view);
    }

    /** Waits until these views have caught up, for pages and queries that read a view rather than the events. */
    protected void awaitViewsCaughtUp(String... views) {
        await().atMost(Duration.ofSeconds(60)).until(() -> Arrays.stream(views).allMatch(this::viewCaughtUp));
    }

    /**
     * Waits until the clock has passed the moment (at the event store's millisecond precision), so that whatever is
     * recorded next is stored after it: for questions as known at a moment between two recordings.
     */
    protected static void awaitTheClockPast(Instant moment) {
        Instant stored = moment.truncatedTo(ChronoUnit.MILLIS);
        await().until(() -> Instant.now().truncatedTo(ChronoUnit.MILLIS).isAfter(stored));
    }

    /** A moment after everything stored so far and before anything stored next. */
    protected static Instant aMomentPassed() {
        Instant moment = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        awaitTheClockPast(moment);
        return moment;
    }

    /** All rows of the event store. */
    protected long allEvents() {
        return jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
    }

    /** A registration body in Töreboda, arrived on {@code arrivalDate}. */
    protected static Map<String, Object> registration(String arrivalDate, String fullName, String identityNumber) {
        return RequestBodies.registration(ApiTestAccounts.TOREBODA, arrivalDate, fullName, identityNumber);
    }

    /** Registers a journey as the Töreboda caseworker and returns its id. */
    protected String registerJourney(String arrivalDate) {
        ApiClient.Response created = caseworker().post("/api/journeys", registration(arrivalDate, "Amal Haddad", null));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("journeyId").asString();
    }

    protected static void assertProblem(ApiClient.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("status").asInt()).isEqualTo(status);
        assertThat(response.json().path("type").asString()).startsWith("urn:integration-journey:problem:");
        assertThat(response.json().path("title").asString()).isNotBlank();
        assertThat(response.json().path("detail").asString()).isNotBlank();
        assertThat(response.body())
                .doesNotContain("Exception")
                .doesNotContain("at se.")
                .doesNotContain("SQL");
    }
}
