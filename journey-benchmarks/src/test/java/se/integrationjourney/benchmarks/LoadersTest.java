package se.integrationjourney.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import se.integrationjourney.api.JourneyApplication;
import se.integrationjourney.api.testsupport.ApiTestAccounts;
import se.integrationjourney.core.events.JourneyEvent;
import se.integrationjourney.core.events.MilestoneRetracted;
import se.integrationjourney.core.events.PersonalDetailsCorrected;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The benchmark's loaders record exactly the synthetic history: after loading journeys through the command side
 * and through the HTTP API, each journey's events in the store are the synthetic ones, in order (ids, times and,
 * over HTTP, the journey's id aside; a retraction names the event it retracts).
 */
@SpringBootTest(
        classes = JourneyApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "journey.admin-password=" + ApiTestAccounts.ADMIN_PASSWORD)
class LoadersTest {

    private static final long COMMAND_SIDE_SEED = 4711L;
    private static final long HTTP_SEED = 1_732L;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    ApplicationContext application;

    @Autowired
    EventStore eventStore;

    @LocalServerPort
    int port;

    @Test
    void givenSyntheticJourneys_whenLoadedThroughTheCommandSide_thenTheStoreHoldsTheirEvents() {
        List<SyntheticHistory.JourneyHistory> journeys = sample(COMMAND_SIDE_SEED, 20);

        CommandSideLoader.LoadResult result = new CommandSideLoader(application).load(journeys, 4);

        long expected =
                journeys.stream().mapToLong(journey -> journey.entries().size()).sum();
        assertThat(result.events()).isEqualTo(expected);
        assertThat(result.latencies().count()).isEqualTo((int) expected);
        for (SyntheticHistory.JourneyHistory journey : journeys) {
            List<DomainEventMessage<?>> stored = stored(journey.journeyId());
            assertThat(normalised(payloads(stored)))
                    .as("journey %s", journey.journeyId())
                    .isEqualTo(normalised(synthetic(journey)));
            assertThat(stored)
                    .allSatisfy(event -> assertThat(event.getMetaData().get("municipalityCode"))
                            .isEqualTo(journey.municipalityCode()));
        }
    }

    @Test
    void givenSyntheticJourneys_whenLoadedThroughTheHttpApi_thenTheStoreHoldsTheirEvents() {
        List<SyntheticHistory.JourneyHistory> journeys = sample(HTTP_SEED, 6);
        HttpApiLoader loader = new HttpApiLoader(port, ApiTestAccounts.ADMIN, ApiTestAccounts.ADMIN_PASSWORD);

        CommandSideLoader.LoadResult result = loader.load(journeys, 3);

        assertThat(result.events())
                .isEqualTo(journeys.stream()
                        .mapToLong(journey -> journey.entries().size())
                        .sum());
        Map<UUID, UUID> journeyIds = loader.journeyIds();
        assertThat(journeyIds).hasSize(journeys.size());
        for (SyntheticHistory.JourneyHistory journey : journeys) {
            List<DomainEventMessage<?>> stored = stored(journeyIds.get(journey.journeyId()));
            assertThat(normalised(payloads(stored)))
                    .as("journey %s", journey.journeyId())
                    .isEqualTo(normalised(synthetic(journey)));
            assertThat(stored)
                    .allSatisfy(event -> assertThat(event.getMetaData().get("username"))
                            .asString()
                            .startsWith("benchmark-cw-" + journey.municipalityCode() + "-"));
        }
    }

    @Test
    void givenAStoppedLoader_whenLoading_thenNothingIsSent() {
        CommandSideLoader loader = new CommandSideLoader(application);
        loader.stop();

        CommandSideLoader.LoadResult result = loader.load(sample(99L, 3), 2);

        assertThat(result.events()).isZero();
        assertThat(result.latencies().count()).isZero();
    }

    /**
     * {@code count} journeys of the seed, among them at least one with a retraction and one with a
     * personal-details correction (the events whose loading differs most from the rest).
     */
    private static List<SyntheticHistory.JourneyHistory> sample(long seed, int count) {
        List<SyntheticHistory.JourneyHistory> journeys = new ArrayList<>(SyntheticHistory.journeys(seed, count - 2));
        journeys.add(firstWith(seed, count, MilestoneRetracted.class));
        journeys.add(firstWith(seed, count, PersonalDetailsCorrected.class));
        // One journey may have both: a journey can be registered only once.
        return journeys.stream().distinct().toList();
    }

    private static SyntheticHistory.JourneyHistory firstWith(long seed, int from, Class<?> eventType) {
        return IntStream.iterate(from, index -> index + 1)
                .mapToObj(index -> SyntheticHistory.journey(seed, index))
                .filter(journey -> journey.entries().stream().anyMatch(entry -> eventType.isInstance(entry.event())))
                .findFirst()
                .orElseThrow();
    }

    private List<DomainEventMessage<?>> stored(UUID journeyId) {
        return eventStore
                .readEvents(journeyId.toString())
                .asStream()
                .<DomainEventMessage<?>>map(event -> event)
                .toList();
    }

    private static List<Identified> payloads(List<DomainEventMessage<?>> stored) {
        return stored.stream()
                .map(event -> new Identified(event.getIdentifier(), (JourneyEvent) event.getPayload()))
                .toList();
    }

    private static List<Identified> synthetic(SyntheticHistory.JourneyHistory journey) {
        return journey.entries().stream()
                .map(entry -> new Identified(entry.eventId(), entry.event()))
                .toList();
    }

    private record Identified(String eventId, JourneyEvent event) {}

    /**
     * The events as comparable values: type and fields, without the journey's id (the API chooses its own), with
     * a retraction naming the position of the event it retracts instead of its id, and with the personal details
     * as a digest, so that a failed comparison never prints a name or identity number.
     */
    private static List<String> normalised(List<Identified> events) {
        List<String> ids = events.stream().map(Identified::eventId).toList();
        List<String> comparable = new ArrayList<>(events.size());
        for (Identified identified : events) {
            ObjectNode fields = (ObjectNode) JSON.valueToTree(identified.event());
            fields.remove("journeyId");
            if (identified.event() instanceof MilestoneRetracted retraction) {
                fields.put("retractedEventId", "event #" + ids.indexOf(retraction.retractedEventId()));
            }
            JsonNode personal = fields.remove("personalDetails");
            if (personal != null) {
                fields.put("personalDetails", digest(personal.toString()));
            }
            comparable.add(identified.event().getClass().getSimpleName() + " " + fields);
        }
        return comparable;
    }

    private static String digest(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)))
                    .substring(0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
