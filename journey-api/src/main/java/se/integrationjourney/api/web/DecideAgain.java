package se.integrationjourney.api.web;

import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes decided again on fresh state when they were refused for having been decided on a state that had changed
 * meanwhile, with nothing of them stored: a journey this node had cached while another node recorded on it, or
 * another request that took the same sequence number first (docs/adr/0021-several-nodes-requests.md). The caller
 * then hears the answer of a decision on the journey as stored (recorded, a rule's refusal, a stale If-Match), not
 * that a cache was behind.
 *
 * <p>The retry belongs to whoever began the transaction the refused write ran in, since a refused insert aborts
 * its whole transaction: without one (a command's own group commit) the write is decided again here; inside one
 * (an idempotent request's, which stores its answer with the events) the refusal passes through, the transaction
 * rolls back, and the code that began it decides again, key and all. At most {@link #MAX_DECISIONS} decisions; then
 * the refusal's own answer (409).
 *
 * <p>A plain loop rather than a library's retry: no pause is wanted (the remedy is the reload, which the refusal
 * already caused), and the answer must come out unwrapped. Axon's gateway {@code RetryScheduler} was not used: it
 * retries on a scheduler thread, outside the caller's transaction, and retries any failure not marked
 * non-transient, a commit whose outcome is unknown among them.
 */
public final class DecideAgain {

    /** Decisions per write at most: the first and four more, each on the journey as reloaded. */
    public static final int MAX_DECISIONS = 5;

    private DecideAgain() {}

    /**
     * Runs {@code write}; if it throws {@link StaleDecision} outside a transaction, runs it again, up to
     * {@link #MAX_DECISIONS} times in all, then throws the refusal's answer. Inside a transaction it runs once and
     * lets the refusal pass to the transaction's owner.
     */
    public static <T> T onFreshState(Supplier<T> write) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return write.get();
        }
        for (int decision = 1; ; decision++) {
            try {
                return write.get();
            } catch (StaleDecision stale) {
                if (decision >= MAX_DECISIONS) {
                    throw stale.answer();
                }
            }
        }
    }

    /**
     * A write refused before anything of it was stored, because it was decided on a state that had changed: deciding
     * again on the state as stored may succeed. Carries the answer to give when no decision is left.
     */
    public static final class StaleDecision extends RuntimeException {

        private final transient ApiException answer;

        public StaleDecision(ApiException answer) {
            super(answer.getMessage(), null, false, false);
            this.answer = answer;
        }

        /** What the caller hears if no decision is left. */
        public ApiException answer() {
            return answer;
        }
    }
}
