package se.integrationjourney.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import se.integrationjourney.api.JourneyApplication;
import se.integrationjourney.api.projections.ProbeRecorded;

/**
 * Several writers append while some of their transactions roll back: the global index then has gaps, and
 * numbers are committed out of order. A pooled streaming processor must still see every committed event
 * exactly once, and never a rolled-back one.
 */
@SpringBootTest(
        classes = {JourneyApplication.class, ConcurrentAppendTest.ProbeConfiguration.class},
        properties = {
            "axon.eventhandling.processors.concurrency-probe.mode=pooled",
            "axon.eventhandling.processors.concurrency-probe.thread-count=2",
            "axon.eventhandling.processors.concurrency-probe.initial-segment-count=2",
            "axon.eventhandling.processors.concurrency-probe.batch-size=16",
        })
class ConcurrentAppendTest {

    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @Autowired
    EventStore eventStore;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ProbeCounter counter;

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void givenConcurrentWritersWithRollbacks_whenTheProcessorCatchesUp_thenItSawEachCommittedEventExactlyOnce()
            throws Exception {
        int writers = 4;
        int transactionsPerWriter = 50;
        Set<String> committed = ConcurrentHashMap.newKeySet();
        Set<String> rolledBack = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int writer = 0; writer < writers; writer++) {
                Random random = new Random(4711L + writer);
                running.add(pool.submit(() -> {
                    for (int i = 0; i < transactionsPerWriter; i++) {
                        List<DomainEventMessage<ProbeRecorded>> events =
                                probes(UUID.randomUUID(), 1 + random.nextInt(3));
                        boolean rollBack = random.nextInt(100) < 30;
                        transaction.executeWithoutResult(status -> {
                            eventStore.publish(events);
                            if (rollBack) {
                                status.setRollbackOnly();
                            }
                        });
                        events.forEach(event -> (rollBack ? rolledBack : committed).add(event.getIdentifier()));
                    }
                }));
            }
            for (Future<?> writer : running) {
                writer.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        awaitProcessorPastHead();

        assertThat(rolledBack)
                .as("the scenario must roll some transactions back")
                .isNotEmpty();
        assertThat(gapsInGlobalIndex())
                .as("rolled-back inserts must leave gaps in the global index")
                .isPositive();
        assertThat(counter.seen().keySet()).containsAll(committed).doesNotContainAnyElementsOf(rolledBack);
        assertThat(counter.seen())
                .allSatisfy((id, times) -> assertThat(times.get()).as(id).isEqualTo(1));
    }

    @Test
    void givenAnEventCommittedAfterALaterNumberedOne_whenTheProcessorRuns_thenItStillReceivesIt() throws Exception {
        List<DomainEventMessage<ProbeRecorded>> early = probes(UUID.randomUUID(), 1);
        List<DomainEventMessage<ProbeRecorded>> late = probes(UUID.randomUUID(), 1);
        CountDownLatch earlyInserted = new CountDownLatch(1);
        CountDownLatch releaseEarly = new CountDownLatch(1);
        ExecutorService slowWriter = Executors.newSingleThreadExecutor();
        try {
            // The slow writer takes the lower global index, then holds its transaction open.
            Future<?> earlyCommit = slowWriter.submit(() -> transaction.executeWithoutResult(status -> {
                eventStore.publish(early);
                earlyInserted.countDown();
                awaitLatch(releaseEarly);
            }));
            assertThat(earlyInserted.await(DEADLINE.toSeconds(), TimeUnit.SECONDS))
                    .isTrue();
            transaction.executeWithoutResult(status -> eventStore.publish(late));

            // The processor reads past the still-open gap ...
            await().atMost(DEADLINE)
                    .until(() -> counter.seen().containsKey(late.get(0).getIdentifier()));
            assertThat(counter.seen()).doesNotContainKey(early.get(0).getIdentifier());

            // ... and picks up the event that fills it once its transaction commits.
            releaseEarly.countDown();
            earlyCommit.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
            await().atMost(DEADLINE)
                    .until(() -> counter.seen().containsKey(early.get(0).getIdentifier()));
        } finally {
            releaseEarly.countDown();
            slowWriter.shutdownNow();
        }

        Long earlyIndex = globalIndexOf(early.get(0).getIdentifier());
        Long lateIndex = globalIndexOf(late.get(0).getIdentifier());
        assertThat(earlyIndex).isLessThan(lateIndex);
        awaitProcessorPastHead();
        assertThat(counter.seen().get(early.get(0).getIdentifier()).get()).isEqualTo(1);
        assertThat(counter.seen().get(late.get(0).getIdentifier()).get()).isEqualTo(1);
    }

    private void awaitProcessorPastHead() {
        long head = jdbc.queryForObject("select coalesce(max(global_index), 0) from domain_event_entry", Long.class);
        StreamingEventProcessor processor = processing
                .eventProcessor("concurrency-probe", StreamingEventProcessor.class)
                .orElseThrow();
        await().atMost(DEADLINE)
                .until(() -> processor.processingStatus().size() == 2
                        && processor.processingStatus().values().stream()
                                .allMatch(status -> status.getCurrentPosition().orElse(-1) >= head));
    }

    private long gapsInGlobalIndex() {
        return jdbc.queryForObject(
                "select max(global_index) - min(global_index) + 1 - count(*)" + " from domain_event_entry", Long.class);
    }

    private Long globalIndexOf(String eventIdentifier) {
        return jdbc.queryForObject(
                "select global_index from domain_event_entry where event_identifier = ?", Long.class, eventIdentifier);
    }

    private static List<DomainEventMessage<ProbeRecorded>> probes(UUID aggregateId, int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> (DomainEventMessage<ProbeRecorded>) new GenericDomainEventMessage<>(
                        "Probe", aggregateId.toString(), i, new ProbeRecorded("probe " + i, LocalDate.of(2025, 1, 1))))
                .toList();
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            if (!latch.await(DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never released the slow writer");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Counts how often the processor handed it each event. */
    @ProcessingGroup("concurrency-probe")
    static class ProbeCounter {

        private final Map<String, AtomicInteger> seen = new ConcurrentHashMap<>();

        @EventHandler
        void on(ProbeRecorded event, @MessageIdentifier String eventIdentifier) {
            seen.computeIfAbsent(eventIdentifier, id -> new AtomicInteger()).incrementAndGet();
        }

        Map<String, AtomicInteger> seen() {
            return Collections.unmodifiableMap(seen);
        }
    }

    @TestConfiguration
    static class ProbeConfiguration {
        @Bean
        ProbeCounter probeCounter() {
            return new ProbeCounter();
        }
    }
}
