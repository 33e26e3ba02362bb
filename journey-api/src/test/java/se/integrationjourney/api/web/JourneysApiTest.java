package se.integrationjourney.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import se.integrationjourney.api.testsupport.ApiClient;

class JourneysApiTest extends ApiTestBase {

    @Test
    void givenACaseworker_whenRegisteringAndRecording_thenTheJourneyShowsItWithItsVersionAsETag() {
        ApiClient.Response created =
                caseworker().post("/api/journeys", registration("2024-03-01", "Åsa Öberg", "19900301-2391"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String journeyId = created.json().path("journeyId").asString();
        assertThat(created.header("Location")).isEqualTo("/api/journeys/" + journeyId);

        ApiClient.Response housing = caseworker()
                .post(
                        "/api/journeys/" + journeyId + "/milestones",
                        Map.of("type", "HOUSING_SECURED", "occurredOn", "2024-03-20", "tenure", "FIRST_HAND"));
        assertThat(housing.status()).as(housing.body()).isEqualTo(201);
        assertThat(housing.json().path("version").asLong()).isEqualTo(1);
        assertThat(housing.json().path("eventId").asString()).isNotBlank();

        ApiClient.Response state = caseworker().get("/api/journeys/" + journeyId);
        assertThat(state.status()).as(state.body()).isEqualTo(200);
        assertThat(state.header("ETag")).isEqualTo("\"1\"");
        assertThat(state.json().path("firstMilestones").path("housingSecured").asString())
                .isEqualTo("2024-03-20");
        assertThat(state.json().path("personalDetails").path("fullName").asString())
                .isEqualTo("Åsa Öberg");
    }

    @Test
    void givenAStaleIfMatch_whenRecording_then412AndNothingRecorded() {
        String journeyId = registerJourney("2024-01-10");
        caseworker()
                .post(
                        "/api/journeys/" + journeyId + "/milestones",
                        Map.of("type", "INTRODUCTORY_MEETING_HELD", "occurredOn", "2024-01-15"));
        long eventsBefore = eventsOf(journeyId);

        ApiClient.Response stale = caseworker()
                .with("If-Match", "\"0\"")
                .post(
                        "/api/journeys/" + journeyId + "/milestones",
                        Map.of("type", "TEMPORARY_HOUSING_PROVIDED", "occurredOn", "2024-01-16"));

        assertProblem(stale, 412);
        assertThat(eventsOf(journeyId)).isEqualTo(eventsBefore);
        ApiClient.Response current = caseworker()
                .with("If-Match", "\"1\"")
                .post(
                        "/api/journeys/" + journeyId + "/milestones",
                        Map.of("type", "TEMPORARY_HOUSING_PROVIDED", "occurredOn", "2024-01-16"));
        assertThat(current.status()).as(current.body()).isEqualTo(201);
    }

    @Test
    void givenARuleViolation_whenRecording_then422NamingTheRuleAndNothingRecorded() {
        String journeyId = registerJourney("2024-01-10");

        ApiClient.Response early = caseworker()
                .post(
                        "/api/journeys/" + journeyId + "/milestones",
                        Map.of("type", "HOUSING_SECURED", "occurredOn", "2023-12-01", "tenure", "LODGER"));

        assertProblem(early, 422);
        assertThat(early.json().path("rule").asString()).isEqualTo("DATE_BEFORE_ARRIVAL");
        assertThat(early.json().path("detail").asString()).contains("DATE_BEFORE_ARRIVAL");
        assertThat(eventsOf(journeyId)).isEqualTo(1);
    }

    @Test
    void givenBadJson_whenPosting_then400WithTheFieldsAndNothingRecorded() {
        String journeyId = registerJourney("2024-01-10");
        String milestones = "/api/journeys/" + journeyId + "/milestones";

        ApiClient.Response unknownField = caseworker()
                .post(
                        milestones,
                        Map.of(
                                "type",
                                "HOUSING_SECURED",
                                "occurredOn",
                                "2024-02-01",
                                "tenure",
                                "LODGER",
                                "colour",
                                "blue"));
        ApiClient.Response unknownEnum = caseworker()
                .post(milestones, Map.of("type", "HOUSING_SECURED", "occurredOn", "2024-02-01", "tenure", "CASTLE"));
        ApiClient.Response unknownType =
                caseworker().post(milestones, Map.of("type", "WON_LOTTERY", "occurredOn", "2024-02-01"));
        ApiClient.Response missing =
                caseworker().post(milestones, Map.of("type", "HOUSING_SECURED", "occurredOn", "2024-02-01"));
        ApiClient.Response malformed = caseworker().post(milestones, "{\"type\": \"HOUSING_SECURED\",");
        ApiClient.Response badDate = caseworker()
                .post(milestones, Map.of("type", "HOUSING_SECURED", "occurredOn", "first of May", "tenure", "LODGER"));

        assertProblem(unknownField, 400);
        assertThat(unknownField.json().path("errors").get(0).path("field").asString())
                .isEqualTo("body");
        assertThat(unknownField.json().path("errors").get(0).path("message").asString())
                .contains("tenure");
        assertThat(unknownField.body())
                .as("the unknown name is the client's text")
                .doesNotContain("colour");
        assertProblem(unknownEnum, 400);
        assertThat(unknownEnum.json().path("errors").get(0).path("field").asString())
                .isEqualTo("tenure");
        assertThat(unknownEnum.json().path("errors").get(0).path("message").asString())
                .contains("FIRST_HAND");
        assertThat(unknownEnum.body()).doesNotContain("CASTLE");
        assertProblem(unknownType, 400);
        assertThat(unknownType.json().path("errors").get(0).path("field").asString())
                .isEqualTo("type");
        assertThat(unknownType.json().path("errors").get(0).path("message").asString())
                .contains("HOUSING_SECURED")
                .contains("JOURNEY_REOPENED");
        assertThat(unknownType.body()).doesNotContain("WON_LOTTERY");
        assertProblem(missing, 400);
        assertThat(missing.json().path("errors").get(0).path("field").asString())
                .isEqualTo("tenure");
        assertProblem(malformed, 400);
        assertProblem(badDate, 400);
        assertThat(badDate.body()).doesNotContain("first of May");
        assertThat(eventsOf(journeyId)).isEqualTo(1);
    }

    @Test
    void givenAnUnknownJourney_whenReadOrWritten_then404() {
        String unknown = "/api/journeys/6f1c5f52-4f0a-4a4c-9d7e-0c7b8f8e2a11";
        assertProblem(caseworker().get(unknown), 404);
        assertProblem(
                caseworker()
                        .post(
                                unknown + "/milestones",
                                Map.of("type", "INTRODUCTORY_MEETING_HELD", "occurredOn", "2024-01-15")),
                404);
        assertProblem(auditor().get(unknown + "/timeline"), 404);
    }

    @Test
    void givenTheSameIdempotencyKey_whenRepeated_thenTheFirstAnswerComesBackAndNothingNewIsRecorded() {
        String journeyId = registerJourney("2024-01-10");
        ApiClient keyed = caseworker().with("Idempotency-Key", "meeting-" + journeyId);
        Map<String, Object> meeting = Map.of("type", "INTRODUCTORY_MEETING_HELD", "occurredOn", "2024-01-15");

        ApiClient.Response first = keyed.post("/api/journeys/" + journeyId + "/milestones", meeting);
        ApiClient.Response repeat = keyed.post("/api/journeys/" + journeyId + "/milestones", meeting);

        assertThat(first.status()).isEqualTo(201);
        assertThat(repeat.status()).isEqualTo(201);
        assertThat(repeat.json()).isEqualTo(first.json());
        assertThat(repeat.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(eventsOf(journeyId)).isEqualTo(2);

        ApiClient.Response reused = keyed.post(
                "/api/journeys/" + journeyId + "/milestones",
                Map.of("type", "TEMPORARY_HOUSING_PROVIDED", "occurredOn", "2024-01-16"));
        assertProblem(reused, 409);
        assertThat(eventsOf(journeyId)).isEqualTo(2);
    }

    @Test
    void givenARetraction_whenTheTimelineIsRead_thenItShowsBothLinkedAndWhoRecordedThem() {
        String journeyId = registerJourney("2024-01-10");
        ApiClient.Response housing = caseworker()
                .post(
                        "/api/journeys/" + journeyId + "/milestones",
                        Map.of("type", "HOUSING_SECURED", "occurredOn", "2024-02-01", "tenure", "LODGER"));
        ApiClient.Response retraction = caseworker()
                .post(
                        "/api/journeys/" + journeyId + "/retractions",
                        Map.of("eventId", housing.json().path("eventId").asString(), "reason", "wrong journey"));
        assertThat(retraction.status()).as(retraction.body()).isEqualTo(201);

        ApiClient.Response timeline = auditor().get("/api/journeys/" + journeyId + "/timeline");

        assertThat(timeline.status()).as(timeline.body()).isEqualTo(200);
        assertThat(timeline.json().get(1).path("type").asString()).isEqualTo("HOUSING_SECURED");
        assertThat(timeline.json().get(1).path("retracted").asBoolean()).isTrue();
        assertThat(timeline.json().get(1).path("recordedBy").asString()).isEqualTo("cw-toreboda");
        assertThat(timeline.json().get(1).path("retractedBy").path("reason").asString())
                .isEqualTo("wrong journey");
        assertThat(timeline.json().get(2).path("type").asString()).isEqualTo("MILESTONE_RETRACTED");
        assertThat(timeline.header("ETag"))
                .as("a journey read carries the version")
                .isEqualTo("\"2\"");
        accessLog.flush();
        assertThat(jdbc.queryForObject(
                        "select count(*) from access_log where journey_ids = array[?::uuid] and username = ?"
                                + " and action = 'TIMELINE_READ' and roles = 'AUDITOR'",
                        Long.class,
                        journeyId,
                        "auditor"))
                .isEqualTo(1);
    }

    @Test
    void givenAMisspeltName_whenCorrected_thenTheJourneyShowsTheNewDetailsAndTheTimelineKeepsBoth() {
        String journeyId = registerJourney("2024-01-10");
        String corrections = "/api/journeys/" + journeyId + "/personal-details-corrections";

        ApiClient.Response corrected = caseworker()
                .with("If-Match", "\"0\"")
                .post(corrections, Map.of("fullName", "Amal Haddad Karim", "personalIdentityNumber", "19900301-2391"));

        assertThat(corrected.status()).as(corrected.body()).isEqualTo(201);
        assertThat(corrected.json().path("version").asLong()).isEqualTo(1);
        ApiClient.Response state = caseworker().get("/api/journeys/" + journeyId);
        assertThat(state.json().path("personalDetails").path("fullName").asString())
                .isEqualTo("Amal Haddad Karim");
        assertThat(state.json()
                        .path("personalDetails")
                        .path("personalIdentityNumber")
                        .asString())
                .isEqualTo("199003012391");
        ApiClient.Response timeline = auditor().get("/api/journeys/" + journeyId + "/timeline");
        assertThat(timeline.json()
                        .get(0)
                        .path("data")
                        .path("personalDetails")
                        .path("fullName")
                        .asString())
                .as("the registration as recorded")
                .isEqualTo("Amal Haddad");
        assertThat(timeline.json().get(1).path("type").asString()).isEqualTo("PERSONAL_DETAILS_CORRECTED");
        assertThat(timeline.json().get(1).path("eventId").asString())
                .isEqualTo(corrected.json().path("eventId").asString());
        assertThat(timeline.json().get(1).path("recordedBy").asString()).isEqualTo("cw-toreboda");
        assertThat(timeline.json()
                        .get(1)
                        .path("data")
                        .path("personalDetails")
                        .path("fullName")
                        .asString())
                .isEqualTo("Amal Haddad Karim");
    }

    @Test
    void givenAClosedJourney_whenItsDetailsAreCorrected_thenTheCorrectionIsAccepted() {
        String journeyId = registerJourney("2024-01-10");
        caseworker()
                .post(
                        "/api/journeys/" + journeyId + "/milestones",
                        Map.of("type", "JOURNEY_CLOSED", "occurredOn", "2024-02-01", "reason", "MOVED_AWAY"));

        ApiClient.Response corrected = caseworker()
                .post(
                        "/api/journeys/" + journeyId + "/personal-details-corrections",
                        Map.of("fullName", "Amal Haddad Karim"));

        assertThat(corrected.status()).as(corrected.body()).isEqualTo(201);
        assertThat(eventsOf(journeyId)).isEqualTo(3);
    }

    @Test
    void givenBadPersonalDetails_whenCorrecting_thenAClearErrorWithoutTheValuesAndNothingRecorded() {
        String journeyId = registerJourney("2024-01-10");
        String corrections = "/api/journeys/" + journeyId + "/personal-details-corrections";

        ApiClient.Response badNumber = caseworker()
                .post(corrections, Map.of("fullName", "Amal Haddad", "personalIdentityNumber", "19900301-2392"));
        ApiClient.Response noName = caseworker().post(corrections, Map.of("personalIdentityNumber", "19900301-2391"));
        ApiClient.Response unknownField =
                caseworker().post(corrections, Map.of("fullName", "Amal Haddad", "reason", "typo"));

        assertProblem(badNumber, 422);
        assertThat(badNumber.json().path("rule").asString()).isEqualTo("INVALID_PERSONAL_IDENTITY_NUMBER");
        assertThat(badNumber.body()).doesNotContain("19900301").doesNotContain("Amal");
        assertProblem(noName, 400);
        assertThat(noName.json().path("errors").get(0).path("field").asString()).isEqualTo("fullName");
        assertThat(noName.body()).doesNotContain("19900301");
        assertProblem(unknownField, 400);
        assertThat(eventsOf(journeyId)).isEqualTo(1);
    }
}
