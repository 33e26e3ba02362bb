package se.integrationjourney.api.retention;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;
import se.integrationjourney.api.accesslog.AccessAction;
import se.integrationjourney.api.accesslog.AccessLog;
import se.integrationjourney.api.accesslog.Actor;
import se.integrationjourney.api.privacy.PersonalDataErasure;
import se.integrationjourney.core.events.ErasureReason;
import se.integrationjourney.eventstore.DatabaseFailures;

/**
 * Retention (gallring): erases the personal data of every journey whose last entry was recorded longer ago than
 * {@code journey.retention.keep-for}, except those kept for research ({@link ResearchBirthDays}). Each erasure is
 * {@link PersonalDataErasure}'s, with its own access-log entry, as {@link #ACTOR}.
 *
 * <p>One run at a time across every node: a run holds a PostgreSQL advisory lock ({@value #LOCK}) on a connection of
 * its own while it runs, and a node that cannot take it does nothing. The daily run is also made once a day: a node
 * whose schedule fires after another's run that day has finished finds the day's row in {@code retention_run}. A node
 * that stops mid-run releases the lock with its connection; the next run marks that run interrupted and erases what
 * it did not reach.
 *
 * <p>The erasure is another part of the service: without a {@link PersonalDataErasure} bean the job still chooses,
 * and records a run that erased nothing ({@link RetentionRuns.Outcome#NO_ERASURE}).
 */
@Component
public class RetentionJob {

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

    /** Who retention's erasures and its daily runs are recorded as in the access log. */
    public static final Actor ACTOR = new Actor("retention-job", "SYSTEM");

    /** The advisory lock's key: the ASCII of "retentio", so that it is recognisable in {@code pg_locks}. */
    public static final long LOCK = 0x7265_7465_6e74_696fL;

    /** The access log's resource for the daily run. */
    static final String SCHEDULED_RESOURCE = "scheduled daily run (journey.retention.run-at)";

    private final RetentionPlanner planner;
    private final RetentionRuns runs;
    private final RetentionSettings settings;
    private final ObjectProvider<PersonalDataErasure> erasure;
    private final AccessLog accessLog;
    private final DataSource dataSource;
    private final Clock clock;

    RetentionJob(
            RetentionPlanner planner,
            RetentionRuns runs,
            RetentionSettings settings,
            ObjectProvider<PersonalDataErasure> erasure,
            AccessLog accessLog,
            DataSource dataSource,
            Clock clock) {
        this.planner = planner;
        this.runs = runs;
        this.settings = settings;
        this.erasure = erasure;
        this.accessLog = accessLog;
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** Whether this version of the service can erase at all (a {@link PersonalDataErasure} is there). */
    public boolean canErase() {
        return erasure.getIfAvailable() != null;
    }

    /**
     * The daily run, recorded in the access log as {@link #ACTOR}'s act. @return the run; empty when another node
     * runs retention now or the day's run was already made
     */
    public Optional<RetentionRuns.Run> runScheduled() {
        return run(true, ACTOR.username());
    }

    /**
     * A run now, started by {@code username} (whose act the caller records); made even when the day's run was, and
     * recorded as {@link RetentionRuns.Outcome#BUSY} when another node runs retention now. @return the run
     */
    public RetentionRuns.Run runNow(String username) {
        return run(false, username).orElseThrow();
    }

    private Optional<RetentionRuns.Run> run(boolean scheduled, String startedBy) {
        try (Connection lockHolder = dataSource.getConnection()) {
            if (!advisoryLock(lockHolder, "select pg_try_advisory_lock(?)")) {
                log.info("Retention is running on another node: this one does nothing");
                return scheduled ? Optional.empty() : Optional.of(busy(startedBy));
            }
            try {
                return runLocked(scheduled, startedBy);
            } finally {
                advisoryLock(lockHolder, "select pg_advisory_unlock(?)");
            }
        } catch (SQLException failure) {
            throw new DataAccessResourceFailureException("the retention lock could not be taken", failure);
        }
    }

    private Optional<RetentionRuns.Run> runLocked(boolean scheduled, String startedBy) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS); // the event store's precision
        runs.interruptUnfinished(now);
        Instant before = settings.lastRecordedBefore(now);
        Optional<Long> started =
                runs.start(now.atZone(RetentionSettings.ZONE).toLocalDate(), scheduled, startedBy, now, before);
        if (started.isEmpty()) {
            log.info("Retention: today's run was already made (by this node or another)");
            return Optional.empty();
        }
        long id = started.get();
        if (scheduled) {
            accessLog.act(
                    ACTOR,
                    AccessAction.RETENTION_RUN,
                    SCHEDULED_RESOURCE,
                    now.atZone(RetentionSettings.ZONE).toLocalDate().toString());
        }
        int erased = 0;
        int alreadyErased = 0;
        int failed = 0;
        RetentionPlan plan = null;
        RetentionRuns.Outcome outcome = RetentionRuns.Outcome.FINISHED;
        try {
            plan = planner.plan(now);
            PersonalDataErasure erasing = erasure.getIfAvailable();
            if (erasing == null) {
                outcome = RetentionRuns.Outcome.NO_ERASURE;
                log.warn(
                        "Retention chose {} journeys to erase but this version of the service has no erasure:"
                                + " nothing was erased",
                        plan.toErase().size());
            } else {
                for (RetentionPlan.Candidate candidate : plan.toErase()) {
                    try {
                        if (erasing.erase(candidate.journeyId(), ErasureReason.RETENTION, ACTOR)) {
                            erased++;
                        } else {
                            alreadyErased++;
                        }
                    } catch (RuntimeException failure) {
                        failed++;
                        // The type only: a failure's message may quote data.
                        log.warn(
                                "Retention could not erase journey {}: {}",
                                candidate.journeyId(),
                                failure.getClass().getName());
                        if (DatabaseFailures.isConnectionFailure(failure)) {
                            outcome = RetentionRuns.Outcome.FAILED;
                            break;
                        }
                    }
                }
            }
        } catch (RuntimeException failure) {
            outcome = RetentionRuns.Outcome.FAILED;
            log.error("Retention stopped: {}", failure.getClass().getName());
        }
        RetentionRuns.Counts counts = new RetentionRuns.Counts(
                erased,
                alreadyErased,
                plan == null ? 0 : plan.count(RetentionPlan.Verdict.KEEP_FOR_RESEARCH),
                plan == null ? 0 : plan.count(RetentionPlan.Verdict.NOTHING_TO_ERASE),
                plan == null ? 0 : plan.count(RetentionPlan.Verdict.NOT_IN_VIEW),
                failed);
        runs.finish(id, outcome, counts, clock.instant());
        log.info(
                "Retention run {} ({}): {} journeys erased, {} already erased, {} kept for research, {} without personal"
                        + " data, {} not in the journey-state view, {} failed",
                id,
                outcome,
                counts.erased(),
                counts.alreadyErased(),
                counts.keptForResearch(),
                counts.nothingToErase(),
                counts.notInView(),
                counts.failed());
        return runs.find(id);
    }

    /** A run now that found another node running: recorded, so that the administrator who asked sees it. */
    private RetentionRuns.Run busy(String startedBy) {
        Instant now = clock.instant();
        long id = runs.start(
                        now.atZone(RetentionSettings.ZONE).toLocalDate(),
                        false,
                        startedBy,
                        now,
                        settings.lastRecordedBefore(now))
                .orElseThrow();
        runs.finish(id, RetentionRuns.Outcome.BUSY, RetentionRuns.Counts.NONE, now);
        return runs.find(id).orElseThrow();
    }

    private static boolean advisoryLock(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, LOCK);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }
}
