package se.integrationjourney.eventstore;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who gives the events an append inserts their links of the hash chain ({@link EventChain}). The event store
 * computes them ({@link #COMPUTED}) as it inserts the events, in the append's transaction; whatever it leaves null,
 * the database's trigger computes at insert (V7_3, and V7_9 which lets a given link stand), so a writer that is not
 * the event store (a bulk load, an insert by hand) still stores a chained event. docs/adr/0019-hash-chain-kept-by-the-database.md
 * says why the links moved from the trigger to here: the trigger's look-up of the previous link, a statement per
 * inserted row, cost more than a quarter of the append's throughput.
 */
@FunctionalInterface
public interface AppendLinks {

    /**
     * @param connection the append's connection, in its transaction (earlier inserts of that transaction are seen)
     * @param events     the events in the order they are inserted; {@code globalIndex} and {@code chainHash} unset
     * @return each event's link, in the same order; null, or a null element, leaves that link to the database
     */
    List<byte[]> links(Connection connection, List<ChainedEvent> events) throws SQLException;

    /** Leaves every link to the database's trigger (the way before V7_9; a benchmark's baseline turns it off). */
    AppendLinks LEFT_TO_THE_DATABASE = (connection, events) -> null;

    /**
     * The links computed here, exactly as the trigger defines them: an event chains to its aggregate's event with
     * the next lower sequence number (earlier in this append, or stored before: those read in one query for the
     * whole append), and to {@link EventChain#start()} if there is none.
     */
    AppendLinks COMPUTED = AppendLinks::computed;

    private static List<byte[]> computed(Connection connection, List<ChainedEvent> events) throws SQLException {
        Map<String, Long> first = new LinkedHashMap<>();
        Map<String, Long> last = new HashMap<>();
        for (ChainedEvent event : events) {
            Long before = last.put(event.aggregateIdentifier(), event.sequenceNumber());
            if (before != null && before >= event.sequenceNumber()) {
                // Not in sequence order (Axon never appends so): "the next lower" is then the trigger's to find.
                return null;
            }
            first.putIfAbsent(event.aggregateIdentifier(), event.sequenceNumber());
        }
        Map<String, byte[]> previous = storedPredecessors(connection, first);
        EventChain.Linker linker = new EventChain.Linker();
        List<byte[]> links = new ArrayList<>(events.size());
        for (ChainedEvent event : events) {
            byte[] link = linker.link(previous.getOrDefault(event.aggregateIdentifier(), EventChain.start()), event);
            previous.put(event.aggregateIdentifier(), link);
            links.add(link);
        }
        return links;
    }

    /** For each aggregate, the link of its stored event just before the append's first one, if there is one. */
    private static Map<String, byte[]> storedPredecessors(Connection connection, Map<String, Long> first)
            throws SQLException {
        Map<String, byte[]> links = new HashMap<>();
        List<String> aggregates = new ArrayList<>();
        List<Long> sequences = new ArrayList<>();
        first.forEach((aggregate, sequence) -> {
            if (sequence > 0) {
                aggregates.add(aggregate);
                sequences.add(sequence);
            }
        });
        if (aggregates.isEmpty()) {
            return links;
        }
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
}
