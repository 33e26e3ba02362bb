package se.integrationjourney.api.commandhandling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.IntConsumer;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** What the journey cache holds, with and without a Spring transaction or a unit of work around the command. */
class CommittedJourneyCacheTest {

    private final CommittedJourneyCache cache = new CommittedJourneyCache(2);

    @AfterEach
    void endSynchronization() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    @Test
    void givenACachedJourney_whenACommandGetsIt_thenItIsTakenOutUntilPutBack() {
        cache.put("a", "journey a");

        assertThat(cache.<String, String>get("a")).isEqualTo("journey a");
        assertThat(cache.containsKey("a")).isFalse();
        assertThat(cache.<String, String>get("a")).isNull();
    }

    @Test
    void givenMoreJourneysThanTheBound_thenTheOneCommittedToLongestAgoGoesFirst() {
        cache.put("a", "journey a");
        cache.put("b", "journey b");
        cache.put("a", cache.get("a"));
        cache.put("c", "journey c");

        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.containsKey("b")).isFalse();
        assertThat(cache.containsKey("a")).isTrue();
        assertThat(cache.containsKey("c")).isTrue();
    }

    @Test
    void givenATransaction_whenItCommits_thenTheJourneyIsCachedOnlyThen() {
        IntConsumer complete = inTransaction(() -> cache.put("a", "journey a"));
        assertThat(cache.containsKey("a")).as("not before the commit").isFalse();

        complete.accept(TransactionSynchronization.STATUS_COMMITTED);

        assertThat(cache.containsKey("a")).isTrue();
    }

    @Test
    void givenAUnitOfWorkWithoutATransaction_whenItCommits_thenTheJourneyIsCachedOnlyThen() {
        DefaultUnitOfWork<?> command = DefaultUnitOfWork.startAndGet(null);
        // A nested one, as a command dispatched from within another's handling: its root's commit counts.
        DefaultUnitOfWork<?> nested = DefaultUnitOfWork.startAndGet(null);
        cache.put("a", "journey a");
        nested.commit();
        assertThat(cache.containsKey("a"))
                .as("not before the command's events are committed")
                .isFalse();

        command.commit();

        assertThat(cache.containsKey("a")).isTrue();
    }

    @Test
    void givenAUnitOfWorkWithoutATransaction_whenItRollsBack_thenTheJourneyIsNotCached() {
        DefaultUnitOfWork<?> command = DefaultUnitOfWork.startAndGet(null);
        cache.put("a", "journey a");

        command.rollback(new IllegalStateException("the events could not be stored"));

        assertThat(cache.containsKey("a")).isFalse();
    }

    @Test
    void givenATransaction_whenItRollsBackOrEndsUnknown_thenTheJourneyIsNotCached() {
        cache.put("a", "journey a as committed before");
        inTransaction(() -> cache.put("a", cache.get("a") + ", changed"))
                .accept(TransactionSynchronization.STATUS_ROLLED_BACK);
        inTransaction(() -> cache.put("b", "journey b")).accept(TransactionSynchronization.STATUS_UNKNOWN);

        assertThat(cache.containsKey("a")).isFalse();
        assertThat(cache.containsKey("b")).isFalse();
    }

    @Test
    void aCacheOfNoJourneysIsRefused_turnTheCacheOffInstead() {
        assertThatThrownBy(() -> new CommittedJourneyCache(0)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Runs {@code work} as if in a Spring transaction; the returned callback ends it with a status. */
    private static IntConsumer inTransaction(Runnable work) {
        TransactionSynchronizationManager.initSynchronization();
        work.run();
        List<TransactionSynchronization> synchronizations = TransactionSynchronizationManager.getSynchronizations();
        TransactionSynchronizationManager.clearSynchronization();
        return status -> synchronizations.forEach(synchronization -> synchronization.afterCompletion(status));
    }
}
