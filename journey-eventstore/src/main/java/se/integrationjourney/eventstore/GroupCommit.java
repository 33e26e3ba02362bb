package se.integrationjourney.eventstore;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import org.axonframework.eventhandling.EventMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commands' appends written together: whatever commands are waiting to store their events when the previous write
 * ends go into one transaction, one batched insert and one commit, so that they share its round trips and its
 * flush of PostgreSQL's write-ahead log (docs/adr/0011-group-commit.md). Every command still waits until its own
 * events are durably stored: {@link #append} returns only after the commit that holds them.
 *
 * <p>A write that fails is not the failure of every command in it: the commands' appends are then written again,
 * each in a transaction of its own, so that only the one the database refuses (a stale journey's sequence number,
 * say) fails, with the exception its own write raised. Nothing is stored twice: a refused write stored nothing,
 * and should a commit's outcome be unknown (the connection lost during it) but the events stored after all, their
 * second write meets the unique (journey, sequence number) key. After such a commit a command whose second write
 * fails, for that or any reason, fails with {@link CommitOutcomeUnknownException}: its events may be stored, and
 * its caller must not be told otherwise; one whose second write succeeds was not in the lost commit.
 *
 * <p>One thread writes; the commands' threads wait for it. After {@link #close()}, appends are written on the
 * caller's thread, each in its own transaction, so that nothing is refused while the application stops.
 */
final class GroupCommit implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

    /** The marker that tells the writing thread to finish: it is queued after every append accepted before. */
    private static final Pending CLOSE = new Pending(List.of());

    private final Consumer<List<? extends EventMessage<?>>> writeInOwnTransaction;
    private final int maxEventsPerWrite;
    private final Written written;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private final Object closing = new Object();
    /** Guarded by {@link #closing}. */
    private boolean closed;

    /**
     * @param writeInOwnTransaction stores the given events in a transaction of its own and commits it, or throws
     *                              having stored nothing
     * @param maxEventsPerWrite     at most this many events in one transaction (a command with more gets one
     *                              transaction of its own)
     */
    GroupCommit(Consumer<List<? extends EventMessage<?>>> writeInOwnTransaction, int maxEventsPerWrite) {
        this(writeInOwnTransaction, maxEventsPerWrite, (events, nanos) -> {});
    }

    /**
     * @param written told of every transaction the writing thread committed: how many events it held, how long
     *                it took (for the metrics)
     */
    GroupCommit(
            Consumer<List<? extends EventMessage<?>>> writeInOwnTransaction, int maxEventsPerWrite, Written written) {
        if (maxEventsPerWrite < 1) {
            throw new IllegalArgumentException("a write holds at least one event");
        }
        this.writeInOwnTransaction = writeInOwnTransaction;
        this.maxEventsPerWrite = maxEventsPerWrite;
        this.written = written;
        this.writer = new Thread(this::writeUntilClosed, "event-store-group-commit");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /**
     * Stores {@code events} (one command's, in order) and returns once they are committed; throws what storing
     * them alone threw if they could not be stored.
     */
    void append(List<? extends EventMessage<?>> events) {
        Pending pending = new Pending(events);
        boolean queued;
        synchronized (closing) {
            queued = !closed;
            if (queued) {
                queue.add(pending);
            }
        }
        if (!queued) {
            writeInOwnTransaction.accept(events);
            return;
        }
        pending.awaitStored();
    }

    /** How many commands' appends wait for the next write (not counting those being written). */
    int waiting() {
        return queue.size();
    }

    /** Writes what was accepted before, then lets the writing thread end; later appends write on their own. */
    @Override
    public void close() {
        synchronized (closing) {
            if (closed) {
                return;
            }
            closed = true;
            queue.add(CLOSE);
        }
        boolean interrupted = false;
        while (writer.isAlive()) {
            try {
                writer.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void writeUntilClosed() {
        List<Pending> batch = new ArrayList<>();
        Pending next = null;
        while (true) {
            try {
                if (next == null) {
                    next = queue.take();
                }
                if (next == CLOSE) {
                    return;
                }
                // Whatever waits now joins the write, up to the bound; an append that would pass it opens the next.
                int events = 0;
                while (next != null
                        && next != CLOSE
                        && (batch.isEmpty() || events + next.events.size() <= maxEventsPerWrite)) {
                    batch.add(next);
                    events += next.events.size();
                    next = queue.poll();
                }
                write(batch);
            } catch (InterruptedException e) {
                // Nobody interrupts this thread but the JVM's end; the queue is kept for close() or the callers.
                log.warn("The event store's group commit was interrupted; appends still waiting are written as"
                        + " they come");
            } catch (Throwable unexpected) {
                // write() completes every append it took, whatever happened; this is a bug of this class.
                log.error("The event store's group commit failed outside a write", unexpected);
                batch.forEach(pending -> pending.fail(unexpected));
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<Pending> batch) {
        if (batch.size() == 1) {
            writeAlone(batch.get(0));
            return;
        }
        List<EventMessage<?>> events = new ArrayList<>();
        batch.forEach(pending -> events.addAll(pending.events));
        long started = System.nanoTime();
        try {
            writeInOwnTransaction.accept(events);
        } catch (RuntimeException | Error refused) {
            // One refused append (a duplicate sequence number) refuses the whole write; find it, store the rest.
            boolean outcomeUnknown = refused instanceof CommitOutcomeUnknownException;
            batch.forEach(pending -> writeAlone(pending, outcomeUnknown));
            return;
        }
        written.committed(events.size(), System.nanoTime() - started);
        batch.forEach(Pending::stored);
    }

    private void writeAlone(Pending pending) {
        writeAlone(pending, false);
    }

    /**
     * @param afterUnknownCommit the events were in a write whose commit's outcome is unknown: they may be stored
     */
    private void writeAlone(Pending pending, boolean afterUnknownCommit) {
        long started = System.nanoTime();
        try {
            writeInOwnTransaction.accept(pending.events);
        } catch (RuntimeException | Error refused) {
            pending.fail(
                    afterUnknownCommit && !(refused instanceof CommitOutcomeUnknownException)
                            ? new CommitOutcomeUnknownException(refused)
                            : refused);
            return;
        }
        written.committed(pending.events.size(), System.nanoTime() - started);
        pending.stored();
    }

    /** What the writing thread reports of each transaction it committed. */
    @FunctionalInterface
    interface Written {
        void committed(int events, long nanos);
    }

    /** One command's events and what became of them. */
    private static final class Pending {

        private final List<? extends EventMessage<?>> events;
        private final CompletableFuture<Void> outcome = new CompletableFuture<>();

        Pending(List<? extends EventMessage<?>> events) {
            this.events = events;
        }

        void stored() {
            outcome.complete(null);
        }

        void fail(Throwable cause) {
            outcome.completeExceptionally(cause);
        }

        /** Waits, uninterruptibly: once queued, the events may be stored, and the command must learn whether. */
        void awaitStored() {
            try {
                outcome.join();
            } catch (CompletionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (cause instanceof Error error) {
                    throw error;
                }
                throw e;
            }
        }
    }
}
