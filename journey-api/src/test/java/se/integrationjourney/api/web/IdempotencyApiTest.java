package se.integrationjourney.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import se.integrationjourney.api.testsupport.ApiClient;

/**
 * {@code Idempotency-Key}: a repeat, even one racing the first request, gets the first answer and records nothing.
 */
class IdempotencyApiTest extends ApiTestBase {

    private static final int RACERS = 8;

    @Test
    void givenTheSameKeyedRegistrationFromManyThreadsAtOnce_whenTheyRace_thenAllGetOneAnswerAndOneJourneyIsRecorded() {
        ApiClient keyed = caseworker().with("Idempotency-Key", "race-registration-" + UUID.randomUUID());
        Map<String, Object> body = registration(today().minusDays(4).toString(), "Hamid Rahimi", null);
        long eventsBefore = allEvents();

        List<ApiClient.Response> responses = race(client -> client.post("/api/journeys", body), keyed);

        ApiClient.Response first = responses.get(0);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        String journeyId = first.json().path("journeyId").asString();
        for (ApiClient.Response response : responses) {
            assertThat(response.status()).as(response.body()).isEqualTo(201);
            assertThat(response.json()).isEqualTo(first.json());
            assertThat(response.header("Location")).isEqualTo("/api/journeys/" + journeyId);
        }
        assertThat(responses)
                .filteredOn(response -> response.header("Idempotent-Replayed") == null)
                .hasSize(1);
        assertThat(allEvents()).isEqualTo(eventsBefore + 1);
        assertThat(eventsOf(journeyId)).isEqualTo(1);
    }

    @Test
    void givenTheSameKeyedMilestoneFromManyThreadsAtOnce_whenTheyRace_thenAllGetOneAnswerAndOneEventIsRecorded() {
        String journeyId = registerJourney(today().minusDays(10).toString());
        ApiClient keyed = caseworker().with("Idempotency-Key", "race-milestone-" + journeyId);
        Map<String, Object> housing = milestone("HOUSING_SECURED", today().minusDays(1), "tenure", "SECOND_HAND");

        List<ApiClient.Response> responses =
                race(client -> client.post("/api/journeys/" + journeyId + "/milestones", housing), keyed);

        ApiClient.Response first = responses.get(0);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.json().path("version").asLong()).isEqualTo(1);
        for (ApiClient.Response response : responses) {
            assertThat(response.status()).as(response.body()).isEqualTo(201);
            assertThat(response.json()).isEqualTo(first.json());
        }
        assertThat(eventsOf(journeyId)).isEqualTo(2);
        assertThat(jdbc.queryForObject(
                        "select count(*) from domain_event_entry where aggregate_identifier = ?"
                                + " and payload_type like '%.HousingSecured'",
                        Long.class, journeyId))
                .isEqualTo(1);
    }

    @Test
    void givenAKeyedRegistration_whenRepeated_thenTheSameJourneyIdAndLocationComeBackMarkedReplayed() {
        ApiClient keyed = caseworker().with("Idempotency-Key", "registration-" + UUID.randomUUID());
        Map<String, Object> body = registration(today().minusDays(6).toString(), "Shirin Ahmadi", "19900301-2391");
        long eventsBefore = allEvents();

        ApiClient.Response first = keyed.post("/api/journeys", body);
        ApiClient.Response repeat = keyed.post("/api/journeys", body);

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(repeat.status()).as(repeat.body()).isEqualTo(201);
        assertThat(repeat.json().path("journeyId").asString())
                .isEqualTo(first.json().path("journeyId").asString());
        assertThat(repeat.header("Location"))
                .isEqualTo(first.header("Location"))
                .isEqualTo("/api/journeys/" + first.json().path("journeyId").asString());
        assertThat(repeat.contentType()).startsWith("application/json");
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(repeat.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(allEvents()).isEqualTo(eventsBefore + 1);
    }

    @Test
    void givenTheSameKeyFromAnotherUser_whenRegistering_thenItIsTheirOwnRequest() {
        String key = "shared-key-" + UUID.randomUUID();
        Map<String, Object> body = registration(today().minusDays(6).toString(), "Leyla Demir", null);

        ApiClient.Response caseworkers =
                caseworker().with("Idempotency-Key", key).post("/api/journeys", body);
        ApiClient.Response admins = admin().with("Idempotency-Key", key).post("/api/journeys", body);

        assertThat(caseworkers.status()).isEqualTo(201);
        assertThat(admins.status()).isEqualTo(201);
        assertThat(admins.json().path("journeyId").asString())
                .isNotEqualTo(caseworkers.json().path("journeyId").asString());
        assertThat(admins.header("Idempotent-Replayed")).isNull();
    }

    @Test
    void givenARefusedKeyedRequest_whenCorrectedAndRetriedWithTheSameKey_thenItIsRecordedOnce() {
        String journeyId = registerJourney(today().minusDays(10).toString());
        ApiClient keyed = caseworker().with("Idempotency-Key", "retry-" + journeyId);

        ApiClient.Response refused = keyed.post(
                "/api/journeys/" + journeyId + "/milestones",
                milestone("HOUSING_SECURED", today().minusDays(30), "tenure", "LODGER"));
        ApiClient.Response corrected = keyed.post(
                "/api/journeys/" + journeyId + "/milestones",
                milestone("HOUSING_SECURED", today().minusDays(3), "tenure", "LODGER"));

        assertProblem(refused, 422);
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(201);
        assertThat(eventsOf(journeyId)).isEqualTo(2);
    }

    @Test
    void givenAMalformedKey_whenWriting_then400AndNothingRecorded() {
        String journeyId = registerJourney(today().minusDays(10).toString());

        ApiClient.Response tooLong = caseworker()
                .with("Idempotency-Key", "k".repeat(201))
                .post("/api/journeys/" + journeyId + "/milestones", milestone("INTRODUCTORY_MEETING_HELD", today()));

        assertProblem(tooLong, 400);
        assertThat(eventsOf(journeyId)).isEqualTo(1);
    }

    /** Sends the same request from {@link #RACERS} threads released together; the answers in sending order. */
    private static List<ApiClient.Response> race(Function<ApiClient, ApiClient.Response> request, ApiClient client) {
        ExecutorService threads = Executors.newFixedThreadPool(RACERS);
        try {
            CountDownLatch ready = new CountDownLatch(RACERS);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<ApiClient.Response>> answers = new ArrayList<>();
            for (int i = 0; i < RACERS; i++) {
                answers.add(threads.submit(() -> {
                    ready.countDown();
                    start.await();
                    return request.apply(client);
                }));
            }
            assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
            start.countDown();
            List<ApiClient.Response> responses = new ArrayList<>();
            for (Future<ApiClient.Response> answer : answers) {
                responses.add(answer.get(60, TimeUnit.SECONDS));
            }
            return responses;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            threads.shutdownNow();
        }
    }
}
