package se.integrationjourney.projections.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.beans.factory.DisposableBean;

/**
 * A database of a test's own on the PostgreSQL the service would use, named uniquely so that runs never
 * see each other's data. The service creates it on first connection (that path is under test too); this
 * drops it when closed.
 *
 * <p>The server and credentials come from the same variables as the service ({@code JOURNEY_DB_URL},
 * {@code JOURNEY_DB_USER}, {@code JOURNEY_DB_PASSWORD}), with the service's defaults.
 */
public final class ThrowawayDatabase implements DisposableBean {

    private static final String DEFAULT_URL = "jdbc:postgresql://localhost:5432/journey";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss");

    private final String serverUrl;
    private final String name;
    private final String user;
    private final String password;

    private ThrowawayDatabase(String serverUrl, String name, String user, String password) {
        this.serverUrl = serverUrl;
        this.name = name;
        this.user = user;
        this.password = password;
    }

    /** A fresh, not yet existing database name on the configured server. */
    public static ThrowawayDatabase named() {
        String configured = envOr("JOURNEY_DB_URL", DEFAULT_URL);
        int path = configured.indexOf('/', "jdbc:postgresql://".length());
        String server = path < 0 ? configured + "/" : configured.substring(0, path + 1);
        String name = "journey_test_" + LocalDateTime.now().format(STAMP) + "_"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0xFFFFFF));
        return new ThrowawayDatabase(
                server, name, envOr("JOURNEY_DB_USER", "postgres"), envOr("JOURNEY_DB_PASSWORD", ""));
    }

    public String url() {
        return serverUrl + name;
    }

    public String name() {
        return name;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** The Spring properties that point the service at this database. */
    public String[] springProperties() {
        return new String[] {
            "spring.datasource.url=" + url(),
            "spring.datasource.username=" + user,
            "spring.datasource.password=" + password,
        };
    }

    /**
     * The same properties as command-line arguments, for a service started with {@code SpringApplication}:
     * those outrank {@code application.yml}, while builder "properties" are mere defaults beneath it.
     */
    public String[] commandLineArguments() {
        return java.util.Arrays.stream(springProperties())
                .map(property -> "--" + property)
                .toArray(String[]::new);
    }

    /** Opens a connection to the server's maintenance database, for checks from outside the service. */
    public Connection maintenanceConnection() throws SQLException {
        return DriverManager.getConnection(serverUrl + "postgres", credentials());
    }

    /** Drops the database, ending any connection still open to it. */
    @Override
    public void destroy() throws SQLException {
        try (Connection connection = maintenanceConnection();
                Statement drop = connection.createStatement()) {
            drop.execute("drop database if exists \"" + name + "\" with (force)");
        }
    }

    private Properties credentials() {
        Properties credentials = new Properties();
        credentials.setProperty("user", user);
        if (!password.isEmpty()) {
            credentials.setProperty("password", password);
        }
        return credentials;
    }

    private static String envOr(String variable, String fallback) {
        String value = System.getenv(variable);
        return value == null || value.isBlank() ? fallback : value;
    }
}
