package se.integrationjourney.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import se.integrationjourney.api.JourneyApplication;
import se.integrationjourney.api.projections.ProbeRecorded;

/**
 * The group commit on PostgreSQL (docs/adr/0011-group-commit.md): appends that wait while a write is under way are
 * committed in one transaction, a refused one among them fails alone, and an append inside a caller's transaction
 * is part of that transaction instead. Writes are held back by a lock on the event table that a second connection
 * takes, so that what waits is known, not hoped for.
 */
@SpringBootTest(classes = JourneyApplication.class)
class GroupCommitStoreTest {

    @Autowired
    EventStore eventStore;

    @Autowired
    EventStorageEngine engine;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    DataSource dataSource;

    @Autowired
    MeterRegistry meters;

    private final ExecutorService commands = Executors.newFixedThreadPool(4);

    @AfterEach
    void stopCommands() throws InterruptedException {
        commands.shutdownNow();
        assertThat(commands.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void givenAppendsWaitingWhileAWriteIsHeldBack_whenItEnds_thenTheyAreCommittedTogetherAndARefusedOneFailsAlone()
            throws Exception {
        String stored = UUID.randomUUID().toString();
        eventStore.publish(probes(stored, 0, 2));
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        String third = UUID.randomUUID().toString();

        Future<?> heldBack;
        Future<?> secondAppend;
        Future<?> refused;
        Future<?> thirdAppend;
        try (Connection locker = dataSource.getConnection();
                Statement lock = locker.createStatement()) {
            locker.setAutoCommit(false);
            // Inserts (row exclusive) wait for a share lock; reads do not.
            lock.execute("lock table domain_event_entry in share mode");
            heldBack = commands.submit(() -> eventStore.publish(probes(first, 0, 1)));
            await().until(() -> insertsWaitingForALock() == 1);
            secondAppend = commands.submit(() -> eventStore.publish(probes(second, 0, 2)));
            await().until(() -> journeyEngine().appendsWaiting() == 1);
            // The stored journey's second event once more: the unique (journey, sequence number) refuses it.
            refused = commands.submit(() -> eventStore.publish(probes(stored, 1, 1)));
            await().until(() -> journeyEngine().appendsWaiting() == 2);
            thirdAppend = commands.submit(() -> eventStore.publish(probes(third, 0, 2)));
            await().until(() -> journeyEngine().appendsWaiting() == 3);
            assertThat(List.of(heldBack, secondAppend, refused, thirdAppend)).noneMatch(Future::isDone);
            locker.commit();
        }
        heldBack.get(30, TimeUnit.SECONDS);
        secondAppend.get(30, TimeUnit.SECONDS);
        thirdAppend.get(30, TimeUnit.SECONDS);
        assertThatThrownBy(() -> refused.get(30, TimeUnit.SECONDS))
                .cause()
                .isInstanceOf(ConcurrencyException.class)
                .hasMessageContaining(stored);

        assertThat(eventsOf(stored)).isEqualTo(2);
        assertThat(eventsOf(first)).isEqualTo(1);
        assertThat(eventsOf(second)).isEqualTo(2);
        assertThat(eventsOf(third)).isEqualTo(2);
        // The two that waited share one transaction (found again, each alone, after the refusal): what a group
        // commit is for is the case without a refusal, below.
        assertThat(transactionsOf(first, second, third)).isEqualTo(3);
    }

    @Test
    void givenAppendsWaitingWhileAWriteIsHeldBack_whenItEnds_thenTheyShareOneTransaction() throws Exception {
        String first = UUID.randomUUID().toString();
        List<String> waiting = IntStream.range(0, 3)
                .mapToObj(i -> UUID.randomUUID().toString())
                .toList();
        Future<?> heldBack;
        List<Future<?>> appends;
        try (Connection locker = dataSource.getConnection();
                Statement lock = locker.createStatement()) {
            locker.setAutoCommit(false);
            lock.execute("lock table domain_event_entry in share mode");
            heldBack = commands.submit(() -> eventStore.publish(probes(first, 0, 1)));
            await().until(() -> insertsWaitingForALock() == 1);
            appends = waiting.stream()
                    .<Future<?>>map(journey -> commands.submit(() -> eventStore.publish(probes(journey, 0, 3))))
                    .toList();
            await().until(() -> journeyEngine().appendsWaiting() == 3);
            locker.commit();
        }
        heldBack.get(30, TimeUnit.SECONDS);
        for (Future<?> append : appends) {
            append.get(30, TimeUnit.SECONDS);
        }

        waiting.forEach(journey -> assertThat(eventsOf(journey)).isEqualTo(3));
        assertThat(transactionsOf(waiting.toArray(String[]::new))).isEqualTo(1);
        assertThat(transactionsOf(first, waiting.get(0))).isEqualTo(2);
        // The metrics saw that write too: nine events in one transaction.
        assertThat(meters.get(GroupCommitMetrics.EVENTS_PER_WRITE).summary().max())
                .isGreaterThanOrEqualTo(9);
        assertThat(meters.get(GroupCommitMetrics.WRITES).timer().count()).isPositive();
    }

    @Test
    void givenACallersTransaction_whenItRollsBack_thenTheEventsAppendedInItAreNotStored() {
        String journey = UUID.randomUUID().toString();

        transaction.executeWithoutResult(status -> {
            eventStore.publish(probes(journey, 0, 2));
            assertThat(journeyEngine().appendsWaiting()).isZero();
            status.setRollbackOnly();
        });

        assertThat(eventsOf(journey)).isZero();
    }

    private JourneyEventStorageEngine journeyEngine() {
        return (JourneyEventStorageEngine) engine;
    }

    private int insertsWaitingForALock() {
        return jdbc.queryForObject(
                "select count(*) from pg_stat_activity where datname = current_database()"
                        + " and wait_event_type = 'Lock' and query ilike 'insert into domain_event_entry%'",
                Integer.class);
    }

    private int eventsOf(String journey) {
        return jdbc.queryForObject(
                "select count(*) from domain_event_entry where aggregate_identifier = ?", Integer.class, journey);
    }

    /** How many transactions stored the given journeys' events ({@code xmin}: the inserting transaction). */
    private int transactionsOf(String... journeys) {
        return jdbc.queryForObject(
                "select count(distinct xmin::text) from domain_event_entry" + " where aggregate_identifier = any (?)",
                Integer.class,
                (Object) journeys);
    }

    private static List<DomainEventMessage<ProbeRecorded>> probes(String journey, int fromSequence, int count) {
        return IntStream.range(fromSequence, fromSequence + count)
                .mapToObj(i -> (DomainEventMessage<ProbeRecorded>) new GenericDomainEventMessage<>(
                        "Probe", journey, i, new ProbeRecorded("probe " + i, LocalDate.of(2024, 3, i + 1))))
                .toList();
    }
}
