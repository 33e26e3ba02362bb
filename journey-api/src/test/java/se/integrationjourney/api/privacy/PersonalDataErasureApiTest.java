package se.integrationjourney.api.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import se.integrationjourney.api.testsupport.ApiClient;
import se.integrationjourney.api.web.ApiTestBase;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Erasing a journey's personal data: afterwards no table of the database holds its name or identity number in plain
 * text, every read shows them as erased, and the outcome figures are what they were.
 */
class PersonalDataErasureApiTest extends ApiTestBase {

    /** Övertorneå: no other test records there. */
    private static final String OVERTORNEA = "2521";

    private static final String NAME = "Zainab Raderasdotter Öqvist";
    private static final String NUMBER = "198507152380";

    @Test
    void givenAJourneyWithMilestones_whenErased_thenNoTableHoldsItsNameOrNumberAndTheFiguresStay() {
        String journey = register(NAME, NUMBER);
        record(admin(), journey, milestone("ESTABLISHMENT_PLAN_STARTED", "2019-03-01"));
        record(
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
        record(admin(), journey, milestone("ESTABLISHMENT_PLAN_ENDED", "2021-03-01", "reason", "WORK"));
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
        ApiClient.Response corrected = admin().post(
                        "/api/journeys/" + journey + "/personal-details-corrections",
                        Map.of("fullName", NAME + " Andersson", "personalIdentityNumber", NUMBER));
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(201);
        awaitViewsCaughtUp("journey-state", "caseload", "outcomes");
        assertThat(tablesHolding(NAME))
                .as("stored in plain text before erasure")
                .doesNotContain("domain_event_entry.payload");
        assertThat(tablesHolding(NAME))
                .as("the views hold the name for display")
                .isNotEmpty();
        JsonNode figuresBefore = figures();

        ApiClient.Response erased = delete(admin(), "/api/admin/journeys/" + journey + "/personal-data");
        assertThat(erased.status()).as(erased.body()).isEqualTo(204);
        awaitViewsCaughtUp("journey-state", "caseload", "outcomes");

        assertThat(tablesHolding(NAME)).isEmpty();
        assertThat(tablesHolding(NUMBER)).isEmpty();
        assertThat(tablesHolding(NUMBER.substring(2))).isEmpty();
        assertThat(figures()).isEqualTo(figuresBefore);

        ApiClient.Response state = admin().get("/api/journeys/" + journey);
        assertThat(state.status()).isEqualTo(200);
        assertThat(state.json().path("personalDetails").path("fullName").isNull())
                .isTrue();
        assertThat(state.json()
                        .path("personalDetails")
                        .path("personalIdentityNumber")
                        .isNull())
                .isTrue();
        ApiClient.Response timeline = admin().get("/api/journeys/" + journey + "/timeline");
        assertThat(timeline.status()).isEqualTo(200);
        assertThat(timeline.body()).doesNotContain(NAME).doesNotContain(NUMBER).contains("PERSONAL_DATA_ERASED");
        assertThat(jdbc.queryForObject(
                        "select count(*) from access_log where action = 'PERSONAL_DATA_ERASED'"
                                + " and journey_ids @> array[?]::uuid[] and username = 'admin'",
                        Long.class,
                        java.util.UUID.fromString(journey)))
                .isEqualTo(1);
    }

    @Test
    void givenAnErasedJourney_whenErasedOrCorrectedAgain_thenRefusedAndNothingChanges() {
        String journey = register("Omar Tvåggr Raderad", "199104254710");
        assertThat(delete(admin(), "/api/admin/journeys/" + journey + "/personal-data")
                        .status())
                .isEqualTo(204);
        long events = eventsOf(journey);

        ApiClient.Response again = delete(admin(), "/api/admin/journeys/" + journey + "/personal-data");
        assertProblem(again, 409);
        ApiClient.Response correction = admin().post(
                        "/api/journeys/" + journey + "/personal-details-corrections",
                        Map.of("fullName", "Omar Ny", "personalIdentityNumber", "199104254710"));
        assertProblem(correction, 422);
        assertThat(correction.json().path("detail").asString()).contains("PERSONAL_DATA_ERASED");
        assertThat(eventsOf(journey)).isEqualTo(events);
    }

    @Test
    void givenACaseworkerOrAnUnknownJourney_whenErasing_thenForbiddenOrNotFound() {
        String journey = register("Lina Ej Raderad", null);
        assertProblem(delete(caseworker(), "/api/admin/journeys/" + journey + "/personal-data"), 403);
        assertProblem(delete(admin(), "/api/admin/journeys/6f1e0b52-4b7a-4d1e-9a53-0f3c2b9d8e71/personal-data"), 404);
        assertThat(admin().get("/api/journeys/" + journey)
                        .json()
                        .path("personalDetails")
                        .path("fullName")
                        .asString())
                .isEqualTo("Lina Ej Raderad");
    }

    /** Every text, JSON and bytea column, in every table, that holds the text. */
    private List<String> tablesHolding(String text) {
        List<String> found = new ArrayList<>();
        List<Map<String, Object>> columns = jdbc.queryForList("select table_name, column_name, data_type"
                + " from information_schema.columns c join information_schema.tables t using (table_schema,"
                + " table_name) where table_schema = 'public' and table_type = 'BASE TABLE' and data_type in"
                + " ('text', 'character varying', 'character', 'json', 'jsonb', 'bytea')");
        for (Map<String, Object> column : columns) {
            String name = "\"" + column.get("table_name") + "\".\"" + column.get("column_name") + "\"";
            String condition = "bytea".equals(column.get("data_type"))
                    ? "position(convert_to(?, 'UTF8') in " + name + ") > 0"
                    : "strpos(" + name + "::text, ?) > 0";
            Long rows = jdbc.queryForObject(
                    "select count(*) from \"" + column.get("table_name") + "\" where " + condition, Long.class, text);
            if (rows != null && rows > 0) {
                found.add(column.get("table_name") + "." + column.get("column_name"));
            }
        }
        return found;
    }

    /** The outcome answers of the journey's cohort, without the moment they were asked. */
    private JsonNode figures() {
        ObjectNode both =
                (ObjectNode) admin().get("/api/outcomes/two-years-after?cohortYear=2021&municipalityCode=" + OVERTORNEA)
                        .json();
        assertThat(both.path("denominator").asLong()).as(both.toString()).isPositive();
        ObjectNode timeTo = (ObjectNode) admin().get("/api/outcomes/time-to?milestone=IN_WORK_OR_STUDIES"
                        + "&from=ESTABLISHMENT_START&cohortYear=2019&municipalityCode=" + OVERTORNEA)
                .json();
        assertThat(timeTo.path("reached").asLong()).as(timeTo.toString()).isPositive();
        for (ObjectNode answer : List.of(both, timeTo)) {
            answer.remove(List.of("knownAt", "eventStorePosition"));
        }
        both.set("timeTo", timeTo);
        return both;
    }

    private static ApiClient.Response delete(ApiClient client, String path) {
        return client.send("DELETE", path, null, null);
    }

    private String register(String name, String number) {
        Map<String, Object> body = new HashMap<>(registration("2018-05-01", name, number));
        body.put("municipalityCode", OVERTORNEA);
        ApiClient.Response created = admin().post("/api/journeys", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("journeyId").asString();
    }
}
