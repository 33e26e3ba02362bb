package se.integrationjourney.eventstore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Axon's JDBC storage engine, appending with a group commit and reading each event's timestamp once and with
 * {@link StoredTimestamps} instead of twice with {@code DateTimeFormatter} (once for the tracking token's gap check,
 * once when the event message is built). Everything else is Axon's: the queries, the insert, the serializers.
 *
 * <p>Appends: a command's events are stored in the caller's transaction if there is one (an idempotent request
 * stores its answer with them), and otherwise with the other commands' waiting at the same moment, in one
 * transaction ({@link GroupCommit}, docs/adr/0011-group-commit.md); either way the append returns only once they
 * are committed, or will be with the caller's transaction. The events are serialized on the command's thread
 * first, so that the one writing thread only binds them.
 *
 * <p>The tracking token is built as Axon's engine builds it: an event younger than the gap timeout may still see
 * the gaps before it filled (a transaction that took its global index earlier but committed later), so they stay
 * in the token, up to {@link #MAX_GAP_OFFSET} behind; older events close them. The three settings are given to the
 * builder from the constants here, so the two cannot disagree.
 */
final class JourneyEventStorageEngine extends JdbcEventStorageEngine implements AutoCloseable {

    /** Axon's defaults, set explicitly so that this class and Axon's builder use the same values. */
    static final long LOWEST_GLOBAL_SEQUENCE = 1;

    static final int MAX_GAP_OFFSET = 10_000;
    static final int GAP_TIMEOUT_MILLIS = 60_000;
    /** How payloads and metadata are stored: {@code bytea}. */
    private static final Class<byte[]> STORED_TYPE = byte[].class;

    /** Null when group commit is off: every append is then a transaction of its own. */
    private final GroupCommit groupCommit;
    /** Stores the keys made for new journeys in the transaction that stores their events. */
    private final NewJourneyKeys newKeys;

    private final TransactionManager transactions;
    /** The events' links of the hash chain, computed as they are inserted. */
    private final AppendLinks appendLinks;

    /** Stores the keys made while serializing events, in the current transaction. */
    @FunctionalInterface
    interface NewJourneyKeys {
        void store(List<String> aggregateIds);
    }

    /**
     * @param maxEventsPerGroupCommit at most this many events in one group commit's transaction; 0 turns group
     *                                commit off
     * @param written                 told of each transaction the group commit committed (the metrics)
     * @param transactions            the transactions appends are stored in
     * @param newKeys                 stores, in the append's transaction, the keys its events were sealed with
     * @param appendLinks             gives the inserted events their links of the hash chain
     */
    JourneyEventStorageEngine(
            Builder builder,
            int maxEventsPerGroupCommit,
            GroupCommit.Written written,
            TransactionManager transactions,
            NewJourneyKeys newKeys,
            AppendLinks appendLinks) {
        super(builder.lowestGlobalSequence(LOWEST_GLOBAL_SEQUENCE)
                .maxGapOffset(MAX_GAP_OFFSET)
                .gapTimeout(GAP_TIMEOUT_MILLIS)
                .dataType(STORED_TYPE));
        this.transactions = transactions;
        this.newKeys = newKeys;
        this.appendLinks = appendLinks;
        this.groupCommit = maxEventsPerGroupCommit == 0
                ? null
                : new GroupCommit(events -> store(events, getEventSerializer()), maxEventsPerGroupCommit, written);
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) {
            return;
        }
        // Serialized here, in parallel with the other commands, and before the transaction, which then stores the
        // keys serializing made; Axon's insert finds each message's serialized form.
        for (EventMessage<?> event : events) {
            event.serializePayload(serializer, STORED_TYPE);
            event.serializeMetaData(serializer, STORED_TYPE);
        }
        if (groupCommit == null
                || TransactionSynchronizationManager.isActualTransactionActive()
                || serializer != getEventSerializer()) {
            store(events, serializer);
            return;
        }
        groupCommit.append(events);
    }

    /** Stores the events, and the keys made for them, in the current transaction or one of their own. */
    private void store(List<? extends EventMessage<?>> events, Serializer serializer) {
        transactions.executeInTransaction(() -> {
            newKeys.store(events.stream()
                    .filter(event -> event instanceof DomainEventMessage<?>)
                    .map(event -> ((DomainEventMessage<?>) event).getAggregateIdentifier())
                    .distinct()
                    .toList());
            super.appendEvents(events, serializer);
        });
    }

    /**
     * Axon's insert ({@code JdbcEventStorageEngineStatements.appendEvents}) with one more column, each event's link
     * of the hash chain, computed from the very values bound (the timestamp's text included), so that what is hashed
     * is what is stored. Events that are no aggregate's are stored as Axon stores them: their own id as aggregate
     * id, sequence 0, no type.
     */
    @Override
    protected PreparedStatement appendEvents(
            Connection connection, List<? extends EventMessage<?>> events, Serializer serializer) throws SQLException {
        List<ChainedEvent> rows = new ArrayList<>(events.size());
        for (EventMessage<?> event : events) {
            DomainEventMessage<?> domainEvent = event instanceof DomainEventMessage<?> d ? d : null;
            SerializedObject<byte[]> payload = event.serializePayload(serializer, STORED_TYPE);
            rows.add(new ChainedEvent(
                    0,
                    domainEvent == null ? event.getIdentifier() : domainEvent.getAggregateIdentifier(),
                    domainEvent == null ? 0 : domainEvent.getSequenceNumber(),
                    event.getIdentifier(),
                    DateTimeUtils.formatInstant(event.getTimestamp()),
                    payload.getType().getName(),
                    payload.getType().getRevision(),
                    payload.getData(),
                    event.serializeMetaData(serializer, STORED_TYPE).getData(),
                    domainEvent == null ? null : domainEvent.getType(),
                    null));
        }
        List<byte[]> links = appendLinks.links(connection, rows);
        EventSchema schema = schema();
        PreparedStatement statement = connection.prepareStatement("insert into " + schema.domainEventTable() + " ("
                + schema.domainEventFields() + ", chain_hash) values (?,?,?,?,?,?,?,?,?,?)");
        for (int i = 0; i < rows.size(); i++) {
            ChainedEvent row = rows.get(i);
            statement.setString(1, row.eventIdentifier());
            statement.setString(2, row.aggregateIdentifier());
            statement.setLong(3, row.sequenceNumber());
            statement.setString(4, row.type());
            statement.setString(5, row.timeStamp());
            statement.setString(6, row.payloadType());
            statement.setString(7, row.payloadRevision());
            statement.setBytes(8, row.payload());
            statement.setBytes(9, row.metaData());
            statement.setBytes(10, links == null ? null : links.get(i));
            statement.addBatch();
        }
        return statement;
    }

    /** How many commands' appends wait for the group commit's next write. */
    int appendsWaiting() {
        return groupCommit == null ? 0 : groupCommit.waiting();
    }

    /** Writes the appends still waiting; later ones are written by their own threads. */
    @Override
    public void close() {
        if (groupCommit != null) {
            groupCommit.close();
        }
    }

    @Override
    protected TrackedEventData<?> getTrackedEventData(ResultSet row, GapAwareTrackingToken previousToken)
            throws SQLException {
        EventSchema schema = schema();
        long globalIndex = row.getLong(schema.globalIndexColumn());
        String aggregateIdentifier = row.getString(schema.aggregateIdentifierColumn());
        String eventIdentifier = row.getString(schema.eventIdentifierColumn());
        // As Axon: an event that is not an aggregate's carries its own id as aggregate id, and none in the message.
        DomainEventData<?> event = entry(row, eventIdentifier.equals(aggregateIdentifier) ? null : aggregateIdentifier);

        boolean gapsMayStillFill =
                event.getTimestamp().isAfter(GenericEventMessage.clock.instant().minusMillis(GAP_TIMEOUT_MILLIS));
        GapAwareTrackingToken token;
        if (previousToken == null) {
            SortedSet<Long> gaps = gapsMayStillFill
                    ? LongStream.range(Math.min(LOWEST_GLOBAL_SEQUENCE, globalIndex), globalIndex)
                            .boxed()
                            .collect(Collectors.toCollection(TreeSet::new))
                    : Collections.emptySortedSet();
            token = GapAwareTrackingToken.newInstance(globalIndex, gaps);
        } else {
            token = previousToken.advanceTo(globalIndex, gapsMayStillFill ? MAX_GAP_OFFSET : 0);
        }
        return new TrackedDomainEventData<>(token, event);
    }

    @Override
    protected DomainEventData<?> getDomainEventData(ResultSet row) throws SQLException {
        return entry(row, row.getString(schema().aggregateIdentifierColumn()));
    }

    private DomainEventData<?> entry(ResultSet row, String aggregateIdentifier) throws SQLException {
        EventSchema schema = schema();
        return new TimestampedEntry(
                row.getString(schema.typeColumn()),
                aggregateIdentifier,
                row.getLong(schema.sequenceNumberColumn()),
                row.getString(schema.eventIdentifierColumn()),
                row.getString(schema.timestampColumn()),
                row.getString(schema.payloadTypeColumn()),
                row.getString(schema.payloadRevisionColumn()),
                readPayload(row, schema.payloadColumn()),
                readPayload(row, schema.metaDataColumn()));
    }

    /** Axon's entry with the timestamp read once, when the row is read. */
    private static final class TimestampedEntry extends GenericDomainEventEntry<Object> {

        private final Instant timestamp;

        TimestampedEntry(
                String type,
                String aggregateIdentifier,
                long sequenceNumber,
                String eventIdentifier,
                String timestamp,
                String payloadType,
                String payloadRevision,
                Object payload,
                Object metaData) {
            super(
                    type,
                    aggregateIdentifier,
                    sequenceNumber,
                    eventIdentifier,
                    timestamp,
                    payloadType,
                    payloadRevision,
                    payload,
                    metaData);
            this.timestamp = StoredTimestamps.parse(timestamp);
        }

        @Override
        public Instant getTimestamp() {
            return timestamp;
        }
    }
}
