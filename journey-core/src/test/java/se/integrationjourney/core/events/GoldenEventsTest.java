package se.integrationjourney.core.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Approval test of the stored history: each event's golden JSON (what Axon's Jackson 3 serializer wrote for a sample)
 * must still be read by today's classes, into exactly the sample, and today's classes must still write it. Moving,
 * renaming or reshaping an event fails here, not on production history.
 * <p>A new event gets its golden file by running once with {@code -Dgolden.writeMissing=true}; an existing file is
 * never rewritten: a changed shape needs a new revision and an upcaster, with the old file kept as its input.
 */
class GoldenEventsTest {

    private static final String EVENTS_PACKAGE = JourneyEvent.class.getPackageName();
    /** Events at a later revision: their golden file is the revision-1 JSON, which must read through the upcasters. */
    private static final Map<Class<?>, String> LATER_REVISIONS =
            Map.of(NewcomerRegistered.class, "2", PersonalDetailsCorrected.class, "2");

    private static final Path SOURCE_DIRECTORY = Path.of("src/test/resources/golden-events");

    private final Jackson3Serializer serializer = Jackson3Serializer.builder().build();
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void everyEventClassHasASample() throws IOException, URISyntaxException {
        assertThat(new TreeSet<>(
                        EventSamples.all().keySet().stream().map(Class::getName).toList()))
                .as("events in %s (add a sample and a golden file for a new one)", EVENTS_PACKAGE)
                .isEqualTo(compiledEventClassNames());
    }

    @Test
    void everyEventIsAtTheRevisionItsUpcastersReach() {
        EventSamples.all().keySet().forEach(type -> {
            Revision revision = type.getAnnotation(Revision.class);
            assertThat(revision).as("@Revision on %s", type.getSimpleName()).isNotNull();
            assertThat(revision.value())
                    .as("revision of %s", type.getSimpleName())
                    .isEqualTo(revisionOf(type));
        });
    }

    @TestFactory
    Stream<DynamicTest> revisionOneSamplesReadThroughTheUpcasters() {
        EventUpcasterChain upcasters = new EventUpcasterChain(new PersonalDetails1To2Upcaster());
        return LATER_REVISIONS.keySet().stream()
                .map(type -> DynamicTest.dynamicTest(type.getSimpleName(), () -> {
                    Object sample = EventSamples.all().get(type);
                    GenericDomainEventEntry<byte[]> stored = new GenericDomainEventEntry<>(
                            "Journey",
                            EventSamples.JOURNEY.toString(),
                            0,
                            "e1",
                            "2024-03-15T10:00:00Z",
                            type.getName(),
                            "1",
                            golden(type, sample).getBytes(StandardCharsets.UTF_8),
                            "{}".getBytes(StandardCharsets.UTF_8));
                    List<IntermediateEventRepresentation> upcast = upcasters
                            .upcast(Stream.of(new InitialEventRepresentation(stored, serializer)))
                            .toList();
                    assertThat(upcast).hasSize(1);
                    assertThat(upcast.get(0).getType().getRevision()).isEqualTo("2");
                    Object read = serializer.deserialize(new SimpleSerializedObject<>(
                            upcast.get(0).getData(byte[].class).getData(),
                            byte[].class,
                            upcast.get(0).getType()));
                    assertThat(read).isEqualTo(sample);
                }));
    }

    private static String revisionOf(Class<?> type) {
        return LATER_REVISIONS.getOrDefault(type, "1");
    }

    @TestFactory
    Stream<DynamicTest> everyGoldenSampleIsReadByTodaysClasses() {
        return EventSamples.all().entrySet().stream()
                .map(entry -> DynamicTest.dynamicTest(entry.getKey().getSimpleName(), () -> {
                    String golden = golden(entry.getKey(), entry.getValue());
                    Object read = serializer.deserialize(new SimpleSerializedObject<>(
                            golden,
                            String.class,
                            new SimpleSerializedType(entry.getKey().getName(), revisionOf(entry.getKey()))));
                    assertThat(read).isEqualTo(entry.getValue());
                }));
    }

    @TestFactory
    Stream<DynamicTest> todaysClassesStillWriteEveryGoldenSample() {
        return EventSamples.all().entrySet().stream()
                .map(entry -> DynamicTest.dynamicTest(entry.getKey().getSimpleName(), () -> {
                    String golden = golden(entry.getKey(), entry.getValue());
                    SerializedObject<String> written = serializer.serialize(entry.getValue(), String.class);
                    assertThat(written.getType().getName())
                            .isEqualTo(entry.getKey().getName());
                    assertThat(written.getType().getRevision()).isEqualTo(revisionOf(entry.getKey()));
                    assertThat(json.readTree(written.getData()))
                            .as("JSON written for %s", entry.getKey().getSimpleName())
                            .isEqualTo(json.readTree(golden));
                }));
    }

    @Test
    void datesAreWrittenAsIsoStringsAndAmountsAsNumbers() {
        JsonNode employment =
                json.readTree(golden(EmploymentStarted.class, EventSamples.all().get(EmploymentStarted.class)));
        assertThat(employment.get("occurredOn").isString()).isTrue();
        assertThat(employment.get("occurredOn").asString()).isEqualTo("2024-03-15");
        assertThat(employment.get("hoursPerWeek").isNumber()).isTrue();
        assertThat(employment.get("hoursPerWeek").decimalValue()).isEqualByComparingTo("37.5");
    }

    private String golden(Class<?> type, Object sample) {
        String resource = "/golden-events/" + type.getSimpleName() + ".json";
        try (InputStream in = GoldenEventsTest.class.getResourceAsStream(resource)) {
            if (in != null) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            String written = serializer.serialize(sample, String.class).getData();
            if (Boolean.getBoolean("golden.writeMissing")) {
                Files.createDirectories(SOURCE_DIRECTORY);
                Files.writeString(SOURCE_DIRECTORY.resolve(type.getSimpleName() + ".json"), written);
                return written;
            }
            return fail(
                    "No golden sample %s. Review this JSON and save it there (or run once with"
                            + " -Dgolden.writeMissing=true):%n%s",
                    "src/test/resources" + resource, written);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<String> compiledEventClassNames() throws IOException, URISyntaxException {
        Path classes = Path.of(JourneyEvent.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        Path eventsDirectory = classes.resolve(EVENTS_PACKAGE.replace('.', '/'));
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.list(eventsDirectory)) {
            for (Path file : files.toList()) {
                String fileName = file.getFileName().toString();
                if (!fileName.endsWith(".class") || fileName.contains("$") || fileName.startsWith("package-info")) {
                    continue;
                }
                String className = EVENTS_PACKAGE + "." + fileName.substring(0, fileName.length() - ".class".length());
                Class<?> type = loadClass(className);
                if ((JourneyEvent.class.isAssignableFrom(type) || StudyEvent.class.isAssignableFrom(type))
                        && !type.isInterface()) {
                    names.add(className);
                }
            }
        }
        return names;
    }

    private static Class<?> loadClass(String className) {
        try {
            return Class.forName(className);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
