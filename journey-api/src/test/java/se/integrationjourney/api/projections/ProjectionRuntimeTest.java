package se.integrationjourney.api.projections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import se.integrationjourney.projections.runtime.ProjectionRunner;
import se.integrationjourney.projections.runtime.ProjectionStatus;
import se.integrationjourney.projections.runtime.SegmentStatus;
import se.integrationjourney.projections.runtime.UnknownProjectionException;

@SpringBootTest(properties = {"journey.projections.batch-size=7", "journey.projections.stall-after=2s"})
class ProjectionRuntimeTest {

    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @Autowired
    ProjectionRunner runner;

    @Autowired
    ProbeProjection probe;

    @Autowired
    EventStore eventStore;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void healProbe() {
        probe.poisoned = false;
        CountDownLatch live = probe.liveGate;
        if (live != null) {
            live.countDown();
        }
        probe.liveGate = null;
        runner.deadLetters(ProbeProjection.NAME, 1000)
                .forEach(journey -> runner.evictDeadLetters(ProbeProjection.NAME, journey.journeyId()));
        CountDownLatch gate = probe.rebuildGate;
        if (gate != null) {
            gate.countDown();
        }
        probe.rebuildGate = null;
    }

    @Test
    void givenAppendedEvents_whenTheLiveViewCatchesUp_thenItCountsThemAndReportsItsPosition() {
        String journey = append(UUID.randomUUID(), "a", "b", "c");

        awaitCaughtUp();

        assertThat(countOf(journey)).isEqualTo(3);
        ProjectionStatus status = status();
        assertThat(status.position()).isEqualTo(status.headPosition()).isPositive();
        assertThat(status.progress()).isEqualTo(1.0);
        assertThat(status.replaying()).isFalse();
    }

    @Test
    void givenADamagedView_whenRebuilt_thenTheOldViewServesUntilTheNewOneHasCaughtUpAndThenIsReplaced() {
        String journey = append(UUID.randomUUID(), "one", "two");
        awaitCaughtUp();
        jdbc.update("update probe_view set events = 99 where aggregate_id = ?", journey);
        probe.rebuildGate = new CountDownLatch(1);

        assertThat(runner.rebuild(ProbeProjection.NAME)).isTrue();
        assertThat(runner.rebuild(ProbeProjection.NAME))
                .as("a second request while one runs")
                .isFalse();

        assertThat(status().replaying()).isTrue();
        assertThat(status().caughtUp()).isFalse();
        assertThat(countOf(journey)).as("the old view keeps serving").isEqualTo(99);

        probe.rebuildGate.countDown();
        awaitCaughtUp();

        assertThat(countOf(journey)).isEqualTo(2);
        assertThat(jdbc.queryForList(
                        "select indexname from pg_indexes where tablename = 'probe_view' order by 1", String.class))
                .containsExactly("probe_view_events_ix", "probe_view_pk");
        assertThat(jdbc.queryForObject(
                        "select count(*) from pg_tables where tablename like '%\\_\\_rebuild'", Long.class))
                .isZero();
        assertThat(jdbc.queryForList(
                        "select distinct processor_name from token_entry where processor_name like 'probe%'",
                        String.class))
                .containsExactly(ProbeProjection.NAME);
    }

    @Test
    void givenARebuiltView_whenEventsArriveAfterTheSwitch_thenTheNewViewHandlesThem() {
        append(UUID.randomUUID(), "before");
        awaitCaughtUp();
        runner.rebuild(ProbeProjection.NAME);
        awaitCaughtUp();

        String later = append(UUID.randomUUID(), "after", "after");
        awaitCaughtUp();

        assertThat(countOf(later)).isEqualTo(2);
    }

    @Test
    void givenAFailingHandler_whenAJourneysEventFails_thenOtherJourneysGoOnAndTheErrorShowsWithoutPersonalData() {
        probe.poisoned = true;
        String failing = append(UUID.randomUUID(), "fine", "poison", "queued behind the poison");
        String healthy = append(UUID.randomUUID(), "fine", "fine");

        await().atMost(DEADLINE).until(() -> countOf(healthy) == 2 && status().deadLetters() == 1);

        assertThat(countOf(failing)).as("the journey stops at its failed event").isEqualTo(1);
        ProjectionStatus status = status();
        assertThat(status.lastError())
                .isEqualTo("IllegalStateException while handling ProbeRecorded of journey " + failing);
        // The failed event carries the cause; the event queued behind it carries none.
        assertThat(jdbc.queryForList(
                        "select cause_message from dead_letter_entry where processing_group = ?"
                                + " and cause_message is not null",
                        String.class,
                        ProbeProjection.NAME))
                .containsExactly(status.lastError());

        probe.poisoned = false;
        assertThat(runner.retryDeadLetters(ProbeProjection.NAME)).isEqualTo(1);

        assertThat(countOf(failing)).isEqualTo(3);
        assertThat(status().deadLetters()).isZero();
        assertThat(status().lastError()).isNull();
    }

