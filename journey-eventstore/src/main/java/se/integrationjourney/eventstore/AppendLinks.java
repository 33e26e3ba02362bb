package se.integrationjourney.eventstore;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Who gives the events an append inserts their links of the hash chain ({@link EventChain}). The event store
 * computes them ({@link ComputedLinks}) as it inserts the events, in the append's transaction; whatever it leaves
 * null, the database's trigger computes at insert (V7_3, and V7_9 which lets a given link stand), so a writer that
 * is not the event store (a bulk load, an insert by hand) still stores a chained event.
 * docs/adr/0019-hash-chain-kept-by-the-database.md says why the links moved from the trigger to here.
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
}
