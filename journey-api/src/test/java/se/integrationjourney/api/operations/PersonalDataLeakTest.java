package se.integrationjourney.api.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;
import se.integrationjourney.api.testsupport.ApiClient;
import se.integrationjourney.api.web.ApiTestBase;

/**
 * Registers a newcomer with a name and a personal identity number, works the journey through the API
 * (including refused requests that carry them), then reads every log line, the metrics and every analyst
 * response produced on the way: neither the name nor the number may appear in any of them.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(
        properties = {
            // A context of its own, started while the output is captured; verbose logging, to be strict.
            "logging.level.org.springframework.web=DEBUG",
            "logging.level.org.axonframework=DEBUG",
            "logging.level.se.integrationjourney=DEBUG"
        })
class PersonalDataLeakTest extends ApiTestBase {

    private static final String NAME = "Zlatanka Ödmansdóttir-Qvist زينب";
    private static final String IDENTITY_NUMBER = "19811218-9876";
    private static final String WRONG_CHECK_DIGIT = "19811218-9875";
    private static final List<String> SECRETS = List.of(
            "Zlatanka",
            "Ödmansdóttir",
            "Qvist",
            "زينب",
            "198112189876",
            "8112189876",
            "19811218-9876",
            "811218-9876",
            "198112189875",
            "19811218-9875");

    @Test
    void givenAJourneyWithPersonalData_whenWorkedThroughTheApi_thenNoLogMetricOrAnalystResponseHoldsIt(
            CapturedOutput output) {
        List<String> seen = new ArrayList<>();
        ApiClient.Response registered = caseworker()
                .with("Idempotency-Key", "leak-test-registration")
                .post("/api/journeys", registrationWith(NAME, IDENTITY_NUMBER));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        String journey = "/api/journeys/" + registered.json().path("journeyId").asString();
        for (Map<String, Object> milestone : List.of(
                Map.<String, Object>of("type", "ESTABLISHMENT_PLAN_STARTED", "occurredOn", "2019-02-01"),
                Map.<String, Object>of(
                        "type",
                        "EMPLOYMENT_STARTED",
                        "occurredOn",
                        "2020-05-01",
                        "employmentId",
                        "e1",
                        "employmentType",
                        "REGULAR",
                        "sector",
                        "care",
                        "hoursPerWeek",
                        40),
                Map.<String, Object>of(
                        "type", "SELF_SUFFICIENCY_REACHED", "occurredOn", "2020-06-01", "basis", "EMPLOYMENT"))) {
            assertThat(caseworker().post(journey + "/milestones", milestone).status())
                    .isEqualTo(201);
        }

        // Refused requests carrying personal data must not echo it in the error, nor log it.
        seen.add(caseworker()
                .post("/api/journeys", registrationWith(NAME, WRONG_CHECK_DIGIT))
                .body());
        Map<String, Object> nameInAnEnum = new java.util.HashMap<>(registrationWith("Some One", null));
        nameInAnEnum.put("gender", NAME);
        seen.add(caseworker().post("/api/journeys", nameInAnEnum).body());
        seen.add(caseworker()
                .post(
                        journey + "/milestones",
                        Map.of(
                                "type",
                                "ACTION_PLAN_ESTABLISHED",
                                "occurredOn",
                                "2019-03-01",
                                "goals",
                                List.of("WORK"),
                                "summary",
                                "Meeting with " + NAME))
                .body());
        seen.add(caseworker()
                .post(
                        "/api/journeys",
                        "{\"municipalityCode\": \"1473\", \"personalDetails\": {\"fullName\": \"" + NAME + "\", ")
                .body());

        // A subject-access export answers with the person's data (to an auditor), and puts it in no log; the
        // retention dry run answers with none.
        assertThat(auditor()
                        .post("/api/audit/subject-access", Map.of("personalIdentityNumber", IDENTITY_NUMBER))
                        .status())
                .isEqualTo(200);
        seen.add(auditor()
                .post("/api/audit/subject-access", Map.of("personalIdentityNumber", WRONG_CHECK_DIGIT))
                .body());
        seen.add(admin().get("/api/admin/retention/dry-run").body());

        await().atMost(Duration.ofSeconds(60))
                .until(() -> analyst()
                                .get("/api/outcomes/time-to?milestone=EMPLOYMENT_STARTED&from=ARRIVAL&cohortYear=2019")
                                .json()
                                .path("reached")
                                .asLong()
                        >= 1);

        seen.add(analyst().get("/api/outcomes/two-years-after?cohortYear=2021").body());
        seen.add(analyst()
                .with("Accept", "text/csv")
                .get("/api/outcomes/two-years-after?cohortYear=2021")
                .body());
        seen.add(analyst()
                .get("/api/outcomes/time-to?milestone=EMPLOYMENT_STARTED&from=ARRIVAL&cohortYear=2019"
                        + "&withinMonths=24")
                .body());
        seen.add(analyst()
                .with("Accept", "text/csv")
                .get(
                        "/api/outcomes/time-to?milestone=SELF_SUFFICIENCY_REACHED&from=ESTABLISHMENT_START&cohortYear=2019")
                .body());
        seen.add(admin().get("/api/admin/projections").body());
        ApiClient.Response metrics = admin().get("/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body())
                .contains("journey_command_handling_seconds_count")
                .contains("journey_projection_lag")
                .contains("http_server_requests")
                .contains("journey_event_store_writes_seconds_count")
                .contains("journey_event_store_write_events_max");
        seen.add(metrics.body());
        seen.add(output.getAll());

        assertThat(output.getAll())
                .as("the log was captured, start-up included")
                .contains("Started PersonalDataLeakTest")
                .contains("POST \"/api/journeys");
        for (String text : seen) {
            for (String secret : SECRETS) {
                assertThat(text).as("no personal data").doesNotContain(secret);
            }
        }
    }

    private static Map<String, Object> registrationWith(String fullName, String identityNumber) {
        return registration("2019-01-15", fullName, identityNumber);
    }
}
