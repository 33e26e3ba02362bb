package se.integrationjourney.api.operations;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import se.integrationjourney.eventstore.CommitOutcomeUnknownException;
import se.integrationjourney.eventstore.DatabaseFailures;

/**
 * A database outage as one incident in the log: one WARN line when the service first finds the database
 * unreachable, one INFO line when it can reach it again, and nothing in between. Without this every request, every
 * view's retry and the connection pool would each log the failure with its stack trace, tens of thousands of lines
 * a minute, burying everything else.
 *
 * <p>The incident starts when a request fails for lack of a database ({@link #noticed}) or when anything logs such a
 * failure (a Logback filter, which then drops those lines); while it lasts, the database is tried every few seconds
 * and the incident ends at the first success.
 */
@Component
@EnableConfigurationProperties(LoggingSettings.class)
public class DatabaseOutage implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutage.class);
    private static final long PROBE_SECONDS = 2;
    private static final String POOL_LOGGERS = "com.zaxxer.hikari";
    private static final String HIBERNATE_LOGGERS = "org.hibernate";

    private final DataSource dataSource;
    private final AtomicReference<Instant> since = new AtomicReference<>();
    private final AtomicLong suppressed = new AtomicLong();
    private final ScheduledExecutorService probe = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "database-outage-probe");
        thread.setDaemon(true);
        return thread;
    });
    private final Filter filter = new Filter();

    /** With {@code journey.logging.database-outage-once}, the failures of an outage are dropped from the log. */
    public DatabaseOutage(DataSource dataSource, LoggingSettings settings) {
        this.dataSource = dataSource;
        if (settings.databaseOutageOnce() && LoggerFactory.getILoggerFactory() instanceof LoggerContext logback) {
            logback.addTurboFilter(filter);
        }
    }

    /** A failure seen by the service: starts an incident if it is a connection failure and none is under way. */
    public void noticed(Throwable failure) {
        if (!DatabaseFailures.isConnectionFailure(failure) && !(failure instanceof CommitOutcomeUnknownException)) {
            return;
        }
        Instant now = Instant.now();
        if (since.compareAndSet(null, now)) {
            suppressed.set(0);
            log.warn(
                    "The database cannot be reached ({}): requests that need it are answered 503 until it can;"
                            + " further failures of this incident are not logged",
                    DatabaseFailures.describe(failure));
            probe.schedule(this::probe, PROBE_SECONDS, TimeUnit.SECONDS);
        }
    }

    /** Whether an outage is under way. */
    public boolean ongoing() {
        return since.get() != null;
    }

    private void probe() {
        Instant started = since.get();
        if (started == null) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            if (connection.isValid((int) PROBE_SECONDS)) {
                since.set(null);
                log.info(
                        "The database can be reached again after {} s; {} log lines of the incident were dropped",
                        Duration.between(started, Instant.now()).toSeconds(),
                        suppressed.get());
                return;
            }
        } catch (SQLException | RuntimeException stillDown) {
            // Still down: the next probe comes.
        }
        if (!probe.isShutdown()) {
            probe.schedule(this::probe, PROBE_SECONDS, TimeUnit.SECONDS);
        }
    }

    @Override
    public void destroy() {
        probe.shutdownNow();
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback) {
            logback.getTurboFilterList().remove(filter);
        }
    }

    /** Drops log lines that carry a connection failure, starting an incident with the first. */
    private final class Filter extends TurboFilter {

        @Override
        public FilterReply decide(
                Marker marker,
                ch.qos.logback.classic.Logger logger,
                Level level,
                String format,
                Object[] params,
                Throwable thrown) {
            Throwable failure = thrown;
            if (failure == null
                    && params != null
                    && params.length > 0
                    && params[params.length - 1] instanceof Throwable last) {
                failure = last;
            }
            if (failure == null || !DatabaseFailures.isConnectionFailure(failure)) {
                // The pool's and Hibernate's own complaints about connections and sessions that broke with the
                // database carry no exception, and say nothing the incident's line does not.
                if (ongoing()
                        && level.isGreaterOrEqual(Level.WARN)
                        && (logger.getName().startsWith(POOL_LOGGERS)
                                || logger.getName().startsWith(HIBERNATE_LOGGERS))) {
                    suppressed.incrementAndGet();
                    return FilterReply.DENY;
                }
                return FilterReply.NEUTRAL;
            }
            noticed(failure);
            suppressed.incrementAndGet();
            return FilterReply.DENY;
        }
    }
}
