package se.integrationjourney.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import se.integrationjourney.api.testsupport.ApiClient;
import se.integrationjourney.core.events.BusinessStarted;
import se.integrationjourney.core.events.CaseworkerAssigned;

/**
 * A write decided on this instance's cached journey while another writer (another node of the service) had recorded
 * on it: the store refuses the append, nothing of it is stored, and the write is decided again on the journey as
 * stored, so the caller hears that decision (201, the rule's 422, a 412 judged against the stored version) and never
 * a conflict the cache caused (docs/adr/0021-several-nodes-requests.md). Each test caches the journey at version 1,
 * then stores version 2 as the other writer.
 */
class ConcurrentChangeApiTest extends ApiTestBase {

    @Autowired
    EventStore eventStore;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void givenAnotherWriterRecordedFirst_whenRecording_thenDecidedAgainOnTheStoredJourneyAndRecorded() {
        String journeyId = cachedAtVersion1();
        anotherWriterAssigns(journeyId, "cw-elsewhere");

        ApiClient.Response recorded =
                caseworker().post(milestones(journeyId), milestone("TEMPORARY_HOUSING_PROVIDED", today().minusDays(7)));

        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        assertThat(recorded.json().path("version").asLong()).isEqualTo(3);
        assertThat(sequences(journeyId)).containsExactly(0L, 1L, 2L, 3L);
    }

    @Test
    void givenAnotherWriterRecordedFirst_whenIfMatchNamesTheStoredVersion_thenRecordedNot412FromTheCache() {
        String journeyId = cachedAtVersion1();
        anotherWriterAssigns(journeyId, "cw-elsewhere");

        ApiClient.Response recorded = caseworker()
                .with("If-Match", "\"2\"")
                .post(milestones(journeyId), milestone("TEMPORARY_HOUSING_PROVIDED", today().minusDays(7)));

        assertThat(recorded.status())
                .as("the cached journey is at 1, the stored one at 2, as If-Match says: " + recorded.body())
                .isEqualTo(201);
        assertThat(recorded.json().path("version").asLong()).isEqualTo(3);
    }

    @Test
    void givenAnotherWriterRecordedFirst_whenIfMatchNamesTheCachedVersion_then412NamingTheStoredVersion() {
        String journeyId = cachedAtVersion1();
        anotherWriterAssigns(journeyId, "cw-elsewhere");

        ApiClient.Response refused = caseworker()
                .with("If-Match", "\"1\"")
                .post(milestones(journeyId), milestone("TEMPORARY_HOUSING_PROVIDED", today().minusDays(7)));

        assertProblem(refused, 412);
        assertThat(refused.json().path("detail").asString()).contains("now at version 2");
        assertThat(eventsOf(journeyId)).isEqualTo(3);
    }

    @Test
    void givenAnotherWriterRecordedFirst_whenTheRuleNowRefuses_then422DecidedOnTheStoredJourney() {
        String journeyId = cachedAtVersion1();
        transaction.executeWithoutResult(status -> eventStore.publish(new GenericDomainEventMessage<>(
                "Journey", journeyId, 2, new BusinessStarted(UUID.fromString(journeyId), today().minusDays(8)))));

        ApiClient.Response refused =
                caseworker().post(milestones(journeyId), milestone("BUSINESS_STARTED", today().minusDays(7)));

        assertProblem(refused, 422);
        assertThat(refused.json().path("rule").asString()).isEqualTo("EPISODE_ALREADY_OPEN");
        assertThat(eventsOf(journeyId)).isEqualTo(3);
    }

    @Test
    void givenAnotherWriterRecordedFirst_whenRecordingWithAKey_thenRecordedOnceAndTheRepeatGetsTheSameAnswer() {
        String journeyId = cachedAtVersion1();
        anotherWriterAssigns(journeyId, "cw-elsewhere");
        ApiClient keyed = caseworker().with(IdempotentRequests.HEADER, "stale-" + journeyId);

        ApiClient.Response first =
                keyed.post(milestones(journeyId), milestone("TEMPORARY_HOUSING_PROVIDED", today().minusDays(7)));
        ApiClient.Response repeat =
                keyed.post(milestones(journeyId), milestone("TEMPORARY_HOUSING_PROVIDED", today().minusDays(7)));

        assertThat(first.status())
                .as("the key's transaction run again after the refusal: " + first.body())
                .isEqualTo(201);
        assertThat(repeat.status()).isEqualTo(201);
        assertThat(repeat.header(IdempotentRequests.REPLAYED_HEADER)).isEqualTo("true");
        assertThat(repeat.json()).isEqualTo(first.json());
        assertThat(sequences(journeyId)).containsExactly(0L, 1L, 2L, 3L);
    }

    /** A journey whose last command ran here, so that this instance holds it in its cache, at version 1. */
    private String cachedAtVersion1() {
        String journeyId = registerJourney(today().minusDays(10).toString());
        record(caseworker(), journeyId, milestone("INTRODUCTORY_MEETING_HELD", today().minusDays(9)));
        return journeyId;
    }

    /** Version 2, stored by a writer this instance does not hear of: another node of the service. */
    private void anotherWriterAssigns(String journeyId, String caseworker) {
        transaction.executeWithoutResult(status -> eventStore.publish(new GenericDomainEventMessage<>(
                "Journey",
                journeyId,
                2,
                new CaseworkerAssigned(UUID.fromString(journeyId), today().minusDays(8), caseworker))));
    }

    private List<Long> sequences(String journeyId) {
        return jdbc.queryForList(
                "select sequence_number from domain_event_entry where aggregate_identifier = ?"
                        + " order by sequence_number",
                Long.class,
                journeyId);
    }

    private static String milestones(String journeyId) {
        return "/api/journeys/" + journeyId + "/milestones";
    }
}
