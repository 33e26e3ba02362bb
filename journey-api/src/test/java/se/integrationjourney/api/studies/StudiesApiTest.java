package se.integrationjourney.api.studies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.integrationjourney.api.pages.audit.IdentityNumbersForTests;
import se.integrationjourney.api.testsupport.ApiClient;
import se.integrationjourney.api.web.ApiTestBase;
import se.integrationjourney.core.events.StudySaved;
import se.integrationjourney.projections.outcomes.RecordedHistory;
import tools.jackson.databind.JsonNode;

/**
 * Saved studies over HTTP against the real event store: a study keeps its figures whatever is recorded or retracted
 * later, shows today's beside them, and its research extract is pseudonymised, stable within the study, unlinkable
 * across studies and recorded every time. The journeys are in Luleå (2580), where no other test records, so the
 * cohorts are this class's own: the two-years-after cohort 2021 arrived in 2018, the time-to cohort in 2020.
 */
class StudiesApiTest extends ApiTestBase {

    private static final String LULEA = "2580";

    @Autowired
    RecordedHistory history;

    @Test
    void givenASavedStudy_whenMoreIsRecordedAndRetractedLater_thenRerunKeepsItsFiguresAndTodayShowsTheChange() {
        String employed = register("2018-05-02", 1988, "FEMALE");
        record(admin(), employed, milestone("ESTABLISHMENT_PLAN_STARTED", "2019-01-15"));
        String employment = record(admin(), employed, employment("2022-03-01"));
        String studying = register("2018-08-20", 1996, "MALE");
        record(admin(), studying, milestone("ESTABLISHMENT_PLAN_STARTED", "2019-02-01"));
        record(admin(), studying, milestone("STUDIES_STARTED", "2022-08-15", "studyId", "s-1", "level", "KOMVUX"));

        ApiClient.Response saved = analyst().post("/api/studies", twoYearsAfterStudy("Luleå 2021, före rättelsen"));

        assertThat(saved.status()).as(saved.body()).isEqualTo(201);
        String studyId = saved.json().path("id").asString();
        assertThat(saved.header("Location")).isEqualTo("/api/studies/" + studyId);
        JsonNode kept = saved.json().path("answer");
        assertThat(saved.body())
                .as("the kept answer as the outcome endpoint writes it, shares with four decimals")
                .contains("\"inWorkOrStudies\":{\"count\":2,\"share\":1.0000}");
        assertThat(kept.path("denominator").asLong()).isEqualTo(2);
        assertThat(kept.path("byStatus").path("EMPLOYED").asLong()).isEqualTo(1);
        assertThat(kept.path("byStatus").path("STUDYING").asLong()).isEqualTo(1);
        assertThat(saved.json().path("asOf").asString()).isEqualTo(today().toString());
        assertThat(saved.json().path("savedBy").asString()).isEqualTo("analyst");
        Instant knownAt = Instant.parse(saved.json().path("knownAt").asString());
        assertThat(kept.path("knownAt").path("used").asString()).isEqualTo(knownAt.toString());
        assertThat(saved.body()).doesNotContainIgnoringCase("pseudonymKey").doesNotContain(keyOf(studyId));

        awaitTheClockPast(knownAt);
        String followedUp = register("2018-10-01", 1980, "MALE");
        record(admin(), followedUp, milestone("ESTABLISHMENT_PLAN_STARTED", "2019-03-01"));
        record(
                admin(),
                followedUp,
                milestone(
                        "FOLLOW_UP_RECORDED",
                        "2023-03-20",
                        "monthsAfterEstablishment",
                        24,
                        "status",
                        "SELF_EMPLOYED",
                        "source",
                        "INTERVIEW"));
        retract(employed, employment);

        JsonNode rerun = analyst().get("/api/studies/" + studyId + "/rerun").json();
        assertThat(rerun.path("sameAsSaved").asBoolean()).as(rerun.toString()).isTrue();
        assertThat(rerun.path("changed")).isEmpty();
        assertThat(withoutPosition(rerun.path("answer"))).isEqualTo(withoutPosition(kept));

        ApiClient.Response comparedResponse = analyst().get("/api/studies/" + studyId + "/rerun/today");
        assertThat(comparedResponse.body()).contains("\"share\":0.6667");
        JsonNode compared = comparedResponse.json();
        assertThat(compared.path("saved")).isEqualTo(kept);
        assertThat(compared.path("today").path("denominator").asLong()).isEqualTo(3);
        assertThat(compared.path("today").path("byStatus").path("EMPLOYED").asLong())
                .as("the employment was retracted")
                .isZero();
        assertThat(compared.path("today").path("byStatus").path("SELF_EMPLOYED").asLong())
                .isEqualTo(1);
        assertThat(texts(compared.path("changed")))
                .contains("denominator", "byStatus.EMPLOYED", "byStatus.SELF_EMPLOYED", "byStatus.UNKNOWN")
                .doesNotContain("byStatus.STUDYING", "knownAt.used", "eventStorePosition");

        JsonNode read = analyst().get("/api/studies/" + studyId).json();
        assertThat(read.path("answer")).isEqualTo(kept);
        assertThat(read.path("title").asString()).isEqualTo("Luleå 2021, före rättelsen");

        ApiClient.Response csv = analyst().with("Accept", "text/csv").get("/api/studies/" + studyId);
        assertThat(csv.status()).as(csv.body()).isEqualTo(200);
        assertThat(csv.header("Content-Disposition")).contains("study-" + studyId + ".csv");
        assertThat(csv.body())
                .as("the outcome endpoint's CSV for the same question as known then")
                .isEqualTo(analyst()
                        .with("Accept", "text/csv")
                        .get("/api/outcomes/two-years-after?cohortYear=2021&municipalityCode=" + LULEA + "&asOf="
                                + today() + "&knownAt=" + knownAt)
                        .body());
        assertThat(csv.body()).startsWith("dimension,key,denominator").contains("total,all,2,0,0,1,0,0,1,0,0");

        String key = keyOf(studyId);
        for (String body : List.of(
                analyst().get("/api/studies/" + studyId).body(),
                analyst().get("/api/studies/" + studyId + "/rerun").body(),
                analyst().get("/api/studies/" + studyId + "/rerun/today").body(),
                analyst().get("/api/studies").body(),
                csv.body())) {
            assertThat(body).as("the study's key is never returned").doesNotContain(key);
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> listed(studyId) != null);
        JsonNode item = listed(studyId);
        assertThat(item.path("title").asString()).isEqualTo("Luleå 2021, före rättelsen");
        assertThat(item.path("query").path("kind").asString()).isEqualTo("TWO_YEARS_AFTER");
        assertThat(item.path("query").path("cohortYear").asInt()).isEqualTo(2021);
        assertThat(item.path("query").path("municipalityCode").asString()).isEqualTo(LULEA);
        assertThat(item.path("knownAt").asString()).isEqualTo(knownAt.toString());
        assertThat(item.path("savedBy").asString()).isEqualTo("analyst");
        assertThat(item.has("answer")).isFalse();
        assertThat(accessLog("STUDY_SAVED", studyId)).isEqualTo(1);
    }

