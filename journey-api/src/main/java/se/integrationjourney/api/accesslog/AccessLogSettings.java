package se.integrationjourney.api.accesslog;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How reads of personal data are written behind to the access log, {@code journey.access-log.*} (the defaults are
 * application.yml's), checked when bound (docs/adr/0018-access-log-written-behind.md).
 *
 * @param flushInterval   the longest an entry waits before the writer writes it (and everything waiting with it)
 * @param batchSize       entries written in one statement; this many waiting are written at once, whatever the interval
 * @param capacity        entries kept waiting at most, while the database cannot take them; a read of personal data
 *                        beyond this is refused (503) rather than shown unlogged
 * @param maxRetryBackoff the longest pause between two attempts while the writes fail (it doubles from the interval,
 *                        or from this if shorter)
 * @param shutdownWait    how long a shutdown waits for the last entries to be written
 */
@ConfigurationProperties("journey.access-log")
public record AccessLogSettings(
        Duration flushInterval, int batchSize, int capacity, Duration maxRetryBackoff, Duration shutdownWait) {

    public AccessLogSettings {
        if (flushInterval == null || flushInterval.isNegative() || flushInterval.isZero()) {
            throw new IllegalArgumentException("journey.access-log.flush-interval must be positive, e.g. 50ms");
        }
        if (batchSize < 1 || batchSize > 1000) {
            throw new IllegalArgumentException("journey.access-log.batch-size must be 1 to 1000");
        }
        if (capacity < batchSize) {
            throw new IllegalArgumentException(
                    "journey.access-log.capacity must be at least journey.access-log.batch-size");
        }
        if (maxRetryBackoff == null || maxRetryBackoff.isNegative() || maxRetryBackoff.isZero()) {
            throw new IllegalArgumentException("journey.access-log.max-retry-backoff must be positive, e.g. 5s");
        }
        if (shutdownWait == null || shutdownWait.isNegative()) {
            throw new IllegalArgumentException("journey.access-log.shutdown-wait must be 0 or more, e.g. 10s");
        }
    }
}
