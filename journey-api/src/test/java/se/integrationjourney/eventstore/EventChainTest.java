package se.integrationjourney.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import se.integrationjourney.projections.testsupport.ThrowawayDatabase;

/**
 * The chain as the database keeps it, against {@link EventChain}, the same definition in Java: the migration's
 * links for events stored before it, and the trigger's for events inserted after without one, one at a time, several in one
 * statement and in one batch. Rows with nulls, empty bytes and text beyond ASCII,
 * so that every branch of the definition is compared. On a database of its own, without the service: the event store's
 * first migration, rows inserted by hand, then V7_3 and V7_9 run as Flyway would run them.
 */
class EventChainTest {

    /** The chain's migrations, in Flyway's order: the trigger, then the trigger filling only a link left out. */
    private static final List<String> CHAIN_MIGRATIONS = List.of(
            "se/integrationjourney/eventstore/V7_3__event_hash_chain.sql",
            "se/integrationjourney/eventstore/V7_9__event_hash_chain_links_from_the_event_store.sql");

    private ThrowawayDatabase database;
    private JdbcTemplate jdbc;
    private AxonTables tables;
    private DriverManagerDataSource dataSource;

    @BeforeEach
    void storeBeforeTheChain() throws SQLException {
        database = ThrowawayDatabase.named();
        try (Connection maintenance = database.maintenanceConnection();
                Statement create = maintenance.createStatement()) {
            create.execute("create database \"" + database.name() + "\"");
        }
        dataSource = new DriverManagerDataSource(database.url(), database.user(), database.password());
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:se/integrationjourney/eventstore")
                .target("1")
                .load()
                .migrate();
        jdbc = new JdbcTemplate(dataSource);
        tables = new AxonTables(jdbc);
    }

    @AfterEach
    void drop() throws SQLException {
        database.destroy();
    }

    @Test
    void givenEventsStoredBeforeTheMigration_whenItRuns_thenEveryChainIsTheOneJavaComputes() throws Exception {
        String journey = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        // Interleaved, as journeys' events are; one journey's events stored out of sequence order.
        insert(journey, 0, "{\"fullName\":\"Åsa Öberg\"}", "{\"recordedBy\":\"cw\"}", "Journey", "1");
        insert(other, 0, "{}", null, "Journey", "1");
        insert(other, 2, "", "{}", null, null);
        insert(journey, 1, "ሳባ", null, "Journey", "1");
        insert(other, 1, "{\"x\":1}", "{}", "Journey", "");
        String notAnAggregates = UUID.randomUUID().toString();
        insert(notAnAggregates, 0, "{}", null, null, "1");

        migrate();

        Map<String, List<ChainedEvent>> chains = chains();
        assertThat(chains).containsOnlyKeys(journey, other, notAnAggregates);
        chains.forEach((aggregate, events) -> assertIntact(aggregate, events));
        assertThat(jdbc.queryForObject(
                        "select is_nullable from information_schema.columns"
                                + " where table_name = 'domain_event_entry' and column_name = 'chain_hash'",
                        String.class))
                .isEqualTo("NO");
    }

