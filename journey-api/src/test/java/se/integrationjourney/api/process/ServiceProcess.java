package se.integrationjourney.api.process;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import org.awaitility.core.ConditionTimeoutException;
import se.integrationjourney.api.JourneyApplication;
import se.integrationjourney.api.testsupport.ApiClient;
import se.integrationjourney.api.testsupport.ApiTestAccounts;
import se.integrationjourney.projections.testsupport.ThrowawayDatabase;

/**
 * The service as a process of its own, as it runs in production: a separate JVM running
 * {@link JourneyApplication}'s {@code main} on a free port, on a {@link ThrowawayDatabase} of its own (or one that
 * several processes share, for tests of several nodes), its {@code admin} account's password set through
 * {@code JOURNEY_ADMIN_PASSWORD} as an operator would. A test can stop it politely ({@link #stopPolitely}: SIGTERM,
 * Spring's graceful shutdown) or kill it ({@link #kill}: SIGKILL on Linux, as {@code kill -9}), then look at what
 * it left in the database.
 *
 * <p>Its class path is the test JVM's ({@code java.class.path}, expanded where Surefire hands it over in a jar's
 * manifest) less the tests' own classes and resources: the process runs the service's code and configuration only,
 * not the tests' (their {@code application.properties}, their views, their migrations). Its output goes to a file
 * under {@code target/service-processes}, named in every failure to start.
 */
public final class ServiceProcess implements AutoCloseable {

    public static final String MAIN_CLASS = JourneyApplication.class.getName();
    public static final String ADMIN_PASSWORD = ApiTestAccounts.ADMIN_PASSWORD;

    /** How long a start may take before the test gives up: a guard against a hang, not a measure of speed. */
    private static final Duration START_LIMIT = Duration.ofMinutes(5);

    private static final Duration STOP_LIMIT = Duration.ofMinutes(2);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final int port;
    private final ThrowawayDatabase database;
    private final boolean ownDatabase;
    private final Path log;

    private ServiceProcess(Process process, int port, ThrowawayDatabase database, boolean ownDatabase, Path log) {
        this.process = process;
        this.port = port;
        this.database = database;
        this.ownDatabase = ownDatabase;
        this.log = log;
    }

    /**
     * Starts the service on a database of its own, dropped at {@link #close}, and waits until
     * {@code /actuator/health} answers 200.
     *
     * @param arguments Spring arguments on top of the defaults, e.g. {@code --journey.access-log.batch-size=10}
     */
    public static ServiceProcess start(String... arguments) {
        return start(ThrowawayDatabase.named(), true, arguments);
    }

    /** As {@link #start(String...)}, on a database that other processes may share; it is not dropped at close. */
    public static ServiceProcess startOn(ThrowawayDatabase shared, String... arguments) {
        return start(shared, false, arguments);
    }

