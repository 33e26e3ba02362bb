package se.integrationjourney.api.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import se.integrationjourney.api.security.AccountStore;
import se.integrationjourney.api.security.Role;
import se.integrationjourney.api.testsupport.ApiClient;
import se.integrationjourney.api.testsupport.ApiTestAccounts;
import se.integrationjourney.api.web.ApiTestBase;
import tools.jackson.databind.JsonNode;

/**
 * The auditors' questions through the API: what an account was shown and did in a period (reads and acts, newest
 * first, the period's ends as dates or instants, capped with a signal), who was shown a journey, both as CSV; bad
 * parameters named, the roles that may ask. Journeys are in Storuman (2421), where no other test class records;
 * each test asks about an account of its own.
 */
class AuditApiTest extends ApiTestBase {

    private static final String STORUMAN = "2421";

    @Autowired
    AccountStore accountStore;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Test
    void givenAnAccountsReadsAndActs_whenAnAuditorAsks_thenBothComeNewestFirstWithTheirKindAndNoPersonalData() {
        String account = caseworker("cw-storuman");
        String journey = register("Vera Storuman");
        ApiClient reader = ApiClient.as(port, account, ApiTestAccounts.PASSWORD);
        assertThat(reader.with("X-Correlation-Id", "audit-api-1")
                        .get("/api/journeys/" + journey)
                        .status())
                .isEqualTo(200);
        assertThat(reader.get("/api/journeys/" + journey + "/timeline").status())
                .isEqualTo(200);
        assertThat(reader.post(
                                "/api/account/password",
                                Map.of(
                                        "currentPassword",
                                        ApiTestAccounts.PASSWORD,
                                        "newPassword",
                                        "a new password here"))
                        .status())
                .isEqualTo(204);

        ApiClient.Response answer = auditor().get("/api/audit/accounts/" + account.toUpperCase() + "/reads");

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode body = answer.json();
        assertThat(body.path("capped").asBoolean()).isFalse();
        assertThat(body.path("limit").asInt()).isEqualTo(1000);
        Instant to = Instant.parse(body.path("to").asString());
        Instant from = Instant.parse(body.path("from").asString());
        assertThat(to).isBetween(Instant.now().minusSeconds(60), Instant.now());
        assertThat(from).isBetween(to.minus(31, ChronoUnit.DAYS), to.minus(29, ChronoUnit.DAYS));
        List<JsonNode> entries = body.path("entries").values().stream().toList();
        assertThat(entries)
                .extracting(entry -> entry.path("kind").asString() + " "
                        + entry.path("action").asString())
                .containsExactly("ACT PASSWORD_CHANGED", "READ TIMELINE_READ", "READ JOURNEY_READ");
        JsonNode read = entries.get(2);
        assertThat(read.path("resource").asString()).isEqualTo("GET /api/journeys/{journeyId}");
        assertThat(read.path("journeyIds").get(0).asString()).isEqualTo(journey);
        assertThat(read.path("roles").get(0).asString()).isEqualTo("CASEWORKER");
        assertThat(read.path("correlationId").asString()).isEqualTo("audit-api-1");
        assertThat(entries.get(0).path("subject").asString()).isEqualTo(account);
        assertThat(Instant.parse(entries.get(0).path("at").asString()))
                .isAfterOrEqualTo(Instant.parse(entries.get(1).path("at").asString()));
        assertThat(answer.body()).doesNotContain("Vera", "Storuman\"");
        assertThat(admin().get("/api/audit/accounts/" + account + "/reads")
                        .json()
                        .path("entries")
                        .size())
                .as("an administrator may ask too, and asking records nothing")
                .isEqualTo(3);
    }

