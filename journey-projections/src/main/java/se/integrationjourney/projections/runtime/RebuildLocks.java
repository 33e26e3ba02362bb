package se.integrationjourney.projections.runtime;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Which views are being rebuilt, by any node: a rebuild holds a PostgreSQL advisory lock per view it rebuilds, on a
 * connection of its own, from before it prepares the fresh tables until they are swapped in or discarded. A node that
 * cannot take a view's lock leaves the view to the rebuild that holds it, so a rebuild asked on two nodes at once runs
 * once. A node that dies releases its locks with its connection (the retention job does the same, api.retention).
 *
 * <p>Keys: {@code (}{@value #VIEW_REBUILD}{@code , hash of the view's name)}, seen in {@code pg_locks} as classid
 * 1986619767 ("view" in ASCII) with objsubid 2. Deciding which views to take is itself done under the lock
 * {@value #DECIDING} ("rebuilds"), so that two requests for every view at once do not split a rebuild group between
 * two nodes.
 */
final class RebuildLocks {

    private static final Logger log = LoggerFactory.getLogger(RebuildLocks.class);

    /** The first key of every view's rebuild lock: the ASCII of "view". */
    static final int VIEW_REBUILD = 0x7669_6577;
    /** Held while a node decides which views' locks to take: the ASCII of "rebuilds". */
    static final long DECIDING = 0x7265_6275_696c_6473L;

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final Map<String, Integer> keys = new HashMap<>();
    private final Set<String> held = new LinkedHashSet<>();
    private Connection holder;

    RebuildLocks(DataSource dataSource, JdbcTemplate jdbc, Collection<String> views) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        Map<Integer, String> byKey = new HashMap<>();
        for (String view : views) {
            int key = view.hashCode();
            String other = byKey.put(key, view);
            if (other != null) {
                throw new IllegalStateException("Views " + other + " and " + view + " share a rebuild lock key");
            }
            keys.put(view, key);
        }
    }

    /**
     * Takes the rebuild locks of those of {@code views} that no node rebuilds (this one included: the locks it holds
     * are not taken twice) and returns them; the others are being rebuilt elsewhere.
     */
    synchronized Set<String> take(Collection<String> views) {
        Set<String> taken = new LinkedHashSet<>();
        try {
            Connection connection = holder();
            execute(connection, "select pg_advisory_lock(?)", DECIDING);
            try {
                for (String view : views) {
                    if (!held.contains(view)
                            && call(connection, "select pg_try_advisory_lock(?, ?)", VIEW_REBUILD, key(view))) {
                        held.add(view);
                        taken.add(view);
                    }
                }
            } finally {
                call(connection, "select pg_advisory_unlock(?)", DECIDING);
            }
        } catch (SQLException failure) {
            throw new DataAccessResourceFailureException("the views' rebuild locks could not be taken", failure);
        } finally {
            closeIfIdle();
        }
        return taken;
    }

    /** Releases the rebuild locks of these views (those this node holds). */
    synchronized void release(Collection<String> views) {
        try {
            for (String view : views) {
                if (held.remove(view) && holder != null) {
                    call(holder, "select pg_advisory_unlock(?, ?)", VIEW_REBUILD, key(view));
                }
            }
        } catch (SQLException failure) {
            // The connection is gone, and its locks with it.
            log.warn("Releasing the views' rebuild locks failed ({}); closing their connection", failure.getClass());
            held.clear();
        } finally {
            closeIfIdle();
        }
    }

    /** Releases every rebuild lock this node holds. */
    synchronized void releaseAll() {
        release(Set.copyOf(held));
    }

    /**
     * Whether this node still holds the locks of all these views: false if their connection was lost (the database
     * restarted, say), when another node may have begun rebuilding them.
     */
    synchronized boolean stillHeld(Collection<String> views) {
        if (holder == null || !held.containsAll(views)) {
            return false;
        }
        try {
            for (String view : views) {
                if (!call(
                        holder,
                        "select exists (select 1 from pg_locks where locktype = 'advisory'"
                                + " and pid = pg_backend_pid() and granted and objsubid = 2"
                                + " and classid::bigint = ? and objid::bigint = ?)",
                        (long) VIEW_REBUILD,
                        Integer.toUnsignedLong(key(view)))) {
                    return false;
                }
            }
            return true;
        } catch (SQLException lost) {
            return false;
        }
    }

    /** Those of {@code views} whose rebuild lock any node holds, this one included. */
    Set<String> heldAnywhere(Collection<String> views) {
        Set<Long> locked = new HashSet<>(jdbc.queryForList(
                "select objid::bigint from pg_locks where locktype = 'advisory' and granted and objsubid = 2"
                        + " and classid::bigint = ?"
                        + " and database = (select oid from pg_database where datname = current_database())",
                Long.class,
                (long) VIEW_REBUILD));
        Set<String> rebuilding = new LinkedHashSet<>();
        for (String view : views) {
            if (locked.contains(Integer.toUnsignedLong(key(view)))) {
                rebuilding.add(view);
            }
        }
        return rebuilding;
    }

    private int key(String view) {
        Integer key = keys.get(view);
        if (key == null) {
            throw new IllegalArgumentException("no view is named " + view);
        }
        return key;
    }

    private Connection holder() throws SQLException {
        if (holder != null && !holder.isValid(2)) {
            // Its locks went with it; the rebuilds that held them find out before they swap (stillHeld).
            closeQuietly();
            held.clear();
        }
        if (holder == null) {
            holder = dataSource.getConnection();
            holder.setAutoCommit(true);
        }
        return holder;
    }

    private void closeIfIdle() {
        if (held.isEmpty()) {
            closeQuietly();
        }
    }

    private void closeQuietly() {
        if (holder != null) {
            try {
                holder.close();
            } catch (SQLException ignored) {
                // closing a broken connection; the pool replaces it
            }
            holder = null;
        }
    }

    private static boolean call(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, parameters);
                ResultSet result = statement.executeQuery()) {
            return result.next() && result.getBoolean(1);
        }
    }

    private static void execute(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, parameters)) {
            statement.execute();
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }
}
