package se.integrationjourney.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import se.integrationjourney.projections.testsupport.ThrowawayDatabase;
import tools.jackson.databind.JsonNode;

/**
 * The image the build wrote ({@code target/integration-journey-image.tar}), checked as a container runtime uses it:
 * the OCI archive read, its layers applied in order into a root directory, its configuration checked, and the
 * service started from that root as the image's user with nothing but environment variables, against a throwaway
 * database on the local PostgreSQL (docs/operations.md, "Running in an image").
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImageIT {

    private static final Path TARGET = Path.of("target").toAbsolutePath();
    private static final String MAIN_CLASS = "se.integrationjourney.api.JourneyApplication";
    private static final Instant JIB_FILES_TIME = Instant.EPOCH.plusSeconds(1);
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Instant created = Instant.parse(System.getProperty("image.created"));
    private final ThrowawayDatabase database = ThrowawayDatabase.named();
    private OciArchive image;
    private Path root;

    @BeforeAll
    void unpack() {
        image = OciArchive.open(Path.of(System.getProperty("image.tar")), TARGET.resolve("image-archive"));
        root = image.unpackLayers(TARGET.resolve("image-root"));
    }

    @AfterAll
    void dropTheDatabase() throws Exception {
        database.destroy();
    }

    @Test
    void givenTheImage_whenItsConfigurationIsRead_thenItRunsTheServiceOnPort8080AsAUserWhoIsNotRoot()
            throws IOException {
        JsonNode configuration = image.configuration();
        JsonNode config = configuration.path("config");

        String user = config.path("User").asString();
        assertThat(user).matches("[0-9]+:[0-9]+");
        String uid = user.substring(0, user.indexOf(':'));
        assertThat(uid).isNotEqualTo("0");
        assertThat(Files.readAllLines(root.resolve("etc/passwd")))
                .anySatisfy(entry -> assertThat(entry.split(":")[2]).isEqualTo(uid));
        List<String> entrypoint = new ArrayList<>();
        config.path("Entrypoint").forEach(word -> entrypoint.add(word.asString()));
        assertThat(entrypoint).first().isEqualTo("java");
        assertThat(entrypoint).containsSubsequence("-cp", "@/app/jib-classpath-file", MAIN_CLASS);
        assertThat(root.resolve("opt/java/bin/java")).isExecutable();
        assertThat(config.path("Env").toString()).contains("PATH=/opt/java/bin");
        assertThat(config.path("ExposedPorts").has("8080/tcp")).isTrue();
        assertThat(configuration.path("architecture").asString()).isEqualTo("amd64");
        assertThat(Instant.parse(configuration.path("created").asString())).isEqualTo(created);
        assertThat(image.layerMediaTypes())
                .isNotEmpty()
                .allMatch("application/vnd.oci.image.layer.v1.tar+gzip"::equals);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("tmp"))))
                .isEqualTo("rwxrwxrwx");
    }

    @Test
    void givenTheLayers_whenUnpacked_thenTheyHoldTheServiceAtAFixedTimeAndNothingOfTheTests() throws IOException {
        List<String> libraries;
        try (Stream<Path> jars = Files.list(root.resolve("app/libs"))) {
            libraries = jars.map(jar -> jar.getFileName().toString()).sorted().toList();
        }
        assertThat(libraries)
                .anyMatch(jar -> jar.startsWith("journey-api-") && jar.endsWith("-classes.jar"))
                .anyMatch(jar -> jar.startsWith("journey-core-"))
                .noneMatch(jar -> jar.endsWith("-tests.jar")
                        || jar.matches("(junit|assertj|mockito|awaitility|selenium|archunit|spring-boot-test|"
                                + "spring-test|axon-test|hamcrest).*"));
        for (String ours :
                libraries.stream().filter(jar -> jar.startsWith("journey-")).toList()) {
            try (JarFile jar =
                    new JarFile(root.resolve("app/libs").resolve(ours).toFile())) {
                assertThat(jar.stream().map(entry -> entry.getName()))
                        .as(ours)
                        .noneMatch(name -> name.endsWith("Test.class")
                                || name.endsWith("IT.class")
                                || name.contains("/testsupport/"));
            }
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.toList()) {
                assertThat(path.getFileName().toString()).as("a whiteout").doesNotStartWith(".wh.");
                if (Files.isRegularFile(path)) {
                    // The build's files at the project's fixed time, the files Jib writes itself at its own.
                    assertThat(Files.getLastModifiedTime(path).toInstant())
                            .as("%s's time", path)
                            .isIn(created, JIB_FILES_TIME);
                }
            }
        }
    }

    @Test
    void givenTheUnpackedImage_whenStartedWithOnlyEnvironmentVariables_thenItServesHealthAndSignInAsItsUser()
            throws Exception {
        int port = freePort();
        byte[] masterKey = new byte[32];
        new SecureRandom().nextBytes(masterKey);
        UnpackedContainer service = UnpackedContainer.start(
                root,
                image.configuration(),
                Map.of(
                        "JOURNEY_DB_URL", database.url(),
                        "JOURNEY_DB_USER", database.user(),
                        "JOURNEY_DB_PASSWORD", database.password(),
                        "JOURNEY_MASTER_KEY", Base64.getEncoder().encodeToString(masterKey),
                        "JOURNEY_ADMIN_PASSWORD", "the image's admin password",
                        "SERVER_PORT", String.valueOf(port),
                        // The shared PostgreSQL has 100 connections for every test at once.
                        "SPRING_DATASOURCE_HIKARI_MINIMUMIDLE", "1"),
                TARGET.resolve("image-service.log"));
        try {
            // A guard against a hang, not a measure of speed.
            await().atMost(Duration.ofMinutes(5))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> {
                        assertThat(service.isAlive())
                                .as("the service ended while starting; %s", service.tail())
                                .isTrue();
                        return answers(port, "/actuator/health");
                    });

            assertThat(get(port, "/actuator/health").body()).contains("\"status\":\"UP\"");
            assertThat(get(port, "/actuator/health/liveness").body()).contains("\"status\":\"UP\"");
            assertThat(get(port, "/actuator/health/readiness").body()).contains("\"status\":\"UP\"");
            HttpResponse<String> signIn = get(port, "/signin");
            assertThat(signIn.statusCode()).isEqualTo(200);
            assertThat(signIn.body()).contains("name=\"username\"", "name=\"password\"");
            String user = image.configuration().path("config").path("User").asString();
            assertThat(service.userId()).isEqualTo(Integer.parseInt(user.substring(0, user.indexOf(':'))));

            // SIGTERM, as a runtime stops a container: the JVM's exit after Spring's graceful shutdown (128 + 15).
            assertThat(service.stop()).as(service.tail()).isEqualTo(143);
        } finally {
            if (service.isAlive()) {
                service.kill();
            }
        }
    }

    private static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Whether the path answers 200; not yet listening is a no. */
    private static boolean answers(int port, String path) throws InterruptedException {
        try {
            return get(port, path).statusCode() == 200;
        } catch (IOException notYet) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
