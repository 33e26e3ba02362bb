package se.integrationjourney.api.retention;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The retention job's runs ({@code retention_run}): when, by whom, and what came of them, in counts. */
@Component
public class RetentionRuns {

    /** How a run ended, or that it runs. */
    public enum Outcome {
        RUNNING,
        /** Went through every journey to erase (some may have failed: see the counts). */
        FINISHED,
        /** No erasure is available in this version of the service: nothing was erased. */
        NO_ERASURE,
        /** Another node was running retention: this one did nothing. */
        BUSY,
        /** The node stopped while it ran; the journeys it did not reach are erased by the next run. */
        INTERRUPTED,
        /** Stopped by a failure (the database, typically) before it went through every journey. */
        FAILED
    }

    /** What a run did, journey by journey. */
    public record Counts(
            int erased, int alreadyErased, int keptForResearch, int nothingToErase, int notInView, int failed) {

        public static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0);
    }

    /**
     * @param day        the day in Swedish time it ran for
     * @param scheduled  false for an administrator's "run now"
     * @param finishedAt null while it runs
     */
    public record Run(
            long id,
            LocalDate day,
            boolean scheduled,
            String startedBy,
            Instant startedAt,
            Instant finishedAt,
            Instant lastRecordedBefore,
            Outcome outcome,
            Counts counts) {}

    private final JdbcTemplate jdbc;

    RetentionRuns(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @return the new run's id; empty when {@code day}'s scheduled run was already made (by any node) */
    Optional<Long> start(LocalDate day, boolean scheduled, String startedBy, Instant at, Instant lastRecordedBefore) {
        List<Long> id = jdbc.queryForList(
                "insert into retention_run (run_date, scheduled, started_by, started_at, last_recorded_before, outcome)"
                        + " values (?, ?, ?, ?, ?, 'RUNNING') on conflict (run_date) where scheduled do nothing"
                        + " returning id",
                Long.class,
                day,
                scheduled,
                startedBy,
                utc(at),
                utc(lastRecordedBefore));
        return id.stream().findFirst();
    }

    void finish(long id, Outcome outcome, Counts counts, Instant at) {
        jdbc.update(
                "update retention_run set outcome = ?, finished_at = ?, erased = ?, already_erased = ?,"
                        + " kept_for_research = ?, nothing_to_erase = ?, not_in_view = ?, failed = ? where id = ?",
                outcome.name(),
                utc(at),
                counts.erased(),
                counts.alreadyErased(),
                counts.keptForResearch(),
                counts.nothingToErase(),
                counts.notInView(),
                counts.failed(),
                id);
    }

    /**
     * Marks the runs still said to be running as interrupted: called by a run that holds the retention lock, so no
     * other run can be going on; these were cut short by a stopped node.
     */
    void interruptUnfinished(Instant at) {
        jdbc.update(
                "update retention_run set outcome = 'INTERRUPTED', finished_at = ? where outcome = 'RUNNING'", utc(at));
    }

    public Optional<Run> find(long id) {
        return jdbc.query("select * from retention_run where id = ?", RetentionRuns::run, id).stream()
                .findFirst();
    }

    /** The newest run, whatever came of it. */
    public Optional<Run> last() {
        return jdbc.query("select * from retention_run order by id desc limit 1", RetentionRuns::run).stream()
                .findFirst();
    }

    /** An instant as the driver writes a timestamptz, whatever the session's time zone. */
    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    private static Run run(ResultSet row, int number) throws SQLException {
        OffsetDateTime finished = row.getObject("finished_at", OffsetDateTime.class);
        return new Run(
                row.getLong("id"),
                row.getObject("run_date", LocalDate.class),
                row.getBoolean("scheduled"),
                row.getString("started_by"),
                row.getObject("started_at", OffsetDateTime.class).toInstant(),
                finished == null ? null : finished.toInstant(),
                row.getObject("last_recorded_before", OffsetDateTime.class).toInstant(),
                Outcome.valueOf(row.getString("outcome")),
                new Counts(
                        row.getInt("erased"),
                        row.getInt("already_erased"),
                        row.getInt("kept_for_research"),
                        row.getInt("nothing_to_erase"),
                        row.getInt("not_in_view"),
                        row.getInt("failed")));
    }
}