    @Test
    void givenEntriesAroundAPeriod_whenAskedWithDatesOrInstants_thenOnlyThoseInsideComeAndDatesAreSwedishDays() {
        String account = "audit-period-" + UUID.randomUUID().toString().substring(0, 8);
        // 2025-02-28T23:30Z is 1 March 00:30 in Sweden; 2025-03-31T22:30Z is 1 April 00:30.
        for (String at : List.of(
                "2025-02-28T22:30:00Z",
                "2025-02-28T23:30:00Z",
                "2025-03-15T12:00:00Z",
                "2025-03-31T21:30:00Z",
                "2025-03-31T22:30:00Z")) {
            insertRead(account, Instant.parse(at));
        }
        String path = "/api/audit/accounts/" + account + "/reads";

        assertThat(ats(auditor().get(path + "?from=2025-03-01&to=2025-03-31")))
                .containsExactly("2025-03-31T21:30:00Z", "2025-03-15T12:00:00Z", "2025-02-28T23:30:00Z");
        assertThat(ats(auditor().get(path + "?from=2025-02-28T23:30:00Z&to=2025-03-31T21:30:00Z")))
                .as("from inclusive, to exclusive")
                .containsExactly("2025-03-15T12:00:00Z", "2025-02-28T23:30:00Z");
        assertThat(ats(auditor().get(path + "?from=2025-03-15T13:00:00%2B01:00&to=2025-04-01")))
                .as("an instant with its offset")
                .containsExactly("2025-03-31T22:30:00Z", "2025-03-31T21:30:00Z", "2025-03-15T12:00:00Z");
        assertThat(ats(auditor().get(path + "?to=2025-03-31")))
                .as("from: 30 days before to")
                .containsExactly("2025-03-31T21:30:00Z", "2025-03-15T12:00:00Z");
    }

    @Test
    void givenMoreEntriesThanAnAnswerHolds_whenAsked_thenTheNewestComeAndCappedSaysSo() {
        String account = "audit-capped-" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.update(
                "insert into access_log (at, username, roles, action, resource, journey_ids)"
                        + " select now() - n * interval '1 second', ?, 'CASEWORKER', 'JOURNEY_READ', 'GET /test',"
                        + " array[gen_random_uuid()] from generate_series(1, 1001) as n",
                account);

        JsonNode answer =
                auditor().get("/api/audit/accounts/" + account + "/reads").json();

        assertThat(answer.path("capped").asBoolean()).isTrue();
        assertThat(answer.path("entries").size()).isEqualTo(1000);
        Instant newest = Instant.parse(answer.path("entries").get(0).path("at").asString());
        Instant oldest =
                Instant.parse(answer.path("entries").get(999).path("at").asString());
        assertThat(newest.minus(999, ChronoUnit.SECONDS)).isEqualTo(oldest);
        ApiClient.Response csv = auditor().with("Accept", "text/csv").get("/api/audit/accounts/" + account + "/reads");
        assertThat(csv.body().split("\r\n"))
                .as("a header and every entry: the CSV holds more")
                .hasSize(1002);
        assertThat(csv.header("Access-Log-Capped")).isNull();
    }

    @Test
    void givenBadParameters_whenAsked_then400NamesEachAndNoValueTyped() {
        String path = "/api/audit/accounts/cw-storuman/reads";

        assertInvalid(auditor().get(path + "?from=yesterday"), "from");
        assertInvalid(auditor().get(path + "?to=2025-13-01"), "to");
        assertInvalid(auditor().get(path + "?from=2025-03-02&to=2025-03-01"), "from");
        assertInvalid(auditor().get(path + "?from=2025-03-01T10:00:00"), "from"); // no offset
        assertInvalid(auditor().get("/api/audit/accounts/" + "x".repeat(101) + "/reads"), "username");
        assertInvalid(auditor().with("Accept", "text/csv").get(path + "?from=yesterday"), "from");
    }

    @Test
    void givenEachRole_whenAskingWhatAnAccountRead_thenOnlyAuditorsAndAdministratorsMay() {
        String path = "/api/audit/accounts/cw-storuman/reads";

        assertThat(auditor().get(path).status()).isEqualTo(200);
        assertThat(admin().get(path).status()).isEqualTo(200);
        assertProblem(caseworker().get(path), 403);
        assertProblem(analyst().get(path), 403);
        assertProblem(anonymous().get(path), 401);
        assertProblem(auditor().with("Accept", "application/xml").get(path), 406);
    }

