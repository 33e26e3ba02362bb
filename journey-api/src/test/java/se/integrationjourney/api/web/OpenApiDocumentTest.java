package se.integrationjourney.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import se.integrationjourney.api.testsupport.ApiTestAccounts;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The served OpenAPI document against the API's first version (docs/api.md) and against what the service really
 * serves: every path, enum and status code of the contract is described, and nothing is described that does not
 * run.
 */
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = "journey.admin-password=" + ApiTestAccounts.ADMIN_PASSWORD)
class OpenApiDocumentTest {

    /** Every operation of the API's first version ({id} is a journey id). */
    private static final List<String> CONTRACT_OPERATIONS = List.of(
            "POST /api/admin/users",
            "POST /api/journeys",
            "GET /api/journeys/{id}",
            "POST /api/journeys/{id}/milestones",
            "POST /api/journeys/{id}/retractions",
            "GET /api/journeys/{id}/timeline",
            "GET /api/caseload",
            "GET /api/outcomes/two-years-after",
            "GET /api/outcomes/time-to",
            "GET /api/admin/projections",
            "POST /api/admin/projections/{name}/rebuild",
            "GET /actuator/health",
            "GET /actuator/prometheus",
            "GET /v3/api-docs",
            "GET /swagger-ui.html");

    /** The milestone types of the API's first version, in its order. */
    private static final List<String> MILESTONE_TYPES = List.of(
            "CASEWORKER_ASSIGNED",
            "INTRODUCTORY_MEETING_HELD",
            "ACTION_PLAN_ESTABLISHED",
            "ACTION_PLAN_REVISED",
            "ESTABLISHMENT_PLAN_STARTED",
            "ESTABLISHMENT_PLAN_ENDED",
            "TEMPORARY_HOUSING_PROVIDED",
            "HOUSING_SECURED",
            "SFI_ENROLLED",
            "SFI_LEVEL_REACHED",
            "CIVIC_ORIENTATION_COMPLETED",
            "INTERNSHIP_STARTED",
            "INTERNSHIP_ENDED",
            "EMPLOYMENT_STARTED",
            "EMPLOYMENT_ENDED",
            "BUSINESS_STARTED",
            "BUSINESS_CLOSED",
            "STUDIES_STARTED",
            "STUDIES_ENDED",
            "FINANCIAL_ASSISTANCE_STARTED",
            "FINANCIAL_ASSISTANCE_ENDED",
            "SELF_SUFFICIENCY_REACHED",
            "SELF_SUFFICIENCY_LOST",
            "FOLLOW_UP_RECORDED",
            "JOURNEY_CLOSED",
            "JOURNEY_REOPENED");

    private static final List<String> GENDERS = List.of("FEMALE", "MALE", "OTHER", "UNKNOWN");
    private static final List<String> STATUSES = List.of(
            "EMPLOYED", "SUBSIDISED_EMPLOYMENT", "SELF_EMPLOYED", "STUDYING", "FINANCIAL_ASSISTANCE", "UNKNOWN");
    private static final List<String> TIME_TO_MILESTONES = List.of(
            "HOUSING_SECURED",
            "SFI_LEVEL_B",
            "CIVIC_ORIENTATION_COMPLETED",
            "INTERNSHIP_STARTED",
            "EMPLOYMENT_STARTED",
            "IN_WORK_OR_STUDIES",
            "SELF_SUFFICIENCY_REACHED");
    private static final List<String> FROM = List.of("ARRIVAL", "ESTABLISHMENT_START");
    private static final List<String> ROLES = List.of("CASEWORKER", "ANALYST", "AUDITOR", "ADMIN");

    private static final HttpClient HTTP =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static JsonNode document;

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlerMapping;

    @BeforeAll
    static void forget() {
        document = null;
    }

