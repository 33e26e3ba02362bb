package se.integrationjourney.api.accesslog;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.integrationjourney.eventstore.DatabaseFailures;

/**
 * Writes the reads of personal data to the access log behind the requests that made them, so that a page does not
 * wait for a commit (docs/adr/0018-access-log-written-behind.md). A read is put in a bounded queue with the moment,
 * the reader and the correlation id taken on the request's thread; one writer thread writes what waits in batches,
 * one multi-row insert each, when {@code batch-size} entries wait or the oldest has waited {@code flush-interval},
 * and at once when someone {@linkplain #flush asks}.
 *
 * <p>While the database does not take the entries, the writer keeps them, in order, and tries again with a pause
 * that doubles up to {@code max-retry-backoff}. Entries count against {@code capacity} until they are written; a
 * read that would go beyond it is refused with {@link AccessLogUnavailable}: personal data is never shown unlogged.
 *
 * <p>The writer starts before the web server and stops after it (a {@link SmartLifecycle} of a lower phase), so
 * that every read answered is in the queue when the queue is written out for the last time; the connection pool
 * closes only after that. Before the start and after the stop an entry is written at once, on the caller's thread.
 * What {@code kill -9} loses is what waited: at most the entries of one flush interval (or of one full batch), and
 * the batch being written.
 */
@Component
@EnableConfigurationProperties(AccessLogSettings.class)
class AccessLogWriter implements SmartLifecycle {

    /** Below Spring Boot's web server (its phase is {@code Integer.MAX_VALUE - 2048}): started before, stopped after. */
    static final int PHASE = 0;

    private static final Logger log = LoggerFactory.getLogger(AccessLogWriter.class);

    private static final String COLUMNS =
            "insert into access_log (at, username, roles, action, resource, journey_ids, subject, correlation_id)"
                    + " values ";
    private static final String ROW = "(?, ?, ?, ?, ?, ?, ?, ?)";

    /** An entry as the request's thread took it down; {@code at} is the moment of the read, not of the insert. */
    record Entry(
            Instant at,
            Actor actor,
            AccessAction action,
            String resource,
            List<UUID> journeyIds,
            String subject,
            String correlationId) {}

    private record Waiting(long sequence, long enqueuedAtNanos, Entry entry) {}

    private final JdbcTemplate jdbc;
    private final long intervalNanos;
    private final int batchSize;
    private final int capacity;
    private final long maxBackoffNanos;
    private final Duration shutdownWait;

    private final ReentrantLock lock = new ReentrantLock();
    /** The writer waits on this for entries, a full batch, a flush or the stop. */
    private final Condition work = lock.newCondition();
    /** Flushes wait on this for the writer to have written their entries. */
    private final Condition written = lock.newCondition();

    // Guarded by lock. Entries stay in the queue until written, so that they count against the capacity.
    private final ArrayDeque<Waiting> waiting = new ArrayDeque<>();
    private long lastEnqueued;
    private long lastWritten;
    private long flushRequested;
    private long retryAtNanos;
    private boolean running;
    private boolean writerAlive;
    private Thread writer;
    /** Set when the stop gave up waiting: the writer ends whatever is left. */
    private volatile boolean abandoned;

    // The writer thread's own.
    private Instant failingSince;
    private long failedAttempts;

    private final Counter failures;
    private final Counter refused;
    private final Timer writes;
    private final DistributionSummary batchEntries;

    AccessLogWriter(JdbcTemplate jdbc, AccessLogSettings settings, MeterRegistry registry) {
        this.jdbc = jdbc;
        this.intervalNanos = settings.flushInterval().toNanos();
        this.batchSize = settings.batchSize();
        this.capacity = settings.capacity();
        this.maxBackoffNanos = settings.maxRetryBackoff().toNanos();
        this.shutdownWait = settings.shutdownWait();
        this.retryAtNanos = System.nanoTime(); // nanoTime has no fixed origin: "no pause" is a moment already past
        Gauge.builder("journey.access.log.waiting", this, AccessLogWriter::waitingCount)
                .description("Reads of personal data waiting to be written to the access log")
                .register(registry);
        this.failures = Counter.builder("journey.access.log.write.failures")
                .description("Writes of waiting access-log entries that failed (they are kept and retried)")
                .register(registry);
        this.refused = Counter.builder("journey.access.log.refused")
                .description("Reads of personal data refused (503) because the access log's queue was full")
                .register(registry);
        this.writes = Timer.builder("journey.access.log.writes")
                .description("Each write of a batch of access-log entries, one insert")
                .register(registry);
        this.batchEntries = DistributionSummary.builder("journey.access.log.write.entries")
                .description("Access-log entries per write")
                .register(registry);
    }

