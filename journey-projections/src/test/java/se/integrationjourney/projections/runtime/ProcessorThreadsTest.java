package se.integrationjourney.projections.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The coordinator's short pauses end when a worker finishes a task; its long waits do not; and a woken task still
 * runs once. "Long" here is an hour, so that no assertion depends on how fast the machine is.
 */
class ProcessorThreadsTest {

    private static final long AN_HOUR_MILLIS = TimeUnit.HOURS.toMillis(1);

    private final ProcessorThreads threads = new ProcessorThreads("test", 2, AN_HOUR_MILLIS);

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void givenACoordinatorPause_whenAWorkerFinishesATask_thenThePausedRoundRunsAtOnce() throws Exception {
        CountDownLatch round = new CountDownLatch(1);
        threads.coordinator().schedule(round::countDown, AN_HOUR_MILLIS - 1, TimeUnit.MILLISECONDS);

        threads.workers().submit(() -> {});

        assertThat(round.await(30, TimeUnit.SECONDS))
                .as("woken by the worker, not after an hour")
                .isTrue();
    }

    @Test
    void givenALongerWait_whenWoken_thenItKeepsItsTime() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        threads.coordinator().schedule(runs::incrementAndGet, 2 * AN_HOUR_MILLIS, TimeUnit.MILLISECONDS);

        threads.coordinator().wake();
        threads.coordinator().submit(() -> {}).get(); // a woken task would have been queued before this one

        assertThat(runs).hasValue(0);
    }

    @Test
    void givenAWokenTask_whenItsTimeComesToo_thenItRunsOnce() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        threads.coordinator().schedule(runs::incrementAndGet, 1, TimeUnit.MILLISECONDS);

        threads.coordinator().wake();
        threads.coordinator().shutdown(); // delayed tasks still run after shutdown
        assertThat(threads.coordinator().awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        assertThat(runs).hasValue(1);
    }

    @Test
    void givenAStoppedCoordinator_whenAWorkerWakesIt_thenNothingFails() {
        threads.coordinator().schedule(() -> {}, AN_HOUR_MILLIS - 1, TimeUnit.MILLISECONDS);
        threads.coordinator().shutdownNow();

        assertThatCode(() -> threads.coordinator().wake()).doesNotThrowAnyException();
    }
}
