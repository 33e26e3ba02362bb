package se.integrationjourney.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import se.integrationjourney.projections.testsupport.ThrowawayDatabase;

class DatabaseCreationTest {

    private final ThrowawayDatabase database = ThrowawayDatabase.named();

    @AfterEach
    void dropDatabase() throws Exception {
        database.destroy();
    }

    @Test
    void givenAMissingDatabase_whenEnsured_thenItExists() throws Exception {
        assertThat(exists(database.name())).isFalse();

        DatabaseCreation.ensureDatabaseExists(database.url(), database.user(), database.password());

        assertThat(exists(database.name())).isTrue();
    }

    @Test
    void givenAnExistingDatabase_whenEnsuredAgain_thenNothingHappens() throws Exception {
        DatabaseCreation.ensureDatabaseExists(database.url(), database.user(), database.password());
        DatabaseCreation.ensureDatabaseExists(database.url(), database.user(), database.password());

        assertThat(exists(database.name())).isTrue();
    }

    @Test
    void givenAMissingDatabaseWithAnUnsafeName_whenEnsured_thenItRefusesAndSaysWhy() {
        String url = database.url().replace(database.name(), "journey\";drop");

        assertThatThrownBy(() -> DatabaseCreation.ensureDatabaseExists(url, database.user(), database.password()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not one this service creates by itself");
    }

    private boolean exists(String name) throws SQLException {
        try (Connection connection = database.maintenanceConnection();
                PreparedStatement query = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            query.setString(1, name);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }
}