    @Test
    void givenNoCredentials_whenFetchingTheDocument_thenItDescribesTheServiceWithBothSecuritySchemes()
            throws Exception {
        JsonNode doc = document();

        assertThat(doc.path("openapi").asString()).startsWith("3.");
        assertThat(doc.path("info").path("title").asString()).isNotBlank();
        assertThat(doc.path("info").path("version").asString()).isNotBlank();
        assertThat(doc.path("info").path("description").asString()).isNotBlank();
        JsonNode schemes = doc.path("components").path("securitySchemes");
        assertThat(schemes.path("basicAuth").path("scheme").asString()).isEqualTo("basic");
        assertThat(schemes.path("bearerAuth").path("scheme").asString()).isEqualTo("bearer");
        assertThat(schemes.path("bearerAuth").path("bearerFormat").asString()).isEqualTo("JWT");
        assertThat(doc.path("security").values().stream()
                        .flatMap(requirement -> requirement.propertyNames().stream())
                        .toList())
                .containsExactlyInAnyOrder("basicAuth", "bearerAuth");
        assertThat(operation(doc, "GET /actuator/health").path("security").isArray())
                .isTrue();
        assertThat(operation(doc, "GET /actuator/health").path("security").isEmpty())
                .isTrue();
        assertThat(operation(doc, "GET /v3/api-docs").path("security").isArray())
                .isTrue();
        assertThat(operation(doc, "GET /v3/api-docs").path("security").isEmpty())
                .isTrue();
    }

    @Test
    void givenTheContract_whenReadingTheDocument_thenEveryContractOperationIsThere() throws Exception {
        Set<String> documented = normalized(operations(document()));

        assertThat(documented).containsAll(normalized(CONTRACT_OPERATIONS));
    }

    @Test
    void givenTheDocument_whenComparingWithTheServedHandlers_thenItListsExactlyTheApiOperationsThatRun()
            throws Exception {
        Set<String> served = new TreeSet<>();
        for (RequestMappingInfo mapping : handlerMapping.getHandlerMethods().keySet()) {
            for (String path : mapping.getPatternValues()) {
                if (path.startsWith("/api/")) {
                    mapping.getMethodsCondition()
                            .getMethods()
                            .forEach(method -> served.add(method.name() + " " + path));
                }
            }
        }
        Set<String> documentedApi = operations(document()).stream()
                .filter(op -> op.split(" ")[1].startsWith("/api/"))
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(served).isNotEmpty();
        assertThat(documentedApi).isEqualTo(served);
    }

