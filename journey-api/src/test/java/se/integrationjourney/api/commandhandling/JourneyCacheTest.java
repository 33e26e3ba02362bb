package se.integrationjourney.api.commandhandling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import se.integrationjourney.core.commands.AssignCaseworker;
import se.integrationjourney.core.commands.EndEmployment;
import se.integrationjourney.core.commands.Recorded;
import se.integrationjourney.core.commands.RegisterNewcomer;
import se.integrationjourney.core.events.CaseworkerAssigned;
import se.integrationjourney.core.events.EducationLevel;
import se.integrationjourney.core.events.Gender;
import se.integrationjourney.core.events.PersonalDetails;
import se.integrationjourney.core.events.ReceptionType;
import se.integrationjourney.core.journey.JourneyRuleViolation;

/**
 * The aggregate cache (docs/adr/0007-aggregate-cache-and-jdbc-append.md) against the real event store: a cached
 * journey never holds an event the store does not, and a stale one is refused by the store instead of deciding.
 */
@SpringBootTest
class JourneyCacheTest {

    private static final LocalDate ARRIVAL = LocalDate.of(2024, 2, 1);
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @Autowired
    CommandGateway commands;

    @Autowired
    CommittedJourneyCache cache;

    @Autowired
    EventStore eventStore;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void givenACachedJourney_whenAnotherWriterAppendedMeanwhile_thenTheCommandIsRefusedAndTheNextSeesTheirEvent() {
        UUID journey = registeredWithCaseworker();
        assertThat(cache.containsKey(journey.toString()))
                .as("cached after its commands")
                .isTrue();

        appendAsAnotherWriter(journey, 2, "cw-elsewhere");

        assertThatThrownBy(() -> assign(journey, null, "cw-here"))
                .as("decided on the cached journey at version 1, so it appends sequence 2, which is taken")
                .isInstanceOf(ConcurrencyException.class);
        assertThat(caseworkersInStore(journey)).containsExactly("cw-1", "cw-elsewhere");
        assertThat(cache.containsKey(journey.toString()))
                .as("evicted by the refusal")
                .isFalse();

        assertTheNextCommandSeesTheOtherWritersEvent(journey);
    }

    @Test
    void givenACachedJourney_whenACommandBreaksARule_thenTheJourneyIsEvictedAndReloadedNextTime() {
        UUID journey = registeredWithCaseworker();

        assertThatThrownBy(() ->
                        commands.sendAndWait(new EndEmployment(journey, null, ARRIVAL.plusDays(5), "never-started")))
                .isInstanceOf(JourneyRuleViolation.class);
        assertThat(cache.containsKey(journey.toString())).isFalse();
        appendAsAnotherWriter(journey, 2, "cw-elsewhere");

        // Had the journey stayed cached at version 1, expecting 2 would be a conflict.
        assertTheNextCommandSeesTheOtherWritersEvent(journey);
    }

    @Test
    void givenACommandInATransactionThatRollsBackAfterIt_whenTheNextCommandComes_thenItDecidesOnTheStoredJourney() {
        UUID journey = registeredWithCaseworker();

        // As an idempotent request does: the command's unit of work ends, then the enclosing transaction decides.
        Recorded undone = transaction.execute(status -> {
            Recorded recorded = assign(journey, 1L, "cw-undone");
            status.setRollbackOnly();
            return recorded;
        });
        assertThat(undone.version()).isEqualTo(2);
        assertThat(cache.containsKey(journey.toString()))
                .as("nothing uncommitted is cached")
                .isFalse();

        Recorded next = assign(journey, 1L, "cw-2");

        assertThat(next.version()).isEqualTo(2);
        assertThat(caseworkersInStore(journey)).containsExactly("cw-1", "cw-2");
        assertThat(sequencesInStore(journey)).containsExactly(0L, 1L, 2L);
    }

