package se.integrationjourney.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import se.integrationjourney.api.pages.audit.IdentityNumbersForTests;
import se.integrationjourney.api.testsupport.ApiClient;
import se.integrationjourney.api.testsupport.ApiTestAccounts;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/audit/subject-access}: everything recorded about one person, found by identity number in any of the
 * forms people write it, across municipalities; recorded in the access log naming the journeys, never the number; a
 * number that is not one is a 400 that repeats nothing; only auditors and administrators. The person's journeys are in
 * Gällivare and Pajala, registered by the administrator.
 */
class SubjectAccessApiTest extends ApiTestBase {

    private static final String GALLIVARE = "2523";
    private static final String PAJALA = "2521";
    private static final String SUBJECT_ACCESS = "/api/audit/subject-access";
    private static final String REASON = "Fel upplåtelseform: förstahandskontrakt, inte andrahand";

    /** A person's two journeys: the older one with a retraction and a corrected name, the newer one plain. */
    record Person(String number, String older, String newer, String housingEventId) {}

    @Test
    void givenAPersonWithJourneysInTwoMunicipalities_whenAnAuditorAsks_thenEverythingRecordedAboutThemIsInTheExport() {
        Person person = personWithTwoJourneys();
        String someoneElse = register(GALLIVARE, "2024-05-01", "Någon Annan", IdentityNumbersForTests.random());
        awaitViewsCaughtUp("journey-state");
        long exportsBefore = exports();

        ApiClient.Response export =
                auditor().post(SUBJECT_ACCESS, body(IdentityNumbersForTests.tenDigits(person.number())));

        assertThat(export.status()).as(export.body()).isEqualTo(200);
        assertThat(export.contentType()).startsWith("application/json");
        JsonNode json = export.json();
        assertThat(json.path("madeBy").asString()).isEqualTo(ApiTestAccounts.AUDITOR);
        assertThat(json.path("madeAt").asString()).isNotBlank();
        assertThat(json.path("journeyCount").asInt()).isEqualTo(2);
        assertThat(each(json.path("journeys"), "journeyId"))
                .as("newest arrival first, and nobody else's")
                .containsExactly(person.newer(), person.older())
                .doesNotContain(someoneElse);

        JsonNode older = json.path("journeys").get(1);
        assertThat(older.path("municipalityCode").asString()).isEqualTo(GALLIVARE);
        assertThat(older.path("municipalityName").asString()).isEqualTo("Gällivare");
        assertThat(older.path("personalDetails").path("fullName").asString()).isEqualTo("Amal Haddad Karim");
        assertThat(older.path("personalDetails").path("personalIdentityNumber").asString())
                .isEqualTo(person.number());
        JsonNode history = older.path("personalDetailsHistory");
        assertThat(each(history, "type")).containsExactly("NEWCOMER_REGISTERED", "PERSONAL_DETAILS_CORRECTED");
        assertThat(each(history, "fullName")).containsExactly("Amal Haddad", "Amal Haddad Karim");
        assertThat(each(history, "recordedBy")).containsOnly(ApiTestAccounts.ADMIN);
        assertThat(history.get(0).path("recordedAt").asString()).isNotBlank();

        JsonNode timeline = older.path("timeline");
        assertThat(each(timeline, "type"))
                .containsExactly(
                        "NEWCOMER_REGISTERED",
                        "INTRODUCTORY_MEETING_HELD",
                        "HOUSING_SECURED",
                        "MILESTONE_RETRACTED",
                        "HOUSING_SECURED",
                        "PERSONAL_DETAILS_CORRECTED");
        JsonNode struck = timeline.get(2);
        assertThat(struck.path("eventId").asString()).isEqualTo(person.housingEventId());
        assertThat(struck.path("occurredOn").asString()).isNotBlank();
        assertThat(struck.path("retracted").asBoolean()).isTrue();
        assertThat(struck.path("retractedBy").path("reason").asString()).isEqualTo(REASON);
        assertThat(struck.path("retractedBy").path("recordedBy").asString()).isEqualTo(ApiTestAccounts.ADMIN);
        assertThat(timeline.get(3).path("data").path("reason").asString()).isEqualTo(REASON);

        assertThat(older.path("state").path("version").asLong()).isEqualTo(5);
        assertThat(older.path("state").path("municipalityCode").asString()).isEqualTo(GALLIVARE);
        assertThat(older.path("state")
                        .path("firstMilestones")
                        .path("housingSecured")
                        .asString())
                .isNotBlank();

        JsonNode reads = older.path("reads");
        assertThat(reads.get(0).path("action").asString())
                .as("the newest read is this export")
                .isEqualTo("SUBJECT_ACCESS_EXPORT");
        assertThat(reads.get(0).path("username").asString()).isEqualTo(ApiTestAccounts.AUDITOR);
        assertThat(reads.get(0).path("resource").asString()).isEqualTo("POST /api/audit/subject-access");
        assertThat(reads.get(0).path("roles").get(0).asString()).isEqualTo("AUDITOR");
        assertThat(reads)
                .as("the administrator's read of the journey through the API")
                .anyMatch(read -> read.path("action").asString().equals("JOURNEY_READ")
                        && read.path("username").asString().equals(ApiTestAccounts.ADMIN));
        assertThat(older.path("readsLimited").asBoolean()).isFalse();

        JsonNode newer = json.path("journeys").get(0);
        assertThat(newer.path("municipalityName").asString()).isEqualTo("Pajala");
        assertThat(newer.path("timeline").size()).isEqualTo(1);

        assertThat(each(json.path("information"), "topic"))
                .containsExactly(
                        "CONTROLLER",
                        "PURPOSES",
                        "LEGAL_BASIS",
                        "CATEGORIES",
                        "RECIPIENTS",
                        "RETENTION",
                        "SOURCE",
                        "RIGHTS",
                        "AUTOMATED_DECISIONS");
        for (JsonNode information : json.path("information")) {
            assertThat(information.path("sv").asString()).isNotBlank();
            assertThat(information.path("en").asString()).isNotBlank();
        }
        assertThat(json.path("information").get(5).path("sv").asString()).contains("5 år");
        assertThat(json.path("information").get(5).path("en").asString())
                .contains("5 years")
                .contains("social services' retention rules");

        assertThat(exports()).isEqualTo(exportsBefore + 1);
        Map<String, Object> entry = jdbc.queryForMap(
                "select username, roles, resource, subject, array_to_string(journey_ids, ',') as journeys"
                        + " from access_log where action = 'SUBJECT_ACCESS_EXPORT' order by id desc limit 1");
        assertThat(entry.get("username")).isEqualTo(ApiTestAccounts.AUDITOR);
        assertThat(entry.get("roles")).isEqualTo("AUDITOR");
        assertThat(entry.get("resource")).isEqualTo("POST /api/audit/subject-access");
        assertThat(entry.get("subject")).as("never the number").isNull();
        assertThat(List.of(entry.get("journeys").toString().split(",")))
                .containsExactlyInAnyOrder(person.older(), person.newer());
        assertThat(entry.toString())
                .doesNotContain(person.number())
                .doesNotContain(IdentityNumbersForTests.tenDigits(person.number()));
    }

