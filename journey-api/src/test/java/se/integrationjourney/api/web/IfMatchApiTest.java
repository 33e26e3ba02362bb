package se.integrationjourney.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import se.integrationjourney.api.testsupport.ApiClient;

/** Optimistic concurrency over HTTP: the journey's version as ETag, and {@code If-Match} on writes. */
class IfMatchApiTest extends ApiTestBase {

    @Test
    void givenTheCurrentETag_whenRecording_thenItSucceedsAndReturnsTheNextVersion() {
        String journeyId = registerJourney(today().minusDays(10).toString());
        String etag = caseworker().get("/api/journeys/" + journeyId).header("ETag");
        assertThat(etag).isEqualTo("\"0\"");

        ApiClient.Response recorded = caseworker()
                .with("If-Match", etag)
                .post(milestones(journeyId), milestone("INTRODUCTORY_MEETING_HELD", today().minusDays(9)));

        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        assertThat(recorded.json().path("version").asLong()).isEqualTo(1);
        ApiClient.Response state = caseworker().get("/api/journeys/" + journeyId);
        assertThat(state.header("ETag")).isEqualTo("\"1\"");
        assertThat(state.json().path("version").asLong()).isEqualTo(1);
    }

    @Test
    void givenAWeakETagOrAWildcard_whenRecording_thenBothAreAccepted() {
        String journeyId = registerJourney(today().minusDays(10).toString());

        ApiClient.Response weak = caseworker()
                .with("If-Match", "W/\"0\"")
                .post(milestones(journeyId), milestone("INTRODUCTORY_MEETING_HELD", today().minusDays(9)));
        ApiClient.Response wildcard = caseworker()
                .with("If-Match", "*")
                .post(milestones(journeyId), milestone("TEMPORARY_HOUSING_PROVIDED", today().minusDays(8)));

        assertThat(weak.status()).as(weak.body()).isEqualTo(201);
        assertThat(weak.json().path("version").asLong()).isEqualTo(1);
        assertThat(wildcard.status()).as(wildcard.body()).isEqualTo(201);
        assertThat(wildcard.json().path("version").asLong()).isEqualTo(2);
        assertThat(eventsOf(journeyId)).isEqualTo(3);
    }

    @Test
    void givenAMalformedIfMatch_whenRecordingOrRetracting_then400AndNothingRecorded() {
        String journeyId = registerJourney(today().minusDays(10).toString());
        String meeting = record(caseworker(), journeyId, milestone("INTRODUCTORY_MEETING_HELD", today().minusDays(9)));

        for (String malformed : List.of("1", "\"one\"", "W/1", "\"1", "\"-1\"")) {
            ApiClient.Response milestone = caseworker()
                    .with("If-Match", malformed)
                    .post(milestones(journeyId), milestone("TEMPORARY_HOUSING_PROVIDED", today().minusDays(8)));
            ApiClient.Response retraction = caseworker()
                    .with("If-Match", malformed)
                    .post(retractions(journeyId), Map.of("eventId", meeting, "reason", "wrong date"));
            assertProblem(milestone, 400);
            assertThat(milestone.json().path("detail").asString()).contains("If-Match");
            assertProblem(retraction, 400);
        }
        assertThat(eventsOf(journeyId)).isEqualTo(2);
    }

    @Test
    void givenAStaleIfMatch_whenRetracting_then412AndNothingRecordedAndTheMilestoneStands() {
        String journeyId = registerJourney(today().minusDays(10).toString());
        String meeting = record(caseworker(), journeyId, milestone("INTRODUCTORY_MEETING_HELD", today().minusDays(9)));
        record(caseworker(), journeyId, milestone("TEMPORARY_HOUSING_PROVIDED", today().minusDays(8)));

        ApiClient.Response stale = caseworker()
                .with("If-Match", "\"1\"")
                .post(retractions(journeyId), Map.of("eventId", meeting, "reason", "held with someone else"));

        assertProblem(stale, 412);
        assertThat(eventsOf(journeyId)).isEqualTo(3);
        ApiClient.Response timeline = auditor().get("/api/journeys/" + journeyId + "/timeline");
        assertThat(timeline.json().get(1).path("retracted").asBoolean()).isFalse();
    }

    @Test
    void givenTheCurrentETag_whenRetracting_thenItIsRecordedWithTheNextVersion() {
        String journeyId = registerJourney(today().minusDays(10).toString());
        String meeting = record(caseworker(), journeyId, milestone("INTRODUCTORY_MEETING_HELD", today().minusDays(9)));
        String etag = caseworker().get("/api/journeys/" + journeyId).header("ETag");

        ApiClient.Response retraction = caseworker()
                .with("If-Match", etag)
                .post(retractions(journeyId), Map.of("eventId", meeting, "reason", "held with someone else"));

        assertThat(etag).isEqualTo("\"1\"");
        assertThat(retraction.status()).as(retraction.body()).isEqualTo(201);
        assertThat(retraction.json().path("version").asLong()).isEqualTo(2);
        assertThat(retraction.json().path("eventId").asString()).isNotBlank().isNotEqualTo(meeting);
        assertThat(caseworker().get("/api/journeys/" + journeyId).header("ETag"))
                .isEqualTo("\"2\"");
    }

    @Test
    void givenAnIfMatchAheadOfTheJourney_whenRecording_then412AndNothingRecorded() {
        String journeyId = registerJourney(today().minusDays(10).toString());

        ApiClient.Response ahead = caseworker()
                .with("If-Match", "\"7\"")
                .post(milestones(journeyId), milestone("INTRODUCTORY_MEETING_HELD", today().minusDays(9)));

        assertProblem(ahead, 412);
        assertThat(eventsOf(journeyId)).isEqualTo(1);
    }

    @Test
    void givenTwoCaseworkersHoldingTheSameETag_whenBothWrite_thenTheSecondGets412() {
        String journeyId = registerJourney(today().minusDays(10).toString());
        String etag = caseworker().get("/api/journeys/" + journeyId).header("ETag");

        ApiClient.Response first = caseworker()
                .with("If-Match", etag)
                .post(
                        milestones(journeyId),
                        milestone("HOUSING_SECURED", today().minusDays(5), "tenure", "FIRST_HAND"));
        ApiClient.Response second = admin().with("If-Match", etag)
                .post(milestones(journeyId), milestone("HOUSING_SECURED", today().minusDays(4), "tenure", "LODGER"));

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertProblem(second, 412);
        assertThat(eventsOf(journeyId)).isEqualTo(2);
    }

    private static String milestones(String journeyId) {
        return "/api/journeys/" + journeyId + "/milestones";
    }

    private static String retractions(String journeyId) {
        return "/api/journeys/" + journeyId + "/retractions";
    }
}