    @Test
    void givenTwoStudiesOfOneCohort_whenExtracted_thenRowsArePseudonymousStableWithinAndUnlinkableAcross() {
        List<String> personalData = new ArrayList<>();
        String housed = register("2020-03-15", 1990, "FEMALE", personalData);
        record(admin(), housed, milestone("ESTABLISHMENT_PLAN_STARTED", "2020-04-01"));
        record(admin(), housed, milestone("HOUSING_SECURED", "2020-05-02", "tenure", "FIRST_HAND"));
        record(admin(), housed, employment("2021-09-01"));
        String movedAway = register("2020-06-10", 1975, "MALE", personalData);
        record(admin(), movedAway, milestone("JOURNEY_CLOSED", "2021-01-10", "reason", "MOVED_AWAY"));
        String arrivedLate = register("2020-11-30", 2001, "OTHER", personalData);
        Set<String> cohort = Set.of(housed, movedAway, arrivedLate);

        String first = save(timeToStudy("Bostad inom ett halvår, första"));
        String second = save(timeToStudy("Bostad inom ett halvår, andra"));
        ApiClient.Response extract = analyst().get("/api/studies/" + first + "/extract");
        ApiClient.Response again = analyst().get("/api/studies/" + first + "/extract");
        ApiClient.Response other = admin().get("/api/studies/" + second + "/extract");

        assertThat(extract.status()).as(extract.body()).isEqualTo(200);
        assertThat(extract.contentType()).startsWith("text/csv");
        assertThat(extract.header("Content-Disposition"))
                .isEqualTo("attachment; filename=\"study-" + first + "-extract.csv\"");
        List<List<String>> rows = csv(extract.body());
        assertThat(rows.get(0))
                .containsExactly(
                        "pseudonym",
                        "municipalityCode",
                        "gender",
                        "ageBand",
                        "arrivalYearMonth",
                        "establishmentStartYearMonth",
                        "establishmentEndYearMonth",
                        "monthsToHousingSecured",
                        "monthsToSfiLevelB",
                        "monthsToCivicOrientationCompleted",
                        "monthsToInternshipStarted",
                        "monthsToEmploymentStarted",
                        "monthsToInWorkOrStudies",
                        "monthsToSelfSufficiencyReached",
                        "statusAtMeasurementPoint",
                        "selfSufficientAtMeasurementPoint");
        assertThat(rows).hasSize(1 + 3);
        Map<String, Map<String, String>> byArrival = byArrival(rows);
        assertThat(byArrival.get("2020-03"))
                .containsEntry("municipalityCode", LULEA)
                .containsEntry("gender", "FEMALE")
                .containsEntry("ageBand", "25-34")
                .containsEntry("establishmentStartYearMonth", "2020-04")
                .containsEntry("establishmentEndYearMonth", "2022-04")
                .containsEntry("monthsToHousingSecured", "2")
                .containsEntry("monthsToEmploymentStarted", "18")
                .containsEntry("monthsToInWorkOrStudies", "18")
                .containsEntry("monthsToSfiLevelB", "")
                .containsEntry("statusAtMeasurementPoint", "EMPLOYED")
                .containsEntry("selfSufficientAtMeasurementPoint", "false");
        assertThat(byArrival.get("2020-06"))
                .containsEntry("ageBand", "45-54")
                .containsEntry("establishmentStartYearMonth", "")
                .containsEntry("statusAtMeasurementPoint", "");
        assertThat(byArrival.get("2020-11")).containsEntry("ageBand", "other");

        for (String body : List.of(extract.body(), other.body())) {
            for (String personal : personalData) {
                assertThat(body).doesNotContain(personal);
            }
            for (String journey : cohort) {
                assertThat(body).doesNotContain(journey);
            }
            assertThat(body)
                    .doesNotContain("2020-03-15", "2020-05-02", "2021-09-01", "2020-06-10", "2021-01-10")
                    .doesNotContain("1990", "1975", "2001");
        }
        assertThat(again.body()).as("the same, row for row").isEqualTo(extract.body());
        Set<String> firstPseudonyms = pseudonyms(rows);
        Set<String> secondPseudonyms = pseudonyms(csv(other.body()));
        assertThat(firstPseudonyms).hasSize(3).allMatch(pseudonym -> pseudonym.matches("[0-9a-f]{16}"));
        assertThat(secondPseudonyms).hasSize(3).doesNotContainAnyElementsOf(firstPseudonyms);
        assertThat(withoutPseudonyms(csv(other.body())))
                .as("the same cohort, other pseudonyms")
                .isEqualTo(withoutPseudonyms(rows));

        JsonNode study = analyst().get("/api/studies/" + first).json();
        assertThat(study.path("extracts")).hasSize(2);
        study.path("extracts").forEach(made -> {
            assertThat(made.path("madeBy").asString()).isEqualTo("analyst");
            assertThat(made.path("rows").asInt()).isEqualTo(3);
            assertThat(made.path("madeAt").asString()).isNotBlank();
        });
        assertThat(jdbc.queryForObject(
                        "select count(*) from domain_event_entry where aggregate_identifier = ?"
                                + " and payload_type like '%.ResearchExtractMade'",
                        Long.class, first))
                .isEqualTo(2);
        assertThat(accessLog("RESEARCH_EXTRACT", first)).isEqualTo(2);
        List<Map<String, Object>> entries = jdbc.queryForList(
                "select username, resource, array_to_string(journey_ids, ',') as journeys from access_log"
                        + " where action = 'RESEARCH_EXTRACT' and subject = ?",
                first);
        for (Map<String, Object> entry : entries) {
            assertThat(entry.get("username")).isEqualTo("analyst");
            assertThat(entry.get("resource")).isEqualTo("GET /api/studies/{studyId}/extract");
            assertThat(Set.of(((String) entry.get("journeys")).split(","))).isEqualTo(cohort);
        }
        assertThat(accessLog("RESEARCH_EXTRACT", second)).isEqualTo(1);
    }

