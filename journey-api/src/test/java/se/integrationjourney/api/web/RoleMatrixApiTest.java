package se.integrationjourney.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import se.integrationjourney.api.testsupport.ApiClient;
import se.integrationjourney.api.testsupport.ApiTestAccounts;

/**
 * Every endpoint of the API (docs/api.md, Roles) against every kind of caller: the allowed ones succeed, the others
 * get 401 (no or invalid credentials) or 403 (role or municipality) as problem+json, and a refused request records
 * nothing.
 */
class RoleMatrixApiTest extends ApiTestBase {

    /** Who calls. The journey used is always one of Töreboda's, so the Töreboda caseworker is the "own" one. */
    enum Caller {
        OWN_CASEWORKER,
        OTHER_CASEWORKER,
        ANALYST,
        AUDITOR,
        ADMIN,
        NO_CREDENTIALS,
        WRONG_PASSWORD
    }

    /** The expected status per endpoint (rows) and caller (columns, in {@link Caller} order). */
    private static final String MATRIX = """
            #                      OWN_CW OTHER_CW ANALYST AUDITOR ADMIN NONE WRONG_PW
            REGISTER                201    403      403     403     201   401  401
            READ_JOURNEY            200    403      403     403     200   401  401
            RECORD_MILESTONE        201    403      403     403     201   401  401
            RETRACT                 201    403      403     403     201   401  401
            CORRECT_PERSONAL_DETAILS 201   403      403     403     201   401  401
            TIMELINE                200    403      403     200     200   401  401
            READS                   403    403      403     200     200   401  401
            CHAIN_VERIFICATION      403    403      403     200     200   401  401
            EXPORT                  403    403      403     200     200   401  401
            VERIFY_STORE            403    403      403     202     202   401  401
            STORE_VERIFICATIONS     403    403      403     200     200   401  401
            READS_CSV               403    403      403     200     200   401  401
            ACCOUNT_READS           403    403      403     200     200   401  401
            ACCOUNT_READS_CSV       403    403      403     200     200   401  401
            CASELOAD                200    403      403     403     200   401  401
            TWO_YEARS_AFTER_JSON    403    403      200     403     200   401  401
            TWO_YEARS_AFTER_CSV     403    403      200     403     200   401  401
            TIME_TO_JSON            403    403      200     403     200   401  401
            TIME_TO_CSV             403    403      200     403     200   401  401
            CUMULATIVE_REACH_JSON   403    403      200     403     200   401  401
            CUMULATIVE_REACH_CSV    403    403      200     403     200   401  401
            WHAT_CHANGED            403    403      200     403     200   401  401
            CREATE_ACCOUNT          403    403      403     403     201   401  401
            PROJECTIONS             403    403      403     403     200   401  401
            REBUILD                 403    403      403     403     202   401  401
            REBUILD_ALL             403    403      403     403     202   401  401
            PROMETHEUS              403    403      403     403     200   401  401
            SAVE_STUDY              403    403      201     403     201   401  401
            STUDIES                 403    403      200     403     200   401  401
            SUBJECT_ACCESS          403    403      403     200     200   401  401
            RETENTION_DRY_RUN       403    403      403     403     200   401  401
            """;

    /** A journey of Töreboda with one milestone, for the endpoints that act on a journey. */
    record Target(String journeyId, String milestoneEventId) {}

    @FunctionalInterface
    interface Call {
        ApiClient.Response send(ApiClient client, Target target, String newUsername);
    }

