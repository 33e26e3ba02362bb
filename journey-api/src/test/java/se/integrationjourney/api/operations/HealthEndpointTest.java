package se.integrationjourney.api.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = "journey.admin-password=admin password for tests")
class HealthEndpointTest {

    private static final String ADMIN = "Basic "
            + java.util.Base64.getEncoder()
                    .encodeToString("admin:admin password for tests".getBytes(java.nio.charset.StandardCharsets.UTF_8));

    @LocalServerPort
    int port;

    @Test
    void givenAnAdmin_whenAskingHealth_thenUpWithTheDatabaseAndTheEventProcessorsChecked() throws Exception {
        HttpResponse<String> response = health(ADMIN);

        JsonNode health = JsonMapper.builder().build().readTree(response.body());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(health.path("status").asString()).isEqualTo("UP");
        assertThat(health.path("components").path("db").path("status").asString())
                .isEqualTo("UP");
        assertThat(health.path("components")
                        .path("db")
                        .path("details")
                        .path("database")
                        .asString())
                .isEqualTo("PostgreSQL");
        assertThat(health.path("components").path("projections").path("status").asString())
                .isEqualTo("UP");
        JsonNode projections = health.path("components").path("projections").path("details");
        assertThat(projections.path("journey-state").has("lag")).isTrue();
        String node = projections.path("node").asString();
        assertThat(node)
                .as("the default name, host and port (random here: the pid instead)")
                .contains(":pid");
        assertThat(projections.path("nodes").values())
                .extracting(JsonNode::asString)
                .containsExactly(node);
    }

    @Test
    void givenAnAdmin_whenAskingHealth_thenEachSegmentNamesThisNodeAsItsOwner() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode projections = JsonMapper.builder()
                    .build()
                    .readTree(health(ADMIN).body())
                    .path("components")
                    .path("projections")
                    .path("details");
            assertThat(projections.path("journey-state").path("segments").values())
                    .isNotEmpty()
                    .allSatisfy(segment -> assertThat(segment.path("owner").asString())
                            .isEqualTo(projections.path("node").asString()));
        });
    }

    @Test
    void givenNoCredentials_whenAskingHealth_thenOnlyTheOverallStatus() throws Exception {
        HttpResponse<String> response = health(null);

        JsonNode health = JsonMapper.builder().build().readTree(response.body());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(health.path("status").asString()).isEqualTo("UP");
        assertThat(health.has("components")).isFalse();
    }

    @Test
    void givenNoCredentials_whenAnOrchestratorProbesLivenessAndReadiness_thenBothAreUp() throws Exception {
        for (String probe : new String[] {"/liveness", "/readiness"}) {
            HttpResponse<String> response = health(null, probe);

            assertThat(response.statusCode()).as(probe).isEqualTo(200);
            assertThat(JsonMapper.builder()
                            .build()
                            .readTree(response.body())
                            .path("status")
                            .asString())
                    .as(probe)
                    .isEqualTo("UP");
        }
    }

    private HttpResponse<String> health(String authorization) throws Exception {
        return health(authorization, "");
    }

    private HttpResponse<String> health(String authorization, String group) throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health" + group));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
