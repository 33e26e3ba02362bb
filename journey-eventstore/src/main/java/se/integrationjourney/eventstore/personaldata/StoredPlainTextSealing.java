package se.integrationjourney.eventstore.personaldata;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.crypto.SecretKey;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Seals the personal details that older history stored in plain text (revision 1), once, on a migration's
 * connection: the only rewrite the event store ever sees. Each such event (and each dead letter holding one) gets the
 * form {@link PersonalDataSealingSerializer} writes, under a key made for its journey, and revision 2. Nothing else of
 * a row changes.
 */
public final class StoredPlainTextSealing {

    private static final int BATCH = 1000;

    private final MasterKey master;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<UUID, SecretKey> keys = new HashMap<>();

    public StoredPlainTextSealing(MasterKey master) {
        this.master = master;
    }

    /** What was sealed. */
    public record Sealed(int events, int deadLetters, int journeys) {}

    public Sealed run(Connection connection, Set<String> payloadTypes) throws SQLException {
        int events = seal(connection, "domain_event_entry", "global_index", payloadTypes);
        int deadLetters = seal(connection, "dead_letter_entry", "dead_letter_id", payloadTypes);
        return new Sealed(events, deadLetters, keys.size());
    }

    private int seal(Connection connection, String table, String idColumn, Set<String> payloadTypes)
            throws SQLException {
        int count = 0;
        Array types = connection.createArrayOf("varchar", payloadTypes.toArray());
        try (PreparedStatement select = connection.prepareStatement("select " + idColumn + ", payload from " + table
                        + " where payload_type = any(?) and payload_revision = '1' order by " + idColumn);
                PreparedStatement update = connection.prepareStatement(
                        "update " + table + " set payload = ?, payload_revision = '2' where " + idColumn + " = ?")) {
            select.setArray(1, types);
            select.setFetchSize(BATCH);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    update.setBytes(1, sealed(connection, rows.getBytes(2)));
                    update.setObject(2, rows.getObject(1));
                    update.addBatch();
                    if (++count % BATCH == 0) {
                        update.executeBatch();
                    }
                }
            }
            update.executeBatch();
        }
        return count;
    }

    private byte[] sealed(Connection connection, byte[] payloadBytes) throws SQLException {
        ObjectNode payload = (ObjectNode) json.readTree(payloadBytes);
        JsonNode details = payload.get(PersonalDataSealingSerializer.FIELD);
        if (details == null || !details.isObject()) {
            return payloadBytes;
        }
        UUID journeyId = UUID.fromString(payload.get("journeyId").asString());
        byte[] sealed = AesGcm.seal(
                keyOf(connection, journeyId),
                json.writeValueAsBytes(details),
                PersonalDataSealingSerializer.detailsContext(journeyId));
        payload.set(
                PersonalDataSealingSerializer.FIELD,
                json.createObjectNode().put("sealed", Base64.getEncoder().encodeToString(sealed)));
        return json.writeValueAsBytes(payload);
    }

    private SecretKey keyOf(Connection connection, UUID journeyId) throws SQLException {
        SecretKey known = keys.get(journeyId);
        if (known != null) {
            return known;
        }
        SecretKey key = AesGcm.newKey();
        try (PreparedStatement insert =
                connection.prepareStatement("insert into journey_key (journey_id, wrapped_key) values (?, ?)")) {
            insert.setObject(1, journeyId);
            insert.setBytes(2, AesGcm.seal(master.key(), key.getEncoded(), JourneyKeys.journeyContext(journeyId)));
            insert.executeUpdate();
        }
        keys.put(journeyId, key);
        return key;
    }
}