    @Test
    void givenTheNumberInEveryUsualForm_whenAnAdministratorAsks_thenTheSameJourneys() {
        Person person = personWithTwoJourneys();
        awaitViewsCaughtUp("journey-state");
        String twelve = person.number();
        String tenWithDash = twelve.substring(2, 8) + "-" + twelve.substring(8);

        for (String form : List.of(
                twelve,
                IdentityNumbersForTests.withDash(twelve),
                IdentityNumbersForTests.tenDigits(twelve),
                tenWithDash,
                " " + IdentityNumbersForTests.withDash(twelve) + " ")) {
            ApiClient.Response export = admin().post(SUBJECT_ACCESS, body(form));
            assertThat(export.status()).as(form).isEqualTo(200);
            assertThat(each(export.json().path("journeys"), "journeyId"))
                    .as(form)
                    .containsExactly(person.newer(), person.older());
        }
    }

    @Test
    void givenAValidNumberWithNoJourneys_whenAsked_thenAnEmptyListWithTheInformationAndTheExportIsRecorded() {
        long exportsBefore = exports();

        ApiClient.Response export = auditor().post(SUBJECT_ACCESS, body(IdentityNumbersForTests.random()));

        assertThat(export.status()).as(export.body()).isEqualTo(200);
        assertThat(export.json().path("journeyCount").asInt()).isZero();
        assertThat(export.json().path("journeys").isArray()).isTrue();
        assertThat(export.json().path("journeys").isEmpty()).isTrue();
        assertThat(export.json().path("information").size()).isEqualTo(9);
        assertThat(exports())
                .as("asking is recorded even when nothing was found")
                .isEqualTo(exportsBefore + 1);
        assertThat(jdbc.queryForObject(
                        "select cardinality(journey_ids) from access_log where action = 'SUBJECT_ACCESS_EXPORT'"
                                + " order by id desc limit 1",
                        Integer.class))
                .isZero();
    }

