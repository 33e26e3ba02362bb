package se.integrationjourney.benchmarks;

import java.util.Arrays;

/**
 * Latencies of many operations from many threads, kept exactly (a benchmark records at most a few million), so
 * that the percentiles are the true ones, not a histogram's estimate.
 */
final class Latencies {

    private long[] nanos = new long[1024];
    private int count;

    synchronized void record(long elapsedNanos) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = elapsedNanos;
    }

    /** Records every latency another recorded (e.g. of loads run side by side). */
    void addAll(Latencies other) {
        long[] theirs;
        synchronized (other) {
            theirs = Arrays.copyOf(other.nanos, other.count);
        }
        for (long elapsed : theirs) {
            record(elapsed);
        }
    }

    synchronized int count() {
        return count;
    }

    /** The latency below which {@code percent} % of the recorded ones lie (nearest rank), in milliseconds. */
    synchronized double percentileMillis(double percent) {
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percent / 100.0 * count);
        return sorted[Math.max(0, Math.min(count, rank) - 1)] / 1e6;
    }

    synchronized double maxMillis() {
        return percentileMillis(100);
    }
}