    @Test
    void givenReadsOfAJourneyAndOfAnAccount_whenAskedAsCsv_thenAHeaderRowQuotedFieldsCrlfAndUtf8() {
        String account = "audit-csv-" + UUID.randomUUID().toString().substring(0, 8);
        accountStore.create(
                account, passwordEncoder.encode(ApiTestAccounts.PASSWORD), EnumSet.of(Role.ADMIN, Role.AUDITOR), null);
        String journey = register("Åsa Ödmark");
        ApiClient twoRoles = ApiClient.as(port, account, ApiTestAccounts.PASSWORD);
        assertThat(twoRoles.with("X-Correlation-Id", "audit-csv-1")
                        .get("/api/journeys/" + journey)
                        .status())
                .isEqualTo(200);
        awaitViewsCaughtUp("caseload");
        assertThat(twoRoles.get("/api/caseload?municipalityCode=" + STORUMAN + "&size=100")
                        .status())
                .isEqualTo(200);

        ApiClient.Response ofJourney =
                auditor().with("Accept", "text/csv").get("/api/audit/journeys/" + journey + "/reads");
        ApiClient.Response ofAccount =
                auditor().with("Accept", "text/csv").get("/api/audit/accounts/" + account + "/reads");

        for (ApiClient.Response csv : List.of(ofJourney, ofAccount)) {
            assertThat(csv.status()).as(csv.body()).isEqualTo(200);
            assertThat(csv.contentType()).isEqualTo("text/csv;charset=UTF-8");
            assertThat(csv.header("Content-Disposition")).startsWith("attachment; filename=");
            assertThat(csv.body()).endsWith("\r\n").doesNotContain("Åsa", "Ödmark");
        }
        String[] journeyRows = ofJourney.body().split("\r\n");
        assertThat(journeyRows[0]).isEqualTo("at,username,roles,action,resource,correlationId");
        assertThat(journeyRows)
                .anySatisfy(row -> assertThat(row)
                        .endsWith("," + account
                                + ",\"ADMIN,AUDITOR\",JOURNEY_READ,GET /api/journeys/{journeyId},audit-csv-1"));
        String[] accountRows = ofAccount.body().split("\r\n");
        assertThat(accountRows[0]).isEqualTo("at,username,kind,action,roles,resource,journeyIds,subject,correlationId");
        assertThat(accountRows).hasSize(3);
        assertThat(accountRows[1]).contains(",READ,CASELOAD_READ,\"ADMIN,AUDITOR\",GET /api/caseload,");
        assertThat(accountRows[1].split(",")[7].split(" ")).contains(journey);
        assertThat(accountRows[2])
                .contains(",READ,JOURNEY_READ,\"ADMIN,AUDITOR\",GET /api/journeys/{journeyId}," + journey + ",,");
        assertThat(ofAccount.header("Content-Disposition")).contains("access-log-" + account + ".csv");
        assertProblem(
                auditor().with("Accept", "text/csv").get("/api/audit/journeys/" + UUID.randomUUID() + "/reads"), 404);
    }

    private static void assertInvalid(ApiClient.Response response, String parameter) {
        assertProblem(response, 400);
        List<String> named = new ArrayList<>();
        response.json()
                .path("errors")
                .forEach(error -> named.add(error.path("field").asString()));
        assertThat(named).as(response.body()).containsExactly(parameter);
        String explained = response.json().path("detail").asString()
                + response.json().path("errors").toString();
        assertThat(explained).doesNotContain("yesterday", "2025-13-01", "xxxxxxxxxx");
    }

    private List<String> ats(ApiClient.Response answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json().path("entries").values().stream()
                .map(entry -> entry.path("at").asString())
                .toList();
    }

    private void insertRead(String account, Instant at) {
        jdbc.update(
                "insert into access_log (at, username, roles, action, resource, journey_ids)"
                        + " values (?, ?, 'CASEWORKER', 'JOURNEY_READ', 'GET /test', array[gen_random_uuid()])",
                OffsetDateTime.ofInstant(at, ZoneOffset.UTC),
                account);
    }

    private String caseworker(String prefix) {
        String account = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        accountStore.create(
                account, passwordEncoder.encode(ApiTestAccounts.PASSWORD), EnumSet.of(Role.CASEWORKER), STORUMAN);
        return account;
    }

    private String register(String name) {
        Map<String, Object> body =
                new HashMap<>(registration(today().minusDays(10).toString(), name, null));
        body.put("municipalityCode", STORUMAN);
        ApiClient.Response created = admin().post("/api/journeys", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("journeyId").asString();
    }
}
