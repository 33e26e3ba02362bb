package se.integrationjourney.api.accesslog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** What auditors and administrators ask of the access log. */
@Component
public class AccessLogQueries {

    /** The most entries one question returns, newest first. */
    public static final int MAX_ENTRIES = 1000;

    private static final String COLUMNS =
            "id, at, username, roles, action, resource, journey_ids, subject, correlation_id from access_log";

    private final JdbcTemplate jdbc;

    public AccessLogQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Everyone who was shown this journey, newest first. */
    public List<AccessEntry> readsOf(UUID journeyId) {
        return jdbc.query(
                "select " + COLUMNS + " where journey_ids @> array[?]::uuid[] order by id desc limit " + MAX_ENTRIES,
                AccessLogQueries::entry,
                journeyId);
    }

    /** Administrative acts (everything that is not a read of a case), newest first. */
    public List<AccessEntry> administrativeActs() {
        return jdbc.query(
                "select " + COLUMNS + " where cardinality(journey_ids) = 0 order by id desc limit " + MAX_ENTRIES,
                AccessLogQueries::entry);
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