    enum Endpoint {
        REGISTER(
                false,
                (client, target, username) -> client.post(
                        "/api/journeys", registration(today().minusDays(10).toString(), "Matrix Person", null))),
        READ_JOURNEY(true, (client, target, username) -> client.get("/api/journeys/" + target.journeyId())),
        RECORD_MILESTONE(
                true,
                (client, target, username) -> client.post(
                        "/api/journeys/" + target.journeyId() + "/milestones",
                        milestone("TEMPORARY_HOUSING_PROVIDED", today().minusDays(5)))),
        RETRACT(
                true,
                (client, target, username) -> client.post(
                        "/api/journeys/" + target.journeyId() + "/retractions",
                        Map.of("eventId", target.milestoneEventId(), "reason", "recorded on the wrong journey"))),
        CORRECT_PERSONAL_DETAILS(
                true,
                (client, target, username) -> client.post(
                        "/api/journeys/" + target.journeyId() + "/personal-details-corrections",
                        Map.of("fullName", "Amal Haddad Karim"))),
        TIMELINE(true, (client, target, username) -> client.get("/api/journeys/" + target.journeyId() + "/timeline")),
        READS(true, (client, target, username) -> client.get("/api/audit/journeys/" + target.journeyId() + "/reads")),
        CHAIN_VERIFICATION(
                true,
                (client, target, username) ->
                        client.get("/api/audit/journeys/" + target.journeyId() + "/verification")),
        EXPORT(true, (client, target, username) -> client.get("/api/audit/journeys/" + target.journeyId() + "/export")),
        VERIFY_STORE(false, (client, target, username) -> client.post("/api/audit/verifications", "")),
        STORE_VERIFICATIONS(false, (client, target, username) -> client.get("/api/audit/verifications")),
        READS_CSV(
                true,
                (client, target, username) ->
                        client.with("Accept", "text/csv").get("/api/audit/journeys/" + target.journeyId() + "/reads")),
        ACCOUNT_READS(false, (client, target, username) -> client.get("/api/audit/accounts/cw-toreboda/reads")),
        ACCOUNT_READS_CSV(
                false,
                (client, target, username) ->
                        client.with("Accept", "text/csv").get("/api/audit/accounts/cw-toreboda/reads")),
        CASELOAD(
                false,
                (client, target, username) -> client.get("/api/caseload?municipalityCode=" + ApiTestAccounts.TOREBODA)),
        TWO_YEARS_AFTER_JSON(
                false, (client, target, username) -> client.get("/api/outcomes/two-years-after?cohortYear=2021")),
        TWO_YEARS_AFTER_CSV(
                false,
                (client, target, username) ->
                        client.with("Accept", "text/csv").get("/api/outcomes/two-years-after?cohortYear=2021")),
        TIME_TO_JSON(
                false,
                (client, target, username) ->
                        client.get("/api/outcomes/time-to?milestone=HOUSING_SECURED&from=ARRIVAL&cohortYear=2024")),
        TIME_TO_CSV(
                false,
                (client, target, username) -> client.with("Accept", "text/csv")
                        .get("/api/outcomes/time-to?milestone=HOUSING_SECURED&from=ARRIVAL&cohortYear=2024")),
        CUMULATIVE_REACH_JSON(
                false,
                (client, target, username) -> client.get(
                        "/api/outcomes/time-to/cumulative?milestone=HOUSING_SECURED&from=ARRIVAL&cohortYear=2024")),
        CUMULATIVE_REACH_CSV(
                false,
                (client, target, username) -> client.with("Accept", "text/csv")
                        .get(
                                "/api/outcomes/time-to/cumulative?milestone=HOUSING_SECURED&from=ARRIVAL&cohortYear=2024")),
        WHAT_CHANGED(
                false,
                (client, target, username) ->
                        client.get("/api/outcomes/two-years-after/changes?cohortYear=2021&before=2020-01-01")),
        CREATE_ACCOUNT(
                false,
                (client, target, username) -> client.post(
                        "/api/admin/users",
                        Map.of(
                                "username",
                                username,
                                "password",
                                "a long enough password",
                                "roles",
                                List.of("ANALYST")))),
        PROJECTIONS(false, (client, target, username) -> client.get("/api/admin/projections")),
        REBUILD(false, (client, target, username) -> client.post("/api/admin/projections/caseload/rebuild", "")),
        REBUILD_ALL(false, (client, target, username) -> client.post("/api/admin/projections/rebuild", "")),
        PROMETHEUS(false, (client, target, username) -> client.get("/actuator/prometheus")),
        SAVE_STUDY(
                false,
                (client, target, username) -> client.post(
                        "/api/studies",
                        Map.of("title", "Matris", "query", Map.of("kind", "TWO_YEARS_AFTER", "cohortYear", 2021)))),
        STUDIES(false, (client, target, username) -> client.get("/api/studies")),
        SUBJECT_ACCESS(
                false,
                (client, target, username) ->
                        client.post("/api/audit/subject-access", Map.of("personalIdentityNumber", "199003012391"))),
        RETENTION_DRY_RUN(false, (client, target, username) -> client.get("/api/admin/retention/dry-run"));

        final boolean needsJourney;
        final Call call;

        Endpoint(boolean needsJourney, Call call) {
            this.needsJourney = needsJourney;
            this.call = call;
        }
    }