    @Test
    void givenOtherRoles_whenAskingForStudies_thenCaseworkersAndAuditorsAre403AndStrangers401() {
        String studyId = save(twoYearsAfterStudy("Roller"));
        for (String path : List.of(
                "/api/studies",
                "/api/studies/" + studyId,
                "/api/studies/" + studyId + "/rerun",
                "/api/studies/" + studyId + "/rerun/today",
                "/api/studies/" + studyId + "/extract")) {
            assertProblem(caseworker().get(path), 403);
            assertProblem(auditor().get(path), 403);
            assertThat(anonymous().get(path).status()).isEqualTo(401);
        }
        assertProblem(caseworker().post("/api/studies", twoYearsAfterStudy("Inte min")), 403);
        assertThat(accessLog("RESEARCH_EXTRACT", studyId)).isZero();
        assertThat(admin().get("/api/studies/" + studyId).status()).isEqualTo(200);
    }

    @Test
    void givenBadInput_whenSavingOrReading_then400sNameTheFieldAndNothingIsRecorded() {
        long events = allEvents();
        assertInvalid(Map.of("query", Map.of("kind", "TWO_YEARS_AFTER", "cohortYear", 2021)), "title");
        assertInvalid(study("   ", Map.of("kind", "TWO_YEARS_AFTER", "cohortYear", 2021)), "title");
        assertInvalid(study("x".repeat(201), Map.of("kind", "TWO_YEARS_AFTER", "cohortYear", 2021)), "title");
        assertInvalid(Map.of("title", "Utan fråga"), "query");
        assertInvalid(study("t", Map.of("kind", "TIME_TO", "cohortYear", 2020, "from", "ARRIVAL")), "query.milestone");
        assertInvalid(
                study("t", Map.of("kind", "TWO_YEARS_AFTER", "cohortYear", 2021, "milestone", "HOUSING_SECURED")),
                "query.milestone");
        assertInvalid(study("t", Map.of("kind", "TWO_YEARS_AFTER", "cohortYear", 1850)), "query.cohortYear");
        assertInvalid(
                study("t", Map.of("kind", "TWO_YEARS_AFTER", "cohortYear", 2021, "municipalityCode", "9999")),
                "query.municipalityCode");
        assertInvalid(
                study("t", Map.of("kind", "TWO_YEARS_AFTER", "cohortYear", 2021, "municipalityCode", "Luleå")),
                "query.municipalityCode");
        assertInvalid(
                study(
                        "t",
                        Map.of(
                                "kind",
                                "TIME_TO",
                                "cohortYear",
                                2020,
                                "milestone",
                                "HOUSING_SECURED",
                                "from",
                                "ARRIVAL",
                                "withinMonths",
                                -1)),
                "query.withinMonths");
        assertInvalid(study("t", Map.of("kind", "SOMETHING_ELSE", "cohortYear", 2021)), "query.kind");
        Map<String, Object> future =
                new LinkedHashMap<>(study("t", Map.of("kind", "TWO_YEARS_AFTER", "cohortYear", 2021)));
        future.put("asOf", today().plusDays(1).toString());
        assertInvalid(future, "asOf");
        Map<String, Object> unknown =
                new LinkedHashMap<>(study("t", Map.of("kind", "TWO_YEARS_AFTER", "cohortYear", 2021)));
        unknown.put("pseudonymKey", "00");
        assertInvalid(unknown, "body");
        assertThat(allEvents()).as("nothing recorded").isEqualTo(events);

        assertProblem(analyst().get("/api/studies/not-a-uuid"), 400);
        assertProblem(analyst().get("/api/studies/" + UUID.randomUUID()), 404);
        assertProblem(analyst().get("/api/studies/" + UUID.randomUUID() + "/extract"), 404);
        String journey = register("2018-01-10", 1990, "FEMALE");
        assertProblem(analyst().get("/api/studies/" + journey), 404);
        assertProblem(analyst().get("/api/studies/" + journey + "/rerun"), 404);
        assertProblem(analyst().get("/api/studies/" + journey + "/extract"), 404);
    }

