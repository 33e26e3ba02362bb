package se.integrationjourney.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import se.integrationjourney.api.testsupport.ApiClient;
import se.integrationjourney.api.testsupport.ApiTestAccounts;

/**
 * What a careless or hostile client finds at the edge of the API (issue 14): text PostgreSQL cannot store, loose
 * JSON, other media types, oversized bodies, cross-site writes, and the shape of every error. Each refusal records
 * nothing.
 */
@ExtendWith(OutputCaptureExtension.class)
class RequestEdgeApiTest extends ApiTestBase {

    private static final String IDENTITY_NUMBER = "19811218-9876";

    // --- text PostgreSQL cannot store

    @Test
    void givenANulInTheNameOfARegistration_whenPosted_then400NamingTheFieldAndNothingRecorded() {
        long before = allEvents();

        ApiClient.Response response = caseworker().post("/api/journeys", registration("2024-01-10", "A\u0000B", null));

        assertProblem(response, 400);
        assertThat(response.json().path("errors").get(0).path("field").asString())
                .isEqualTo("personalDetails.fullName");
        assertThat(allEvents()).isEqualTo(before);
    }

    @Test
    void givenAnUnpairedSurrogateOrANulInAnyField_whenPosted_then400AndNothingRecorded() {
        String journey = registerJourney("2024-01-10");
        long before = allEvents();

        ApiClient.Response correction = caseworker()
                .post(
                        "/api/journeys/" + journey + "/personal-details-corrections",
                        "{\"fullName\":\"Amal \\ud800 Haddad\"}");
        ApiClient.Response lowAlone = caseworker()
                .post(
                        "/api/journeys/" + journey + "/personal-details-corrections",
                        "{\"fullName\":\"Amal \\udc00 Haddad\"}");
        ApiClient.Response caseworkerId = caseworker()
                .post(
                        "/api/journeys/" + journey + "/milestones",
                        milestone("CASEWORKER_ASSIGNED", "2024-01-11", "caseworkerId", "cw\u0000-1"));
        ApiClient.Response summary = caseworker()
                .post(
                        "/api/journeys/" + journey + "/milestones",
                        milestone(
                                "ACTION_PLAN_ESTABLISHED",
                                "2024-01-11",
                                "goals",
                                List.of("WORK"),
                                "summary",
                                "x\u0000"));
        ApiClient.Response paired = caseworker()
                .post(
                        "/api/journeys/" + journey + "/personal-details-corrections",
                        "{\"fullName\":\"Amal \\ud83d\\ude00 Haddad\"}");

        for (ApiClient.Response refused : List.of(correction, lowAlone, caseworkerId, summary)) {
            assertProblem(refused, 400);
            assertThat(refused.json().path("errors").get(0).path("message").asString())
                    .contains("cannot be stored");
        }
        assertThat(paired.status())
                .as("a surrogate pair is an ordinary character")
                .isEqualTo(201);
        assertThat(allEvents()).isEqualTo(before + 1);
    }

    @Test
    void givenANulInAQueryParameterOrThePath_whenAsked_then400NotA500() {
        assertProblem(caseworker().get("/api/caseload?caseworkerId=%00"), 400);
        assertProblem(caseworker().get("/api/caseload?caseworkerId=a%00b&size=5"), 400);
        assertProblem(caseworker().get("/api/caseload?municipalityCode=%ED%A0%80"), 400);
    }

    // --- strict JSON

    @Test
    void givenLooseJson_whenPosted_thenEachIsRefusedWith400AndNothingRecorded() {
        String journey = registerJourney("2024-01-10");
        String milestones = "/api/journeys/" + journey + "/milestones";
        long before = allEvents();

        Map<String, ApiClient.Response> answers = new java.util.LinkedHashMap<>();
        answers.put(
                "ordinal enums",
                caseworker()
                        .post(
                                milestones,
                                milestone(
                                        "ACTION_PLAN_ESTABLISHED",
                                        "2024-01-11",
                                        "goals",
                                        List.of(1, 2),
                                        "summary",
                                        "plan")));
        answers.put(
                "fraction as integer",
                caseworker()
                        .post(
                                milestones,
                                milestone(
                                        "CIVIC_ORIENTATION_COMPLETED",
                                        "2024-01-11",
                                        "hours",
                                        1.5,
                                        "language",
                                        "arabic")));
        answers.put(
                "number as text",
                caseworker().post("/api/journeys/" + journey + "/personal-details-corrections", "{\"fullName\":123}"));
        answers.put(
                "boolean as text",
                caseworker().post("/api/journeys/" + journey + "/personal-details-corrections", "{\"fullName\":true}"));
        answers.put(
                "text as number",
                caseworker()
                        .post(
                                milestones,
                                milestone(
                                        "CIVIC_ORIENTATION_COMPLETED",
                                        "2024-01-11",
                                        "hours",
                                        "60",
                                        "language",
                                        "arabic")));
        answers.put(
                "date-time as date",
                caseworker().post(milestones, milestone("INTRODUCTORY_MEETING_HELD", "2024-01-11T10:15:00")));
        answers.put(
                "duplicate key",
                caseworker()
                        .post(
                                milestones,
                                "{\"type\":\"INTRODUCTORY_MEETING_HELD\",\"occurredOn\":\"2024-01-11\",\"occurredOn\":\"2024-01-12\"}"));
        answers.put(
                "trailing tokens",
                caseworker()
                        .post(milestones, "{\"type\":\"INTRODUCTORY_MEETING_HELD\",\"occurredOn\":\"2024-01-11\"} {}"));

        answers.forEach((what, answer) -> {
            assertThat(answer.status()).as(what + ": " + answer.body()).isEqualTo(400);
            assertProblem(answer, 400);
        });
        assertThat(allEvents()).isEqualTo(before);
    }

