package se.integrationjourney.eventstore;

import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;

/**
 * Spring's JPA transaction manager (the one Spring Boot would make: JDBC and JPA work, the dead-letter queue's
 * among it, share one connection), which says truthfully what became of a transaction whose connection broke:
 * <ul>
 *     <li>PostgreSQL answers a refused commit (a serialization failure, a deferred constraint) with an error, and the
 *     transaction is then rolled back; but when the connection is lost after the commit was sent, the transaction
 *     may or may not have been committed, and this throws {@link CommitOutcomeUnknownException} instead.</li>
 *     <li>A rollback the database fails (the connection gone) does not replace the failure that caused it: a
 *     transaction that was never committed ends with its connection, and the pool discards a connection it cannot
 *     roll back. The caller hears the first failure, which says whether the database could be reached. Any other
 *     rollback failure is thrown, as Spring would.</li>
 * </ul>
 */
final class CommitAwareTransactionManager extends JpaTransactionManager {

    private static final Logger log = LoggerFactory.getLogger(CommitAwareTransactionManager.class);

    @Override
    protected void doCommit(DefaultTransactionStatus status) {
        try {
            super.doCommit(status);
        } catch (RuntimeException failure) {
            if (DatabaseFailures.isConnectionFailure(failure)) {
                throw new CommitOutcomeUnknownException(failure);
            }
            throw failure;
        }
    }

    @Override
    protected void doRollback(DefaultTransactionStatus status) {
        try {
            super.doRollback(status);
        } catch (RuntimeException failed) {
            // A rollback the database could not do (the connection lost or already closed by the pool: the driver
            // does not always give a state) leaves nothing committed. Anything else, a fault of ours, is thrown.
            if (DatabaseFailures.cause(failed, SQLException.class).isEmpty()) {
                throw failed;
            }
            log.debug(
                    "Rolling back failed ({}); the transaction ends with its connection",
                    DatabaseFailures.describe(failed));
        }
    }
}