    @Test
    void givenStudiesInTheStore_whenTheJourneyViewsRun_thenTheyIgnoreThemAndNoJourneyIsAStudy() throws Exception {
        String journey = register("2018-02-01", 1990, "FEMALE");
        String studyId = save(twoYearsAfterStudy("Bland resorna"));
        analyst().get("/api/studies/" + studyId + "/extract");

        awaitViewsCaughtUp("journey-state", "caseload", "outcomes", "studies");
        assertNoDeadLetterFor(studyId, journey);
        assertProblem(admin().get("/api/journeys/" + studyId), 404);
        assertProblem(admin().get("/api/journeys/" + studyId + "/timeline"), 404);
        assertProblem(auditor().get("/api/journeys/" + studyId + "/timeline"), 404);
        assertProblem(
                admin().post(
                                "/api/journeys/" + studyId + "/milestones",
                                milestone("HOUSING_SECURED", "2020-01-01", "tenure", "FIRST_HAND")),
                404);
        assertThat(admin().get("/api/caseload?municipalityCode=" + LULEA).status())
                .isEqualTo(200);
        List<Object> payloads = new ArrayList<>();
        history.forEachEvent(List.of(studyId, journey), message -> payloads.add(message.getPayload()));
        assertThat(payloads).hasAtLeastOneElementOfType(StudySaved.class).hasSizeGreaterThanOrEqualTo(3);

        // A rebuild of every view with a study in the store: ViewsRebuildTest, in a context of its own (a rebuild
        // here would fold again what other test classes stored in this shared database, dead letters included).
        assertThat(listed(studyId)).isNotNull();
        assertThat(listed(studyId).path("extracts").asInt()).isEqualTo(1);
        assertThat(admin().get("/api/journeys/" + journey).status()).isEqualTo(200);
    }

