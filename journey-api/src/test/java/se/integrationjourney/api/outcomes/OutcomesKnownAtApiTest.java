package se.integrationjourney.api.outcomes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import se.integrationjourney.api.testsupport.ApiClient;
import se.integrationjourney.api.web.ApiTestBase;
import tools.jackson.databind.JsonNode;

/**
 * The outcome queries as known at a moment, against the real event store: later recordings, retractions and a cohort
 * that a corrected establishment start moved are seen only by questions asked as known after them.
 */
class OutcomesKnownAtApiTest extends ApiTestBase {

    /** Älvsbyn: no other test records there, so the cohort is this test's own. */
    private static final String ALVSBYN = "2560";
    /** Boden: the cohort of the test of what changed. */
    private static final String BODEN = "2582";

    @Test
    void givenARetractionAndALateFollowUp_whenAskedAsKnownBeforeAndAfter_thenEachAnswerHasOnlyWhatWasKnown() {
        String journey = register("2018-05-01");
        String start = record(admin(), journey, milestone("ESTABLISHMENT_PLAN_STARTED", "2019-03-01"));
        String employment = record(
                admin(),
                journey,
                milestone(
                        "EMPLOYMENT_STARTED",
                        "2020-01-01",
                        "employmentId",
                        "e-1",
                        "employmentType",
                        "REGULAR",
                        "sector",
                        "Vård",
                        "hoursPerWeek",
                        40));
        Instant employed = aMomentPassed();
        retract(journey, employment, "registered on the wrong person");
        Instant retracted = aMomentPassed();
        record(
                admin(),
                journey,
                milestone(
                        "FOLLOW_UP_RECORDED",
                        "2023-03-20",
                        "monthsAfterEstablishment",
                        24,
                        "status",
                        "STUDYING",
                        "source",
                        "INTERVIEW"));

        JsonNode asEmployed = twoYearsAfter("cohortYear=2021&knownAt=" + employed);
        assertThat(asEmployed.path("byStatus").path("EMPLOYED").asLong()).isEqualTo(1);
        assertThat(asEmployed.path("knownAt").path("used").asString()).isEqualTo(employed.toString());
        assertThat(asEmployed.path("knownAt").path("requested").asString()).isEqualTo(employed.toString());
        assertThat(asEmployed.path("knownAt").path("movedBack").asBoolean()).isFalse();
        assertThat(twoYearsAfter("cohortYear=2021&knownAt=" + retracted)
                        .path("byStatus")
                        .path("UNKNOWN")
                        .asLong())
                .as("the retraction is known, the follow-up not yet")
                .isEqualTo(1);
        JsonNode now = twoYearsAfter("cohortYear=2021");
        assertThat(now.path("byStatus").path("STUDYING").asLong()).isEqualTo(1);
        assertThat(now.path("eventStorePosition").asLong())
                .isGreaterThanOrEqualTo(
                        jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class));
        assertThat(twoYearsAfter("cohortYear=2021&knownAt=2000-01-01")
                        .path("denominator")
                        .asLong())
                .as("nothing was recorded in 2000")
                .isZero();
        assertThat(start).isNotBlank();
    }

    @Test
    void givenAnEstablishmentStartCorrectedIntoAnotherYear_whenAskedAsKnownBefore_thenTheOldCohortStillHasTheJourney() {
        String journey = register("2019-06-01");
        String start = record(admin(), journey, milestone("ESTABLISHMENT_PLAN_STARTED", "2019-09-01"));
        Instant firstStart = aMomentPassed();
        retract(journey, start, "the plan started a year later");
        record(admin(), journey, milestone("ESTABLISHMENT_PLAN_STARTED", "2020-09-01"));

        String fromStart = "milestone=EMPLOYMENT_STARTED&from=ESTABLISHMENT_START&cohortYear=";
        assertThat(timeTo(fromStart + "2019&knownAt=" + firstStart)
                        .path("cohortSize")
                        .asLong())
                .isEqualTo(1);
        assertThat(timeTo(fromStart + "2019").path("cohortSize").asLong()).isZero();
        assertThat(timeTo(fromStart + "2020").path("cohortSize").asLong()).isEqualTo(1);
        assertThat(twoYearsAfter("cohortYear=2021&asOf=2030-01-01&knownAt=" + firstStart)
                        .path("denominator")
                        .asLong())
                .as("ended 2021-09-01 as then known")
                .isEqualTo(1);
    }

    @Test
    void givenAMomentInTheFutureOrADate_whenAsked_thenTheFutureIsMovedBackToNowAndTheDateIsTheEndOfThatDay() {
        JsonNode future = twoYearsAfter("cohortYear=2021&knownAt=2100-01-01T00:00:00Z");
        assertThat(future.path("knownAt").path("movedBack").asBoolean()).isTrue();
        assertThat(Instant.parse(future.path("knownAt").path("used").asString()))
                .isBefore(Instant.now());

        JsonNode midsummer = twoYearsAfter("cohortYear=2021&knownAt=2025-06-20");
        assertThat(midsummer.path("knownAt").path("used").asString()).isEqualTo("2025-06-20T21:59:59.999Z");
    }

    @Test
    void givenAKnownAtThatIsNoMoment_whenAsked_thenA400SaysWhatIsAcceptedAndTheCsvTakesItToo() {
        ApiClient.Response wrong = analyst().get("/api/outcomes/two-years-after?cohortYear=2021&knownAt=yesterday");
        assertProblem(wrong, 400);
        assertThat(wrong.json().path("detail").asString()).contains("knownAt").contains("2025-06-30");

        ApiClient.Response csv = analyst()
                .with("Accept", "text/csv")
                .get("/api/outcomes/time-to?milestone=HOUSING_SECURED&from=ARRIVAL&cohortYear=2019&knownAt=2000-01-01");
        assertThat(csv.status()).as(csv.body()).isEqualTo(200);
        assertThat(csv.body()).contains("HOUSING_SECURED,ARRIVAL,0,0");
    }

    @Test
    void givenARetractionAndALateFollowUp_whenAskingWhatChanged_thenTheJourneyIsListedByIdWithBothEvents() {
        String journey = register("2018-04-01", "Changed Person", BODEN);
        record(admin(), journey, milestone("ESTABLISHMENT_PLAN_STARTED", "2019-02-01"));
        String employment = record(
                admin(),
                journey,
                milestone(
                        "EMPLOYMENT_STARTED",
                        "2020-01-01",
                        "employmentId",
                        "e-1",
                        "employmentType",
                        "REGULAR",
                        "sector",
                        "Vård",
                        "hoursPerWeek",
                        40));
        String unchanged = register("2018-04-01", "Unchanged Person", BODEN);
        record(admin(), unchanged, milestone("ESTABLISHMENT_PLAN_STARTED", "2019-02-01"));
        Instant before = aMomentPassed();
        retract(journey, employment, "another person's job");
        String followUp = record(
                admin(),
                journey,
                milestone(
                        "FOLLOW_UP_RECORDED",
                        "2023-02-15",
                        "monthsAfterEstablishment",
                        24,
                        "status",
                        "STUDYING",
                        "source",
                        "REGISTER"));
        String retraction = jdbc.queryForObject(
                "select event_identifier from domain_event_entry where aggregate_identifier = ? and type is not null"
                        + " and payload_type like '%MilestoneRetracted'",
                String.class, journey);

        ApiClient.Response response = analyst()
                .get("/api/outcomes/two-years-after/changes?cohortYear=2021&municipalityCode=" + BODEN + "&before="
                        + before);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).doesNotContain("Changed Person").doesNotContain("Unchanged Person");
        JsonNode changes = response.json();
        assertThat(changes.path("before").path("used").asString()).isEqualTo(before.toString());
        JsonNode journeys = changes.path("journeys");
        assertThat(journeys).hasSize(1);
        JsonNode change = journeys.get(0);
        assertThat(change.path("journeyId").asString()).isEqualTo(journey);
        assertThat(change.path("before").path("status").asString()).isEqualTo("EMPLOYED");
        assertThat(change.path("after").path("status").asString()).isEqualTo("STUDYING");
        JsonNode events = change.path("events");
        assertThat(events).hasSize(2);
        assertThat(events.get(0).path("eventId").asString()).isEqualTo(retraction);
        assertThat(events.get(0).path("kind").asString()).isEqualTo("RETRACTION");
        assertThat(events.get(0).path("retractedEventId").asString()).isEqualTo(employment);
        assertThat(events.get(1).path("eventId").asString()).isEqualTo(followUp);
        assertThat(events.get(1).path("type").asString()).isEqualTo("FOLLOW_UP_RECORDED");
        assertThat(events.get(1).path("kind").asString()).isEqualTo("LATE_RECORDING");
        assertThat(Instant.parse(events.get(1).path("recordedAt").asString())).isAfter(before);

        assertProblem(
                analyst()
                        .get(
                                "/api/outcomes/two-years-after/changes?cohortYear=2021&before=2100-01-01&after=2000-01-01"),
                400);
        assertProblem(caseworker().get("/api/outcomes/two-years-after/changes?cohortYear=2021&before=2000-01-01"), 403);
    }

    private String register(String arrival) {
        return register(arrival, "Known At");
    }

    private String register(String arrival, String name) {
        return register(arrival, name, ALVSBYN);
    }

    private String register(String arrival, String name, String municipality) {
        Map<String, Object> body = new HashMap<>(registration(arrival, name, null));
        body.put("municipalityCode", municipality);
        ApiClient.Response created = admin().post("/api/journeys", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("journeyId").asString();
    }

    private void retract(String journey, String eventId, String reason) {
        ApiClient.Response retracted =
                admin().post("/api/journeys/" + journey + "/retractions", Map.of("eventId", eventId, "reason", reason));
        assertThat(retracted.status()).as(retracted.body()).isEqualTo(201);
    }

    private JsonNode twoYearsAfter(String query) {
        ApiClient.Response response =
                analyst().get("/api/outcomes/two-years-after?municipalityCode=" + ALVSBYN + "&" + query);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private JsonNode timeTo(String query) {
        ApiClient.Response response = analyst().get("/api/outcomes/time-to?municipalityCode=" + ALVSBYN + "&" + query);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }
}