    /**
     * Queues the entry for the writer (or writes it at once when the writer does not run).
     *
     * @throws AccessLogUnavailable when {@code capacity} entries already wait: the read must not be shown
     */
    void add(Entry entry) {
        lock.lock();
        try {
            if (running) {
                if (waiting.size() >= capacity) {
                    refused.increment();
                    throw new AccessLogUnavailable();
                }
                waiting.addLast(new Waiting(++lastEnqueued, System.nanoTime(), entry));
                if (waiting.size() == 1 || waiting.size() >= batchSize) {
                    work.signal();
                }
                return;
            }
        } finally {
            lock.unlock();
        }
        insert(jdbc, List.of(entry));
    }

    /**
     * Waits until every entry queued before the call is written.
     *
     * @throws IllegalStateException if the writer stopped with entries it could not write
     */
    void flush() {
        lock.lock();
        try {
            long target = requestFlush();
            while (lastWritten < target) {
                if (!writerAlive) {
                    throw new IllegalStateException("the access log's writer stopped before it could write");
                }
                written.awaitUninterruptibly();
            }
        } finally {
            lock.unlock();
        }
    }

    /** As {@link #flush()}, waiting at most {@code atMost}: whether everything queued before the call is written. */
    boolean flush(Duration atMost) {
        lock.lock();
        try {
            long target = requestFlush();
            long left = atMost.toNanos();
            while (lastWritten < target) {
                if (!writerAlive || left <= 0) {
                    return false;
                }
                left = written.awaitNanos(left);
            }
            return true;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            lock.unlock();
        }
    }

    /** Entries waiting to be written, the batch being written included. */
    int waitingCount() {
        lock.lock();
        try {
            return waiting.size();
        } finally {
            lock.unlock();
        }
    }

    /** Asks the writer to write everything queued so far, now; returns the last entry's sequence. Holds lock. */
    private long requestFlush() {
        long target = lastEnqueued;
        if (lastWritten < target) {
            flushRequested = Math.max(flushRequested, target);
            work.signal();
        }
        return target;
    }

    @Override
    public void start() {
        lock.lock();
        try {
            if (running) {
                return;
            }
            running = true;
            writerAlive = true;
            abandoned = false;
            writer = new Thread(this::writeUntilStopped, "access-log-writer");
            writer.setDaemon(true); // the stop writes the queue out; a JVM exiting without it must not hang on us
            writer.start();
        } finally {
            lock.unlock();
        }
    }

