package se.integrationjourney.api.accesslog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import se.integrationjourney.api.pages.Messages;
import se.integrationjourney.api.testsupport.ApiClient;
import se.integrationjourney.api.testsupport.ApiTestAccounts;
import se.integrationjourney.api.testsupport.PageSession;
import se.integrationjourney.api.testsupport.Registrations;
import se.integrationjourney.api.testsupport.ServiceOnProxy;
import se.integrationjourney.api.testsupport.TcpProxy;

/**
 * The service whose database takes everything but the access log's entries (the proxy cuts each insert into
 * {@code access_log}): reads are answered while their entries can be kept, up to {@code capacity}; beyond it a read
 * of personal data is refused, 503 {@code access-log-unavailable} through the API and a page saying so, showing
 * nothing; once the database takes the entries again, the kept ones are written and reads are answered again
 * (docs/adr/0018-access-log-written-behind.md).
 */
class AccessLogUnavailableTest {

    private static ServiceOnProxy service;

    @BeforeAll
    static void start() throws Exception {
        service = new ServiceOnProxy(
                "--journey.access-log.capacity=2",
                "--journey.access-log.batch-size=1",
                "--journey.access-log.flush-interval=10ms",
                "--journey.access-log.max-retry-backoff=50ms");
    }

    @AfterAll
    static void stop() throws Exception {
        service.close();
    }

    @Test
    void givenTheAccessLogUnwritable_whenReadsGoBeyondTheBound_thenTheyAreRefusedAndTheKeptOnesWrittenOnceItIsBack() {
        ApiClient admin = ApiClient.as(service.port(), ApiTestAccounts.ADMIN, ApiTestAccounts.ADMIN_PASSWORD);
        ApiClient.Response created =
                admin.post("/api/journeys", Registrations.newcomer(ApiTestAccounts.TOREBODA, "Amal Haddad"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String journey = "/api/journeys/" + created.json().path("journeyId").asString();
        PageSession pages = PageSession.signIn(service.port(), ApiTestAccounts.ADMIN, ApiTestAccounts.ADMIN_PASSWORD);
        MeterRegistry metrics = service.bean(MeterRegistry.class);
        service.proxy()
                .fault((connection, chunk) ->
                        chunk.contains("insert into access_log") ? TcpProxy.Action.CUT_BEFORE : TcpProxy.Action.PASS);

        assertThat(admin.with("X-Correlation-Id", "kept-1").get(journey).status())
                .isEqualTo(200);
        assertThat(admin.with("X-Correlation-Id", "kept-2").get(journey).status())
                .isEqualTo(200);
        await().until(() -> metrics.counter("journey.access.log.write.failures").count() > 0);
        ApiClient.Response refused = admin.with("X-Correlation-Id", "refused").get(journey);
        HttpResponse<String> refusedPage = pages.get(journey.substring("/api".length()), "refused-page");

        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.json().path("type").asString())
                .isEqualTo("urn:integration-journey:problem:access-log-unavailable");
        assertThat(refused.header("Retry-After")).isEqualTo("5");
        assertThat(refused.body()).doesNotContain("Amal");
        assertThat(refusedPage.statusCode()).isEqualTo(503);
        assertThat(refusedPage.body())
                .contains(Messages.swedish("error.accessLogUnavailable"))
                .doesNotContain("Amal");
        assertThat(metrics.get("journey.access.log.refused").counter().count()).isEqualTo(2);
        assertThat(metrics.get("journey.access.log.waiting").gauge().value()).isEqualTo(2);

        service.proxy().fault(null);
        service.bean(AccessLog.class).flush();

        JdbcTemplate jdbc = service.bean(JdbcTemplate.class);
        assertThat(jdbc.queryForList(
                        "select correlation_id from access_log where action = 'JOURNEY_READ' order by at",
                        String.class))
                .containsExactly("kept-1", "kept-2");
        assertThat(admin.get(journey).status()).as("answered again").isEqualTo(200);
        assertThat(metrics.get("journey.access.log.waiting").gauge().value()).isLessThanOrEqualTo(1);
        assertThat(List.of("refused", "refused-page"))
                .noneMatch(id ->
                        jdbc.queryForObject("select count(*) from access_log where correlation_id = ?", Long.class, id)
                                > 0);
    }
}
