package se.integrationjourney.eventstore;

/**
 * A commit whose outcome is not known: the connection was lost after the commit was sent, so the database may have
 * committed the transaction or not. A request that ends so must not say "nothing was recorded"; repeating it with
 * the same {@code Idempotency-Key} is safe (a recorded request gets its first answer back).
 */
public final class CommitOutcomeUnknownException extends RuntimeException {

    public CommitOutcomeUnknownException(Throwable cause) {
        // The cause's message is not repeated: a driver's message can quote what was being written.
        super("The commit's outcome is unknown: the connection to the database was lost during it", cause);
    }
}
