package se.integrationjourney.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import se.integrationjourney.core.events.JourneyEvent;
import se.integrationjourney.eventstore.StoredTimestamps;
import se.integrationjourney.projections.casefile.CaseFile;
import se.integrationjourney.projections.casefile.CaseFileFold;
import se.integrationjourney.projections.casefile.CaseFileProjection;
import se.integrationjourney.projections.casefile.CaseFileTables;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rebuild benchmark's hand-written baseline: what a competent engineer writes without a framework to fill
 * the three journey-keyed views from the event store. One JDBC cursor over {@code domain_event_entry} in global
 * order, Jackson deserializing each payload, each event folded once into its journey's case file held in memory
 * (shared by the three views, which is more than the real views can do: they are independent processors), and
 * each journey's three rows written once at the end with the views' own upserts, into copies of the views'
 * tables. No tokens, no dead letters, no segments, no live view serving meanwhile.
 */
final class HandWrittenReplay {

    /** Suffix of the copies it writes into (dropped afterwards). */
    private static final String TABLE_SUFFIX = "__handwritten";

    private static final int FETCH_SIZE = 5_000;

    private HandWrittenReplay() {}

    /** Replays every event into copies of the views' tables; returns the events read and the nanoseconds taken. */
    static Result run(ApplicationContext application, Map<String, String> viewTables) throws SQLException {
        JdbcTemplate jdbc = application.getBean(JdbcTemplate.class);
        Map<String, CaseFileProjection> projections = new LinkedHashMap<>();
        application
                .getBeansOfType(CaseFileProjection.class)
                .values()
                .forEach(projection -> projections.put(projection.name(), projection));
        viewTables.values().forEach(table -> jdbc.execute("drop table if exists " + table + TABLE_SUFFIX));
        viewTables
                .values()
                .forEach(table ->
                        jdbc.execute("create table " + table + TABLE_SUFFIX + " (like " + table + " including all)"));
        try {
            long started = System.nanoTime();
            Map<UUID, CaseFile> files = new HashMap<>();
            long events = fold(jdbc, files);
            new TransactionTemplate(application.getBean(PlatformTransactionManager.class))
                    .executeWithoutResult(status -> viewTables.forEach((view, table) ->
                            CaseFileTables.write(projections.get(view), jdbc, table + TABLE_SUFFIX, files.values())));
            return new Result(events, files.size(), System.nanoTime() - started);
        } finally {
            viewTables.values().forEach(table -> jdbc.execute("drop table if exists " + table + TABLE_SUFFIX));
        }
    }

    private static long fold(JdbcTemplate jdbc, Map<UUID, CaseFile> files) throws SQLException {
        JsonMapper json = JsonMapper.builder().build();
        Map<String, Class<?>> payloadTypes = new HashMap<>();
        Function<String, Class<?>> payloadType = name -> {
            try {
                return Class.forName(name);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("unknown payload type " + name, e);
            }
        };
        long events = 0;
        try (Connection connection = jdbc.getDataSource().getConnection()) {
            connection.setAutoCommit(false); // a server-side cursor, FETCH_SIZE rows at a time
            try (PreparedStatement select = connection.prepareStatement("select event_identifier, sequence_number,"
                    + " payload_type, payload, time_stamp from domain_event_entry order by global_index")) {
                select.setFetchSize(FETCH_SIZE);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        Class<?> type = payloadTypes.computeIfAbsent(rows.getString(3), payloadType);
                        JourneyEvent event = (JourneyEvent) json.readValue(rows.getBytes(4), type);
                        CaseFile file = files.computeIfAbsent(event.journeyId(), CaseFile::of);
                        CaseFileFold.apply(
                                file,
                                event,
                                rows.getString(1),
                                rows.getLong(2),
                                StoredTimestamps.parse(rows.getString(5)));
                        events++;
                    }
                }
            }
            connection.commit();
        }
        return events;
    }

    record Result(long events, int journeys, long nanos) {

        double eventsPerSecond() {
            return events / (nanos / 1e9);
        }
    }
}
