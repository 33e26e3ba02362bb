package se.integrationjourney.api.accesslog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What auditors and administrators ask of the access log. Each question first waits (briefly) for the reads still
 * being written behind on this node, so that an answer includes every read answered before it was asked here, the
 * asker's own among them.
 */
@Component
public class AccessLogQueries {

    /** The most entries one question returns on a page or as JSON, newest first. */
    public static final int MAX_ENTRIES = 1000;

    /** The most entries one CSV export holds, newest first. */
    public static final int MAX_CSV_ENTRIES = 100_000;

    /** How long a question waits for the reads written behind; past it, it answers with what is written. */
    private static final Duration FLUSH_WAIT = Duration.ofSeconds(2);

    private static final String COLUMNS =
            "id, at, username, roles, action, resource, journey_ids, subject, correlation_id from access_log";

    /** Newest first; entries of one moment in the order they were written. */
    private static final String NEWEST_FIRST = " order by at desc, id desc limit ?";

    private final JdbcTemplate jdbc;
    private final AccessLog log;

    AccessLogQueries(JdbcTemplate jdbc, AccessLog log) {
        this.jdbc = jdbc;
        this.log = log;
    }

    /**
     * Entries of one question, newest first.
     *
     * @param capped there were more than {@code entries}: the oldest were left out
     */
    public record Answer(List<AccessEntry> entries, boolean capped) {}

    /** Everyone who was shown this journey, newest first, at most {@link #MAX_ENTRIES}. */
    public List<AccessEntry> readsOf(UUID journeyId) {
        return readsOf(journeyId, MAX_ENTRIES).entries();
    }

    /** Everyone who was shown this journey, newest first, at most {@code limit}. */
    public Answer readsOf(UUID journeyId, int limit) {
        log.flush(FLUSH_WAIT);
        return answer(
                jdbc.query(
                        "select " + COLUMNS + " where journey_ids @> array[?]::uuid[]" + NEWEST_FIRST,
                        AccessLogQueries::entry,
                        journeyId,
                        limit + 1),
                limit);
    }

    /**
     * Everything the account was shown and did from {@code from} (inclusive) to {@code to} (exclusive), newest first,
     * at most {@code limit}: its reads and its administrative acts ({@link AccessAction#kind()}). The username in any
     * case, as at sign-in; an account that never signed in here (or does not exist) simply has none.
     */
    public Answer byAccount(String username, Instant from, Instant to, int limit) {
        log.flush(FLUSH_WAIT);
        return answer(
                jdbc.query(
                        "select " + COLUMNS + " where lower(username) = lower(?) and at >= ? and at < ?" + NEWEST_FIRST,
                        AccessLogQueries::entry,
                        username,
                        OffsetDateTime.ofInstant(from, ZoneOffset.UTC),
                        OffsetDateTime.ofInstant(to, ZoneOffset.UTC),
                        limit + 1),
                limit);
    }

    /** Administrative acts (everything that is not a read of a case), newest first. */
    public List<AccessEntry> administrativeActs() {
        return jdbc.query(
                "select " + COLUMNS + " where cardinality(journey_ids) = 0 order by id desc limit " + MAX_ENTRIES,
                AccessLogQueries::entry);
    }

    private static Answer answer(List<AccessEntry> rows, int limit) {
        return rows.size() > limit ? new Answer(List.copyOf(rows.subList(0, limit)), true) : new Answer(rows, false);
    }

    private static AccessEntry entry(ResultSet row, int n) throws SQLException {
        UUID[] journeys = (UUID[]) row.getArray("journey_ids").getArray();
        return new AccessEntry(
                row.getLong("id"),
                row.getTimestamp("at").toInstant(),
                row.getString("username"),
                row.getString("roles"),
                AccessAction.valueOf(row.getString("action")),
                row.getString("resource"),
                Arrays.asList(journeys),
                row.getString("subject"),
                row.getString("correlation_id"));
    }
}
