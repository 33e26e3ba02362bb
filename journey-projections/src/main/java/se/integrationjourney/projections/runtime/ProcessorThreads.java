package se.integrationjourney.projections.runtime;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads of one pooled streaming processor: its coordinator and its workers, arranged so that the coordinator
 * does not sleep while the workers have room for more events.
 *
 * <p>Why: Axon's coordinator hands events to the work packages until one of their queues holds 1,024 events, and
 * then schedules its next round <em>100 ms later</em>; nothing wakes it sooner. During a rebuild the workers empty
 * their queues in a fraction of that, and then wait for the coordinator: a flight recording of a 1-million-event
 * rebuild had the coordinator asleep like that 73 times (7.8 s of 26.6 s) and each worker idle for about 8 s
 * (docs/benchmark-notes.md). Here every finished worker task (a batch handled, queue space freed) runs the coordinator's
 * pending short-delay round at once. Running a coordination round early is what Axon itself does when new events
 * arrive (its stream's availability callback); the round looks at the queues, the stream and the claims afresh.
 *
 * <p>Only rounds scheduled at most {@link #WAKEABLE_DELAY_MILLIS} ahead are brought forward: the "queues full"
 * pause. Longer delays (waiting for events, token claims, the back-off after an error) keep their time.
 */
final class ProcessorThreads {

    /** The longest coordinator delay that a finished worker task brings forward: Axon's "queues full" pause. */
    static final long WAKEABLE_DELAY_MILLIS = 100;

    private final WakeableCoordinator coordinator;
    private final WorkerPool workers;

    ProcessorThreads(String name, int workerThreads) {
        this(name, workerThreads, WAKEABLE_DELAY_MILLIS);
    }

    ProcessorThreads(String name, int workerThreads, long wakeableDelayMillis) {
        this.coordinator = new WakeableCoordinator(threads(name + "-coordinator"), wakeableDelayMillis);
        this.workers = new WorkerPool(workerThreads, threads(name + "-worker"), coordinator);
    }

    /** The coordinator's executor, for {@code PooledStreamingEventProcessor.Builder.coordinatorExecutor}. */
    WakeableCoordinator coordinator() {
        return coordinator;
    }

    /** The workers' executor, for {@code PooledStreamingEventProcessor.Builder.workerExecutor}. */
    ScheduledThreadPoolExecutor workers() {
        return workers;
    }

    void shutdownNow() {
        coordinator.shutdownNow();
        workers.shutdownNow();
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** One thread, whose short-delay tasks can be run at once by {@link #wake()}. */
    static final class WakeableCoordinator extends ScheduledThreadPoolExecutor {

        private final long wakeableDelayNanos;
        private final Set<Wakeable> pending = ConcurrentHashMap.newKeySet();

        WakeableCoordinator(ThreadFactory threads, long wakeableDelayMillis) {
            super(1, threads);
            this.wakeableDelayNanos = TimeUnit.MILLISECONDS.toNanos(wakeableDelayMillis);
        }

        @Override
        public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
            long nanos = unit.toNanos(delay);
            if (nanos <= 0 || nanos > wakeableDelayNanos) {
                return super.schedule(command, delay, unit);
            }
            Wakeable task = new Wakeable(command);
            pending.add(task);
            return super.schedule(task, delay, unit);
        }

        /**
         * Runs every pending short-delay task now instead of at its time; each still runs once. Does nothing once
         * the coordinator is shut down: a worker finishing its last task then must not fail on a refused round.
         */
        void wake() {
            for (Wakeable task : pending) {
                if (isShutdown()) {
                    return;
                }
                if (task.claim()) {
                    try {
                        execute(task.command);
                    } catch (RejectedExecutionException shutDownMeanwhile) {
                        return; // the processor is stopping: its next round is not wanted any more
                    }
                }
            }
        }

        /** A delayed task that runs either when its time comes or when woken, whichever is first. */
        private final class Wakeable implements Runnable {
            private final Runnable command;
            private final AtomicBoolean claimed = new AtomicBoolean();

            Wakeable(Runnable command) {
                this.command = command;
            }

            boolean claim() {
                pending.remove(this);
                return claimed.compareAndSet(false, true);
            }

            @Override
            public void run() {
                if (claim()) {
                    command.run();
                }
            }
        }
    }

    /** The workers; each task they finish wakes the coordinator. */
    static final class WorkerPool extends ScheduledThreadPoolExecutor {

        private final WakeableCoordinator coordinator;

        WorkerPool(int threads, ThreadFactory factory, WakeableCoordinator coordinator) {
            super(threads, factory);
            this.coordinator = coordinator;
        }

        @Override
        protected void afterExecute(Runnable task, Throwable failure) {
            super.afterExecute(task, failure);
            coordinator.wake();
        }
    }
}
