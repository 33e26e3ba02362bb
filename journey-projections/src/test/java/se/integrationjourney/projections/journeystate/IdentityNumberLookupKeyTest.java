package se.integrationjourney.projections.journeystate;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionTemplate;
import se.integrationjourney.eventstore.personaldata.IdentityNumberLookup;
import se.integrationjourney.eventstore.personaldata.JourneyKeys;
import se.integrationjourney.eventstore.personaldata.MasterKey;
import se.integrationjourney.eventstore.personaldata.PersonalDataSettings;
import se.integrationjourney.projections.testsupport.ViewDatabase;

/**
 * The identity-number lookup's key is made on first use, and that first use may come while the caller's transaction
 * has its connection busy: a rebuild writes the journey-state view's rows by {@code COPY}, computing each row's hash as
 * it streams (the first start after the migration to keyed hashes does exactly that). The key is then made on a
 * connection of its own; on the caller's it would wait for the {@code COPY}, which waits for it, for ever.
 */
class IdentityNumberLookupKeyTest {

    @RegisterExtension
    static final ViewDatabase database = new ViewDatabase();

    @Test
    void givenNoKeyMadeYet_whenFirstUsedWhileTheTransactionsConnectionStreamsACopy_thenItIsMadeBesideIt()
            throws Exception {
        JdbcTemplate jdbc = database.jdbc();
        DataSource dataSource = jdbc.getDataSource();
        MasterKey master = MasterKey.load(
                new PersonalDataSettings(
                        Base64.getEncoder().encodeToString(new byte[32]), null, null, null, Duration.ofMinutes(1)),
                () -> false);
        IdentityNumberLookup lookup = new IdentityNumberLookup(new JourneyKeys(jdbc, master, Duration.ofMinutes(1)));
        assertThat(jdbc.queryForObject("select count(*) from service_key", Long.class))
                .isZero();

        byte[] hashedDuringCopy = new TransactionTemplate(new DataSourceTransactionManager(dataSource))
                .execute(status -> {
                    Connection connection = DataSourceUtils.getConnection(dataSource);
                    try {
                        PGCopyOutputStream copy = new PGCopyOutputStream(
                                connection.unwrap(PGConnection.class), "copy service_key (name) from stdin");
                        byte[] hash = lookup.hash("199001011234");
                        copy.cancelCopy();
                        return hash;
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                });

        assertThat(jdbc.queryForObject("select count(*) from service_key", Long.class))
                .as("the key, made and committed on its own connection")
                .isEqualTo(1);
        assertThat(new IdentityNumberLookup(new JourneyKeys(jdbc, master, Duration.ofMinutes(1))).hash("199001011234"))
                .as("the same key, read back by another node")
                .isEqualTo(hashedDuringCopy);
    }
}
