package se.integrationjourney.api.accesslog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import se.integrationjourney.api.process.ServiceProcess;
import se.integrationjourney.api.testsupport.ApiClient;
import se.integrationjourney.api.testsupport.Registrations;

/**
 * What the access log keeps of reads answered just before the service ends, with the service as a process of its
 * own. Its writer is set to write only full batches of {@value #BATCH} (the interval is an hour), so that what is
 * written when is decided by counting, not by timing: after a polite stop every read answered is in the log; after
 * {@code kill -9} every read answered before the last write that completed is in it, and only the reads since (fewer
 * than a batch: the bound on what {@code kill -9} loses) are missing (docs/adr/0018-access-log-written-behind.md).
 */
class AccessLogAtShutdownTest {

    private static final int BATCH = 10;
    private static final int READS = 25;
    private static final int WRITTEN_IN_FULL_BATCHES = READS / BATCH * BATCH;

    @Test
    void givenReadsWaitingToBeWritten_whenTheServiceIsStoppedPolitely_thenEveryReadAnsweredIsInTheAccessLog()
            throws Exception {
        try (ServiceProcess service = ServiceProcess.start(onlyFullBatches())) {
            List<String> answered = readJourney(service, "polite");

            int exit = service.stopPolitely();

            assertThat(exit)
                    .as("SIGTERM: the JVM's exit code for it, after the shutdown ran")
                    .isEqualTo(143);
            assertThat(loggedReads(service)).containsExactlyInAnyOrderElementsOf(answered);
        }
    }

    @Test
    void givenAFullBatchWrittenAndSomeReadsWaiting_whenTheServiceIsKilled_thenOnlyTheWaitingOnesAreLost()
            throws Exception {
        try (ServiceProcess service = ServiceProcess.start(onlyFullBatches())) {
            List<String> answered = readJourney(service, "killed");
            await().until(() -> loggedReads(service).size() == WRITTEN_IN_FULL_BATCHES);

            service.kill();

            List<String> logged = loggedReads(service);
            assertThat(logged)
                    .as("every read answered before the last write that completed")
                    .containsExactlyInAnyOrderElementsOf(answered.subList(0, WRITTEN_IN_FULL_BATCHES));
            assertThat(answered.size() - logged.size())
                    .as("lost: the reads since, fewer than a batch")
                    .isEqualTo(READS - WRITTEN_IN_FULL_BATCHES)
                    .isLessThan(BATCH);
        }
    }

    private static String[] onlyFullBatches() {
        return new String[] {"--journey.access-log.flush-interval=1h", "--journey.access-log.batch-size=" + BATCH};
    }

    /** Registers a journey and reads it {@value #READS} times, one after the other; the reads' correlation ids. */
    private static List<String> readJourney(ServiceProcess service, String run) {
        ApiClient admin = service.admin();
        ApiClient.Response created = admin.post("/api/journeys", Registrations.newcomer("1473", "Amal Haddad"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String journeyId = created.json().path("journeyId").asString();
        List<String> answered = new ArrayList<>();
        for (String correlationId :
                IntStream.rangeClosed(1, READS).mapToObj(n -> run + "-" + n).toList()) {
            ApiClient.Response read =
                    admin.with("X-Correlation-Id", correlationId).get("/api/journeys/" + journeyId);
            assertThat(read.status()).as(read.body()).isEqualTo(200);
            answered.add(correlationId);
        }
        return answered;
    }

    /** The correlation ids of the journey reads in the process's access log. */
    private static List<String> loggedReads(ServiceProcess service) throws SQLException {
        try (Connection connection = service.connection();
                PreparedStatement select = connection.prepareStatement(
                        "select correlation_id from access_log where action = 'JOURNEY_READ' order by at");
                ResultSet rows = select.executeQuery()) {
            List<String> ids = new ArrayList<>();
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
            return ids;
        }
    }
}
