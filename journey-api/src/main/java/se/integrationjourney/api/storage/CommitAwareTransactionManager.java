package se.integrationjourney.api.storage;

import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;

/**
 * Spring's JPA transaction manager (the one Spring Boot would make: JDBC and JPA work, the dead-letter queue's
 * among it, share one connection), which tells a commit that failed from one whose outcome is unknown. PostgreSQL
 * answers a refused commit (a serialization failure, a deferred constraint) with an error, and the transaction
 * is then rolled back; but when the connection is lost after the commit was sent, the transaction may or may not
 * have been committed, and this throws {@link CommitOutcomeUnknownException} instead.
 */
final class CommitAwareTransactionManager extends JpaTransactionManager {

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
}
