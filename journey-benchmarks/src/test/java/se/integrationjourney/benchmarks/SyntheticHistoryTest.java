package se.integrationjourney.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MultiParameterResolverFactory;
import org.axonframework.messaging.annotation.SimpleResourceParameterResolverFactory;
import org.axonframework.modelling.command.AggregateAnnotationCommandHandler;
import org.axonframework.modelling.command.Repository;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.junit.jupiter.api.Test;
import se.integrationjourney.benchmarks.SyntheticHistory.Entry;
import se.integrationjourney.benchmarks.SyntheticHistory.JourneyHistory;
import se.integrationjourney.core.commands.Recorded;
import se.integrationjourney.core.events.JourneyEvent;
import se.integrationjourney.core.events.MilestoneRetracted;
import se.integrationjourney.core.events.NewcomerRegistered;
import se.integrationjourney.core.journey.Journey;

/**
 * The synthetic history only holds what the real Journey aggregate accepts: each generated event is sent as the
 * command that records it, on a clock fixed at the history's "today", and must be recorded exactly as generated.
 */
class SyntheticHistoryTest {

    private static final long SEED = 42;
    private static final int JOURNEYS = 800;
    private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
    private static final Clock CLOCK =
            Clock.fixed(SyntheticHistory.TODAY.atTime(12, 0).atZone(STOCKHOLM).toInstant(), STOCKHOLM);
    private static final AggregateModel<Journey> MODEL = AnnotatedAggregateMetaModelFactory.inspectAggregate(
            Journey.class,
            MultiParameterResolverFactory.ordered(
                    ClasspathParameterResolverFactory.forClass(Journey.class),
                    new SimpleResourceParameterResolverFactory(Set.of(CLOCK))));

    @Test
    void everyGeneratedJourneyIsAcceptedByTheAggregateAsGenerated() {
        List<JourneyHistory> journeys = SyntheticHistory.journeys(SEED, JOURNEYS);

        for (JourneyHistory journey : journeys) {
            // A store per journey: the in-memory store scans all its events to load one aggregate.
            EventStore eventStore = EmbeddedEventStore.builder()
                    .storageEngine(new InMemoryEventStorageEngine())
                    .build();
            CommandGateway gateway = gateway(eventStore);
            Map<String, String> recordedIds = new HashMap<>();
            for (Entry entry : journey.entries()) {
                Recorded recorded = gateway.sendAndWait(CommandSideLoader.commandFor(entry.event(), recordedIds));
                recordedIds.put(entry.eventId(), recorded.eventId());
                assertThat(recorded.version()).isEqualTo(entry.sequence());
            }
            List<JourneyEvent> stored = eventStore
                    .readEvents(journey.journeyId().toString())
                    .asStream()
                    .map(message -> (JourneyEvent) message.getPayload())
                    .toList();
            List<JourneyEvent> expected = journey.entries().stream()
                    .map(entry -> withRecordedIds(entry.event(), recordedIds))
                    .toList();
            assertThat(stored).as("journey %s", journey.journeyId()).isEqualTo(expected);
        }
    }

    @Test
    void theHistoryLooksLikeJourneys() {
        List<JourneyHistory> journeys = SyntheticHistory.journeys(SEED, JOURNEYS);
        List<Entry> entries =
                journeys.stream().flatMap(journey -> journey.entries().stream()).toList();

        double perJourney = (double) entries.size() / journeys.size();
        long retractions = entries.stream()
                .filter(entry -> entry.event() instanceof MilestoneRetracted)
                .count();
        System.out.printf(
                java.util.Locale.ROOT,
                "synthetic history: %.1f events per journey, %.2f%% retractions%n",
                perJourney,
                100.0 * retractions / entries.size());
        assertThat(perJourney).as("events per journey").isBetween(15.0, 25.0);
        assertThat((double) retractions / entries.size())
                .as("share of retractions")
                .isBetween(0.01, 0.03);
        assertThat(entries)
                .allSatisfy(entry -> assertThat(entry.recordedOn()).isBeforeOrEqualTo(SyntheticHistory.TODAY));
        assertThat(entries.stream()
                        .map(entry -> entry.event().getClass().getSimpleName())
                        .collect(Collectors.toSet()))
                .as("every kind of event occurs")
                .hasSize(29);
        String names = entries.stream()
                .filter(entry -> entry.event() instanceof NewcomerRegistered)
                .map(entry ->
                        ((NewcomerRegistered) entry.event()).personalDetails().fullName())
                .collect(Collectors.joining(" "));
        assertThat(names)
                .containsPattern("[åäöÅÄÖ]")
                .containsPattern("\\p{IsArabic}")
                .containsPattern("\\p{IsEthiopic}");
    }

    @Test
    void journeysOfNeighbouringIndexesAreUnalike() {
        List<JourneyHistory> journeys = SyntheticHistory.journeys(SEED, 1_600);
        // Ids over the whole range, as random ids are: each first hex digit ~100 times (they once all began "06").
        Map<Character, Long> firstDigits = journeys.stream()
                .collect(Collectors.groupingBy(
                        journey -> journey.journeyId().toString().charAt(0), Collectors.counting()));
        assertThat(firstDigits).hasSize(16);
        assertThat(firstDigits.values()).allSatisfy(count -> assertThat(count).isBetween(60L, 140L));
    }

    @Test
    void theGlobalOrderKeepsEachJourneysSequenceAndIsTheSameForTheSameSeed() {
        List<DomainEventMessage<?>> events = SyntheticHistory.events(SEED, 20_000);
        List<DomainEventMessage<?>> again = SyntheticHistory.events(SEED, 20_000);

        assertThat(events).hasSize(20_000);
        Map<String, Long> next = new HashMap<>();
        LocalDate previousDay = LocalDate.MIN;
        for (DomainEventMessage<?> event : events) {
            assertThat(event.getSequenceNumber()).isEqualTo(next.getOrDefault(event.getAggregateIdentifier(), 0L));
            next.put(event.getAggregateIdentifier(), event.getSequenceNumber() + 1);
            LocalDate day = LocalDate.ofInstant(event.getTimestamp(), STOCKHOLM);
            assertThat(day).isAfterOrEqualTo(previousDay);
            previousDay = day;
        }
        assertThat(again.stream().map(DomainEventMessage::getIdentifier).toList())
                .isEqualTo(
                        events.stream().map(DomainEventMessage::getIdentifier).toList());
    }

    private static JourneyEvent withRecordedIds(JourneyEvent event, Map<String, String> recordedIds) {
        return event instanceof MilestoneRetracted e
                ? new MilestoneRetracted(e.journeyId(), recordedIds.get(e.retractedEventId()), e.reason())
                : event;
    }

    private static CommandGateway gateway(EventStore eventStore) {
        Repository<Journey> repository = EventSourcingRepository.builder(Journey.class)
                .eventStore(eventStore)
                .aggregateModel(MODEL)
                .build();
        SimpleCommandBus commandBus = SimpleCommandBus.builder().build();
        AggregateAnnotationCommandHandler.<Journey>builder()
                .aggregateType(Journey.class)
                .repository(repository)
                .aggregateModel(MODEL)
                .build()
                .subscribe(commandBus);
        return DefaultCommandGateway.builder().commandBus(commandBus).build();
    }
}
