package se.integrationjourney.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import se.integrationjourney.api.testsupport.ApiClient;
import se.integrationjourney.core.events.CaseworkerAssigned;

/**
 * A write that loses a race with another writer of the same journey (another instance of the service, whose event
 * this instance's cached journey has not seen) is refused with 409 and records nothing; the retry succeeds.
 */
class ConcurrentChangeApiTest extends ApiTestBase {

    @Autowired
    EventStore eventStore;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void givenAnotherWriterRecordedFirst_whenRecording_thenConflictAndNothingRecordedThenTheRetrySucceeds() {
        String journeyId = registerJourney(today().minusDays(10).toString());
        record(caseworker(), journeyId, milestone("INTRODUCTORY_MEETING_HELD", today().minusDays(9)));
        transaction.executeWithoutResult(status -> eventStore.publish(new GenericDomainEventMessage<>(
                "Journey",
                journeyId,
                2,
                new CaseworkerAssigned(UUID.fromString(journeyId), today().minusDays(8), "cw-elsewhere"))));

        ApiClient.Response refused =
                caseworker().post(milestones(journeyId), milestone("TEMPORARY_HOUSING_PROVIDED", today().minusDays(7)));

        assertProblem(refused, 409);
        assertThat(refused.json().path("detail").asString()).contains("changed by another request");
        assertThat(eventsOf(journeyId)).isEqualTo(3);

        ApiClient.Response retried =
                caseworker().post(milestones(journeyId), milestone("TEMPORARY_HOUSING_PROVIDED", today().minusDays(7)));
        assertThat(retried.status()).as(retried.body()).isEqualTo(201);
        assertThat(retried.json().path("version").asLong()).isEqualTo(3);
    }

    private static String milestones(String journeyId) {
        return "/api/journeys/" + journeyId + "/milestones";
    }
}
