package se.integrationjourney.eventstore.personaldata;

import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.crypto.SecretKey;
import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The event serializer: Jackson 3 JSON as Axon writes it, except that the {@code personalDetails} of the payload types
 * given (the events that carry a name or an identity number) are stored sealed with the journey's key:
 * {@code "personalDetails":{"sealed":"<base64 nonce, ciphertext and tag>"}}. Reading opens them again; once the
 * journey's key is destroyed they read as erased (both parts null), and so does any plain-text copy still stored.
 * Every other payload passes through untouched, so a view's rebuild parses only these few twice.
 */
public final class PersonalDataSealingSerializer implements Serializer {

    static final String FIELD = "personalDetails";
    private static final String SEALED = "sealed";

    private final Serializer delegate;
    private final Set<String> sealedTypes;
    private final JourneyKeys keys;
    private final JsonMapper json = JsonMapper.builder().build();

    /**
     * @param delegate    Axon's Jackson 3 serializer
     * @param sealedTypes the payload class names whose {@code personalDetails} are sealed; each has a
     *                    {@code journeyId}
     */
    public PersonalDataSealingSerializer(Serializer delegate, Set<String> sealedTypes, JourneyKeys keys) {
        this.delegate = delegate;
        this.sealedTypes = Set.copyOf(sealedTypes);
        this.keys = keys;
    }

    /** The serializer underneath, for the storage guard. */
    public Serializer delegate() {
        return delegate;
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        if (object == null || !sealedTypes.contains(object.getClass().getName())) {
            return delegate.serialize(object, expectedRepresentation);
        }
        SerializedObject<byte[]> plain = delegate.serialize(object, byte[].class);
        ObjectNode payload = (ObjectNode) json.readTree(plain.getData());
        JsonNode details = payload.get(FIELD);
        if (details != null && details.isObject()) {
            UUID journeyId = journeyId(payload);
            SecretKey key = keys.toSeal(journeyId);
            byte[] sealed = AesGcm.seal(key, json.writeValueAsBytes(details), detailsContext(journeyId));
            payload.set(
                    FIELD,
                    json.createObjectNode().put(SEALED, Base64.getEncoder().encodeToString(sealed)));
        }
        T data = getConverter().convert(json.writeValueAsBytes(payload), byte[].class, expectedRepresentation);
        return new SimpleSerializedObject<>(data, expectedRepresentation, plain.getType());
    }

    @Override
    public <S, T> T deserialize(SerializedObject<S> serializedObject) {
        if (!sealedTypes.contains(serializedObject.getType().getName())) {
            return delegate.deserialize(serializedObject);
        }
        byte[] bytes =
                getConverter().convert(serializedObject.getData(), serializedObject.getContentType(), byte[].class);
        ObjectNode payload = (ObjectNode) json.readTree(bytes);
        JsonNode details = payload.get(FIELD);
        if (details != null && details.isObject()) {
            payload.set(FIELD, opened(journeyId(payload), details));
        }
        return delegate.deserialize(new SimpleSerializedObject<>(
                json.writeValueAsBytes(payload), byte[].class, serializedObject.getType()));
    }

    /** The details in plain text, or erased ones when the journey's key is destroyed. */
    private JsonNode opened(UUID journeyId, JsonNode details) {
        JsonNode sealed = details.get(SEALED);
        if (sealed == null) {
            // Plain text from before sealing (revision 1): still hidden once the journey is erased.
            return keys.toOpen(journeyId).isEmpty() && keys.knownDestroyed(journeyId) ? erased() : details;
        }
        byte[] bytes = Base64.getDecoder().decode(sealed.asString());
        Optional<byte[]> plain = open(journeyId, bytes);
        if (plain.isEmpty()) {
            keys.forget(journeyId); // an opened key gone stale (another node stored the journey first): read again
            plain = open(journeyId, bytes);
        }
        return plain.map(json::readTree).orElseGet(this::erased);
    }

    private Optional<byte[]> open(UUID journeyId, byte[] sealed) {
        return keys.toOpen(journeyId).flatMap(key -> AesGcm.open(key, sealed, detailsContext(journeyId)));
    }

    private ObjectNode erased() {
        ObjectNode erased = json.createObjectNode();
        erased.putNull("fullName");
        erased.putNull("personalIdentityNumber");
        return erased;
    }

    private static UUID journeyId(ObjectNode payload) {
        return UUID.fromString(payload.get("journeyId").asString());
    }

    static String detailsContext(UUID journeyId) {
        return "personal-details:" + journeyId;
    }

    @Override
    public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
        return delegate.canSerializeTo(expectedRepresentation);
    }

    @Override
    public Class classForType(SerializedType type) {
        return delegate.classForType(type);
    }

    @Override
    public SerializedType typeForClass(Class type) {
        return delegate.typeForClass(type);
    }

    @Override
    public Converter getConverter() {
        return delegate.getConverter();
    }
}