    /** Writes out what waits, for at most {@code shutdown-wait}; what is left then is lost, and the log says so. */
    @Override
    public void stop() {
        Thread stopping;
        lock.lock();
        try {
            if (!running) {
                return;
            }
            running = false;
            work.signal();
            stopping = writer;
        } finally {
            lock.unlock();
        }
        try {
            if (!shutdownWait.isZero()) {
                stopping.join(shutdownWait.toMillis());
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        if (stopping.isAlive()) {
            abandoned = true;
            stopping.interrupt();
            log.error(
                    "{} access-log entries could not be written before shutdown (waited {}): those reads are not"
                            + " in the access log",
                    waitingCount(),
                    shutdownWait);
        }
    }

    @Override
    public boolean isRunning() {
        lock.lock();
        try {
            return running;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    private void writeUntilStopped() {
        try {
            while (!abandoned) {
                List<Waiting> batch = nextBatch();
                if (batch == null) {
                    return;
                }
                if (write(batch)) {
                    written(batch);
                }
            }
        } catch (InterruptedException givenUp) {
            Thread.currentThread().interrupt();
        } finally {
            lock.lock();
            try {
                writerAlive = false;
                written.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    /**
     * Waits until a batch is due: the retry pause is over, and {@code batch-size} entries wait, the oldest has waited
     * the interval, a flush asks, or the writer stops. Null when stopped with nothing left.
     */
    private List<Waiting> nextBatch() throws InterruptedException {
        lock.lock();
        try {
            while (true) {
                long now = System.nanoTime();
                if (now - retryAtNanos < 0) {
                    work.awaitNanos(retryAtNanos - now);
                    continue;
                }
                if (waiting.isEmpty()) {
                    if (!running) {
                        return null;
                    }
                    work.await();
                    continue;
                }
                long due = waiting.peekFirst().enqueuedAtNanos() + intervalNanos - now;
                if (!running || waiting.size() >= batchSize || flushRequested > lastWritten || due <= 0) {
                    List<Waiting> batch = new ArrayList<>(Math.min(batchSize, waiting.size()));
                    Iterator<Waiting> oldestFirst = waiting.iterator();
                    while (batch.size() < batchSize && oldestFirst.hasNext()) {
                        batch.add(oldestFirst.next());
                    }
                    return batch;
                }
                work.awaitNanos(due);
            }
        } finally {
            lock.unlock();
        }
    }

    /** One insert for the batch; on failure, a pause before the next attempt, the entries kept. */
    private boolean write(List<Waiting> batch) {
        long started = System.nanoTime();
        try {
            insert(jdbc, batch.stream().map(Waiting::entry).toList());
        } catch (RuntimeException failure) {
            failures.increment();
            failedAttempts++;
            long backoff = Math.min(intervalNanos, maxBackoffNanos);
            for (long attempt = 1; attempt < failedAttempts && backoff < maxBackoffNanos; attempt++) {
                backoff = Math.min(maxBackoffNanos, backoff * 2);
            }
            if (failingSince == null) {
                failingSince = Instant.now();
                // The failure's kind only: a message could quote the row, and the row names who read what.
                log.warn(
                        "Access-log entries cannot be written ({}): {} reads wait and are kept, up to {}; retrying,"
                                + " further failures are counted in journey_access_log_write_failures_total",
                        DatabaseFailures.describe(failure),
                        waitingCount(),
                        capacity);
            }
            lock.lock();
            try {
                retryAtNanos = System.nanoTime() + backoff;
            } finally {
                lock.unlock();
            }
            return false;
        }
        writes.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        batchEntries.record(batch.size());
        if (failingSince != null) {
            log.info(
                    "Access-log entries are written again, after {} s and {} failed attempts",
                    Duration.between(failingSince, Instant.now()).toSeconds(),
                    failedAttempts);
            failingSince = null;
        }
        failedAttempts = 0;
        return true;
    }

    private void written(List<Waiting> batch) {
        lock.lock();
        try {
            for (int i = 0; i < batch.size(); i++) {
                waiting.removeFirst();
            }
            lastWritten = batch.get(batch.size() - 1).sequence();
            written.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Writes the entries in one statement, in the caller's transaction when there is one (an administrative act and
     * its entry are committed together); without one, the statement is atomic on its own.
     */
    static void insert(JdbcTemplate jdbc, List<Entry> entries) {
        StringBuilder sql = new StringBuilder(COLUMNS);
        for (int i = 0; i < entries.size(); i++) {
            sql.append(i == 0 ? ROW : ", " + ROW);
        }
        jdbc.update(sql.toString(), insert -> {
            int column = 1;
            for (Entry entry : entries) {
                insert.setObject(column++, OffsetDateTime.ofInstant(entry.at(), ZoneOffset.UTC));
                insert.setString(column++, entry.actor().username());
                insert.setString(column++, entry.actor().roles());
                insert.setString(column++, entry.action().name());
                insert.setString(column++, entry.resource());
                insert.setArray(
                        column++,
                        insert.getConnection()
                                .createArrayOf("uuid", entry.journeyIds().toArray()));
                insert.setString(column++, entry.subject());
                insert.setString(column++, entry.correlationId());
            }
        });
    }
}