    /** No view has put these aggregates' events in its dead-letter queue (other tests' dead letters may be there). */
    private void assertNoDeadLetterFor(String... aggregates) {
        assertThat(jdbc.queryForObject(
                        "select count(*) from dead_letter_entry where sequence_identifier = any(?)",
                        Long.class,
                        (Object) aggregates))
                .isZero();
    }

    private void assertInvalid(Map<String, Object> body, String field) {
        ApiClient.Response refused = analyst().post("/api/studies", body);
        assertProblem(refused, 400);
        List<String> fields = new ArrayList<>();
        refused.json()
                .path("errors")
                .forEach(error -> fields.add(error.path("field").asString()));
        assertThat(fields).as(refused.body()).contains(field);
    }

    private static Map<String, Object> study(String title, Map<String, Object> query) {
        return Map.of("title", title, "query", query);
    }

    private static Map<String, Object> twoYearsAfterStudy(String title) {
        return study(title, Map.of("kind", "TWO_YEARS_AFTER", "cohortYear", 2021, "municipalityCode", LULEA));
    }

    private static Map<String, Object> timeToStudy(String title) {
        return study(
                title,
                Map.of(
                        "kind",
                        "TIME_TO",
                        "cohortYear",
                        2020,
                        "municipalityCode",
                        LULEA,
                        "milestone",
                        "HOUSING_SECURED",
                        "from",
                        "ARRIVAL",
                        "withinMonths",
                        6));
    }

    private String save(Map<String, Object> body) {
        ApiClient.Response saved = analyst().post("/api/studies", body);
        assertThat(saved.status()).as(saved.body()).isEqualTo(201);
        return saved.json().path("id").asString();
    }

