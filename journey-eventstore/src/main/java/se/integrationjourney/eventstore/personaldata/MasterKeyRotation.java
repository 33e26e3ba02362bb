package se.integrationjourney.eventstore.personaldata;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.SecretKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import se.integrationjourney.eventstore.MisconfiguredStorageException;

/**
 * Wraps every stored key again with the new master key, in one transaction: the keys themselves, and so everything
 * sealed with them, stay as they are. Runs at start when the stored keys open only with the previous master key.
 */
final class MasterKeyRotation {

    private static final Logger LOG = LoggerFactory.getLogger(MasterKeyRotation.class);

    private final JdbcTemplate jdbc;
    private final MasterKey master;

    MasterKeyRotation(JdbcTemplate jdbc, MasterKey master) {
        this.jdbc = jdbc;
        this.master = master;
    }

    void run() {
        int rewrapped = jdbc.execute((ConnectionCallback<Integer>) connection -> {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                int count = rewrap(connection, "journey_key", "journey_id", true)
                        + rewrap(connection, "service_key", "name", false);
                connection.commit();
                return count;
            } catch (RuntimeException | java.sql.SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        });
        LOG.warn(
                "The master key was rotated: {} stored keys are now wrapped by the new key. The previous key is no"
                        + " longer needed once every node has the new one (JOURNEY_PREVIOUS_MASTER_KEY can go).",
                rewrapped);
    }

    private int rewrap(Connection connection, String table, String idColumn, boolean journeys)
            throws java.sql.SQLException {
        int count = 0;
        try (PreparedStatement select = connection.prepareStatement("select " + idColumn + ", wrapped_key from " + table
                        + " where wrapped_key is not null for update");
                PreparedStatement update = connection.prepareStatement(
                        "update " + table + " set wrapped_key = ? where " + idColumn + " = ?");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                Object id = rows.getObject(1);
                String context =
                        journeys ? JourneyKeys.journeyContext((UUID) id) : JourneyKeys.serviceContext((String) id);
                byte[] wrapped = rows.getBytes(2);
                Optional<byte[]> key = AesGcm.open(master.previous(), wrapped, context);
                if (key.isEmpty()) {
                    if (AesGcm.open(master.key(), wrapped, context).isPresent()) {
                        continue; // wrapped by the new key already
                    }
                    throw new MisconfiguredStorageException("A stored key of " + table + " opens with neither the"
                            + " master key nor the previous one: nothing was rotated.");
                }
                SecretKey newMaster = master.key();
                update.setBytes(1, AesGcm.seal(newMaster, key.get(), context));
                update.setObject(2, id);
                update.addBatch();
                count++;
            }
            update.executeBatch();
        }
        return count;
    }
}