    @Test
    void givenAnEventWhoseRowTheDatabaseRefuses_whenHandled_thenItAloneIsDeadLetteredAndTheViewGoesOn() {
        String failing = append(UUID.randomUUID(), "fine", "refused \u0000 text", "queued behind it");
        String healthy = append(UUID.randomUUID(), "fine", "fine");

        await().atMost(DEADLINE)
                .until(() -> countOf(healthy) == 2
                        && status().deadLetters() == 1
                        && status().caughtUp()
                        && status().segments().stream().noneMatch(SegmentStatus::eventByEvent));

        assertThat(countOf(failing))
                .as("the journey stops before its refused event")
                .isEqualTo(1);
        ProjectionStatus status = status();
        assertThat(status.lastError())
                .contains("(SQL state 22021)")
                .contains("while handling ProbeRecorded of journey " + failing)
                .doesNotContain("refused");
        assertThat(status.condition()).isEqualTo(ProjectionStatus.DEGRADED);
        assertThat(status.segments()).allMatch(segment -> segment.error() == null && !segment.stalled());
        assertThat(runner.deadLetters(ProbeProjection.NAME, 10)).singleElement().satisfies(journey -> {
            assertThat(journey.journeyId()).isEqualTo(failing);
            assertThat(journey.events()).isEqualTo(2);
            assertThat(journey.cause()).isEqualTo(status.lastError());
        });

        assertThat(runner.evictDeadLetters(ProbeProjection.NAME, failing)).isEqualTo(2);
        assertThat(status().deadLetters()).isZero();
        assertThat(status().lastError()).as("healthy again").isNull();
        assertThat(status().condition()).isEqualTo(ProjectionStatus.UP);
    }

    @Test
    void givenASegmentThatDoesNotMoveWhileEventsWait_whenLongerThanTheStallTime_thenTheViewIsDownAndNamesTheEvent() {
        probe.liveGate = new CountDownLatch(1);
        String held = append(UUID.randomUUID(), "held");

        await().atMost(DEADLINE).until(() -> ProjectionStatus.DOWN.equals(status().condition()));

        assertThat(status().caughtUp()).isFalse();
        assertThat(status().segments())
                .filteredOn(SegmentStatus::stalled)
                .singleElement()
                .satisfies(segment -> assertThat(segment.atEvent()).contains("ProbeRecorded of journey " + held));
        probe.liveGate.countDown();
        await().atMost(DEADLINE).until(() -> ProjectionStatus.UP.equals(status().condition()) && status().caughtUp());
        assertThat(countOf(held)).isEqualTo(1);
    }

    @Test
    void givenARestart_whenTheRunnerStartsAgain_thenItContinuesFromItsStoredPositionWithoutReplaying() {
        String journey = append(UUID.randomUUID(), "x", "y");
        awaitCaughtUp();

        runner.stop();
        runner.start();
        append(UUID.fromString(journey), 2, "z");
        awaitCaughtUp();

        assertThat(countOf(journey)).isEqualTo(3);
    }

    @Test
    void givenOtherSettings_whenTheRunnerStarts_thenTheViewIsRebuiltWithThemWhileTheOldOneServesAndFollows() {
        String journey = append(UUID.randomUUID(), "one", "two");
        awaitCaughtUp();
        jdbc.update("update probe_view set events = 99 where aggregate_id = ?", journey);
        runner.stop();
        probe.setting = "counting, second edition"; // kept after the test: it is what the view now records
        probe.rebuildGate = new CountDownLatch(1);

        runner.start();

        assertThat(status().replaying()).as("rebuilding at start").isTrue();
        assertThat(jdbc.queryForList("select setting from probe_view_settings", String.class))
                .as("the live view, following new events with the new setting, no longer claims the old one")
                .isEmpty();
        append(UUID.fromString(journey), 2, "three");
        await().atMost(DEADLINE).until(() -> countOf(journey) == 100);
        probe.rebuildGate.countDown();
        awaitCaughtUp();
        assertThat(countOf(journey)).isEqualTo(3);
        assertThat(jdbc.queryForList("select setting from probe_view_settings", String.class))
                .containsExactly("counting, second edition");

        runner.stop();
        runner.start();
        assertThat(status().replaying())
                .as("the same settings again: no rebuild")
                .isFalse();
    }

    @Test
    void givenAnUnknownView_whenRebuildIsAsked_thenItIsRefusedByName() {
        assertThatThrownBy(() -> runner.rebuild("no-such-view"))
                .isInstanceOf(UnknownProjectionException.class)
                .hasMessageContaining("no-such-view");
    }

    private String append(UUID journey, String... texts) {
        return append(journey, 0, texts);
    }

    private String append(UUID journey, int firstSequence, String... texts) {
        List<DomainEventMessage<ProbeRecorded>> events = IntStream.range(0, texts.length)
                .mapToObj(i -> (DomainEventMessage<ProbeRecorded>) new GenericDomainEventMessage<>(
                        "Probe",
                        journey.toString(),
                        firstSequence + i,
                        new ProbeRecorded(texts[i], LocalDate.of(2025, 1, 1))))
                .toList();
        transaction.executeWithoutResult(status -> eventStore.publish(events));
        return journey.toString();
    }

    private void awaitCaughtUp() {
        await().atMost(DEADLINE).until(() -> status().caughtUp());
    }

    private ProjectionStatus status() {
        return runner.status().stream()
                .filter(s -> s.name().equals(ProbeProjection.NAME))
                .findFirst()
                .orElseThrow();
    }

    private int countOf(String journey) {
        List<Map<String, Object>> rows =
                jdbc.queryForList("select events from probe_view where aggregate_id = ?", journey);
        return rows.isEmpty() ? 0 : ((Number) rows.get(0).get("events")).intValue();
    }

    @TestConfiguration
    static class ProbeViewConfiguration {
        @Bean
        ProbeProjection probeProjection(JdbcTemplate jdbc) {
            return new ProbeProjection(jdbc);
        }
    }
}
