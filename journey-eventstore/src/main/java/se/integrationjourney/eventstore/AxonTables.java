package se.integrationjourney.eventstore;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/**
 * All SQL on Axon's own tables ({@code domain_event_entry}, {@code token_entry}, {@code dead_letter_entry}), in one
 * place: what Axon's interfaces do not offer, done on its schema (V1__axon_event_store.sql, with the hash chain's
 * column from V7_3__event_hash_chain.sql) and nowhere else. Runs in the caller's transaction, if any.
 */
@Component
public class AxonTables {

    private static final String CHAINED_EVENT_COLUMNS = "global_index, aggregate_identifier, sequence_number,"
            + " event_identifier, time_stamp, payload_type, payload_revision, payload, meta_data, type, chain_hash";

    private final JdbcTemplate jdbc;

    public AxonTables(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The global index of the newest event in the store, 0 when it is empty. */
    public long headPosition() {
        Long head = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
        return head == null ? 0 : head;
    }

    /** The sequence number of the aggregate's newest event: its version; -1 if it has none. */
    /**
     * The stored events of these aggregates, each one's in sequence order, as Axon's storage engine reads them
     * (payload and metadata still serialized); for {@link JourneyHistories}.
     */
    public List<DomainEventData<?>> storedEventsOf(List<String> aggregateIds) {
        return jdbc.query(
                "select type, aggregate_identifier, sequence_number, event_identifier, time_stamp, payload_type,"
                        + " payload_revision, payload, meta_data from domain_event_entry"
                        + " where aggregate_identifier = any(?) order by aggregate_identifier, sequence_number",
                (row, number) -> new GenericDomainEventEntry<>(
                        row.getString(1),
                        row.getString(2),
                        row.getLong(3),
                        row.getString(4),
                        StoredTimestamps.parse(row.getString(5)),
                        row.getString(6),
                        row.getString(7),
                        row.getBytes(8),
                        row.getBytes(9)),
                (Object) aggregateIds.toArray(String[]::new));
    }

    /** How many events the store holds. */
    public long eventCount() {
        Long events = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
        return events == null ? 0 : events;
    }

    /**
     * For each journey, the link of its stored event with the next lower sequence number than the one given (the
     * chain's rule for an event's predecessor), where there is one; on the append's own connection, so that earlier
     * inserts of its transaction are seen. One query for them all.
     */
    static Map<String, byte[]> linksBefore(Connection connection, List<String> aggregates, List<Long> sequences)
            throws SQLException {
        Map<String, byte[]> links = new HashMap<>();
        Array aggregateArray = connection.createArrayOf("text", aggregates.toArray());
        Array sequenceArray = connection.createArrayOf("bigint", sequences.toArray());
        try (PreparedStatement query =
                connection.prepareStatement("select appended.aggregate_identifier, stored.chain_hash"
                        + " from unnest(?::text[], ?::bigint[]) as appended(aggregate_identifier, sequence_number)"
                        + " cross join lateral (select chain_hash from domain_event_entry earlier"
                        + "   where earlier.aggregate_identifier = appended.aggregate_identifier"
                        + "     and earlier.sequence_number < appended.sequence_number"
                        + "   order by earlier.sequence_number desc limit 1) stored")) {
            query.setArray(1, aggregateArray);
            query.setArray(2, sequenceArray);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    byte[] link = rows.getBytes(2);
                    if (link != null) {
                        links.put(rows.getString(1), link);
                    }
                }
            }
        } finally {
            aggregateArray.free();
            sequenceArray.free();
        }
        return links;
    }

    /** The aggregate's events as stored, with their links of the hash chain, in sequence order (EventChain). */
    public List<ChainedEvent> chainOf(String aggregateIdentifier) {
        return jdbc.query(
                "select " + CHAINED_EVENT_COLUMNS + " from domain_event_entry where aggregate_identifier = ?"
                        + " order by sequence_number",
                AxonTables::chainedEvent,
                aggregateIdentifier);
    }

    /**
     * Up to {@code limit} events as stored, with their links, in (aggregate identifier, sequence number) order,
     * starting after the given aggregate's event {@code afterSequence} (null: from the first aggregate). Read
     * through the unique (aggregate_identifier, sequence_number) index, a page at a time: no sort, nothing held
     * between pages; pages read in one repeatable-read transaction see the store as it was at its first.
     */
    public List<ChainedEvent> chainedEventsAfter(String afterAggregate, long afterSequence, int limit) {
        if (afterAggregate == null) {
            return jdbc.query(
                    "select " + CHAINED_EVENT_COLUMNS + " from domain_event_entry"
                            + " order by aggregate_identifier, sequence_number limit ?",
                    AxonTables::chainedEvent,
                    limit);
        }
        return jdbc.query(
                "select " + CHAINED_EVENT_COLUMNS + " from domain_event_entry"
                        + " where (aggregate_identifier, sequence_number) > (?, ?)"
                        + " order by aggregate_identifier, sequence_number limit ?",
                AxonTables::chainedEvent,
                afterAggregate,
                afterSequence,
                limit);
    }

    private static ChainedEvent chainedEvent(ResultSet row, int number) throws SQLException {
        return new ChainedEvent(
                row.getLong(1),
                row.getString(2),
                row.getLong(3),
                row.getString(4),
                row.getString(5),
                row.getString(6),
                row.getString(7),
                row.getBytes(8),
                row.getBytes(9),
                row.getString(10),
                row.getBytes(11));
    }

    /** The journeys (aggregates) with at least one event after the global index {@code position}. */
    public List<String> aggregatesWithEventsAfter(long position) {
        return jdbc.queryForList(
                "select distinct aggregate_identifier from domain_event_entry where global_index > ?",
                String.class,
                position);
    }

    /**
     * Up to {@code limit} aggregates of {@code aggregateType} whose newest event (the highest sequence number) was
     * stored before {@code moment}, each with when that was, in aggregate id order, starting after
     * {@code afterAggregateId} ("" for the first page): for retention, which asks this of every journey once a day.
     * Paged by id, so a caller can go through a store of any size.
     *
     * <p>A skip scan over the unique (aggregate, sequence) index: each aggregate's id is found by one index descent
     * after the previous one, and its newest event by one more, so the work grows with the number of aggregates and
     * not of events (57,700 journeys of a 1M-event store in about 2 s), with no index of its own on the append path.
     * The stored time is compared as an instant, whatever its written form; evaluated only as far as the page needs.
     */
    public LinkedHashMap<String, Instant> lastRecordedBefore(
            String aggregateType, Instant moment, String afterAggregateId, int limit) {
        LinkedHashMap<String, Instant> found = new LinkedHashMap<>();
        jdbc.query(
                "with recursive aggregates(id) as ("
                        + " (select aggregate_identifier from domain_event_entry where aggregate_identifier > ?"
                        + " order by aggregate_identifier limit 1)"
                        + " union all"
                        + " select (select e.aggregate_identifier from domain_event_entry e"
                        + " where e.aggregate_identifier > a.id order by e.aggregate_identifier limit 1)"
                        + " from aggregates a where a.id is not null)"
                        + " select a.id, newest.time_stamp from aggregates a"
                        + " cross join lateral (select e.type, e.time_stamp from domain_event_entry e"
                        + " where e.aggregate_identifier = a.id order by e.sequence_number desc limit 1) newest"
                        + " where a.id is not null and newest.type = ?"
                        + " and cast(newest.time_stamp as timestamptz) < cast(? as timestamptz)"
                        + " limit ?",
                (RowCallbackHandler) row -> found.put(row.getString(1), StoredTimestamps.parse(row.getString(2))),
                afterAggregateId,
                aggregateType,
                moment.toString(),
                limit);
        return found;
    }

    /** The journeys (sequence identifiers) with a dead letter in this processing group. */
    public List<String> deadLetteredSequences(String processingGroup) {
        return jdbc.queryForList(
                "select distinct sequence_identifier from dead_letter_entry where processing_group = ?",
                String.class,
                processingGroup);
    }

    public long lastSequenceOf(String aggregateIdentifier) {
        Long sequence = jdbc.queryForObject(
                "select max(sequence_number) from domain_event_entry" + " where aggregate_identifier = ?",
                Long.class,
                aggregateIdentifier);
        return sequence == null ? -1 : sequence;
    }

    /** The aggregate's last sequence number among its events up to the global index {@code position}; -1 if none. */
    public long lastSequenceUpTo(String aggregateIdentifier, long position) {
        Long sequence = jdbc.queryForObject(
                "select max(sequence_number) from domain_event_entry"
                        + " where aggregate_identifier = ? and global_index <= ?",
                Long.class,
                aggregateIdentifier,
                position);
        return sequence == null ? -1 : sequence;
    }

    /** Whether the processor has ever stored a tracking token (false for a processor that has never run). */
    public boolean hasTokens(String processorName) {
        Integer tokens = jdbc.queryForObject(
                "select count(*) from token_entry where processor_name = ?", Integer.class, processorName);
        return tokens != null && tokens > 0;
    }

    /**
     * Every tracking token of these processors as stored: its owner and when the owner last claimed or stored it,
     * the token still serialized (Axon's general serializer reads it).
     */
    public List<StoredToken> tokensOf(Collection<String> processorNames) {
        return jdbc.query(
                "select processor_name, segment, owner, timestamp, token, token_type from token_entry"
                        + " where processor_name = any(?) order by processor_name, segment",
                (row, number) -> new StoredToken(
                        row.getString(1),
                        row.getInt(2),
                        row.getString(3),
                        DateTimeUtils.parseInstant(row.getString(4)),
                        row.getBytes(5),
                        row.getString(6)),
                (Object) processorNames.toArray(String[]::new));
    }

    /**
     * One row of {@code token_entry}.
     *
     * @param owner     the node that claims it; null when released
     * @param timestamp when the owner last claimed, renewed or stored it (the owner's clock)
     * @param token     the serialized tracking token, null before the first event
     * @param tokenType its serialized type, null with it
     */
    public record StoredToken(
            String processorName, int segment, String owner, Instant timestamp, byte[] token, String tokenType) {}

    /** Removes the processor's tracking tokens and dead letters. */
    public void forgetProcessor(String processorName) {
        jdbc.update("delete from token_entry where processor_name = ?", processorName);
        jdbc.update("delete from dead_letter_entry where processing_group = ?", processorName);
    }

    /** Removes the tracking tokens and dead letters of every processor whose name ends with {@code suffix}. */
    public void forgetProcessorsEndingWith(String suffix) {
        String pattern = "%" + suffix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        jdbc.update("delete from token_entry where processor_name like ?", pattern);
        jdbc.update("delete from dead_letter_entry where processing_group like ?", pattern);
    }

    /**
     * Gives processor {@code to} a copy of processor {@code from}'s tracking tokens and dead letters (not being
     * processed), so that it goes on from where {@code from} stands. The tokens are claimed by {@code owner} as of
     * {@code claimedAt}: no other node may claim them before the claim timeout has passed, nor store a position it
     * held before the copy (Axon's token store lets a node store into an unclaimed token).
     */
    public void copyProcessor(String from, String to, String owner, Instant claimedAt) {
        jdbc.update(
                "insert into token_entry (processor_name, segment, token, token_type, timestamp, owner)"
                        + " select ?, segment, token, token_type, ?, ? from token_entry"
                        + " where processor_name = ?",
                to,
                DateTimeUtils.formatInstant(claimedAt),
                owner,
                from);
        jdbc.update(
                "insert into dead_letter_entry (dead_letter_id, processing_group, sequence_identifier,"
                        + " sequence_index, message_type, event_identifier, time_stamp, payload_type, payload_revision,"
                        + " payload, meta_data, type, aggregate_identifier, sequence_number, token_type, token,"
                        + " enqueued_at, last_touched, processing_started, cause_type, cause_message, diagnostics)"
                        + " select gen_random_uuid()::text, ?, sequence_identifier, sequence_index, message_type,"
                        + " event_identifier, time_stamp, payload_type, payload_revision, payload, meta_data, type,"
                        + " aggregate_identifier, sequence_number, token_type, token, enqueued_at, last_touched,"
                        + " null, cause_type, cause_message, diagnostics from dead_letter_entry"
                        + " where processing_group = ?",
                to,
                from);
    }
}
