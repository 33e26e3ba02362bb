package se.integrationjourney.api.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import se.integrationjourney.api.accesslog.AccessAction;
import se.integrationjourney.api.accesslog.AccessLog;
import se.integrationjourney.api.security.JourneyUser;
import se.integrationjourney.eventstore.BrokenLink;
import se.integrationjourney.eventstore.ChainVerification;
import se.integrationjourney.eventstore.DatabaseFailures;

/**
 * Verifications of the whole store's hash chains, run one at a time in the background on this node, with their
 * progress while they run and their result after, as view rebuilds are: a million events take long enough that a
 * request should not wait for them, and the auditor's page polls the progress. Asking for one while one runs gives
 * the running one. The last {@value #KEPT} are kept in memory, so that their results can be read; they are not kept
 * across restarts, and another node knows nothing of them (the access log keeps who started which).
 */
@Component
public class StoreVerifications implements DisposableBean {

    static final int KEPT = 20;

    private static final Logger log = LoggerFactory.getLogger(StoreVerifications.class);

    private final ChainVerification verification;
    private final AccessLog accessLog;
    private final Clock clock;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "chain-verification");
        thread.setDaemon(true);
        return thread;
    });
    /** Newest first; guarded by itself. */
    private final Deque<Run> runs = new ArrayDeque<>();

    StoreVerifications(ChainVerification verification, AccessLog accessLog, Clock clock) {
        this.verification = verification;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    /** Starts verifying the whole store, or gives the verification already running; recorded either way. */
    public Progress start(JourneyUser user, String resource) {
        Run run;
        boolean started = false;
        synchronized (runs) {
            run = runs.stream().filter(Run::running).findFirst().orElse(null);
            if (run == null) {
                run = new Run(UUID.randomUUID(), user.username(), clock.instant());
                runs.addFirst(run);
                while (runs.size() > KEPT) {
                    runs.removeLast();
                }
                started = true;
            }
        }
        accessLog.act(user.actor(), AccessAction.CHAIN_VERIFIED, resource, run.id.toString());
        if (started) {
            Run starting = run;
            runner.execute(() -> verify(starting));
        }
        return run.progress(clock.instant());
    }

    public Optional<Progress> find(UUID id) {
        synchronized (runs) {
            return runs.stream().filter(run -> run.id.equals(id)).findFirst().map(run -> run.progress(clock.instant()));
        }
    }

    /** The verifications this node remembers, newest first. */
    public List<Progress> recent() {
        Instant now = clock.instant();
        synchronized (runs) {
            return runs.stream().map(run -> run.progress(now)).toList();
        }
    }

    @Override
    public void destroy() {
        runner.shutdownNow();
    }

    private void verify(Run run) {
        try {
            ChainVerification.StoreReport report = verification.verifyStore((checked, total) -> {
                if (Thread.currentThread().isInterrupted()) {
                    throw new CancellationException("the service is stopping");
                }
                run.checked(checked, total);
            });
            run.finish(clock.instant(), report, null);
            if (report.intact()) {
                log.info(
                        "Verified the store's hash chains ({}): {} events in {} chains, all intact",
                        run.id,
                        report.events(),
                        report.aggregates());
            } else {
                // Ids, positions and hashes only: no personal data.
                log.warn(
                        "Verified the store's hash chains ({}): {} of {} chains broken; the first: {}",
                        run.id,
                        report.brokenAggregates(),
                        report.aggregates(),
                        report.broken().get(0).describe());
            }
        } catch (CancellationException stopped) {
            run.finish(clock.instant(), null, "stopped: the service stopped");
        } catch (RuntimeException failed) {
            String reason = DatabaseFailures.describe(failed);
            run.finish(clock.instant(), null, reason);
            log.warn("Verifying the store's hash chains ({}) failed: {}", run.id, reason);
        }
    }

    /** Where a verification stands. */
    public enum State {
        RUNNING,
        /** Every chain holds. */
        INTACT,
        /** At least one chain is broken. */
        BROKEN,
        /** It could not finish (the database, the service stopping): nothing is known of the chains. */
        FAILED
    }

    /**
     * A verification as it stands at {@code at}.
     *
     * @param eventsPerSecond since it started; 0 before its first page
     * @param secondsLeft     at that rate, while it runs; null before there is a rate and once finished
     * @param chains          chains (aggregates) checked so far
     * @param brokenChains    chains found broken so far
     * @param broken          the first break of each broken chain, at most ChainVerification.MAX_BROKEN_LISTED; empty
     *                        until it has finished
     * @param failure         why it failed; null unless FAILED
     */
    public record Progress(
            UUID id,
            State state,
            String startedBy,
            Instant startedAt,
            Instant finishedAt,
            long eventsChecked,
            long eventsTotal,
            long eventsPerSecond,
            Long secondsLeft,
            long chains,
            long brokenChains,
            List<BrokenLink> broken,
            String failure) {

        public boolean running() {
            return state == State.RUNNING;
        }

        /** Of the events to check, in whole percent (100 once finished). */
        public int percent() {
            if (state != State.RUNNING) {
                return 100;
            }
            return eventsTotal == 0 ? 0 : (int) Math.min(100, eventsChecked * 100 / eventsTotal);
        }
    }

    private static final class Run {

        final UUID id;
        final String startedBy;
        final Instant startedAt;
        private volatile long checked;
        private volatile long total;
        private volatile Instant finishedAt;
        private volatile ChainVerification.StoreReport report;
        private volatile String failure;

        Run(UUID id, String startedBy, Instant startedAt) {
            this.id = id;
            this.startedBy = startedBy;
            this.startedAt = startedAt;
        }

        boolean running() {
            return finishedAt == null;
        }

        void checked(long checked, long total) {
            this.total = total;
            this.checked = checked;
        }

        void finish(Instant at, ChainVerification.StoreReport report, String failure) {
            this.report = report;
            this.failure = failure;
            if (report != null) {
                this.checked = report.events();
                this.total = report.events();
            }
            this.finishedAt = at;
        }

        Progress progress(Instant now) {
            Instant finished = finishedAt; // read first: report and failure are set before it
            ChainVerification.StoreReport done = report;
            long events = checked;
            long of = total;
            double seconds = Duration.between(startedAt, finished == null ? now : finished)
                            .toMillis()
                    / 1000.0;
            long rate = seconds <= 0 || events == 0 ? 0 : Math.round(events / seconds);
            State state = finished == null
                    ? State.RUNNING
                    : done == null ? State.FAILED : done.intact() ? State.INTACT : State.BROKEN;
            return new Progress(
                    id,
                    state,
                    startedBy,
                    startedAt,
                    finished,
                    events,
                    of,
                    rate,
                    finished == null && rate > 0 ? Math.max(0, (of - events) / rate) : null,
                    done == null ? 0 : done.aggregates(),
                    done == null ? 0 : done.brokenAggregates(),
                    done == null ? List.of() : done.broken(),
                    failure);
        }
    }
}
