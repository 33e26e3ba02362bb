package se.integrationjourney.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The loaders' way of spreading journeys over workers: each worker takes the next journey not yet taken and
 * loads all of it before taking another, so a journey's events are sent in order by one worker while different
 * journeys are loaded side by side. The first failure stops every worker and is rethrown.
 */
final class ParallelJourneys {

    private ParallelJourneys() {}

    /** Loads one journey; returns how many of its events were recorded. */
    @FunctionalInterface
    interface JourneyLoad {
        long load(SyntheticHistory.JourneyHistory journey) throws Exception;
    }

    record Outcome(long events, long nanos) {}

    /**
     * Runs {@code load} on every journey with {@code workers} threads until all are loaded or {@code stopped} is
     * set (by the caller, or here on the first failure).
     */
    static Outcome run(
            List<SyntheticHistory.JourneyHistory> journeys, int workers, AtomicBoolean stopped, JourneyLoad load) {
        if (workers < 1) {
            throw new IllegalArgumentException("at least one worker");
        }
        AtomicInteger next = new AtomicInteger();
        AtomicLong events = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>(workers);
        long started = System.nanoTime();
        for (int worker = 0; worker < workers; worker++) {
            Thread thread = new Thread(
                    () -> {
                        try {
                            for (int index = next.getAndIncrement();
                                    index < journeys.size() && !stopped.get();
                                    index = next.getAndIncrement()) {
                                events.addAndGet(load.load(journeys.get(index)));
                            }
                        } catch (Throwable e) {
                            if (failure.compareAndSet(null, e)) {
                                stopped.set(true);
                            }
                        }
                    },
                    "journey-loader-" + worker);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                stopped.set(true);
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while loading", e);
            }
        }
        long nanos = System.nanoTime() - started;
        if (failure.get() != null) {
            throw new IllegalStateException("loading failed after " + events.get() + " events", failure.get());
        }
        return new Outcome(events.get(), nanos);
    }
}