    @Test
    void givenSomethingThatIsNoNumber_whenAsked_thenA400NamingTheFieldRepeatingNothingAndNothingRecorded() {
        long exportsBefore = exports();
        String wrongCheckDigit = "19900301-2392";

        for (String body : List.of(
                json(wrongCheckDigit),
                json("19901301-2391"),
                json("Amal Haddad"),
                json(""),
                json("1".repeat(101)),
                "{}",
                "{\"personalIdentityNumber\": 199003012391}",
                "{\"personalIdentityNumber\": \"199003012391\", \"fullName\": \"Amal Haddad\"}",
                "not json")) {
            ApiClient.Response refused = auditor().post(SUBJECT_ACCESS, body);
            assertProblem(refused, 400);
            assertThat(refused.body()).as(body).doesNotContain("900301-2392", "9003012392", "Amal Haddad", "19901301");
        }
        ApiClient.Response invalid = auditor().post(SUBJECT_ACCESS, json(wrongCheckDigit));
        assertThat(invalid.json().path("errors").get(0).path("field").asString())
                .isEqualTo("personalIdentityNumber");
        assertThat(invalid.json().path("errors").get(0).path("message").asString())
                .contains("YYYYMMDD-NNNN");
        assertThat(exports()).isEqualTo(exportsBefore);
    }

    @Test
    void givenAnyoneButAuditorsAndAdministrators_whenAsking_thenRefusedAndNothingRecorded() {
        Person person = personWithTwoJourneys();
        awaitViewsCaughtUp("journey-state");
        long exportsBefore = exports();

        for (ApiClient refused : List.of(caseworker(), otherCaseworker(), analyst())) {
            ApiClient.Response response = refused.post(SUBJECT_ACCESS, body(person.number()));
            assertProblem(response, 403);
            assertThat(response.body()).doesNotContain(person.older(), "Amal");
        }
        assertProblem(anonymous().post(SUBJECT_ACCESS, body(person.number())), 401);
        assertProblem(wrongPassword().post(SUBJECT_ACCESS, body(person.number())), 401);

        assertThat(exports()).isEqualTo(exportsBefore);
    }

    @Test
    void givenTheApiDescription_whenRead_thenTheExportAndTheRetentionDryRunAreDescribed() {
        JsonNode doc = anonymous().get("/v3/api-docs").json();

        JsonNode export = doc.path("paths").path(SUBJECT_ACCESS).path("post");
        assertThat(export.path("summary").asString()).contains("subject-access");
        assertThat(export.path("responses").propertyNames()).contains("200", "400", "401", "403");
        assertThat(export.path("responses").path("200").toString()).contains("SubjectAccessExport");
        assertThat(export.path("requestBody").toString()).contains("SubjectAccessRequest");
        assertThat(doc.path("components")
                        .path("schemas")
                        .path("SubjectAccessExport")
                        .path("properties")
                        .propertyNames())
                .contains("madeAt", "madeBy", "journeyCount", "journeys", "information");
        JsonNode dryRun = doc.path("paths").path("/api/admin/retention/dry-run").path("get");
        assertThat(dryRun.path("responses").propertyNames()).contains("200", "400", "401", "403");
        assertThat(each(dryRun.path("parameters"), "name")).contains("page", "size");
    }

    /** Two journeys of one person, registered by the administrator (who may do so in any municipality). */
    private Person personWithTwoJourneys() {
        String number = IdentityNumbersForTests.random();
        String older = register(GALLIVARE, today().minusDays(400).toString(), "Amal Haddad", number);
        record(admin(), older, milestone("INTRODUCTORY_MEETING_HELD", today().minusDays(390)));
        String housing =
                record(admin(), older, milestone("HOUSING_SECURED", today().minusDays(380), "tenure", "SECOND_HAND"));
        ApiClient.Response retraction =
                admin().post("/api/journeys/" + older + "/retractions", Map.of("eventId", housing, "reason", REASON));
        assertThat(retraction.status()).as(retraction.body()).isEqualTo(201);
        record(admin(), older, milestone("HOUSING_SECURED", today().minusDays(380), "tenure", "FIRST_HAND"));
        ApiClient.Response corrected = admin().post(
                        "/api/journeys/" + older + "/personal-details-corrections",
                        Map.of("fullName", "Amal Haddad Karim", "personalIdentityNumber", number));
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(201);
        assertThat(admin().get("/api/journeys/" + older).status()).isEqualTo(200);
        String newer = register(PAJALA, today().minusDays(30).toString(), "Amal Haddad", number);
        return new Person(number, older, newer, housing);
    }

    private String register(String municipality, String arrival, String name, String number) {
        Map<String, Object> body = new HashMap<>(registration(arrival, name, number));
        body.put("municipalityCode", municipality);
        ApiClient.Response created = admin().post("/api/journeys", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("journeyId").asString();
    }

    /** Each element's own field (not those of the objects inside it), in order. */
    private static List<String> each(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(element -> values.add(element.path(field).asString()));
        return values;
    }

    private long exports() {
        return jdbc.queryForObject(
                "select count(*) from access_log where action = 'SUBJECT_ACCESS_EXPORT'", Long.class);
    }

    private static Map<String, Object> body(String number) {
        return Map.of("personalIdentityNumber", number);
    }

    private static String json(String number) {
        return "{\"personalIdentityNumber\": \"" + number + "\"}";
    }
}