    private JsonNode listed(String studyId) {
        for (JsonNode item : analyst().get("/api/studies").json()) {
            if (item.path("id").asString().equals(studyId)) {
                return item;
            }
        }
        return null;
    }

    private long accessLog(String action, String subject) {
        return jdbc.queryForObject(
                "select count(*) from access_log where action = ? and subject = ?", Long.class, action, subject);
    }

    /** The study's key as stored in its event: it must never reach a response. */
    private String keyOf(String studyId) {
        String payload = jdbc.queryForObject(
                "select convert_from(payload, 'UTF8') from domain_event_entry where aggregate_identifier = ?"
                        + " and sequence_number = 0",
                String.class,
                studyId);
        String key = payload.replaceAll(".*\"pseudonymKey\":\"([0-9a-f]{64})\".*", "$1");
        assertThat(key).hasSize(64);
        return key;
    }

    private static JsonNode withoutPosition(JsonNode answer) {
        tools.jackson.databind.node.ObjectNode copy = (tools.jackson.databind.node.ObjectNode) answer.deepCopy();
        copy.remove("eventStorePosition");
        return copy;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(text -> texts.add(text.asString()));
        return texts;
    }

    /** The extract's lines split at commas (its fields have none). */
    private static List<List<String>> csv(String body) {
        assertThat(body).endsWith("\r\n");
        return body.lines().map(line -> List.of(line.split(",", -1))).toList();
    }

    private static Map<String, Map<String, String>> byArrival(List<List<String>> rows) {
        List<String> header = rows.get(0);
        return rows.stream()
                .skip(1)
                .map(row -> IntStream.range(0, header.size()).boxed().collect(Collectors.toMap(header::get, row::get)))
                .collect(Collectors.toMap(row -> row.get("arrivalYearMonth"), row -> row));
    }

    private static Set<String> pseudonyms(List<List<String>> rows) {
        return rows.stream().skip(1).map(row -> row.get(0)).collect(Collectors.toSet());
    }

    private static Set<List<String>> withoutPseudonyms(List<List<String>> rows) {
        Set<List<String>> rest = new HashSet<>();
        rows.stream().skip(1).forEach(row -> rest.add(row.subList(1, row.size())));
        return rest;
    }

    private static Map<String, Object> employment(String on) {
        return milestone(
                "EMPLOYMENT_STARTED",
                on,
                "employmentId",
                "e-1",
                "employmentType",
                "REGULAR",
                "sector",
                "Vård",
                "hoursPerWeek",
                40);
    }

    private void retract(String journey, String eventId) {
        ApiClient.Response retracted = admin().post(
                        "/api/journeys/" + journey + "/retractions",
                        Map.of("eventId", eventId, "reason", "registrerad på fel person"));
        assertThat(retracted.status()).as(retracted.body()).isEqualTo(201);
    }

    private String register(String arrival, int birthYear, String gender) {
        return register(arrival, birthYear, gender, new ArrayList<>());
    }

    /** A journey in Luleå with a name and an identity number, both added to {@code personalData}. */
    private String register(String arrival, int birthYear, String gender, List<String> personalData) {
        String identityNumber = IdentityNumbersForTests.withCheckDigit(birthYear + "0412" + "239");
        String fullName = "Studie " + UUID.randomUUID().toString().substring(0, 8) + " Öberg";
        personalData.add(fullName);
        personalData.add(identityNumber);
        personalData.add(IdentityNumbersForTests.withDash(identityNumber));
        Map<String, Object> personal = new LinkedHashMap<>();
        personal.put("fullName", fullName);
        personal.put("personalIdentityNumber", identityNumber);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("municipalityCode", LULEA);
        body.put("arrivalDate", arrival);
        body.put("receptionType", "ASSIGNED");
        body.put("birthYear", birthYear);
        body.put("gender", gender);
        body.put("countryOfBirth", "SY");
        body.put("educationLevel", "SECONDARY");
        body.put("personalDetails", personal);
        ApiClient.Response created = admin().post("/api/journeys", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("journeyId").asString();
    }
}
