package se.integrationjourney.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.integrationjourney.api.testsupport.ApiClient;
import se.integrationjourney.api.testsupport.ApiTestAccounts;
import tools.jackson.databind.JsonNode;

/** Administration over HTTP: accounts, the views' status and their rebuild. */
class AdminApiTest extends ApiTestBase {

    private static final String PASSWORD = "a perfectly long password";

    @Test
    void givenANewCaseworkerAccount_whenItSignsIn_thenItRegistersInItsMunicipalityOnlyAndIsTheRecorder() {
        String username = "cw." + UUID.randomUUID().toString().substring(0, 8) + "@toreboda.se";

        ApiClient.Response created = admin().post(
                        "/api/admin/users",
                        account(username, PASSWORD, List.of("CASEWORKER"), ApiTestAccounts.TOREBODA));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().path("username").asString()).isEqualTo(username);
        assertThat(created.json().path("municipalityCode").asString()).isEqualTo(ApiTestAccounts.TOREBODA);
        assertThat(created.body()).doesNotContain(PASSWORD);
        ApiClient newcomer = ApiClient.as(port, username, PASSWORD);
        ApiClient.Response registered =
                newcomer.post("/api/journeys", registration(today().minusDays(2).toString(), "Nour Khalil", null));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        String journeyId = registered.json().path("journeyId").asString();
        ApiClient.Response timeline = newcomer.get("/api/journeys/" + journeyId + "/timeline");
        assertThat(timeline.json().get(0).path("type").asString()).isEqualTo("NEWCOMER_REGISTERED");
        assertThat(timeline.json().get(0).path("recordedBy").asString()).isEqualTo(username);
        Map<String, Object> elsewhere = new HashMap<>(registration(today().toString(), "Nour Khalil", null));
        elsewhere.put("municipalityCode", ApiTestAccounts.TRELLEBORG);
        assertProblem(newcomer.post("/api/journeys", elsewhere), 403);
        assertProblem(ApiClient.as(port, username, PASSWORD + "!").get("/api/caseload"), 401);
    }

    @Test
    void givenAnAnalystAccount_whenCreated_thenItReadsOutcomesAndNoJourneys() {
        String username = "analyst-" + UUID.randomUUID();

        ApiClient.Response created =
                admin().post("/api/admin/users", account(username, PASSWORD, List.of("ANALYST"), null));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        ApiClient analyst = ApiClient.as(port, username, PASSWORD);
        assertThat(analyst.get("/api/outcomes/two-years-after?cohortYear=2021").status())
                .isEqualTo(200);
        assertProblem(analyst.get("/api/caseload"), 403);
    }

    @Test
    void givenATakenUsername_whenCreatingTheAccountAgain_then409AndTheFirstPasswordStillWorks() {
        String username = "taken-" + UUID.randomUUID();
        assertThat(admin().post("/api/admin/users", account(username, PASSWORD, List.of("AUDITOR"), null))
                        .status())
                .isEqualTo(201);

        ApiClient.Response again =
                admin().post("/api/admin/users", account(username, "another long password", List.of("ADMIN"), null));

        assertProblem(again, 409);
        assertThat(again.body()).doesNotContain(username);
        assertThat(ApiClient.as(port, username, PASSWORD)
                        .get("/api/journeys/" + UUID.randomUUID() + "/timeline")
                        .status())
                .isEqualTo(404);
        assertProblem(ApiClient.as(port, username, "another long password").get("/api/caseload"), 401);
        assertProblem(
                admin().post("/api/admin/users", account(ApiTestAccounts.ADMIN, PASSWORD, List.of("ADMIN"), null)),
                409);
    }

    @Test
    void givenInvalidAccounts_whenCreating_then400ProblemsAndNoAccount() {
        String username = "invalid-" + UUID.randomUUID();

        ApiClient.Response noMunicipality =
                admin().post("/api/admin/users", account(username, PASSWORD, List.of("CASEWORKER"), null));
        ApiClient.Response unknownRole =
                admin().post("/api/admin/users", account(username, PASSWORD, List.of("SUPERVISOR"), null));
        ApiClient.Response shortPassword =
                admin().post("/api/admin/users", account(username, "short", List.of("ANALYST"), null));
        ApiClient.Response noRoles = admin().post("/api/admin/users", account(username, PASSWORD, List.of(), null));
        ApiClient.Response badMunicipality =
                admin().post("/api/admin/users", account(username, PASSWORD, List.of("CASEWORKER"), "Töreboda"));
        ApiClient.Response badUsername =
                admin().post("/api/admin/users", account("a b", PASSWORD, List.of("ANALYST"), null));
        Map<String, Object> extraField = account(username, PASSWORD, List.of("ANALYST"), null);
        extraField.put("isSuperuser", true);
        ApiClient.Response unknownField = admin().post("/api/admin/users", extraField);

        assertProblem(noMunicipality, 400);
        assertThat(noMunicipality.body()).contains("municipalityCode");
        assertProblem(unknownRole, 400);
        assertThat(fields(unknownRole)).anyMatch(field -> field.startsWith("roles"));
        assertThat(unknownRole.body()).doesNotContain("SUPERVISOR");
        assertProblem(shortPassword, 400);
        assertThat(fields(shortPassword)).containsExactly("password");
        assertThat(shortPassword.body()).doesNotContain("\"short\"");
        assertProblem(noRoles, 400);
        assertThat(fields(noRoles)).containsExactly("roles");
        assertProblem(badMunicipality, 400);
        assertThat(fields(badMunicipality)).containsExactly("municipalityCode");
        assertProblem(badUsername, 400);
        assertThat(fields(badUsername)).containsExactly("username");
        assertProblem(unknownField, 400);
        assertThat(fields(unknownField)).containsExactly("body");
        assertThat(unknownField.body()).doesNotContain("isSuperuser");
        assertThat(accounts.find(username)).isEmpty();
        assertThat(accounts.find("a b")).isEmpty();
    }

    @Test
    void givenTheViews_whenListingProjections_thenEachHasTheContractFields() {
        registerJourney(today().minusDays(1).toString());

        ApiClient.Response response = admin().get("/api/admin/projections");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
        List<String> names = new ArrayList<>();
        for (JsonNode view : response.json()) {
            names.add(view.path("name").asString());
            List<String> fields = new ArrayList<>(view.propertyNames());
            assertThat(fields)
                    .contains(
                            "name",
                            "position",
                            "headPosition",
                            "replaying",
                            "progress",
                            "eventsPerSecond",
                            "lastError");
            assertThat(view.path("position").isIntegralNumber()).isTrue();
            assertThat(view.path("headPosition").asLong()).isPositive();
            assertThat(view.path("replaying").isBoolean()).isTrue();
            assertThat(view.path("progress").asDouble()).isBetween(0.0, 1.0);
            assertThat(view.path("eventsPerSecond").asDouble()).isGreaterThanOrEqualTo(0.0);
            assertThat(view.path("lastError").isNull() || view.path("lastError").isString())
                    .isTrue();
        }
        assertThat(names).contains("journey-state", "caseload", "outcomes");
    }

    @Test
    void givenAView_whenRebuilt_then202AndItCatchesUpWhileStillServing() {
        String caseworkerId = "rebuild-" + UUID.randomUUID();
        journeyInTheCaseloadOf(caseworkerId);

        ApiClient.Response rebuild = admin().post("/api/admin/projections/caseload/rebuild", "");

        assertThat(rebuild.status()).as(rebuild.body()).isEqualTo(202);
        assertThat(rebuild.json().path("name").asString()).isEqualTo("caseload");
        assertThat(caseloadTotal(caseworkerId))
                .as("the old view serves while the new one fills")
                .isEqualTo(1);
        await().atMost(Duration.ofSeconds(60)).until(() -> viewCaughtUp("caseload"));
        assertThat(caseloadTotal(caseworkerId)).isEqualTo(1);
        JsonNode status = statusOf("caseload");
        assertThat(status.path("progress").asDouble()).isEqualTo(1.0);
        assertThat(status.path("lastError").isNull()).isTrue();
    }

    @Test
    void givenJourneys_whenAllViewsRebuiltTogether_then202AndEveryViewCatchesUpWithTheSameRows() {
        String caseworkerId = "rebuild-all-" + UUID.randomUUID();
        String journeyId = journeyInTheCaseloadOf(caseworkerId);
        String journeyBefore = admin().get("/api/journeys/" + journeyId).body();

        ApiClient.Response rebuild = admin().post("/api/admin/projections/rebuild", "");

        assertThat(rebuild.status()).as(rebuild.body()).isEqualTo(202);
        List<String> replaying = new ArrayList<>();
        rebuild.json().forEach(view -> {
            if (view.path("replaying").asBoolean()) {
                replaying.add(view.path("name").asString());
            }
        });
        assertThat(replaying).contains("journey-state", "caseload", "outcomes");
        assertThat(caseloadTotal(caseworkerId))
                .as("the old views serve while the new ones fill")
                .isEqualTo(1);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> List.of("journey-state", "caseload", "outcomes").stream()
                        .allMatch(this::viewCaughtUp));
        assertThat(caseloadTotal(caseworkerId)).isEqualTo(1);
        assertThat(admin().get("/api/journeys/" + journeyId).body()).isEqualTo(journeyBefore);
        assertThat(statusOf("outcomes").path("lastError").isNull()).isTrue();
    }

    @Test
    void givenAnUnknownView_whenRebuilding_then404Problem() {
        assertProblem(admin().post("/api/admin/projections/no-such-view/rebuild", ""), 404);
        assertProblem(admin().post("/api/admin/projections/Caseload/rebuild", ""), 404);
    }

    /** A journey assigned to the caseworker, once the caseload view shows it; returns its id. */
    private String journeyInTheCaseloadOf(String caseworkerId) {
        String journeyId = registerJourney(today().minusDays(3).toString());
        record(
                caseworker(),
                journeyId,
                milestone("CASEWORKER_ASSIGNED", today().minusDays(2), "caseworkerId", caseworkerId));
        await().atMost(Duration.ofSeconds(30)).until(() -> caseloadTotal(caseworkerId) == 1);
        return journeyId;
    }

    private long caseloadTotal(String caseworkerId) {
        ApiClient.Response caseload = admin().get("/api/caseload?caseworkerId=" + caseworkerId);
        assertThat(caseload.status()).as(caseload.body()).isEqualTo(200);
        return caseload.json().path("total").asLong();
    }

    private JsonNode statusOf(String view) {
        for (JsonNode status : admin().get("/api/admin/projections").json()) {
            if (status.path("name").asString().equals(view)) {
                return status;
            }
        }
        throw new AssertionError("no view named " + view);
    }

    private static Map<String, Object> account(
            String username, String password, List<String> roles, String municipalityCode) {
        Map<String, Object> body = new HashMap<>();
        body.put("username", username);
        body.put("password", password);
        body.put("roles", roles);
        if (municipalityCode != null) {
            body.put("municipalityCode", municipalityCode);
        }
        return body;
    }

    private static List<String> fields(ApiClient.Response problem) {
        List<String> fields = new ArrayList<>();
        problem.json()
                .path("errors")
                .forEach(error -> fields.add(error.path("field").asString()));
        return fields;
    }

    @Test
    void givenAnIdempotencyKey_whenTheSameAccountIsCreatedTwice_thenTheFirstAnswerComesBack() {
        java.util.Map<String, Object> account = java.util.Map.of(
                "username",
                "idempotent-analyst",
                "password",
                "a long enough password",
                "roles",
                java.util.List.of("ANALYST"));
        se.integrationjourney.api.testsupport.ApiClient keyed = admin().with("Idempotency-Key", "create-analyst-1");

        se.integrationjourney.api.testsupport.ApiClient.Response first = keyed.post("/api/admin/users", account);
        se.integrationjourney.api.testsupport.ApiClient.Response repeat = keyed.post("/api/admin/users", account);

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(repeat.status()).isEqualTo(201);
        assertThat(repeat.json()).isEqualTo(first.json());
        assertThat(repeat.header("Idempotent-Replayed")).isEqualTo("true");
    }

    @Test
    void givenNoCredentials_whenRefused_thenTheProblemIsUtf8() {
        se.integrationjourney.api.testsupport.ApiClient.Response refused =
                anonymous().get("/api/admin/projections");

        assertProblem(refused, 401);
        assertThat(refused.contentType()).containsIgnoringCase("charset=UTF-8");
    }
}