    static Stream<Arguments> matrix() {
        return MATRIX.lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .flatMap(line -> {
                    String[] cells = line.split("\\s+");
                    assertThat(cells).hasSize(Caller.values().length + 1);
                    Endpoint endpoint = Endpoint.valueOf(cells[0]);
                    return IntStream.range(0, Caller.values().length)
                            .mapToObj(column -> Arguments.of(
                                    endpoint, Caller.values()[column], Integer.parseInt(cells[column + 1])));
                });
    }

    @ParameterizedTest(name = "{0} as {1} -> {2}")
    @MethodSource("matrix")
    void givenACaller_whenCallingAnEndpoint_thenAllowedOrRefusedAsTheContractSays(
            Endpoint endpoint, Caller caller, int expected) {
        Target target = endpoint.needsJourney ? journeyWithAMilestone() : null;
        String newUsername = "matrix-" + UUID.randomUUID();
        long journeyEventsBefore = target == null ? 0 : eventsOf(target.journeyId());
        long allEventsBefore = allEvents();

        ApiClient.Response response = endpoint.call.send(client(caller), target, newUsername);

        if (expected >= 400) {
            assertProblem(response, expected);
            assertThat(allEvents()).as("a refused request records nothing").isEqualTo(allEventsBefore);
            assertThat(accounts.find(newUsername)).isEmpty();
            return;
        }
        assertThat(response.status()).as(response.body()).isEqualTo(expected);
        switch (endpoint) {
            case REGISTER, SAVE_STUDY -> assertThat(allEvents()).isEqualTo(allEventsBefore + 1);
            case RECORD_MILESTONE, RETRACT, CORRECT_PERSONAL_DETAILS ->
                assertThat(eventsOf(target.journeyId())).isEqualTo(journeyEventsBefore + 1);
            case CREATE_ACCOUNT -> assertThat(accounts.find(newUsername)).isPresent();
            case TWO_YEARS_AFTER_CSV, TIME_TO_CSV, CUMULATIVE_REACH_CSV, READS_CSV, ACCOUNT_READS_CSV ->
                assertThat(response.contentType()).startsWith("text/csv");
            case TWO_YEARS_AFTER_JSON,
                    TIME_TO_JSON,
                    CUMULATIVE_REACH_JSON,
                    WHAT_CHANGED,
                    READ_JOURNEY,
                    TIMELINE,
                    READS,
                    CHAIN_VERIFICATION,
                    EXPORT,
                    STORE_VERIFICATIONS,
                    ACCOUNT_READS,
                    CASELOAD,
                    PROJECTIONS,
                    STUDIES,
                    SUBJECT_ACCESS,
                    RETENTION_DRY_RUN -> assertThat(response.contentType()).startsWith("application/json");
            default -> assertThat(allEvents()).isEqualTo(allEventsBefore);
        }
    }

    @Test
    void givenRefusalsByRoleAndByMunicipality_whenComparingTheProblems_thenOneTypeHasOneTitle() {
        ApiClient.Response byRole = analyst().get("/api/caseload");
        ApiClient.Response byMunicipality =
                otherCaseworker().get("/api/caseload?municipalityCode=" + ApiTestAccounts.TOREBODA);
        ApiClient.Response noCredentials = anonymous().get("/api/caseload");
        ApiClient.Response wrongPassword = wrongPassword().get("/api/caseload");

        assertProblem(byRole, 403);
        assertProblem(byMunicipality, 403);
        assertThat(byRole.json().path("type")).isEqualTo(byMunicipality.json().path("type"));
        assertThat(byRole.json().path("title")).isEqualTo(byMunicipality.json().path("title"));
        assertProblem(noCredentials, 401);
        assertThat(noCredentials.json()).isEqualTo(wrongPassword.json());
        assertThat(noCredentials.header("WWW-Authenticate")).startsWith("Basic");
    }

    private Target journeyWithAMilestone() {
        String journeyId = registerJourney(today().minusDays(30).toString());
        String eventId = record(caseworker(), journeyId, milestone("INTRODUCTORY_MEETING_HELD", today().minusDays(20)));
        return new Target(journeyId, eventId);
    }

    private ApiClient client(Caller caller) {
        return switch (caller) {
            case OWN_CASEWORKER -> caseworker();
            case OTHER_CASEWORKER -> otherCaseworker();
            case ANALYST -> analyst();
            case AUDITOR -> auditor();
            case ADMIN -> admin();
            case NO_CREDENTIALS -> anonymous();
            case WRONG_PASSWORD -> wrongPassword();
        };
    }
}
