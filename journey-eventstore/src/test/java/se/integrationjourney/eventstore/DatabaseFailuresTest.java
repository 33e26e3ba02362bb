package se.integrationjourney.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** Which failures are the database connection's: they decide what a client is told ("nothing recorded", 503). */
class DatabaseFailuresTest {

    @Test
    void givenHikarisClosedConnectionUsedAgain_whenClassified_thenAConnectionFailure() {
        RuntimeException wrapped =
                new RuntimeException("preparing the append failed", new SQLException("Connection is closed"));

        assertThat(DatabaseFailures.isConnectionFailure(wrapped)).isTrue();
    }

    @Test
    void givenAConnectionSqlState_whenClassified_thenAConnectionFailure() {
        assertThat(DatabaseFailures.isConnectionFailure(new SQLException("I/O error", "08006")))
                .isTrue();
    }

    @Test
    void givenAnotherFailureWithoutSqlState_whenClassified_thenNotAConnectionFailure() {
        assertThat(DatabaseFailures.isConnectionFailure(new SQLException("something else")))
                .isFalse();
        assertThat(DatabaseFailures.isConnectionFailure(new SQLException("value too long", "22001")))
                .isFalse();
    }
}
