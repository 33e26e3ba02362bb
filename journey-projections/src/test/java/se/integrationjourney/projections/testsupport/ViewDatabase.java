package se.integrationjourney.projections.testsupport;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A throwaway PostgreSQL database with the event store's and the views' migrations applied, for one test class: register it with
 * {@code @RegisterExtension static final ViewDatabase database = new ViewDatabase();}.
 */
public final class ViewDatabase implements BeforeAllCallback, AfterAllCallback {

    /** Where the views keep their migrations, each in its own package folder. */
    public static final String VIEW_MIGRATIONS = "classpath:se/integrationjourney/projections";
    /** The event store's, which views' migrations may follow (the outcomes view's V6_1 forgets its tokens). */
    public static final String EVENT_STORE_MIGRATIONS = "classpath:se/integrationjourney/eventstore";

    private ThrowawayDatabase database;
    private JdbcTemplate jdbc;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        database = ThrowawayDatabase.named();
        try (var maintenance = database.maintenanceConnection();
                var create = maintenance.createStatement()) {
            create.execute("create database \"" + database.name() + "\"");
        }
        DriverManagerDataSource dataSource =
                new DriverManagerDataSource(database.url(), database.user(), database.password());
        Flyway.configure()
                .dataSource(dataSource)
                .locations(EVENT_STORE_MIGRATIONS, VIEW_MIGRATIONS)
                .load()
                .migrate();
        jdbc = new JdbcTemplate(dataSource);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        database.destroy();
    }

    public JdbcTemplate jdbc() {
        return jdbc;
    }
}