    @Test
    void givenAPastedIdentityNumberInAnUnknownFieldOrAFieldOfAnotherType_whenPosted_thenItIsNotEchoed() {
        String journey = registerJourney("2024-01-10");

        ApiClient.Response asKey = caseworker()
                .post(
                        "/api/journeys/" + journey + "/milestones",
                        "{\"type\":\"INTRODUCTORY_MEETING_HELD\",\"occurredOn\":\"2024-01-11\",\"" + IDENTITY_NUMBER
                                + "\":1}");
        ApiClient.Response asValue = caseworker()
                .post(
                        "/api/journeys/" + journey + "/milestones",
                        milestone("INTRODUCTORY_MEETING_HELD", IDENTITY_NUMBER));
        ApiClient.Response asBirthYear = caseworker()
                .post("/api/journeys", "{\"municipalityCode\":\"1473\",\"birthYear\":\"" + IDENTITY_NUMBER + "\"}");

        for (ApiClient.Response refused : List.of(asKey, asValue, asBirthYear)) {
            assertProblem(refused, 400);
            assertThat(refused.body()).doesNotContain(IDENTITY_NUMBER).doesNotContain("9876");
        }
    }

    // --- media types and sizes

    @Test
    void givenAnotherMediaTypeThanJson_whenPostedOrAskedFor_then415Or406() {
        String yaml = "municipalityCode: '1473'\n";
        long before = allEvents();

        ApiClient.Response yamlIn =
                caseworker().send("POST", "/api/journeys", "application/yaml", yaml.getBytes(StandardCharsets.UTF_8));
        ApiClient.Response xmlIn = caseworker()
                .send("POST", "/api/journeys", "application/xml", "<journey/>".getBytes(StandardCharsets.UTF_8));
        ApiClient.Response formIn = caseworker()
                .send(
                        "POST",
                        "/api/journeys",
                        "application/x-www-form-urlencoded",
                        "municipalityCode=1473".getBytes(StandardCharsets.UTF_8));
        ApiClient.Response yamlOut =
                caseworker().with("Accept", "application/yaml").get("/api/caseload");
        ApiClient.Response xmlOut =
                caseworker().with("Accept", "application/xml").get("/api/caseload");

        assertProblem(yamlIn, 415);
        assertProblem(xmlIn, 415);
        assertProblem(formIn, 415);
        assertThat(yamlIn.json().path("detail").asString()).contains("application/json");
        assertThat(yamlOut.status()).isEqualTo(406);
        assertThat(xmlOut.status()).isEqualTo(406);
        assertThat(allEvents()).isEqualTo(before);
    }