    @Test
    void givenTheMigratedStore_whenEventsAreInsertedOneByOneInOneStatementAndInABatch_thenEachChainsToItsPredecessor()
            throws Exception {
        String journey = UUID.randomUUID().toString();
        insert(journey, 0, "{}", null, "Journey", "1");
        migrate();

        insert(journey, 1, "{\"one\":1}", "{}", "Journey", "1");
        jdbc.update("insert into domain_event_entry (event_identifier, type, aggregate_identifier, sequence_number,"
                + " time_stamp, payload_type, payload_revision, payload, meta_data) values"
                + " (gen_random_uuid()::text, 'Journey', '" + journey + "', 2, '2026-12-07T10:00:02.000Z', 'T', '1',"
                + " convert_to('two', 'UTF8'), null),"
                + " (gen_random_uuid()::text, 'Journey', '" + journey + "', 3, '2026-12-07T10:00:03.000Z', 'T', null,"
                + " '\\x'::bytea, convert_to('{}', 'UTF8'))");
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement batch = connection.prepareStatement(insertSql())) {
                for (long sequence = 4; sequence < 8; sequence++) {
                    bind(batch, journey, sequence, "{\"n\":" + sequence + "}", null, "Journey", "1");
                    batch.addBatch();
                }
                batch.executeBatch();
            }
            connection.commit();
        }
        // A link an insert brings stands since V7_9 (the event store brings the right one); a wrong one is a break.
        jdbc.update("insert into domain_event_entry (event_identifier, type, aggregate_identifier, sequence_number,"
                + " time_stamp, payload_type, payload_revision, payload, meta_data, chain_hash) values"
                + " (gen_random_uuid()::text, 'Journey', '" + journey + "', 8, '2026-12-07T10:00:08.000Z', 'T', '1',"
                + " convert_to('{}', 'UTF8'), null, '\\xdeadbeef')");

        List<ChainedEvent> events = tables.chainOf(journey);
        assertThat(events).extracting(ChainedEvent::sequenceNumber).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
        assertIntact(journey, events.subList(0, 8));
        assertThat(EventChain.hex(events.get(8).chainHash())).isEqualTo("deadbeef");
    }

    @Test
    void givenTheMigratedStore_whenTheWholeStoreIsVerified_thenEveryEventIsCheckedAcrossPages() throws Exception {
        migrate();
        List<String> journeys = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement batch = connection.prepareStatement(insertSql())) {
            for (int j = 0; j < 150; j++) {
                journeys.add(UUID.randomUUID().toString());
            }
            // More events than a page, journeys interleaved, so that chains cross pages.
            for (int sequence = 0; sequence < 15; sequence++) {
                for (String journey : journeys) {
                    bind(batch, journey, sequence, "{\"s\":" + sequence + "}", "{}", "Journey", "1");
                    batch.addBatch();
                }
            }
            batch.executeBatch();
        }
        ChainVerification verification = new ChainVerification(tables, new DataSourceTransactionManager(dataSource));
        List<long[]> progress = new ArrayList<>();

        ChainVerification.StoreReport report =
                verification.verifyStore((events, total) -> progress.add(new long[] {events, total}));

        assertThat(report.intact()).isTrue();
        assertThat(report.events()).isEqualTo(2_250);
        assertThat(report.aggregates()).isEqualTo(150);
        assertThat(progress.get(0)).containsExactly(0, 2_250);
        assertThat(progress.get(progress.size() - 1)).containsExactly(2_250, 2_250);
        assertThat(progress).hasSizeGreaterThan(2);
    }

    private void migrate() throws IOException, SQLException {
        for (String migration : CHAIN_MIGRATIONS) {
            String script;
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(migration)) {
                assertThat(in).as(migration).isNotNull();
                script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            // As Flyway runs a migration: in one transaction.
            try (Connection connection = dataSource.getConnection();
                    Statement statement = connection.createStatement()) {
                connection.setAutoCommit(false);
                statement.execute(script);
                connection.commit();
            }
        }
    }

    private Map<String, List<ChainedEvent>> chains() {
        Map<String, List<ChainedEvent>> chains = new LinkedHashMap<>();
        for (String aggregate :
                jdbc.queryForList("select distinct aggregate_identifier from domain_event_entry", String.class)) {
            chains.put(aggregate, tables.chainOf(aggregate));
        }
        return chains;
    }

    private static void assertIntact(String aggregate, List<ChainedEvent> events) {
        ChainWalk walk = new ChainWalk(aggregate);
        for (ChainedEvent event : events) {
            assertThat(walk.next(event))
                    .as(
                            "%s: %s",
                            aggregate,
                            walk.broken() == null ? "" : walk.broken().describe())
                    .isTrue();
        }
        assertThat(walk.intactEvents()).isEqualTo(events.size());
    }

    private void insert(String aggregate, long sequence, String payload, String metaData, String type, String revision)
            throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(insertSql())) {
            bind(insert, aggregate, sequence, payload, metaData, type, revision);
            insert.executeUpdate();
        }
    }

    private static String insertSql() {
        return "insert into domain_event_entry (event_identifier, type, aggregate_identifier, sequence_number,"
                + " time_stamp, payload_type, payload_revision, payload, meta_data) values (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    }

    private static void bind(
            PreparedStatement insert,
            String aggregate,
            long sequence,
            String payload,
            String metaData,
            String type,
            String revision)
            throws SQLException {
        insert.setString(
                1, sequence == 0 && type == null ? aggregate : UUID.randomUUID().toString());
        insert.setString(2, type);
        insert.setString(3, aggregate);
        insert.setLong(4, sequence);
        insert.setString(5, "2026-12-07T10:00:0" + (sequence % 10) + ".000Z");
        insert.setString(6, "se.integrationjourney.core.events.Händelse");
        insert.setString(7, revision);
        insert.setBytes(8, payload.getBytes(StandardCharsets.UTF_8));
        insert.setBytes(9, metaData == null ? null : metaData.getBytes(StandardCharsets.UTF_8));
    }
}
