package se.integrationjourney.api.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Base64;
import java.util.UUID;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import se.integrationjourney.api.web.ApiTestBase;
import se.integrationjourney.core.events.EducationLevel;
import se.integrationjourney.core.events.Gender;
import se.integrationjourney.core.events.NewcomerRegistered;
import se.integrationjourney.core.events.PersonalDetails;
import se.integrationjourney.core.events.ReceptionType;
import se.integrationjourney.eventstore.personaldata.JourneyKeys;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Revision 2 as stored: a golden sample sealed under a fixed journey key (wrapped by the tests' master key) must
 * still open into the sample, and today's serializer must still write that shape: the details replaced by one
 * {@code sealed} value that holds neither the name nor the number.
 */
class SealedGoldenEventsTest extends ApiTestBase {

    private static final UUID JOURNEY = UUID.fromString("0e7b9a52-3c1d-4f6e-8b2a-5d4c3b2a1f09");
    private static final Path SOURCE = Path.of("src/test/resources/golden-events/NewcomerRegistered-revision-2.json");
    private static final NewcomerRegistered SAMPLE = new NewcomerRegistered(
            JOURNEY,
            LocalDate.of(2024, 3, 15),
            "1473",
            ReceptionType.ASSIGNED,
            1990,
            Gender.FEMALE,
            "ER",
            EducationLevel.POST_SECONDARY,
            new PersonalDetails("ሳባ ተስፋይ Åström", "191212121212"));

    @Autowired
    @Qualifier("eventSerializer")
    Serializer events;

    @Autowired
    JourneyKeys keys;

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void theGoldenSealedSampleOpensIntoTheSample() throws IOException {
        JsonNode golden = golden();
        jdbc.update(
                "insert into journey_key (journey_id, wrapped_key) values (?, ?) on conflict (journey_id) do nothing",
                JOURNEY,
                Base64.getDecoder().decode(golden.path("wrappedKey").asString()));

        Object read = events.deserialize(new SimpleSerializedObject<>(
                json.writeValueAsBytes(golden.path("payload")),
                byte[].class,
                new SimpleSerializedType(NewcomerRegistered.class.getName(), "2")));

        assertThat(read).isEqualTo(SAMPLE);
    }

    @Test
    void todaysSerializerWritesTheSealedShape() throws IOException {
        SerializedObject<byte[]> written = events.serialize(SAMPLE, byte[].class);

        assertThat(written.getType().getRevision()).isEqualTo("2");
        JsonNode payload = json.readTree(written.getData());
        JsonNode details = payload.path("personalDetails");
        assertThat(details.propertyNames()).containsExactly("sealed");
        String text = new String(written.getData(), StandardCharsets.UTF_8);
        assertThat(text).doesNotContain("Åström").doesNotContain("191212121212");
        JsonNode golden = golden().path("payload");
        assertThat(payload.propertyNames()).containsExactlyElementsOf(golden.propertyNames());
    }

    /** The golden file; written once from today's serializer when missing, never rewritten. */
    private JsonNode golden() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/golden-events/" + SOURCE.getFileName())) {
            if (in != null) {
                return json.readTree(in);
            }
        }
        SerializedObject<byte[]> written = events.serialize(SAMPLE, byte[].class);
        keys.storeNewKeys(java.util.List.of(JOURNEY.toString()));
        byte[] wrapped =
                jdbc.queryForObject("select wrapped_key from journey_key where journey_id = ?", byte[].class, JOURNEY);
        String file = "{\"wrappedKey\":\"" + Base64.getEncoder().encodeToString(wrapped) + "\",\"payload\":"
                + new String(written.getData(), StandardCharsets.UTF_8) + "}";
        if (Boolean.getBoolean("golden.writeMissing")) {
            Files.writeString(SOURCE, file);
            return json.readTree(file);
        }
        throw new AssertionError("No golden sample " + SOURCE + "; run once with -Dgolden.writeMissing=true:\n" + file);
    }
}
