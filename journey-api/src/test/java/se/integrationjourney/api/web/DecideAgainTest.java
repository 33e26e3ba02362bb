package se.integrationjourney.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The bounds of deciding again (docs/adr/0021-several-nodes-requests.md): outside a transaction a write refused for a
 * stale decision runs again, at most {@link DecideAgain#MAX_DECISIONS} times in all, and then its own answer is
 * thrown; inside one it runs once and the refusal passes to the transaction's owner.
 */
class DecideAgainTest {

    private static final ApiException ANSWER = new ApiException(Problems.CONFLICT, "overtaken every time");

    private final AtomicInteger decisions = new AtomicInteger();

    @AfterEach
    void leaveNoTransaction() {
        TransactionSynchronizationManager.setActualTransactionActive(false);
    }

    @Test
    void givenAWriteRefusedTwiceForStaleState_whenRun_thenItIsDecidedAThirdTimeAndItsResultReturned() {
        String result = DecideAgain.onFreshState(() -> {
            if (decisions.incrementAndGet() < 3) {
                throw new DecideAgain.StaleDecision(ANSWER);
            }
            return "recorded";
        });

        assertThat(result).isEqualTo("recorded");
        assertThat(decisions).hasValue(3);
    }

    @Test
    void givenAWriteRefusedEveryTime_whenRun_thenDecidedAtMostTheBoundAndAnsweredWithTheRefusalsAnswer() {
        assertThatThrownBy(() -> DecideAgain.onFreshState(() -> {
                    decisions.incrementAndGet();
                    throw new DecideAgain.StaleDecision(ANSWER);
                }))
                .isSameAs(ANSWER);
        assertThat(decisions).hasValue(DecideAgain.MAX_DECISIONS);
    }

    @Test
    void givenAnyOtherFailure_whenRun_thenNotDecidedAgain() {
        IllegalStateException failure = new IllegalStateException("a rule, a lost connection, anything else");

        assertThatThrownBy(() -> DecideAgain.onFreshState(() -> {
                    decisions.incrementAndGet();
                    throw failure;
                }))
                .isSameAs(failure);
        assertThat(decisions).hasValue(1);
    }

    @Test
    void givenACallersTransaction_whenTheWriteIsRefused_thenItRunsOnceAndTheRefusalGoesToTheTransactionsOwner() {
        TransactionSynchronizationManager.setActualTransactionActive(true);

        assertThatThrownBy(() -> DecideAgain.onFreshState(() -> {
                    decisions.incrementAndGet();
                    throw new DecideAgain.StaleDecision(ANSWER);
                }))
                .isInstanceOf(DecideAgain.StaleDecision.class);
        assertThat(decisions).hasValue(1);
    }
}
