package se.integrationjourney.api.storage;

import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Which failures mean that the database could not be reached or the connection to it was lost, as opposed to the
 * database refusing a statement. Read from the exception chain: the SQL state of PostgreSQL's driver (class 08,
 * connection exceptions, and the server shutting a session down), the pool's time-out, a broken socket.
 */
public final class DatabaseFailures {

    /** Sessions ended by the server: administrator command, crash shutdown, cannot connect now, too many clients. */
    private static final Set<String> ENDED_BY_SERVER = Set.of("57P01", "57P02", "57P03", "53300");

    private DatabaseFailures() {
    }

    /** True if {@code failure} comes from the database being unreachable or the connection being lost. */
    public static boolean isConnectionFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof CannotGetJdbcConnectionException || cause instanceof CannotCreateTransactionException
                    || cause instanceof SQLTransientConnectionException || cause instanceof SocketException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || ENDED_BY_SERVER.contains(sql.getSQLState()))) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
