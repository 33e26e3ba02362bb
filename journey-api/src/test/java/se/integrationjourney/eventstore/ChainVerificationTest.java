package se.integrationjourney.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import se.integrationjourney.api.JourneyApplication;
import se.integrationjourney.api.projections.ProbeRecorded;

/**
 * The chains of events appended through Axon (the group commit's batches, a caller's transaction), verified as
 * stored; then the store altered with SQL, as someone with write access to the database could, and both
 * verifications naming the event. Every alteration is made in a transaction that is rolled back after the
 * verifications have run in it, so that the other classes sharing this context's database never see it.
 */
@SpringBootTest(classes = JourneyApplication.class)
class ChainVerificationTest {

    @Autowired
    EventStore eventStore;

    @Autowired
    ChainVerification verification;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void givenEventsAppendedThroughAxon_whenVerified_thenEveryChainIsIntact() {
        String batched = UUID.randomUUID().toString();
        String inTransaction = UUID.randomUUID().toString();
        eventStore.publish(probes(batched, 0, 3)); // the group commit: one batch
        eventStore.publish(probes(batched, 3, 2));
        transaction.executeWithoutResult(status -> eventStore.publish(probes(inTransaction, 0, 4)));

        ChainVerification.ChainReport report = verification.verify(batched).orElseThrow();
        ChainVerification.StoreReport store = verification.verifyStore((events, total) -> {});

        assertThat(report.intact()).isTrue();
        assertThat(report.events()).isEqualTo(5);
        assertThat(report.lastLink())
                .isEqualTo(EventChain.hex(jdbc.queryForObject(
                        "select chain_hash from domain_event_entry where aggregate_identifier = ?"
                                + " and sequence_number = 4",
                        byte[].class,
                        batched)));
        assertThat(verification.verify(inTransaction).orElseThrow().intact()).isTrue();
        assertThat(store.broken()).extracting(BrokenLink::aggregateIdentifier).doesNotContain(batched, inTransaction);
        assertThat(store.events()).isGreaterThanOrEqualTo(9);
    }

    @Test
    void givenTheDatabasesTriggerDisabled_whenEventsAreAppended_thenTheEventStoreStillLinksEachToItsPredecessor() {
        String journey = UUID.randomUUID().toString();
        String notAnAggregates = UUID.randomUUID().toString();
        eventStore.publish(probes(journey, 0, 2));

        transaction.executeWithoutResult(status -> {
            // Only the event store can link what is appended now: the previous link stored before, the rest its own.
            jdbc.execute("alter table domain_event_entry disable trigger domain_event_entry_chain");
            eventStore.publish(probes(journey, 2, 3));
            eventStore.publish(
                    GenericEventMessage.asEventMessage(new ProbeRecorded(notAnAggregates, LocalDate.of(2024, 4, 1))));

            ChainVerification.ChainReport report = verification.verify(journey).orElseThrow();
            assertThat(report.intact()).isTrue();
            assertThat(report.events()).isEqualTo(5);
            assertThat(jdbc.queryForObject(
                            "select count(*) from domain_event_entry where chain_hash is null", Integer.class))
                    .isZero();
            assertThat(verification.verifyStore((events, total) -> {}).broken()).isEmpty();
            status.setRollbackOnly();
        });
    }

    @Test
    void givenAnotherWriterAppendedSinceThisNodeDid_whenThisNodeAppendsAgain_thenItChainsToTheOtherWritersEvent() {
        String journey = UUID.randomUUID().toString();
        eventStore.publish(probes(journey, 0, 2)); // this node remembers the link of number 1
        // Another node (here: an insert by hand, linked by the trigger) stores number 2: a copy of number 1, so that
        // the views of this shared test database read it as any other probe.
        jdbc.update(
                "insert into domain_event_entry (event_identifier, type, aggregate_identifier, sequence_number,"
                        + " time_stamp, payload_type, payload_revision, payload, meta_data)"
                        + " select ?, type, aggregate_identifier, 2, time_stamp, payload_type, payload_revision,"
                        + " payload, meta_data from domain_event_entry where aggregate_identifier = ?"
                        + " and sequence_number = 1",
                UUID.randomUUID().toString(),
                journey);

        eventStore.publish(probes(journey, 3, 2));

        ChainVerification.ChainReport report = verification.verify(journey).orElseThrow();
        assertThat(report.intact()).as("%s", report.broken()).isTrue();
        assertThat(report.events()).isEqualTo(5);
    }

    @Test
    void givenAJourneyWithoutEvents_whenVerified_thenNothing() {
        assertThat(verification.verify(UUID.randomUUID().toString())).isEmpty();
    }

    @Test
    void givenOneByteOfAStoredPayloadChangedWithSql_whenVerified_thenBothVerificationsNameThatEvent() {
        String journey = UUID.randomUUID().toString();
        eventStore.publish(probes(journey, 0, 4));
        Stored target = stored(journey, 2);

        alteredThenRolledBack(
                journey,
                () -> jdbc.update(
                        "update domain_event_entry set payload = overlay(payload placing"
                                + " set_byte(substring(payload from 5 for 1), 0, get_byte(payload, 4) # 1) from 5 for 1)"
                                + " where event_identifier = ?",
                        target.eventId()),
                (one, store) -> {
                    for (BrokenLink broken : List.of(one.broken(), brokenOf(store, journey))) {
                        assertThat(broken.kind()).isEqualTo(BrokenLink.Kind.ALTERED);
                        assertThat(broken.aggregateIdentifier()).isEqualTo(journey);
                        assertThat(broken.sequenceNumber()).isEqualTo(2);
                        assertThat(broken.eventIdentifier()).isEqualTo(target.eventId());
                        assertThat(broken.globalIndex()).isEqualTo(target.globalIndex());
                        assertThat(broken.found()).isEqualTo(target.link());
                        assertThat(broken.expected()).isNotEqualTo(target.link());
                    }
                    assertThat(one.lastLink()).isEqualTo(stored(journey, 1).link());
                });
        assertThat(verification.verify(journey).orElseThrow().intact()).isTrue();
    }