    @Test
    void givenABodyOverTheLimit_whenPostedWithOrWithoutItsLength_then413BeforeItIsRead() {
        byte[] huge = ("{\"municipalityCode\":\"" + "1".repeat(200_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        long before = allEvents();

        ApiClient.Response withLength = caseworker().send("POST", "/api/journeys", "application/json", huge);
        ApiClient.Response chunked = caseworker().postChunked("/api/journeys", () -> new ByteArrayInputStream(huge));

        assertProblem(withLength, 413);
        assertProblem(chunked, 413);
        assertThat(withLength.json().path("detail").asString()).contains("65536 bytes");
        assertThat(allEvents()).isEqualTo(before);
    }

    // --- errors outside the controllers

    @Test
    void givenTheErrorPageAskedForDirectly_whenRequested_then404Problem() {
        assertProblem(anonymous().get("/error"), 404);
        assertProblem(admin().get("/error"), 404);
    }

    @Test
    void givenAnAddressTomcatRefusesItself_whenRequested_thenTheAnswerIsAProblemNotAnHtmlPage() throws Exception {
        String answer = rawRequest("GET /api/journeys/%zz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 400");
        assertThat(answer)
                .contains("application/problem+json")
                .doesNotContain("<html")
                .doesNotContain("Tomcat");
    }

    @Test
    void givenAnyAnswer_whenReceived_thenItCarriesAContentSecurityPolicyAndNoReferrer() {
        ApiClient.Response answer = caseworker().get("/api/caseload");

        assertThat(answer.header("Content-Security-Policy"))
                .contains("default-src 'self'")
                .contains("frame-ancestors 'none'");
        assertThat(answer.header("Referrer-Policy")).isEqualTo("same-origin");
    }

    // --- cross-site writes

    @Test
    void givenABodylessAdminPostFromAnotherSite_whenSent_then403AndNothingStarted() {
        ApiClient.Response crossSite = admin().with("Origin", "https://evil.example")
                .send("POST", "/api/admin/projections/caseload/rebuild", null, null);
        ApiClient.Response nullOrigin =
                admin().with("Origin", "null").send("POST", "/api/admin/projections/caseload/rebuild", null, null);
        ApiClient.Response sameSite =
                admin().with("Origin", "http://127.0.0.1:" + port).get("/api/admin/projections");
        ApiClient.Response noOrigin = admin().get("/api/admin/projections");

        assertProblem(crossSite, 403);
        assertProblem(nullOrigin, 403);
        assertThat(sameSite.status()).isEqualTo(200);
        assertThat(noOrigin.status()).isEqualTo(200);
        assertThat(noOrigin.json().findValues("replaying").stream()
                        .noneMatch(tools.jackson.databind.JsonNode::asBoolean))
                .as("no rebuild was started")
                .isTrue();
    }

    @Test
    void givenAWriteFromTheServicesOwnOrigin_whenSent_thenItIsRecorded() {
        ApiClient.Response sameOrigin = caseworker()
                .with("Origin", "http://127.0.0.1:" + port)
                .post("/api/journeys", registration("2024-01-10", "Amal Haddad", null));

        assertThat(sameOrigin.status()).as(sameOrigin.body()).isEqualTo(201);
    }

    // --- accounts

    @Test
    void givenAUsernameDifferingOnlyInCase_whenCreatedOrSignedInWith_thenItIsTheSameAccount() {
        String username = "Case.Worker." + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> account = Map.of(
                "username",
                username,
                "password",
                "a long enough password",
                "roles",
                List.of("CASEWORKER"),
                "municipalityCode",
                ApiTestAccounts.TOREBODA);
        assertThat(admin().post("/api/admin/users", account).status()).isEqualTo(201);

        ApiClient.Response again = admin().post(
                        "/api/admin/users",
                        Map.of(
                                "username",
                                username.toLowerCase(),
                                "password",
                                "another long password",
                                "roles",
                                List.of("ADMIN")));
        ApiClient.Response signedIn = ApiClient.as(port, username.toUpperCase(), "a long enough password")
                .get("/api/caseload");

        assertProblem(again, 409);
        assertThat(signedIn.status()).isEqualTo(200);
        assertThat(accounts.find(username.toLowerCase()).orElseThrow().username())
                .isEqualTo(username);
    }

    @Test
    void givenAUsernameWithANul_whenSigningIn_then401NotA500() {
        ApiClient.Response answer = ApiClient.as(port, "admin\u0000", ApiTestAccounts.ADMIN_PASSWORD)
                .get("/api/caseload");

        assertProblem(answer, 401);
    }

    // --- health

    @Test
    void givenAWrongPasswordOnHealth_whenAsked_thenAnsweredAsAnAnonymousCaller() {
        ApiClient.Response wrong = wrongPassword().get("/actuator/health");
        ApiClient.Response anonymous = anonymous().get("/actuator/health");
        ApiClient.Response asAdmin = admin().get("/actuator/health");

        assertThat(wrong.status()).isEqualTo(200);
        assertThat(wrong.json().has("components")).isFalse();
        assertThat(anonymous.status()).isEqualTo(200);
        assertThat(asAdmin.json().path("components").has("db")).isTrue();
    }

    // --- correlation ids

    @Test
    void givenACorrelationId_whenAWriteIsRecorded_thenTheLogLineAndTheEventsMetadataCarryIt(CapturedOutput output) {
        String correlationId = "edge-test-" + UUID.randomUUID();

        ApiClient.Response created = caseworker()
                .with("X-Correlation-Id", correlationId)
                .with("Origin", "https://evil.example")
                .post("/api/journeys", registration("2024-01-10", "A", null));
        ApiClient.Response recorded = caseworker()
                .with("X-Correlation-Id", correlationId + "-2")
                .post("/api/journeys", registration("2024-01-10", "Amal Haddad", null));

        assertThat(created.status()).isEqualTo(403);
        assertThat(recorded.status()).isEqualTo(201);
        String metadata = new String(
                jdbc.queryForObject(
                        "select meta_data from domain_event_entry" + " where aggregate_identifier = ?",
                        byte[].class,
                        recorded.json().path("journeyId").asString()),
                StandardCharsets.UTF_8);
        assertThat(metadata)
                .contains("\"correlationId\":\"" + correlationId + "-2\"")
                .doesNotContain("traceId");
        assertThat(output.getAll()).contains("[" + correlationId + "]");
    }

    private String rawRequest(String request) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