    @Test
    void givenTheDocumentedOperationsOutsideTheApi_whenCalled_thenEachAnswers() throws Exception {
        String admin = "Basic "
                + Base64.getEncoder()
                        .encodeToString(("admin:" + ApiTestAccounts.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        List<String> others = operations(document()).stream()
                .filter(op -> !op.split(" ")[1].startsWith("/api/"))
                .toList();

        assertThat(others)
                .containsExactlyInAnyOrder(
                        "GET /actuator/health", "GET /actuator/prometheus", "GET /v3/api-docs", "GET /swagger-ui.html");
        assertThat(get("/actuator/health", null).statusCode()).isEqualTo(200);
        assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/prometheus", admin).statusCode()).isEqualTo(200);
        assertThat(get("/v3/api-docs", null).statusCode()).isEqualTo(200);
    }

    @Test
    void givenSwaggerUi_whenOpenedWithoutCredentials_thenItAnswersOrRedirectsToTheUi() throws Exception {
        HttpResponse<String> ui = get("/swagger-ui.html", null);
        if (ui.statusCode() / 100 == 3) {
            String location = ui.headers().firstValue("Location").orElseThrow();
            ui = get(
                    URI.create("http://127.0.0.1:" + port + "/swagger-ui.html")
                            .resolve(location)
                            .getPath(),
                    null);
        }

        assertThat(ui.statusCode()).isEqualTo(200);
        assertThat(ui.body()).containsIgnoringCase("swagger");
    }

    @Test
    void givenTheMilestoneBody_whenReadingItsSchema_thenItIsOneOfTheContractsTypesWithTypeAsDiscriminator()
            throws Exception {
        JsonNode doc = document();
        JsonNode body = operation(doc, "POST /api/journeys/{id}/milestones")
                .path("requestBody")
                .path("content")
                .path("application/json")
                .path("schema");
        JsonNode milestone = resolve(doc, body);

        assertThat(milestone.path("discriminator").path("propertyName").asString())
                .isEqualTo("type");
        JsonNode mapping = milestone.path("discriminator").path("mapping");
        assertThat(mapping.propertyNames()).containsExactlyInAnyOrderElementsOf(MILESTONE_TYPES);
        assertThat(milestone.path("oneOf").size()).isEqualTo(MILESTONE_TYPES.size());
        List<String> parts = milestone.path("oneOf").values().stream()
                .map(part -> part.path("$ref").asString())
                .toList();
        for (String type : MILESTONE_TYPES) {
            assertThat(parts).as(type).contains(mapping.path(type).asString());
            JsonNode part = pointer(doc, mapping.path(type).asString());
            assertThat(enumOf(part.path("properties").path("type"))).as(type).containsExactly(type);
            assertThat(strings(part.path("required"))).as(type).contains("type", "occurredOn");
        }
        assertThat(enumOf(pointer(doc, mapping.path("SFI_LEVEL_REACHED").asString())
                        .path("properties")
                        .path("level")))
                .containsExactly("A", "B", "C", "D");
        assertThat(enumOf(pointer(doc, mapping.path("ACTION_PLAN_ESTABLISHED").asString())
                        .path("properties")
                        .path("goals")
                        .path("items")))
                .containsExactly("WORK", "STUDIES", "LANGUAGE", "HOUSING");
        assertThat(enumOf(pointer(doc, mapping.path("INTERNSHIP_STARTED").asString())
                        .path("properties")
                        .path("kind")))
                .containsExactly("PRAKTIK", "ARBETSTRANING", "YRKESKOMPETENSBEDOMNING");
        assertThat(enumOf(pointer(doc, mapping.path("FOLLOW_UP_RECORDED").asString())
                        .path("properties")
                        .path("status")))
                .containsExactlyElementsOf(STATUSES);
    }

    @Test
    void givenTheContractsEnums_whenReadingTheDocument_thenEachHasExactlyTheContractsValues() throws Exception {
        JsonNode doc = document();
        JsonNode registration = resolve(
                doc,
                operation(doc, "POST /api/journeys")
                        .path("requestBody")
                        .path("content")
                        .path("application/json")
                        .path("schema"));
        JsonNode timeTo = operation(doc, "GET /api/outcomes/time-to");
        JsonNode twoYears = schema(doc, "TwoYearsAfterOutcomeResponse");

        assertThat(enumOf(registration.path("properties").path("gender"))).containsExactlyElementsOf(GENDERS);
        assertThat(enumOf(parameter(timeTo, "milestone").path("schema"))).containsExactlyElementsOf(TIME_TO_MILESTONES);
        assertThat(enumOf(parameter(timeTo, "from").path("schema"))).containsExactlyElementsOf(FROM);
        assertThat(twoYears.path("properties")
                        .path("byStatus")
                        .path("properties")
                        .propertyNames())
                .containsExactlyElementsOf(STATUSES);
        assertThat(twoYears.path("properties")
                        .path("byGender")
                        .path("properties")
                        .propertyNames())
                .containsExactlyElementsOf(GENDERS);
        assertThat(enumOf(schema(doc, "TimeToMilestoneResponse")
                        .path("properties")
                        .path("milestone")))
                .containsExactlyElementsOf(TIME_TO_MILESTONES);
        assertThat(enumOf(schema(doc, "CreateAccountRequest")
                        .path("properties")
                        .path("roles")
                        .path("items")))
                .containsExactlyElementsOf(ROLES);
        assertThat(enumOf(
                        schema(doc, "TimelineEntryResponse").path("properties").path("type")))
                .containsAll(MILESTONE_TYPES)
                .contains("NEWCOMER_REGISTERED", "MILESTONE_RETRACTED");
    }

    @Test
    void givenTheCumulativeReach_whenReadingItsParameters_thenTheMonthsRangeAndDefaultAndTheEnumsAreDescribed()
            throws Exception {
        JsonNode doc = document();
        JsonNode cumulative = operation(doc, "GET /api/outcomes/time-to/cumulative");
        JsonNode months = parameter(cumulative, "months").path("schema");

        assertThat(months.path("minimum").asInt()).isZero();
        assertThat(months.path("maximum").asInt()).isEqualTo(120);
        assertThat(months.path("default").asInt()).isEqualTo(36);
        assertThat(parameter(cumulative, "months").path("required").asBoolean()).isFalse();
        assertThat(enumOf(parameter(cumulative, "milestone").path("schema")))
                .containsExactlyElementsOf(TIME_TO_MILESTONES);
        assertThat(enumOf(parameter(cumulative, "from").path("schema"))).containsExactlyElementsOf(FROM);
        assertThat(schema(doc, "CumulativeReachResponse")
                        .path("properties")
                        .path("byGender")
                        .path("properties")
                        .propertyNames())
                .containsExactlyElementsOf(GENDERS);
        assertThat(schema(doc, "CumulativeReachMonth").path("properties").propertyNames())
                .containsExactlyInAnyOrder("month", "atRisk", "reached", "censored", "cumulativeShare");
    }

    @Test
    void givenTheOutcomes_whenReadingTheDocument_thenMinCellSizeIsDescribedAndTheFiguresItMayHideAreNullable()
            throws Exception {
        JsonNode doc = document();
        JsonNode twoYears = schema(doc, "TwoYearsAfterOutcomeResponse").path("properties");
        JsonNode timeTo = schema(doc, "TimeToMilestoneResponse").path("properties");

        for (String outcome : List.of("GET /api/outcomes/two-years-after", "GET /api/outcomes/time-to")) {
            JsonNode minCellSize = parameter(operation(doc, outcome), "minCellSize");
            assertThat(minCellSize.path("required").asBoolean()).as(outcome).isFalse();
            assertThat(minCellSize.path("schema").path("minimum").asInt()).isEqualTo(2);
            assertThat(minCellSize.path("schema").path("maximum").asInt()).isEqualTo(100);
        }
        assertThat(twoYears.propertyNames()).contains("minCellSize", "suppressed");
        assertThat(timeTo.propertyNames()).contains("minCellSize", "suppressed");
        for (JsonNode figure : List.of(
                twoYears.path("denominator"),
                twoYears.path("byStatus").path("properties").path("EMPLOYED"),
                schema(doc, "Breakdown").path("properties").path("denominator"),
                schema(doc, "CountAndShare").path("properties").path("count"),
                schema(doc, "CountAndShare").path("properties").path("share"),
                timeTo.path("reached"))) {
            List<String> types = new ArrayList<>();
            figure.path("type").forEach(type -> types.add(type.asString()));
            assertThat(types).as(figure.toString()).contains("null");
        }
    }

    @Test
    void givenEachOperation_whenReadingItsResponses_thenSuccessCodesHeadersAndProblemsAreDescribed() throws Exception {
        JsonNode doc = document();

        // Every operation of the API may meet a sign-in lock (429) or no database (503); a body, the size limit (413)
        // and JSON only (415): the EDGE and BODY problems.
        assertResponses(doc, "POST /api/journeys", "201", with(BODY, "400", "401", "403", "409", "422"));
        assertResponses(doc, "GET /api/journeys/{id}", "200", with(EDGE, "400", "401", "403", "404"));
        assertResponses(
                doc,
                "POST /api/journeys/{id}/milestones",
                "201",
                with(BODY, "400", "401", "403", "404", "409", "412", "422"));
        assertResponses(
                doc,
                "POST /api/journeys/{id}/retractions",
                "201",
                with(BODY, "400", "401", "403", "404", "409", "412", "422"));
        assertResponses(
                doc,
                "POST /api/journeys/{id}/personal-details-corrections",
                "201",
                with(BODY, "400", "401", "403", "404", "409", "412", "422"));
        assertResponses(doc, "GET /api/journeys/{id}/timeline", "200", with(EDGE, "400", "401", "403", "404"));
        assertResponses(
                doc, "GET /api/audit/journeys/{id}/reads", "200", with(EDGE, "400", "401", "403", "404", "406"));
        assertResponses(doc, "GET /api/audit/accounts/{username}/reads", "200", with(EDGE, "400", "401", "403", "406"));
        for (String audit : List.of("GET /api/audit/journeys/{id}/reads", "GET /api/audit/accounts/{username}/reads")) {
            assertThat(response(doc, audit, "200").path("content").propertyNames())
                    .as(audit)
                    .contains("application/json", "text/csv");
        }
        assertResponses(doc, "GET /api/caseload", "200", with(EDGE, "400", "401", "403"));
        assertResponses(doc, "GET /api/outcomes/two-years-after", "200", with(EDGE, "400", "401", "403", "406"));
        assertResponses(doc, "GET /api/outcomes/time-to", "200", with(EDGE, "400", "401", "403", "406"));
        assertResponses(doc, "GET /api/outcomes/time-to/cumulative", "200", with(EDGE, "400", "401", "403", "406"));
        assertResponses(doc, "POST /api/admin/users", "201", with(BODY, "400", "401", "403", "409"));
        assertResponses(doc, "GET /api/admin/projections", "200", with(EDGE, "401", "403"));
        assertResponses(doc, "POST /api/admin/projections/{name}/rebuild", "202", with(EDGE, "401", "403", "404"));
        assertResponses(doc, "POST /api/admin/projections/rebuild", "202", with(EDGE, "401", "403"));
        assertResponses(doc, "POST /api/studies", "201", with(BODY, "400", "401", "403"));
        assertResponses(doc, "GET /api/studies", "200", with(EDGE, "401", "403"));
        assertResponses(doc, "GET /api/studies/{id}", "200", with(EDGE, "400", "401", "403", "404", "406"));
        assertResponses(doc, "GET /api/studies/{id}/rerun", "200", with(EDGE, "400", "401", "403", "404"));
        assertResponses(doc, "GET /api/studies/{id}/rerun/today", "200", with(EDGE, "400", "401", "403", "404"));
        assertThat(operation(doc, "GET /api/studies/{id}/extract")
                        .path("responses")
                        .propertyNames())
                .containsExactlyInAnyOrder(with(EDGE, "200", "400", "401", "403", "404", "406"));
        assertThat(response(doc, "GET /api/studies/{id}/extract", "200")
                        .path("content")
                        .propertyNames())
                .containsExactly("text/csv");
        assertThat(response(doc, "GET /api/studies/{id}", "200").path("content").propertyNames())
                .contains("application/json", "text/csv");
        assertThat(response(doc, "POST /api/studies", "201").path("headers").has("Location"))
                .isTrue();
        assertThat(response(doc, "GET /api/caseload", "429").path("headers").has("Retry-After"))
                .isTrue();
        assertThat(response(doc, "GET /api/caseload", "503").path("headers").has("Retry-After"))
                .isTrue();

        assertThat(response(doc, "POST /api/journeys", "201").path("headers").has("Location"))
                .isTrue();
        assertThat(response(doc, "GET /api/journeys/{id}", "200")
                        .path("headers")
                        .has("ETag"))
                .isTrue();
        for (String write : List.of(
                "POST /api/journeys",
                "POST /api/journeys/{id}/milestones",
                "POST /api/journeys/{id}/retractions",
                "POST /api/journeys/{id}/personal-details-corrections")) {
            assertThat(parameter(operation(doc, write), "Idempotency-Key")
                            .path("in")
                            .asString())
                    .as(write)
                    .isEqualTo("header");
            assertThat(response(doc, write, "201").path("headers").has("Idempotent-Replayed"))
                    .as(write)
                    .isTrue();
        }
        for (String conditional : List.of(
                "POST /api/journeys/{id}/milestones",
                "POST /api/journeys/{id}/retractions",
                "POST /api/journeys/{id}/personal-details-corrections")) {
            assertThat(parameter(operation(doc, conditional), "If-Match")
                            .path("in")
                            .asString())
                    .as(conditional)
                    .isEqualTo("header");
        }
        for (String outcome : List.of(
                "GET /api/outcomes/two-years-after",
                "GET /api/outcomes/time-to",
                "GET /api/outcomes/time-to/cumulative")) {
            assertThat(response(doc, outcome, "200").path("content").propertyNames())
                    .as(outcome)
                    .contains("application/json", "text/csv");
        }
        JsonNode rule = resolve(
                doc,
                response(doc, "POST /api/journeys/{id}/milestones", "422")
                        .path("content")
                        .path("application/problem+json")
                        .path("schema"));
        assertThat(rule.path("properties").propertyNames()).contains("type", "title", "status", "detail", "rule");
        assertThat(enumOf(rule.path("properties").path("rule"))).contains("DATE_BEFORE_ARRIVAL", "DATE_IN_FUTURE");
    }

    private static final List<String> EDGE = List.of("429", "503");
    private static final List<String> BODY = List.of("413", "415", "429", "503");

    private static String[] with(List<String> edge, String... problems) {
        List<String> all = new ArrayList<>(List.of(problems));
        all.addAll(edge);
        return all.toArray(String[]::new);
    }

    /** The success code and each problem, which is application/problem+json with the problem's fields. */
    private static void assertResponses(JsonNode doc, String operation, String success, String... problems) {
        JsonNode responses = operation(doc, operation).path("responses");
        List<String> expected = new ArrayList<>(List.of(success));
        expected.addAll(List.of(problems));
        assertThat(responses.propertyNames()).as(operation).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(response(doc, operation, success).path("content").has("application/json"))
                .as(operation)
                .isTrue();
        for (String status : problems) {
            JsonNode content = response(doc, operation, status).path("content");
            assertThat(content.propertyNames())
                    .as(operation + " " + status)
                    .containsExactly("application/problem+json");
            JsonNode problem =
                    resolve(doc, content.path("application/problem+json").path("schema"));
            assertThat(problem.path("properties").propertyNames())
                    .as(operation + " " + status)
                    .contains("type", "title", "status", "detail");
            if (status.equals("400")) {
                JsonNode error =
                        resolve(doc, problem.path("properties").path("errors").path("items"));
                assertThat(error.path("properties").propertyNames())
                        .as(operation)
                        .contains("field", "message");
            }
        }
    }

    private JsonNode document() throws Exception {
        if (document == null) {
            HttpResponse<String> response = get("/v3/api-docs", null);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            document = JsonMapper.builder().build().readTree(response.body());
        }
        return document;
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** "METHOD /path" of every operation in the document. */
    private static List<String> operations(JsonNode doc) {
        List<String> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : doc.path("paths").properties()) {
            for (String method : path.getValue().propertyNames()) {
                if (List.of("get", "put", "post", "delete", "patch", "head", "options", "trace")
                        .contains(method)) {
                    operations.add(method.toUpperCase() + " " + path.getKey());
                }
            }
        }
        return operations;
    }

    /** Path variables' names do not matter: {id} and {journeyId} are the same path. */
    private static Set<String> normalized(List<String> operations) {
        return operations.stream()
                .map(op -> op.replaceAll("\\{[^}]*}", "{}"))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static JsonNode operation(JsonNode doc, String operation) {
        String wanted = normalized(List.of(operation)).iterator().next();
        for (Map.Entry<String, JsonNode> path : doc.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
                if (normalized(List.of(method.getKey().toUpperCase() + " " + path.getKey()))
                        .contains(wanted)) {
                    return method.getValue();
                }
            }
        }
        throw new AssertionError("No operation " + operation + " in the document");
    }

    private static JsonNode response(JsonNode doc, String operation, String status) {
        return resolve(doc, operation(doc, operation).path("responses").path(status));
    }

    private static JsonNode parameter(JsonNode operation, String name) {
        return operation.path("parameters").values().stream()
                .filter(p -> p.path("name").asString().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No parameter " + name));
    }

    private static JsonNode schema(JsonNode doc, String name) {
        JsonNode schema = doc.path("components").path("schemas").path(name);
        assertThat(schema.isMissingNode()).as("schema " + name).isFalse();
        return schema;
    }

    /** Follows a local $ref ("#/components/..."), or returns the node itself. */
    private static JsonNode resolve(JsonNode doc, JsonNode node) {
        JsonNode current = node;
        while (current.has("$ref")) {
            current = pointer(doc, current.path("$ref").asString());
        }
        return current;
    }

    private static JsonNode pointer(JsonNode doc, String reference) {
        assertThat(reference).startsWith("#/");
        JsonNode target = doc.at(reference.substring(1));
        assertThat(target.isMissingNode()).as(reference).isFalse();
        return target;
    }

    private static List<String> enumOf(JsonNode schema) {
        return strings(schema.path("enum"));
    }

    private static List<String> strings(JsonNode array) {
        return array.values().stream().map(JsonNode::asString).toList();
    }
}
