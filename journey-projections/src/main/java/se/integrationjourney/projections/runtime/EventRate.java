package se.integrationjourney.projections.runtime;

import java.util.function.LongSupplier;

/** Events per second over the last ten seconds, counted in one-second buckets. */
final class EventRate {

    private static final int WINDOW_SECONDS = 10;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final LongSupplier nanoTime;
    private final long startedAtSecond;
    private final long[] secondOfBucket = new long[WINDOW_SECONDS];
    private final long[] countOfBucket = new long[WINDOW_SECONDS];

    EventRate() {
        this(System::nanoTime);
    }

    EventRate(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        this.startedAtSecond = currentSecond();
        java.util.Arrays.fill(secondOfBucket, Long.MIN_VALUE);
    }

    synchronized void mark() {
        long second = currentSecond();
        int bucket = (int) Math.floorMod(second, (long) WINDOW_SECONDS);
        if (secondOfBucket[bucket] != second) {
            secondOfBucket[bucket] = second;
            countOfBucket[bucket] = 0;
        }
        countOfBucket[bucket]++;
    }

    synchronized double perSecond() {
        long now = currentSecond();
        long events = 0;
        for (int bucket = 0; bucket < WINDOW_SECONDS; bucket++) {
            if (now - secondOfBucket[bucket] < WINDOW_SECONDS) {
                events += countOfBucket[bucket];
            }
        }
        // A young meter divides by the seconds it has lived, not by the whole window.
        long span = Math.max(1, Math.min(WINDOW_SECONDS, now - startedAtSecond + 1));
        return (double) events / span;
    }

    private long currentSecond() {
        return Math.floorDiv(nanoTime.getAsLong(), NANOS_PER_SECOND);
    }
}
