package se.integrationjourney.projections.runtime;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.axonframework.eventhandling.EventMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import se.integrationjourney.eventstore.AxonTables;

/**
 * Runs every view: one live processor each, and on request a rebuild that fills fresh tables from the first
 * event while the old view keeps serving, then swaps them in once it has caught up. Views rebuilt at once that
 * belong to one {@linkplain RebuildsTogether rebuild group} share one rebuild processor.
 *
 * <p>Several nodes may run on one database (docs/architecture.md, "Several nodes: event processing"): each live
 * processor claims its fair share of a view's segments among the nodes alive ({@link ProcessingNodes}) and takes over
 * a dead node's once its claims have expired; a view is rebuilt by one node at a time ({@link RebuildLocks}), which
 * hands the rebuilt view's tokens to itself in the swap, so that the other nodes' processors let go of the old view's
 * positions, and gives them back to the others a claim timeout later.
 */
public class ProjectionRunner implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRunner.class);
    private static final long REBUILD_CHECK_MILLIS = 200;
    /** How long ago the head a rebuild must reach was seen: twice Axon's look for other nodes' events. */
    static final Duration HEAD_SETTLE = Duration.ofSeconds(2);
    /** How often each segment's progress is looked at, so that a stall is seen without anyone asking. */
    private static final long SEGMENT_WATCH_MILLIS = 1_000;

    private final Map<String, Projection> projections = new LinkedHashMap<>();
    private final ViewProcessor.Infrastructure infrastructure;
    private final ViewSwap swap;
    private final Map<String, ViewProcessor> live = new LinkedHashMap<>();
    /** The running rebuilds by view name; the views of a group rebuild share one. */
    private final Map<String, Rebuild> rebuilding = new LinkedHashMap<>();
    /** Why the last rebuild of a view did not replace it, by view name; removed when one does. */
    private final Map<String, String> rebuildFailures = new LinkedHashMap<>();

    /** The heads seen while rebuilds run, the oldest first, for {@link #headToReach}. */
    private final ArrayDeque<HeadSeen> heads = new ArrayDeque<>();
    /** Until when each view's live processor here may hold all its segments: after a swap, the claim timeout. */
    private final Map<String, Instant> handoverUntil = new ConcurrentHashMap<>();

    private final ProcessingNodes nodes;
    private final RebuildLocks locks;
    private final Clock clock = Clock.systemUTC();
    private ScheduledExecutorService monitor;
    /** The segments reported stalled, so that a stall is logged once when it begins. */
    private final java.util.Set<String> stalled = new java.util.HashSet<>();

    private boolean running;

    ProjectionRunner(
            List<Projection> projections,
            ViewProcessor.Infrastructure infrastructure,
            ViewSwap swap,
            ProcessingNodes nodes,
            RebuildLocks locks) {
        projections.forEach(projection -> {
            if (this.projections.put(projection.name(), projection) != null) {
                throw new IllegalStateException("Two views are named " + projection.name());
            }
        });
        this.infrastructure = infrastructure;
        this.swap = swap;
        this.nodes = nodes;
        this.locks = locks;
    }

    @Override
    public synchronized void start() {
        nodes.join();
        // The views no node rebuilds now: what their rebuilds left behind goes, and this node may build them.
        Set<String> free = locks.take(projections.keySet());
        discardAbandonedRebuilds(free);
        boolean eventsStored = swap.headPosition() > 0;
        List<Projection> toBuild = new ArrayList<>();
        for (Projection projection : projections.values()) {
            boolean otherSettings = projection.builtWithOtherSettings();
            boolean buildable = free.contains(projection.name());
            if (otherSettings && !eventsStored) {
                projection.recordSettings(ViewTables.LIVE); // no events, so the live tables are empty
            }
            if (eventsStored && !swap.hasTokens(projection.name()) && buildable) {
                toBuild.add(projection);
                log.info("View {} has never run: building it from the first event", projection.name());
            } else {
                if (otherSettings && eventsStored) {
                    // The live view now mixes rows of the old settings and the new: it must be rebuilt at any later
                    // start too (say the settings go back) unless this rebuild is swapped in.
                    projection.forgetSettings();
                }
                // A view another node is building follows the events here too, from its own tokens or the first
                // event, until that node swaps the built one in (the swap then sets this node's processor back).
                live.put(projection.name(), startLive(projection));
                if (otherSettings && eventsStored && buildable) {
                    toBuild.add(projection);
                    log.info(
                            "View {} was built with other settings: rebuilding it from the first event",
                            projection.name());
                }
            }
        }
        List<String> building = toBuild.stream().map(Projection::name).toList();
        locks.release(free.stream().filter(name -> !building.contains(name)).toList());
        // A view that has never run (new in this release, or a store loaded from elsewhere) or that was built with
        // other settings is built the way a rebuild is, much faster than the live path; a view that was running
        // goes on serving (and following new events) until the rebuilt one has caught up.
        startRebuilds(toBuild);
        monitor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "view-monitor");
            thread.setDaemon(true);
            return thread;
        });
        monitor.scheduleWithFixedDelay(
                this::finishCaughtUpRebuilds, REBUILD_CHECK_MILLIS, REBUILD_CHECK_MILLIS, TimeUnit.MILLISECONDS);
        monitor.scheduleWithFixedDelay(
                this::watchSegments, SEGMENT_WATCH_MILLIS, SEGMENT_WATCH_MILLIS, TimeUnit.MILLISECONDS);
        running = true;
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (monitor != null) {
            monitor.shutdownNow();
        }
        List<Runnable> stopped = new ArrayList<>();
        new LinkedHashSet<>(rebuilding.values())
                .forEach(rebuild -> stopped.add(rebuild.processor().stopping()));
        live.values().forEach(processor -> stopped.add(processor.stopping()));
        stopped.forEach(Runnable::run);
        rebuilding.clear();
        live.clear();
        handoverUntil.clear();
        locks.releaseAll();
        nodes.leave();
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
        if (locks.take(List.of(name)).isEmpty()) {
            log.info("View {}: another node is rebuilding it; this one does nothing", name);
            return false;
        }
        startRebuilds(List.of(projection));
        log.info("View {}: rebuild started", name);
        return true;
    }

    /**
     * Starts rebuilding every view not already rebuilding (here or on another node), views of one rebuild group in
     * one processor, so that each event is read once per group rather than once per view.
     *
     * @return the views whose rebuild was started
     */
    public synchronized List<String> rebuildAll() {
        Set<String> taken = locks.take(projections.keySet().stream()
                .filter(name -> !rebuilding.containsKey(name))
                .toList());
        List<Projection> views = projections.values().stream()
                .filter(projection -> taken.contains(projection.name()))
                .toList();
        startRebuilds(views);
        List<String> names = views.stream().map(Projection::name).toList();
        if (names.isEmpty()) {
            log.info("No view rebuild started: every view is being rebuilt already, here or on another node");
        } else {
            log.info("Views {}: rebuild started", names);
        }
        return names;
    }

    /** This node's name among the nodes sharing the database ({@code journey.node.name}). */
    public String nodeName() {
        return nodes.name();
    }

    /** The nodes processing events on this database now, this one among them, by name. */
    public List<String> nodes() {
        return nodes.alive();
    }

    /**
     * Each view's status, as seen from this node: its segments whichever node holds them (their positions as their
     * tokens were last stored, this node's own as it goes), and a rebuild running here or on another node.
     */
    public synchronized List<ProjectionStatus> status() {
        long head = swap.headPosition();
        Set<String> processorNames = new HashSet<>(projections.keySet());
        projections.values().forEach(view -> processorNames.addAll(rebuildProcessorsOf(view)));
        Map<String, List<AxonTables.StoredToken>> tokens = swap.tokensOf(processorNames);
        Set<String> rebuiltAnywhere = locks.heldAnywhere(projections.keySet());
        List<ProjectionStatus> statuses = new ArrayList<>();
        for (Projection view : projections.values()) {
            String name = view.name();
            ViewProcessor serving = live.get(name);
            ViewProcessor rebuild =
                    rebuilding.containsKey(name) ? rebuilding.get(name).processor() : null;
            boolean rebuiltElsewhere = rebuild == null && rebuiltAnywhere.contains(name);
            List<AxonTables.StoredToken> liveTokens = tokens.getOrDefault(name, List.of());
            List<SegmentStatus> segments =
                    serving == null ? unwatched(liveTokens) : serving.segmentStatuses(head, liveTokens);
            long position =
                    segments.stream().mapToLong(SegmentStatus::position).min().orElse(0);
            double progress;
            if (rebuild != null) {
                progress = progress(
                        rebuild.position().orElse(0), head, rebuild.position().isPresent());
            } else if (rebuiltElsewhere) {
                progress = progress(lowestPosition(rebuildTokensOf(view, tokens)), head, false);
            } else {
                progress = progress(position, head, serving != null);
            }
            ViewProcessor busiest = rebuild != null ? rebuild : rebuiltElsewhere ? null : serving;
            String lastError = rebuild != null && rebuild.lastError() != null
                    ? rebuild.lastError()
                    : serving == null ? null : serving.lastError();
            long deadLetters = serving == null ? 0 : serving.deadLetteredJourneys();
            String condition = segments.stream().anyMatch(SegmentStatus::stalled)
                    ? ProjectionStatus.DOWN
                    : deadLetters > 0 || segments.stream().anyMatch(segment -> segment.error() != null)
                            ? ProjectionStatus.DEGRADED
                            : ProjectionStatus.UP;
            statuses.add(new ProjectionStatus(
                    name,
                    position,
                    head,
                    rebuild != null || rebuiltElsewhere,
                    progress,
                    busiest == null ? 0 : busiest.eventsPerSecond(),
                    lastError,
                    deadLetters,
                    condition,
                    segments,
                    rebuildFailures.get(name)));
        }
        return statuses;
    }

    /** How far {@code position} is towards {@code head}, 0–1; with an empty store, 1 once processing runs. */
    private static double progress(long position, long head, boolean runningWhenEmpty) {
        if (head == 0) {
            return runningWhenEmpty ? 1.0 : 0.0;
        }
        return Math.min(1.0, (double) position / head);
    }

    /**
     * A view's segments while no processor here follows it (being swapped in): as stored, with nothing known of
     * failures or waits.
     */
    private List<SegmentStatus> unwatched(List<AxonTables.StoredToken> tokens) {
        return tokens.stream()
                .map(token -> new SegmentStatus(
                        token.segment(),
                        infrastructure.claims().owner(token),
                        infrastructure.claims().position(token),
                        null,
                        null,
                        false,
                        null,
                        false,
                        null))
                .toList();
    }

    /** The stored tokens of the rebuild of {@code view} another node runs: alone, or with its rebuild group. */
    private static List<AxonTables.StoredToken> rebuildTokensOf(
            Projection view, Map<String, List<AxonTables.StoredToken>> tokens) {
        return rebuildProcessorsOf(view).stream()
                .map(tokens::get)
                .filter(found -> found != null && !found.isEmpty())
                .findFirst()
                .orElse(List.of());
    }

    private long lowestPosition(List<AxonTables.StoredToken> tokens) {
        return tokens.stream()
                .mapToLong(infrastructure.claims()::position)
                .min()
                .orElse(0);
    }

    /** The names a rebuild of {@code view} may run under: its own, and its rebuild group's. */
    private static List<String> rebuildProcessorsOf(Projection view) {
        List<String> names = new ArrayList<>();
        names.add(Projections.rebuildProcessorName(view.name()));
        if (view instanceof RebuildsTogether together) {
            names.add(Projections.rebuildProcessorName(together.rebuildGroup()));
        }
        return names;
    }

    /**
     * Removes what the rebuilds of {@code free} views (whose locks this node holds: no node rebuilds them) left
     * behind, and the tokens of a group's rebuild once no member of the group is rebuilt anywhere.
     */
    private void discardAbandonedRebuilds(Set<String> free) {
        if (free.containsAll(projections.keySet())) {
            swap.discardAllRebuilds(projections.values());
            return;
        }
        List<Projection> views = projections.values().stream()
                .filter(view -> free.contains(view.name()))
                .toList();
        Set<String> processorNames = new HashSet<>();
        for (Projection view : views) {
            processorNames.add(Projections.rebuildProcessorName(view.name()));
            if (view instanceof RebuildsTogether together
                    && projections.values().stream()
                            .filter(other -> other instanceof RebuildsTogether member
                                    && member.rebuildGroup().equals(together.rebuildGroup()))
                            .allMatch(member -> free.contains(member.name()))) {
                processorNames.add(Projections.rebuildProcessorName(together.rebuildGroup()));
            }
        }
        swap.discardRebuilds(views, processorNames);
    }

    /** Looks at every segment (their waiting times need regular looks) and logs a stall when it begins. */
    synchronized void watchSegments() {
        List<ProjectionStatus> statuses;
        try {
            statuses = status();
        } catch (RuntimeException unavailable) {
            return; // the database cannot be reached: the health check says so, and the next look comes
        }
        for (ProjectionStatus status : statuses) {
            for (SegmentStatus segment : status.segments()) {
                String key = status.name() + "/" + segment.segment();
                if (segment.stalled() && stalled.add(key)) {
                    log.error(
                            "View {}: segment {} has not moved since {} while events wait for it{}{}",
                            status.name(),
                            segment.segment(),
                            segment.waitingSince(),
                            segment.atEvent() == null ? "" : "; at " + segment.atEvent(),
                            segment.error() == null ? "" : "; failing with " + segment.error());
                } else if (!segment.stalled() && stalled.remove(key)) {
                    log.info("View {}: segment {} moves again", status.name(), segment.segment());
                }
            }
        }
    }

    /** The journeys whose events wait in the live view's dead-letter queue, at most {@code limit}. */
    public synchronized List<DeadLetteredJourney> deadLetters(String name, int limit) {
        projection(name);
        ViewProcessor serving = live.get(name);
        return serving == null ? List.of() : serving.deadLetteredJourneys(limit);
    }

    /** Drops a journey's dead-lettered events from the live view's queue; returns how many were dropped. */
    public synchronized int evictDeadLetters(String name, String journeyId) {
        projection(name);
        ViewProcessor serving = live.get(name);
        return serving == null ? 0 : serving.evictDeadLetters(journeyId);
    }

    /** Retries the live view's dead-lettered events; returns how many journeys could now be handled. */
    public synchronized int retryDeadLetters(String name) {
        projection(name);
        ViewProcessor serving = live.get(name);
        return serving == null ? 0 : serving.retryDeadLetters();
    }

    synchronized void finishCaughtUpRebuilds() {
        if (rebuilding.isEmpty()) {
            heads.clear();
            return;
        }
        try {
            Target target = headToReach(swap.headPosition());
            for (Rebuild rebuild : new LinkedHashSet<>(rebuilding.values())) {
                if (!rebuild.processor().intact()) {
                    log.warn(
                            "Views {}: a rebuild batch was rolled back after being applied in memory;"
                                    + " starting the rebuild over",
                            rebuild.names());
                    rebuild.views().forEach(view -> rebuilding.remove(view.name()));
                    rebuild.processor().stop();
                    startRebuilds(rebuild.views()); // under the locks it holds
                } else if (rebuild.processor().caughtUpTo(target.head(), target.drained())) {
                    switchOver(rebuild);
                }
            }
        } catch (RuntimeException e) {
            log.error("Checking view rebuilds failed; will check again", e);
        }
    }

    /**
     * The head of the store a rebuild must have reached to be swapped in: as it is now while rebuilds have run for
     * less than {@link #HEAD_SETTLE} (and then Axon must have found nothing more to read once, as before), later as it
     * was that long ago, with positions alone. Under a steady stream of writes a rebuild is never at the head of the
     * moment: events another node appends reach this node's processors only when Axon's event store next looks for
     * them (every second; its own appends at once), and Axon finds nothing more to read only between events. Any
     * position is a correct one to swap at (the live processors go on from it); this one is at most that far behind.
     */
    private Target headToReach(long head) {
        Instant now = clock.instant();
        heads.addLast(new HeadSeen(now, head));
        Instant settled = now.minus(HEAD_SETTLE);
        // The newest head seen at least HEAD_SETTLE ago; older ones are not needed again.
        HeadSeen reached = heads.removeFirst();
        while (!heads.isEmpty() && !heads.getFirst().at().isAfter(settled)) {
            reached = heads.removeFirst();
        }
        heads.addFirst(reached);
        return reached.at().isAfter(settled) ? new Target(head, true) : new Target(reached.head(), false);
    }

    /** The head of the store, and when it was seen. */
    private record HeadSeen(Instant at, long head) {}

    /** What a rebuild must have reached: the head, and whether Axon must also have found nothing more to read. */
    private record Target(long head, boolean drained) {}

    /** Starts the rebuilds of these views: one processor per rebuild group, one per view outside any group. */
    private void startRebuilds(List<Projection> views) {
        Map<String, List<Projection>> groups = new LinkedHashMap<>();
        for (Projection view : views) {
            // Grouped handlers keep results in memory; without that, each view rebuilds on its own.
            boolean together =
                    view instanceof RebuildsTogether && infrastructure.tuning().rebuildRetainedJourneys() > 0;
            String group = together ? ((RebuildsTogether) view).rebuildGroup() : view.name();
            groups.computeIfAbsent(group, key -> new ArrayList<>()).add(view);
        }
        Set<String> starting = new HashSet<>();
        views.forEach(view -> starting.add(view.name()));
        try {
            groups.forEach((group, members) -> {
                String processorName = Projections.rebuildProcessorName(
                        members.size() == 1 ? members.get(0).name() : group);
                ViewTables tables = ViewTables.rebuild(infrastructure.tuning().rebuildRetainedJourneys());
                Object handlers = members.size() == 1
                        ? members.get(0).eventHandlers(tables)
                        : ((RebuildsTogether) members.get(0)).eventHandlers(List.copyOf(members), tables);
                swap.prepareRebuild(members, processorName);
                int segments = infrastructure.tuning().segments();
                Rebuild rebuild = new Rebuild(
                        processorName, List.copyOf(members), startProcessor(processorName, handlers, () -> segments));
                members.forEach(member -> {
                    rebuilding.put(member.name(), rebuild);
                    starting.remove(member.name());
                });
            });
        } finally {
            // Views whose rebuild could not be started (the database refused the fresh tables): not rebuilding here.
            locks.release(starting);
        }
    }

    private void switchOver(Rebuild rebuild) {
        rebuild.views().forEach(view -> rebuilding.remove(view.name()));
        List<Runnable> stopped = new ArrayList<>();
        stopped.add(rebuild.processor().stopping());
        for (Projection view : rebuild.views()) {
            ViewProcessor serving = live.remove(view.name());
            if (serving != null) {
                stopped.add(serving.stopping());
            }
        }
        stopped.forEach(Runnable::run);
        if (!locks.stillHeld(rebuild.names())) {
            // The lock went with its connection (the database restarted, say): another node may be rebuilding these
            // views into the same tables by now, so this rebuild neither writes nor swaps nor cleans up.
            String failure = "the rebuild lost its lock on the database; the old view kept serving";
            log.error("Views {}: {}", rebuild.names(), failure);
            rebuild.views().forEach(view -> rebuildFailures.put(view.name(), failure));
        } else {
            writeAndSwapIn(rebuild);
        }
        locks.release(rebuild.names());
        rebuild.views().forEach(view -> live.put(view.name(), startLive(view)));
    }

    private void writeAndSwapIn(Rebuild rebuild) {
        long writing = System.nanoTime();
        try {
            Set<String> refused = rebuild.processor().writeRetained();
            if (!refused.isEmpty()) {
                // Their rows were refused (text from before the API refused it, say): the rebuilt views go without
                // them, and their events wait in the dead-letter queue as a live view's would.
                rebuild.processor()
                        .deadLetterJourneys(refused, "a rebuilt table refused the journey's row", this::eventsUpTo);
                log.warn(
                        "Views {}: {} journeys' rows were refused by a rebuilt table; their events wait in the"
                                + " dead-letter queue",
                        rebuild.names(),
                        refused.size());
            }
            long vacuuming = System.nanoTime();
            swap.prepareForQueries(rebuild.views());
            long swapping = System.nanoTime();
            Instant now = clock.instant();
            swap.swapIn(rebuild.views(), rebuild.processorName(), nodes.name(), now);
            // The tokens are this node's for a claim timeout: any other node's processor still on the old view has
            // tried to renew or store its claim by then, failed, and let the segment go.
            Instant until = now.plus(infrastructure.node().claimTimeout());
            rebuild.views().forEach(view -> handoverUntil.put(view.name(), until));
            log.info(
                    "Views {}: rebuilt views have caught up and now serve (written in {} ms, vacuumed and analyzed"
                            + " in {} ms, swapped in {} ms)",
                    rebuild.names(),
                    (vacuuming - writing) / 1_000_000,
                    (swapping - vacuuming) / 1_000_000,
                    (System.nanoTime() - swapping) / 1_000_000);
            rebuild.views().forEach(view -> rebuildFailures.remove(view.name()));
        } catch (RuntimeException e) {
            // Type and SQL state only: a constraint error's message can quote the row, names among it.
            String failure = "swapping in the rebuilt view failed (" + ViewProcessor.describe(e)
                    + "); the old view kept serving";
            log.error("Views {}: {}", rebuild.names(), failure);
            rebuild.views().forEach(view -> rebuildFailures.put(view.name(), failure));
            swap.discardRebuild(rebuild.views(), rebuild.processorName());
        }
    }

    /** The journey's events up to a global index, read from the event store. */
    private List<? extends EventMessage<?>> eventsUpTo(String journeyId, long position) {
        long last = swap.lastSequenceUpTo(journeyId, position);
        List<EventMessage<?>> events = new ArrayList<>();
        infrastructure
                .eventSource()
                .readEvents(journeyId)
                .asStream()
                .filter(event -> event.getSequenceNumber() <= last)
                .forEach(events::add);
        return events;
    }

    /**
     * The view's live processor: it may hold its fair share of the segments among the nodes alive, or all of them
     * while a swap made here hands them over.
     */
    private ViewProcessor startLive(Projection view) {
        int segments = infrastructure.tuning().segments();
        return startProcessor(view.name(), view.eventHandlers(ViewTables.LIVE), () -> {
            Instant until = handoverUntil.get(view.name());
            return until != null && clock.instant().isBefore(until) ? segments : nodes.fairShare(segments);
        });
    }

    private ViewProcessor startProcessor(String processorName, Object eventHandlers, IntSupplier maxSegments) {
        ViewProcessor processor = new ViewProcessor(processorName, eventHandlers, infrastructure, maxSegments);
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

    /** One running rebuild: its processor and the views it fills. */
    private record Rebuild(String processorName, List<Projection> views, ViewProcessor processor) {

        List<String> names() {
            return views.stream().map(Projection::name).toList();
        }
    }
}
