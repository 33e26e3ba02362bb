package se.integrationjourney.projections.runtime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs every view: one live processor each, and on request a rebuild that fills fresh tables from the first
 * event while the old view keeps serving, then swaps them in once it has caught up.
 */
public class ProjectionRunner implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRunner.class);
    private static final long REBUILD_CHECK_MILLIS = 200;

    private final Map<String, Projection> projections = new LinkedHashMap<>();
    private final ViewProcessor.Infrastructure infrastructure;
    private final ViewSwap swap;
    private final Map<String, ViewProcessor> live = new LinkedHashMap<>();
    private final Map<String, ViewProcessor> rebuilding = new LinkedHashMap<>();
    private ScheduledExecutorService rebuildMonitor;
    private boolean running;

    ProjectionRunner(List<Projection> projections, ViewProcessor.Infrastructure infrastructure, ViewSwap swap) {
        projections.forEach(projection -> {
            if (this.projections.put(projection.name(), projection) != null) {
                throw new IllegalStateException("Two views are named " + projection.name());
            }
        });
        this.infrastructure = infrastructure;
        this.swap = swap;
    }

    @Override
    public synchronized void start() {
        for (Projection projection : projections.values()) {
            swap.discardRebuild(projection);
            live.put(projection.name(), startProcessor(projection.name(), projection, ViewTables.LIVE));
        }
        rebuildMonitor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "view-rebuild-monitor");
            thread.setDaemon(true);
            return thread;
        });
        rebuildMonitor.scheduleWithFixedDelay(this::finishCaughtUpRebuilds, REBUILD_CHECK_MILLIS,
                REBUILD_CHECK_MILLIS, TimeUnit.MILLISECONDS);
        running = true;
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (rebuildMonitor != null) {
            rebuildMonitor.shutdownNow();
        }
        rebuilding.values().forEach(ViewProcessor::stop);
        rebuilding.clear();
        live.values().forEach(ViewProcessor::stop);
        live.clear();
    }

    @Override
    public synchronized boolean isRunning() {
        return running;
    }

    /** Start after the application's other components (the event store among them), stop before them. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }

    public synchronized List<String> names() {
        return List.copyOf(projections.keySet());
    }

    /**
     * Starts rebuilding a view from the first event; the old view answers until the new one has caught up.
     *
     * @return false if a rebuild of that view is already running (the request changes nothing)
     * @throws UnknownProjectionException if no view has that name
     */
    public synchronized boolean rebuild(String name) {
        Projection projection = projection(name);
        if (rebuilding.containsKey(name)) {
            return false;
        }
        swap.prepareRebuild(projection);
        rebuilding.put(name, startProcessor(Projections.rebuildProcessorName(projection), projection,
                ViewTables.REBUILD));
        log.info("View {}: rebuild started", name);
        return true;
    }

    public synchronized List<ProjectionStatus> status() {
        long head = swap.headPosition();
        List<ProjectionStatus> statuses = new ArrayList<>();
        for (String name : projections.keySet()) {
            ViewProcessor serving = live.get(name);
            ViewProcessor rebuild = rebuilding.get(name);
            long position = serving == null ? 0 : serving.position().orElse(0);
            ViewProcessor busiest = rebuild != null ? rebuild : serving;
            long progressPosition = busiest == null ? 0 : busiest.position().orElse(0);
            double progress = head == 0 ? (busiest != null && busiest.position().isPresent() ? 1.0 : 0.0)
                    : Math.min(1.0, (double) progressPosition / head);
            String lastError = rebuild != null && rebuild.lastError() != null ? rebuild.lastError()
                    : serving == null ? null : serving.lastError();
            statuses.add(new ProjectionStatus(name, position, head, rebuild != null, progress,
                    busiest == null ? 0 : busiest.eventsPerSecond(), lastError,
                    serving == null ? 0 : serving.deadLetteredJourneys()));
        }
        return statuses;
    }

    /** Retries the live view's dead-lettered events; returns how many journeys could now be handled. */
    public synchronized int retryDeadLetters(String name) {
        projection(name);
        ViewProcessor serving = live.get(name);
        return serving == null ? 0 : serving.retryDeadLetters();
    }

    synchronized void finishCaughtUpRebuilds() {
        if (rebuilding.isEmpty()) {
            return;
        }
        try {
            long head = swap.headPosition();
            for (String name : List.copyOf(rebuilding.keySet())) {
                if (rebuilding.get(name).caughtUpTo(head)) {
                    switchOver(projections.get(name));
                }
            }
        } catch (RuntimeException e) {
            log.error("Checking view rebuilds failed; will check again", e);
        }
    }

    private void switchOver(Projection projection) {
        String name = projection.name();
        ViewProcessor rebuilt = rebuilding.remove(name);
        ViewProcessor serving = live.remove(name);
        serving.stop();
        rebuilt.stop();
        try {
            swap.swapIn(projection);
            log.info("View {}: rebuilt view has caught up and now serves", name);
        } catch (RuntimeException e) {
            log.error("View {}: swapping in the rebuilt view failed; the old view keeps serving", name, e);
            swap.discardRebuild(projection);
        }
        live.put(name, startProcessor(name, projection, ViewTables.LIVE));
    }

    private ViewProcessor startProcessor(String processorName, Projection projection, ViewTables tables) {
        ViewProcessor processor = new ViewProcessor(processorName, projection.eventHandlers(tables), infrastructure);
        processor.start();
        return processor;
    }

    private Projection projection(String name) {
        Projection projection = projections.get(name);
        if (projection == null) {
            throw new UnknownProjectionException(name);
        }
        return projection;
    }
}