    @Test
    void givenAnEventDeletedFromTheMiddle_whenVerified_thenTheEventAfterTheGapIsNamedWithTheMissingNumber() {
        String journey = UUID.randomUUID().toString();
        eventStore.publish(probes(journey, 0, 4));
        Stored deleted = stored(journey, 1);
        Stored after = stored(journey, 2);

        alteredThenRolledBack(
                journey,
                () -> jdbc.update("delete from domain_event_entry where event_identifier = ?", deleted.eventId()),
                (one, store) -> {
                    for (BrokenLink broken : List.of(one.broken(), brokenOf(store, journey))) {
                        assertThat(broken.kind()).isEqualTo(BrokenLink.Kind.MISSING_EVENTS);
                        assertThat(broken.eventIdentifier()).isEqualTo(after.eventId());
                        assertThat(broken.sequenceNumber()).isEqualTo(2);
                        assertThat(broken.expected()).isEqualTo("1");
                    }
                });
    }

    @Test
    void givenAStoredLinkChanged_whenVerified_thenThatEventIsNamed() {
        String journey = UUID.randomUUID().toString();
        eventStore.publish(probes(journey, 0, 3));
        Stored target = stored(journey, 1);

        alteredThenRolledBack(
                journey,
                () -> jdbc.update(
                        "update domain_event_entry set chain_hash = sha256(chain_hash) where event_identifier = ?",
                        target.eventId()),
                (one, store) -> {
                    for (BrokenLink broken : List.of(one.broken(), brokenOf(store, journey))) {
                        assertThat(broken.kind()).isEqualTo(BrokenLink.Kind.ALTERED);
                        assertThat(broken.eventIdentifier()).isEqualTo(target.eventId());
                        assertThat(broken.expected()).isEqualTo(target.link());
                    }
                });
    }

    @Test
    void givenAWholeChainRewrittenWithTheDatabasesOwnFunctions_whenVerified_thenItIsIntact() {
        // What the chain does not prove (docs/adr/0019): someone with write access can compute every link again.
        // Only a link held elsewhere (an export) shows it.
        String journey = UUID.randomUUID().toString();
        eventStore.publish(probes(journey, 0, 3));
        String exported = stored(journey, 2).link();

        alteredThenRolledBack(
                journey,
                () -> {
                    jdbc.update(
                            "update domain_event_entry set payload = convert_to('{\"text\":\"rewritten\"}', 'UTF8')"
                                    + " where aggregate_identifier = ? and sequence_number = 1",
                            journey);
                    jdbc.update(
                            "update domain_event_entry e set chain_hash = c.link from (select global_index,"
                                    + " event_chain(event_chain_bytes(aggregate_identifier, sequence_number,"
                                    + " event_identifier, time_stamp, payload_type, payload_revision, payload,"
                                    + " meta_data, type)) over (order by sequence_number) as link"
                                    + " from domain_event_entry where aggregate_identifier = ?) c"
                                    + " where e.global_index = c.global_index",
                            journey);
                },
                (one, store) -> {
                    assertThat(one.intact()).isTrue();
                    assertThat(one.lastLink()).isNotEqualTo(exported);
                });
    }

    private interface Checks {
        void check(ChainVerification.ChainReport journey, ChainVerification.StoreReport store);
    }

    /**
     * Alters the store, verifies the journey and the whole store in the same transaction (the whole store's
     * verification joins it), then rolls it back.
     */
    private void alteredThenRolledBack(String journey, Runnable alteration, Checks checks) {
        transaction.executeWithoutResult(status -> {
            try {
                alteration.run();
                checks.check(
                        verification.verify(journey).orElseThrow(), verification.verifyStore((events, total) -> {}));
            } finally {
                status.setRollbackOnly();
            }
        });
    }

    private static BrokenLink brokenOf(ChainVerification.StoreReport store, String journey) {
        return store.broken().stream()
                .filter(broken -> broken.aggregateIdentifier().equals(journey))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the store's verification does not name " + journey));
    }

    private record Stored(String eventId, long globalIndex, String link) {}

    private Stored stored(String journey, long sequence) {
        return jdbc.queryForObject(
                "select event_identifier, global_index, chain_hash from domain_event_entry"
                        + " where aggregate_identifier = ? and sequence_number = ?",
                (row, n) -> new Stored(row.getString(1), row.getLong(2), EventChain.hex(row.getBytes(3))),
                journey,
                sequence);
    }

    private static List<DomainEventMessage<ProbeRecorded>> probes(String journey, int fromSequence, int count) {
        return IntStream.range(fromSequence, fromSequence + count)
                .mapToObj(i -> (DomainEventMessage<ProbeRecorded>) new GenericDomainEventMessage<>(
                        "Probe", journey, i, new ProbeRecorded("probe " + i, LocalDate.of(2024, 3, i + 1))))
                .toList();
    }
}