    private static ServiceProcess start(ThrowawayDatabase database, boolean ownDatabase, String... arguments) {
        int port = freePort();
        Path log = Path.of("target", "service-processes", STAMP.format(LocalDateTime.now()) + "-" + port + ".log")
                .toAbsolutePath();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-XX:+UseSerialGC",
                "-Daxoniq.update-checker.disabled=true",
                "-cp",
                serviceClassPath(),
                MAIN_CLASS,
                "--spring.main.banner-mode=off",
                // The PostgreSQL the tests share has 100 connections for every test context and process at once:
                // the pool opens connections as they are needed, as the test contexts' pools do.
                "--spring.datasource.hikari.minimum-idle=1"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("JOURNEY_DB_URL", database.url());
        builder.environment().put("JOURNEY_DB_USER", database.user());
        builder.environment().put("JOURNEY_DB_PASSWORD", database.password());
        builder.environment().put("SERVER_PORT", String.valueOf(port));
        builder.environment().put("JOURNEY_ADMIN_PASSWORD", ADMIN_PASSWORD);
        Process process;
        try {
            Files.createDirectories(log.getParent());
            process = builder.start();
        } catch (IOException cannotStart) {
            throw new UncheckedIOException(cannotStart);
        }
        ServiceProcess service = new ServiceProcess(process, port, database, ownDatabase, log);
        service.awaitHealthy();
        return service;
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public ThrowawayDatabase database() {
        return database;
    }

    /** The file the process writes its output to. */
    public Path log() {
        return log;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** A client signed in (HTTP Basic) as the {@code admin} account the process created at its first start. */
    public ApiClient admin() {
        return ApiClient.as(port, ApiTestAccounts.ADMIN, ADMIN_PASSWORD);
    }

    /** A connection to the process's database, for checks from outside it (also after it died). */
    public Connection connection() throws SQLException {
        Properties credentials = new Properties();
        credentials.setProperty("user", database.user());
        if (!database.password().isEmpty()) {
            credentials.setProperty("password", database.password());
        }
        return DriverManager.getConnection(database.url(), credentials);
    }

    /**
     * SIGTERM, as an orchestrator stops a service: Spring's graceful shutdown runs (requests in flight finish, the
     * lifecycle beans stop, the pool closes). Waits for the process to end and returns its exit code.
     */
    public int stopPolitely() {
        process.destroy();
        return awaitExit();
    }

    /** SIGKILL ({@code kill -9} on Linux): the process ends at once, running nothing more. */
    public int kill() {
        process.destroyForcibly();
        return awaitExit();
    }

    /** Kills the process if it still runs, and drops its database if it is its own. */
    @Override
    public void close() throws SQLException {
        if (process.isAlive()) {
            kill();
        }
        if (ownDatabase) {
            database.destroy();
        }
    }

    private int awaitExit() {
        try {
            if (!process.waitFor(STOP_LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("the service did not end within " + STOP_LIMIT + "; its output: " + log);
            }
            return process.exitValue();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    private void awaitHealthy() {
        try {
            await().atMost(START_LIMIT).pollInterval(Duration.ofMillis(250)).until(() -> {
                if (!process.isAlive()) {
                    throw new AssertionError("the service ended with " + process.exitValue()
                            + " while starting; its output: " + log + "\n" + tail());
                }
                return healthy();
            });
        } catch (ConditionTimeoutException notHealthy) {
            process.destroyForcibly();
            throw new AssertionError("the service was not healthy within " + START_LIMIT + "; its output: " + log);
        }
    }

    private boolean healthy() {
        try {
            HttpResponse<Void> health = HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                            .timeout(Duration.ofSeconds(5))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            return health.statusCode() == 200;
        } catch (IOException notYet) {
            return false;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException unreadable) {
            return "(the output could not be read)";
        }
    }

    /** The test JVM's class path less the tests' own classes, Surefire's manifest-only jar expanded. */
    static String serviceClassPath() {
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            entries.addAll(expanded(entry));
        }
        return String.join(
                File.pathSeparator,
                entries.stream().filter(entry -> !testsOnly(entry)).toList());
    }

    /** Surefire runs the tests from a jar holding nothing but the class path, in its manifest. */
    private static List<String> expanded(String entry) {
        Path path = Path.of(entry);
        if (!path.getFileName().toString().startsWith("surefirebooter") || !entry.endsWith(".jar")) {
            return List.of(entry);
        }
        try (JarFile jar = new JarFile(path.toFile())) {
            String classPath = jar.getManifest().getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
            List<String> entries = new ArrayList<>();
            URI base = path.toAbsolutePath().getParent().toUri();
            for (String item : classPath.split(" ")) {
                if (!item.isBlank()) {
                    entries.add(Path.of(base.resolve(item)).toString());
                }
            }
            return entries;
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    private static boolean testsOnly(String entry) {
        Path path = Path.of(entry).normalize();
        String name = path.getFileName() == null ? "" : path.getFileName().toString();
        return name.equals("test-classes") || name.endsWith("-tests.jar");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException none) {
            throw new UncheckedIOException(none);
        }
    }
}
