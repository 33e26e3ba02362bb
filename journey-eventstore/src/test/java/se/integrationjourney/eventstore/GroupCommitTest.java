package se.integrationjourney.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The group commit's bookkeeping, with a recording writer in place of the database: which appends share a write,
 * who learns what, and what happens around {@link GroupCommit#close()}. GroupCommitStoreTest runs it on
 * PostgreSQL.
 */
class GroupCommitTest {

    private final ExecutorService commands = Executors.newFixedThreadPool(8);
    /** Each write the group commit made, as the events it held, in order. */
    private final List<List<String>> writes = Collections.synchronizedList(new ArrayList<>());

    private final CountDownLatch firstWriteMayEnd = new CountDownLatch(1);
    private final CompletableFuture<Void> firstWriteStarted = new CompletableFuture<>();

    @AfterEach
    void stopCommands() throws InterruptedException {
        commands.shutdownNow();
        assertThat(commands.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void givenAppendsArrivingWhileAWriteIsUnderWay_whenItEnds_thenTheyAreWrittenTogetherInOneWrite() throws Exception {
        GroupCommit groupCommit = new GroupCommit(recording(holdingTheFirstWrite(events -> {})), 100);
        Future<?> first = startTheFirstWrite(groupCommit);
        List<Future<?>> waiting = new ArrayList<>();
        for (String payload : List.of("a", "b", "c")) {
            waiting.add(commands.submit(() -> groupCommit.append(events(payload + "1", payload + "2"))));
        }
        await().until(() -> groupCommit.waiting() == 3);
        assertThat(waiting).noneMatch(Future::isDone);
        firstWriteMayEnd.countDown();
        first.get(30, TimeUnit.SECONDS);
        for (Future<?> append : waiting) {
            append.get(30, TimeUnit.SECONDS);
        }
        groupCommit.close();

        assertThat(writes).hasSize(2);
        assertThat(writes.get(0)).containsExactly("first");
        // One write, each command's events together and in their order.
        assertThat(writes.get(1)).containsExactlyInAnyOrder("a1", "a2", "b1", "b2", "c1", "c2");
        assertThat(writes.get(1).indexOf("a1")).isEqualTo(writes.get(1).indexOf("a2") - 1);
        assertThat(writes.get(1).indexOf("b1")).isEqualTo(writes.get(1).indexOf("b2") - 1);
        assertThat(writes.get(1).indexOf("c1")).isEqualTo(writes.get(1).indexOf("c2") - 1);
    }

    @Test
    void givenOneRefusedAppendAmongOthers_whenWrittenTogether_thenOnlyItFailsWithItsOwnErrorAndTheOthersAreStored()
            throws Exception {
        List<String> stored = Collections.synchronizedList(new ArrayList<>());
        GroupCommit groupCommit = new GroupCommit(
                recording(holdingTheFirstWrite(events -> {
                    List<String> payloads = payloads(events);
                    if (payloads.contains("duplicate")) {
                        throw new IllegalStateException("refused: " + payloads);
                    }
                    stored.addAll(payloads);
                })),
                100);
        Future<?> first = startTheFirstWrite(groupCommit);
        Future<?> before = commands.submit(() -> groupCommit.append(events("before")));
        await().until(() -> groupCommit.waiting() == 1);
        Future<?> refused = commands.submit(() -> groupCommit.append(events("duplicate")));
        await().until(() -> groupCommit.waiting() == 2);
        Future<?> after = commands.submit(() -> groupCommit.append(events("after")));
        await().until(() -> groupCommit.waiting() == 3);
        firstWriteMayEnd.countDown();

        first.get(30, TimeUnit.SECONDS);
        before.get(30, TimeUnit.SECONDS);
        after.get(30, TimeUnit.SECONDS);
        assertThatThrownBy(() -> refused.get(30, TimeUnit.SECONDS))
                .cause()
                .isInstanceOf(IllegalStateException.class)
                // The error of writing it alone, not of the shared write that named the others too.
                .hasMessage("refused: [duplicate]");
        assertThat(stored).containsExactly("first", "before", "after");
        assertThat(writes)
                .containsExactly(
                        List.of("first"),
                        List.of("before", "duplicate", "after"),
                        List.of("before"),
                        List.of("duplicate"),
                        List.of("after"));
        groupCommit.close();
    }

    @Test
    void givenMoreWaitingEventsThanOneWriteHolds_whenWritten_thenTheyAreSplitWithoutSplittingACommand()
            throws Exception {
        GroupCommit groupCommit = new GroupCommit(recording(holdingTheFirstWrite(events -> {})), 4);
        Future<?> first = startTheFirstWrite(groupCommit);
        List<Future<?>> waiting = new ArrayList<>();
        List<List<EventMessage<?>>> appends = List.of(
                events("a1", "a2", "a3"), events("b1", "b2"), events("c1", "c2"), events("d1", "d2", "d3", "d4", "d5"));
        for (List<EventMessage<?>> append : appends) {
            waiting.add(commands.submit(() -> groupCommit.append(append)));
            int queued = waiting.size();
            await().until(() -> groupCommit.waiting() == queued);
        }
        firstWriteMayEnd.countDown();
        first.get(30, TimeUnit.SECONDS);
        for (Future<?> append : waiting) {
            append.get(30, TimeUnit.SECONDS);
        }
        groupCommit.close();

        // In arrival order; a command with more events than the bound gets a write of its own.
        assertThat(writes)
                .containsExactly(
                        List.of("first"),
                        List.of("a1", "a2", "a3"),
                        List.of("b1", "b2", "c1", "c2"),
                        List.of("d1", "d2", "d3", "d4", "d5"));
    }

    @Test
    void givenAClosedGroupCommit_whenAppending_thenTheCallersThreadWritesItAlone() {
        List<String> writers = Collections.synchronizedList(new ArrayList<>());
        GroupCommit groupCommit = new GroupCommit(
                recording(events -> writers.add(Thread.currentThread().getName())), 100);
        groupCommit.append(events("before"));
        groupCommit.close();

        groupCommit.append(events("after"));
        groupCommit.close();

        assertThat(writes).containsExactly(List.of("before"), List.of("after"));
        assertThat(writers)
                .containsExactly(
                        "event-store-group-commit", Thread.currentThread().getName());
    }

    @Test
    void givenAppendsWaiting_whenClosed_thenTheyAreWrittenBeforeCloseReturns() throws Exception {
        GroupCommit groupCommit = new GroupCommit(recording(holdingTheFirstWrite(events -> {})), 100);
        Future<?> first = startTheFirstWrite(groupCommit);
        Future<?> waiting = commands.submit(() -> groupCommit.append(events("waiting")));
        await().until(() -> groupCommit.waiting() == 1);

        Future<?> closed = commands.submit(groupCommit::close);
        firstWriteMayEnd.countDown();
        closed.get(30, TimeUnit.SECONDS);

        // Written when close returns; the appending threads then return on their own schedule, without error.
        assertThat(writes).containsExactly(List.of("first"), List.of("waiting"));
        first.get(30, TimeUnit.SECONDS);
        waiting.get(30, TimeUnit.SECONDS);
    }

    /** A writer that holds the write of the event "first" until {@link #firstWriteMayEnd} counts down. */
    private Consumer<List<? extends EventMessage<?>>> holdingTheFirstWrite(
            Consumer<List<? extends EventMessage<?>>> writer) {
        return events -> {
            if (payloads(events).contains("first")) {
                firstWriteStarted.complete(null);
                awaitLatch(firstWriteMayEnd);
            }
            writer.accept(events);
        };
    }

    /** Appends the event "first" and returns once its write has started (and is held). */
    private Future<?> startTheFirstWrite(GroupCommit groupCommit) throws Exception {
        Future<?> first = commands.submit(() -> groupCommit.append(events("first")));
        firstWriteStarted.get(30, TimeUnit.SECONDS);
        return first;
    }

    private Consumer<List<? extends EventMessage<?>>> recording(Consumer<List<? extends EventMessage<?>>> writer) {
        return events -> {
            writes.add(payloads(events));
            writer.accept(events);
        };
    }

    private static List<EventMessage<?>> events(String... payloads) {
        List<EventMessage<?>> events = new ArrayList<>();
        for (String payload : payloads) {
            events.add(GenericEventMessage.asEventMessage(payload));
        }
        return events;
    }

    private static List<String> payloads(List<? extends EventMessage<?>> events) {
        return events.stream().map(event -> (String) event.getPayload()).toList();
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