    @Test
    void givenAnEnclosingTransactionNotYetCommitted_whenAnotherCommandComes_thenItDoesNotDecideOnTheUncommittedEvent()
            throws Exception {
        UUID journey = registeredWithCaseworker();
        CompletableFuture<Void> recordedUncommitted = new CompletableFuture<>();
        CompletableFuture<Void> rollBack = new CompletableFuture<>();
        CompletableFuture<Void> slow = CompletableFuture.runAsync(() -> transaction.executeWithoutResult(status -> {
            assign(journey, null, "cw-undone");
            recordedUncommitted.complete(null);
            rollBack.orTimeout(DEADLINE.toSeconds(), TimeUnit.SECONDS).join();
            status.setRollbackOnly();
        }));
        try {
            recordedUncommitted.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);

            CompletableFuture<Recorded> other = CompletableFuture.supplyAsync(() -> assign(journey, null, "cw-2"));
            // It loads the journey from the store (without the uncommitted event) and so appends sequence 2, which
            // waits for the open transaction's row; had it decided on the uncommitted state it would append 3.
            await().atMost(DEADLINE).until(() -> other.isDone() || waitingOnALock());
            rollBack.complete(null);
            slow.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);

            assertThat(other.get(DEADLINE.toSeconds(), TimeUnit.SECONDS).version())
                    .isEqualTo(2);
            assertThat(caseworkersInStore(journey)).containsExactly("cw-1", "cw-2");
            assertThat(sequencesInStore(journey)).containsExactly(0L, 1L, 2L);
        } finally {
            rollBack.complete(null);
        }
    }

    /** The journey as reloaded: the other writer's caseworker at version 2, and the next command's after it. */
    private void assertTheNextCommandSeesTheOtherWritersEvent(UUID journey) {
        Recorded next = assign(journey, 2L, "cw-here");

        assertThat(next.version()).isEqualTo(3);
        assertThat(caseworkersInStore(journey)).containsExactly("cw-1", "cw-elsewhere", "cw-here");
    }

    /** A registered journey with one caseworker assignment (version 1), as the command side left it. */
    private UUID registeredWithCaseworker() {
        UUID journey = UUID.randomUUID();
        commands.sendAndWait(new RegisterNewcomer(
                journey,
                ARRIVAL,
                "1473",
                ReceptionType.OWN_ARRANGEMENT,
                1990,
                Gender.FEMALE,
                "SY",
                EducationLevel.SECONDARY,
                new PersonalDetails("Amal Haddad", null)));
        assertThat(assign(journey, 0L, "cw-1").version()).isEqualTo(1);
        return journey;
    }

    private Recorded assign(UUID journey, Long expectedVersion, String caseworker) {
        return commands.sendAndWait(new AssignCaseworker(journey, expectedVersion, ARRIVAL.plusDays(1), caseworker));
    }

    /** What another instance of the service (or any other writer of the store) would append. */
    private void appendAsAnotherWriter(UUID journey, long sequence, String caseworker) {
        transaction.executeWithoutResult(status -> eventStore.publish(new GenericDomainEventMessage<>(
                "Journey",
                journey.toString(),
                sequence,
                new CaseworkerAssigned(journey, ARRIVAL.plusDays(1), caseworker))));
    }

    private List<String> caseworkersInStore(UUID journey) {
        return eventStore
                .readEvents(journey.toString())
                .asStream()
                .filter(event -> event.getPayload() instanceof CaseworkerAssigned)
                .map(event -> ((CaseworkerAssigned) event.getPayload()).caseworkerId())
                .toList();
    }

    private List<Long> sequencesInStore(UUID journey) {
        return jdbc.queryForList(
                "select sequence_number from domain_event_entry where aggregate_identifier = ?"
                        + " order by sequence_number",
                Long.class,
                journey.toString());
    }

    private boolean waitingOnALock() {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from pg_stat_activity"
                        + " where datname = current_database() and wait_event_type = 'Lock')",
                Boolean.class));
    }
}
