package se.integrationjourney.eventstore;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Creates the service's PostgreSQL database when it does not exist yet, before anything connects to it.
 *
 * <p>A new installation then needs only a running PostgreSQL: the database is created here and migrated
 * by Flyway right after. The check runs once, when Spring hands over the (not yet connected) connection pool.
 */
public class DatabaseCreation implements BeanPostProcessor {

    private static final Logger log = LoggerFactory.getLogger(DatabaseCreation.class);

    /** {@code jdbc:postgresql://hosts/database?parameters}: the database is the path after the hosts. */
    private static final Pattern POSTGRES_URL = Pattern.compile("^(jdbc:postgresql://[^/?]*/)([^/?]+)(\\?.*)?$");
    /** Names we create must need no quoting tricks: no injection through configuration. */
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_\\-]{0,62}");

    private static final String MAINTENANCE_DATABASE = "postgres";
    private static final String INVALID_CATALOG_NAME = "3D000";
    private static final String DUPLICATE_DATABASE = "42P04";

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool) {
            ensureDatabaseExists(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
        }
        return bean;
    }

    /**
     * Connects to the database of {@code jdbcUrl}; if PostgreSQL answers that it does not exist, creates it
     * through the maintenance database on the same server. Two services starting at once both succeed.
     */
    public static void ensureDatabaseExists(String jdbcUrl, String user, String password) {
        Matcher url = POSTGRES_URL.matcher(jdbcUrl == null ? "" : jdbcUrl);
        if (!url.matches()) {
            return; // not a PostgreSQL URL of the usual form: leave it to the pool to report
        }
        String database = url.group(2);
        try (Connection ignored = DriverManager.getConnection(jdbcUrl, credentials(user, password))) {
            return;
        } catch (SQLException e) {
            if (!INVALID_CATALOG_NAME.equals(e.getSQLState())) {
                return; // unreachable server, bad password, ...: the pool reports it with the real cause
            }
        }
        if (!SAFE_NAME.matcher(database).matches()) {
            throw new IllegalStateException("Database '" + database + "' does not exist, and its name is not one"
                    + " this service creates by itself (letters, digits, '_' and '-'). Create it by hand.");
        }
        String maintenanceUrl = url.group(1) + MAINTENANCE_DATABASE + (url.group(3) == null ? "" : url.group(3));
        try (Connection connection = DriverManager.getConnection(maintenanceUrl, credentials(user, password))) {
            if (!exists(connection, database)) {
                try (Statement create = connection.createStatement()) {
                    create.execute("create database \"" + database + "\"");
                    log.info("Created database '{}'", database);
                }
            }
        } catch (SQLException e) {
            if (!DUPLICATE_DATABASE.equals(e.getSQLState())) {
                throw new IllegalStateException(
                        "Database '" + database + "' does not exist and could not be" + " created through the '"
                                + MAINTENANCE_DATABASE + "' database: " + e.getMessage(),
                        e);
            }
        }
    }

    private static boolean exists(Connection connection, String database) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            query.setString(1, database);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static Properties credentials(String user, String password) {
        Properties properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null && !password.isEmpty()) {
            properties.setProperty("password", password);
        }
        return properties;
    }
}
