package se.integrationjourney.api.accesslog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import se.integrationjourney.api.testsupport.TcpProxy;
import se.integrationjourney.api.web.ApiTestBase;
import se.integrationjourney.api.web.Problems;

/**
 * The access log's writer on its own, on the test database's {@code access_log}: entries keep the moment of their
 * read, a full batch is written without waiting for the interval, what waits is written before the stop returns,
 * and while the database refuses the entries are kept up to the bound, a read beyond it is refused, and all are
 * written, in order, once the database is back. Each test writes as an account of its own, so that it counts only
 * its own entries in the table the other test classes share.
 */
class AccessLogWriterTest extends ApiTestBase {

    /** Long enough that nothing in a test is written for the interval's sake: only a full batch, a flush or a stop. */
    private static final Duration NEVER = Duration.ofHours(1);

    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private AccessLogWriter writer;
    private TcpProxy proxy;

    @AfterEach
    void stop() throws Exception {
        if (writer != null) {
            writer.stop();
        }
        if (proxy != null) {
            proxy.close();
        }
    }

    @Test
    void givenAReadQueued_whenFlushedLater_thenItsEntryKeepsTheMomentOfTheReadAndTheCorrelationAndActor() {
        AccessLog log = new AccessLog(jdbc, started(jdbc, NEVER, 10, 20));
        String reader = reader();
        UUID journey = UUID.randomUUID();

        Instant before = Instant.now();
        log.journeyRead(new Actor(reader, "CASEWORKER"), AccessAction.JOURNEY_READ, "GET /test/{id}", journey);
        Instant after = Instant.now();
        assertThat(entriesOf(reader)).as("not written before the flush").isZero();
        awaitTheClockPast(after);

        log.flush();

        Map<String, Object> row = jdbc.queryForMap(
                "select at, roles, action, resource, journey_ids::text as journeys from access_log where username = ?",
                reader);
        Instant at = ((Timestamp) row.get("at")).toInstant();
        assertThat(at).as("the moment of the read, before the insert").isBetween(before, after);
        assertThat(row)
                .containsEntry("roles", "CASEWORKER")
                .containsEntry("action", "JOURNEY_READ")
                .containsEntry("resource", "GET /test/{id}")
                .containsEntry("journeys", "{" + journey + "}");
    }

    @Test
    void givenAFullBatchWaiting_whenNobodyFlushes_thenItIsWrittenAtOnceAndTheRestWaits() {
        writer = started(jdbc, NEVER, 3, 20);
        String reader = reader();

        for (int i = 0; i < 5; i++) {
            writer.add(entry(reader, i));
        }

        await().until(() -> entriesOf(reader) == 3);
        assertThat(writer.waitingCount())
                .as("two, fewer than a batch, wait for the interval")
                .isEqualTo(2);
        writer.flush();
        assertThat(entriesOf(reader)).isEqualTo(5);
        assertThat(writer.waitingCount()).isZero();
        assertThat(metrics.get("journey.access.log.write.entries").summary().max())
                .isEqualTo(3);
    }

    @Test
    void givenEntriesWaiting_whenTheWriterStops_thenTheyAreWrittenBeforeTheStopReturnsAndLaterOnesAtOnce() {
        writer = started(jdbc, NEVER, 10, 20);
        String reader = reader();
        writer.add(entry(reader, 1));
        writer.add(entry(reader, 2));

        writer.stop();

        assertThat(entriesOf(reader)).isEqualTo(2);
        writer.add(entry(reader, 3));
        assertThat(entriesOf(reader))
                .as("written on the caller's thread once stopped")
                .isEqualTo(3);
    }

    @Test
    void
            givenTheDatabaseRefusing_whenReadsComeBeyondTheBound_thenTheyAreRefusedAndTheKeptOnesWrittenInOrderOnceItIsBack()
                    throws Exception {
        writer = started(throughProxy(), Duration.ofMillis(10), 2, 3);
        proxy.refuse(true);
        String reader = reader();
        for (int i = 1; i <= 3; i++) {
            writer.add(entry(reader, i));
        }
        await().until(() -> metrics.counter("journey.access.log.write.failures").count() > 0);

        assertThatThrownBy(() -> writer.add(entry(reader, 4)))
                .isInstanceOfSatisfying(
                        AccessLogUnavailable.class,
                        refused -> assertThat(refused.problem().getType())
                                .isEqualTo(Problems.ACCESS_LOG_UNAVAILABLE.type()));
        assertThat(metrics.counter("journey.access.log.refused").count()).isEqualTo(1);
        assertThat(metrics.get("journey.access.log.waiting").gauge().value()).isEqualTo(3);
        assertThat(entriesOf(reader)).isZero();

        proxy.refuse(false);
        writer.flush();

        assertThat(jdbc.queryForList(
                        "select subject from access_log where username = ? order by id", String.class, reader))
                .containsExactly("1", "2", "3");
        writer.add(entry(reader, 5));
        writer.flush();
        assertThat(entriesOf(reader)).isEqualTo(4);
    }

    @Test
    void givenTheDatabaseRefusingAtShutdown_whenTheStopHasWaitedItsTime_thenItGivesUpAndAFlushSaysSo()
            throws Exception {
        writer = new AccessLogWriter(
                throughProxy(),
                new AccessLogSettings(NEVER, 10, 20, Duration.ofMillis(20), Duration.ofMillis(200)),
                metrics);
        writer.start();
        proxy.refuse(true);
        writer.add(entry(reader(), 1));

        writer.stop();

        assertThat(writer.isRunning()).isFalse();
        assertThatThrownBy(writer::flush).isInstanceOf(IllegalStateException.class);
        assertThat(writer.flush(Duration.ofSeconds(1))).isFalse();
    }

    private AccessLogWriter started(JdbcTemplate target, Duration interval, int batchSize, int capacity) {
        writer = new AccessLogWriter(
                target,
                new AccessLogSettings(interval, batchSize, capacity, Duration.ofMillis(50), Duration.ofSeconds(30)),
                metrics);
        writer.start();
        return writer;
    }

    /** The test database through a proxy the test can make refuse every connection. */
    private JdbcTemplate throughProxy() throws Exception {
        String url = jdbc.execute((ConnectionCallback<String>)
                connection -> connection.getMetaData().getURL());
        URI server = URI.create(url.substring("jdbc:".length()));
        proxy = new TcpProxy(server.getHost(), server.getPort() < 0 ? 5432 : server.getPort());
        String user = jdbc.execute((ConnectionCallback<String>)
                connection -> connection.getMetaData().getUserName());
        DriverManagerDataSource direct = new DriverManagerDataSource(
                "jdbc:postgresql://127.0.0.1:" + proxy.port() + server.getPath() + "?connectTimeout=2", user, "");
        return new JdbcTemplate(direct);
    }

    private static AccessLogWriter.Entry entry(String reader, int number) {
        return new AccessLogWriter.Entry(
                Instant.now(),
                new Actor(reader, "CASEWORKER"),
                AccessAction.JOURNEY_READ,
                "GET /test/{id}",
                List.of(UUID.randomUUID()),
                String.valueOf(number),
                "test-" + number);
    }

    private static String reader() {
        return "writer-test-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private long entriesOf(String reader) {
        return jdbc.queryForObject("select count(*) from access_log where username = ?", Long.class, reader);
    }
}
