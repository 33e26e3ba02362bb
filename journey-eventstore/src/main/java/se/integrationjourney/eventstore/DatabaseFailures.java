package se.integrationjourney.eventstore;

import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * What a failure says about the database, read from its chain of causes: whether the database could not be reached
 * or the connection was lost, whether trying again later may succeed, whether the database refused the rows
 * themselves, and its SQL state. PostgreSQL's driver sets the SQL state (class 08: connection exceptions), the
 * pool's time-out and a broken socket say the rest. Shared by the views (which must not dead-letter an event for a
 * passing failure) and the API (which must say truthfully what became of a request).
 */
public final class DatabaseFailures {

    /** Sessions ended by the server: administrator command, crash shutdown, cannot connect now, too many clients. */
    private static final Set<String> ENDED_BY_SERVER = Set.of("57P01", "57P02", "57P03", "53300");
    /** Worth another try: serialization failure, deadlock, lock not available, statement cancelled (time-out). */
    private static final Set<String> CONTENTION = Set.of("40001", "40P01", "55P03", "57014");

    private DatabaseFailures() {}

    /** The failure and its causes, outermost first; each once, however the chain loops. */
    public static List<Throwable> causes(Throwable failure) {
        List<Throwable> causes = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
            causes.add(cause);
        }
        return causes;
    }

    /** The first cause of that type in the chain. */
    public static <T extends Throwable> Optional<T> cause(Throwable failure, Class<T> type) {
        return causes(failure).stream().filter(type::isInstance).map(type::cast).findFirst();
    }

    /** The SQL state of the outermost SQL exception in the chain that has one. */
    public static Optional<String> sqlState(Throwable failure) {
        return causes(failure).stream()
                .filter(cause -> cause instanceof SQLException sql && sql.getSQLState() != null)
                .map(cause -> ((SQLException) cause).getSQLState())
                .findFirst();
    }

    /**
     * What Hikari's proxy of a connection it has already closed (evicted after a broken socket) says to any later
     * use, with no SQL state: a connection failure like the others, though only its message tells.
     */
    private static final String HIKARI_CLOSED_CONNECTION = "Connection is closed";

    /** True if {@code failure} comes from the database being unreachable or the connection being lost. */
    public static boolean isConnectionFailure(Throwable failure) {
        for (Throwable cause : causes(failure)) {
            if (cause instanceof CannotGetJdbcConnectionException
                    || cause instanceof CannotCreateTransactionException
                    || cause instanceof SQLTransientConnectionException
                    || cause instanceof SocketException) {
                return true;
            }
            if (cause instanceof SQLException sql
                    && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || ENDED_BY_SERVER.contains(sql.getSQLState()))) {
                return true;
            }
            if (cause instanceof SQLException sql
                    && sql.getSQLState() == null
                    && HIKARI_CLOSED_CONNECTION.equals(sql.getMessage())) {
                return true;
            }
        }
        return false;
    }

    /**
     * True if trying the same work again later may succeed: the connection failed, or the statement met other
     * transactions (a deadlock, a lock or statement time-out, a serialization failure). Such a failure is nobody's
     * event's fault.
     */
    public static boolean isTransient(Throwable failure) {
        return isConnectionFailure(failure)
                || sqlState(failure).map(CONTENTION::contains).orElse(false);
    }

    /** True if the database refused the rows themselves: a data exception (class 22) or a constraint (class 23). */
    public static boolean refusesRows(Throwable failure) {
        return sqlState(failure)
                .map(state -> state.startsWith("22") || state.startsWith("23"))
                .orElse(false);
    }

    /** The failure without any message (a driver's can quote data): its innermost type, and its SQL state if any. */
    public static String describe(Throwable failure) {
        List<Throwable> causes = causes(failure);
        String type = causes.get(causes.size() - 1).getClass().getSimpleName();
        return sqlState(failure).map(state -> type + ", SQL state " + state).orElse(type);
    }
}
