package se.integrationjourney.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.IntToLongFunction;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.context.ConfigurableApplicationContext;
import se.integrationjourney.api.security.Role;
import se.integrationjourney.projections.runtime.ProjectionRunner;
import se.integrationjourney.projections.runtime.ProjectionStatus;
import se.integrationjourney.projections.runtime.SegmentStatus;

/**
 * Two nodes of the service on one database (issue 19): what a second node costs or gains under the same load, against
 * one node, measured in the same run. Node A ({@code journey.node.name} {@value #NODE_A}) and node B
 * ({@value #NODE_B}) are each the real application, in this JVM, on the history's database; they share the event
 * processing through the token claims, each view's segments split by fair share ({@code ProcessingNodes}). Two loads:
 * <ol>
 *   <li><b>append over HTTP</b>: {@value #HTTP_CLIENTS} concurrent clients, one event per request
 *   ({@link HttpApiLoader}, as {@link AppendBenchmark}'s "append, HTTP", but with the views running, since sharing
 *   them is part of what two nodes do): all to node A (baseline), or half to each node (value); events/s, p50 and p99
 *   per request. The store must hold exactly the events the clients had acknowledged;</li>
 *   <li><b>caseload over HTTP</b>: {@link CaseloadUnderLoadBenchmark}'s 50 paced readers (its request mix and reader
 *   loop, think time ~{@code benchmark.caseload.think-millis}) while {@value #APPEND_RATE} events/s are appended
 *   through the command side ({@link CommandSideLoader}, {@value #APPEND_THREADS} threads): readers and appends all on
 *   node A (baseline), or readers 25/25 and appends half each on the two nodes (value); p50, p99, requests/s. The
 *   appends' reached rate in each window is read from the event store's global index.</li>
 * </ol>
 * In a one-node window node B's views are stopped: it leaves the processing nodes, node A takes every segment and
 * handles every event, as it would alone; B's idle web server stays up. Before a two-node window B's views start
 * again, and the window waits until every view's segments are held by both nodes. After an unmeasured warm-up of both
 * nodes under both loads ({@code benchmark.two-nodes.warmup.seconds}, default 60), one-node and two-node windows
 * alternate ({@code benchmark.two-nodes.runs} times, default 3; each window {@code benchmark.two-nodes.seconds},
 * default 20, after the views have caught up); reported: the medians, and two nodes / one node.
 *
 * <p>Both nodes run on the same two cores, with PostgreSQL and the load generators on them too: a second node adds no
 * CPU, so this shows what the coordination costs or gains (two web servers, connection pools and command sides, the
 * views' segments split between two processors), not horizontal scale. The machine is shared and noisy, so the
 * absolute numbers say little; the ratio to the one-node windows, alternating with the two-node ones in the same run,
 * carries the meaning.
 */
final class TwoNodesBenchmark {

    static final String NAME = "two-nodes";
    private static final String NODE_A = "bench-a";
    private static final String NODE_B = "bench-b";
    private static final int WINDOW_SECONDS = Integer.getInteger("benchmark.two-nodes.seconds", 20);
    private static final int WARM_UP_SECONDS = Integer.getInteger("benchmark.two-nodes.warmup.seconds", 60);
    private static final int RUNS = Integer.getInteger("benchmark.two-nodes.runs", 3);
    private static final int HTTP_CLIENTS = 8;
    private static final int APPEND_THREADS = 2;
    private static final double APPEND_RATE = 100;
    private static final String ADMIN = "benchmark-two-nodes-admin";
    /** The longest wait for the views to catch up or for the segments to move between the nodes. */
    private static final Duration LIMIT = Duration.ofMinutes(5);

    private TwoNodesBenchmark() {}

    /** A node: its name, its application and caseload readers asking its API. */
    private record Node(
            String name, ConfigurableApplicationContext application, CaseloadUnderLoadBenchmark.Reader reader) {

        Node(String name, ConfigurableApplicationContext application) {
            this(
                    name,
                    application,
                    CaseloadUnderLoadBenchmark.overHttp(
                            new QueryBenchmarkSupport.Client(QueryBenchmarkSupport.port(application))));
        }
    }

    /** A window of appends over HTTP, and what each node acknowledged. */
    private record Appended(AppendBenchmark.Run run, String perNode) {}

    /** A window of the caseload under appends, and what each node answered and appended. */
    private record Read(CaseloadUnderLoadBenchmark.Window window, String perNode) {}

    /** A window of each load, on one node or on two. */
    private record Windows(Appended append, Read caseload) {

        double appendsPerSecond() {
            return caseload.window().appendsPerSecond();
        }
    }

    /** The two-node windows against the one-node windows: each figure's medians. */
    private record Compared(String benchmark, String baseline, List<Windows> oneNode, List<Windows> twoNodes) {

        Figure figure(String figure, ToDoubleFunction<Windows> value) {
            return new Figure(
                    benchmark,
                    figure,
                    AppendProtectedBenchmark.median(twoNodes, value),
                    baseline,
                    AppendProtectedBenchmark.median(oneNode, value),
                    "",
                    null);
        }
    }

    static List<Figure> run(BenchmarkContext context) throws Exception {
        try (ConfigurableApplicationContext a =
                        QueryBenchmarkSupport.startCaughtUp(context, NAME, "--journey.node.name=" + NODE_A);
                Connection jdbc = context.connect()) {
            CaseloadUnderLoadBenchmark.createAccounts(a);
            QueryBenchmarkSupport.account(a, ADMIN, Role.ADMIN, null);
            try (ConfigurableApplicationContext b =
                    BenchmarkApplication.start(context.history(), "--journey.node.name=" + NODE_B)) {
                return measure(context, new Node(NODE_A, a), new Node(NODE_B, b), jdbc);
            }
        }
    }

    private static List<Figure> measure(BenchmarkContext context, Node a, Node b, Connection jdbc) throws Exception {
        ProjectionRunner views = a.application().getBean(ProjectionRunner.class);
        ProjectionRunner viewsOfB = b.application().getBean(ProjectionRunner.class);
        double joined = awaitSegmentsHeldBy(views, Set.of(NODE_A, NODE_B));
        context.note(
                "%s: nodes %s (port %d) and %s (port %d) in this JVM on the history's database; the nodes processing"
                        + " events as %s sees them: %s; %s held its share of every view's segments %.1f s after its"
                        + " start; %s",
                NAME,
                NODE_A,
                QueryBenchmarkSupport.port(a.application()),
                NODE_B,
                QueryBenchmarkSupport.port(b.application()),
                NODE_A,
                views.nodes(),
                NODE_B,
                joined,
                MemoryMonitor.describe());
        List<Node> one = List.of(a);
        List<Node> two = List.of(a, b);
        // Journeys of a seed of their own: the command side keeps their ids, which the history's (seed) and the
        // caseload benchmark's appends (seed + 1) already hold.
        AppendBenchmark.Journeys journeys = new AppendBenchmark.Journeys(context.seed + 2);
        warmUp(context, two, journeys, jdbc);

        List<Windows> oneNode = new ArrayList<>();
        List<Windows> twoNodes = new ArrayList<>();
        for (int run = 1; run <= RUNS; run++) {
            viewsOfB.stop();
            double alone = awaitSegmentsHeldBy(views, Set.of(NODE_A));
            oneNode.add(windows(
                    context,
                    run,
                    one,
                    views,
                    journeys,
                    jdbc,
                    "its views stopped, " + NODE_A + " held every segment after " + seconds(alone)));
            viewsOfB.start();
            double shared = awaitSegmentsHeldBy(views, Set.of(NODE_A, NODE_B));
            twoNodes.add(windows(
                    context,
                    run,
                    two,
                    views,
                    journeys,
                    jdbc,
                    "its views started, both held segments after " + seconds(shared)));
        }

        Compared append = new Compared(
                String.format(
                        Locale.ROOT,
                        "two nodes: append, HTTP, %d clients (%d per node), views running (median of %d)",
                        HTTP_CLIENTS,
                        HTTP_CLIENTS / two.size(),
                        RUNS),
                "one node, " + HTTP_CLIENTS + " clients (windows alternating)",
                oneNode,
                twoNodes);
        Compared caseload = new Compared(
                String.format(
                        Locale.ROOT,
                        "two nodes: caseload, 50 readers (25 per node), HTTP, think ~%d ms, appends %.0f events/s"
                                + " (half per node) (median of %d)",
                        CaseloadUnderLoadBenchmark.THINK_MILLIS,
                        AppendProtectedBenchmark.median(twoNodes, Windows::appendsPerSecond),
                        RUNS),
                String.format(
                        Locale.ROOT,
                        "one node, 50 readers, appends %.0f events/s (windows alternating)",
                        AppendProtectedBenchmark.median(oneNode, Windows::appendsPerSecond)),
                oneNode,
                twoNodes);
        return List.of(
                append.figure("events/s", w -> w.append().run().result().eventsPerSecond()),
                append.figure(
                        "p50 ms", w -> w.append().run().result().latencies().percentileMillis(50)),
                append.figure(
                        "p99 ms", w -> w.append().run().result().latencies().percentileMillis(99)),
                caseload.figure("p50 ms", w -> w.caseload().window().latencies().percentileMillis(50)),
                caseload.figure("p99 ms", w -> w.caseload().window().latencies().percentileMillis(99)),
                caseload.figure("requests/s", w -> w.caseload().window().requestsPerSecond()));
    }

    /** Both loads in turn, on both nodes, unmeasured, for at least {@code benchmark.two-nodes.warmup.seconds}. */
    private static void warmUp(
            BenchmarkContext context, List<Node> nodes, AppendBenchmark.Journeys journeys, Connection jdbc)
            throws Exception {
        long started = System.nanoTime();
        long compiledBefore = CpuUsage.jitMillis();
        int rounds = 0;
        do {
            appendOverHttp(nodes, journeys, jdbc, 5);
            caseload(nodes, journeys, jdbc, 5);
            rounds++;
        } while ((System.nanoTime() - started) / 1e9 < WARM_UP_SECONDS);
        context.note(
                "%s: warm-up on both nodes (not measured), %d rounds of 5 s HTTP appends and 5 s caseload under"
                        + " appends in %.0f s, %.0f s of JIT compilation meanwhile",
                NAME, rounds, (System.nanoTime() - started) / 1e9, (CpuUsage.jitMillis() - compiledBefore) / 1e3);
    }

    /** One window of each load on these nodes, each after the views have caught up; its notes. */
    private static Windows windows(
            BenchmarkContext context,
            int run,
            List<Node> nodes,
            ProjectionRunner views,
            AppendBenchmark.Journeys journeys,
            Connection jdbc,
            String segments)
            throws Exception {
        BenchmarkApplication.awaitCaughtUp(views, LIMIT);
        Appended appended = appendOverHttp(nodes, journeys, jdbc, WINDOW_SECONDS);
        BenchmarkApplication.awaitCaughtUp(views, LIMIT);
        Read read = caseload(nodes, journeys, jdbc, WINDOW_SECONDS);
        context.note(
                "%s, run %d of %d, %s (%s: %s): append over HTTP, %d clients: %s; events acknowledged per node: %s;"
                        + " caseload, 50 readers over HTTP, think time ~%d ms, appends through the command side: %s;"
                        + " %s",
                NAME,
                run,
                RUNS,
                nodes.size() == 1 ? "one node" : "two nodes",
                NODE_B,
                segments,
                HTTP_CLIENTS,
                appended.run().describe().replaceFirst("^\\d+ threads: ", ""),
                appended.perNode(),
                CaseloadUnderLoadBenchmark.THINK_MILLIS,
                read.window().describe(),
                read.perNode());
        return new Windows(appended, read);
    }

    /**
     * {@value #HTTP_CLIENTS} clients appending over HTTP for {@code seconds}, spread evenly over the nodes; fails unless
     * the store then holds exactly the events the clients had acknowledged.
     */
    private static Appended appendOverHttp(
            List<Node> nodes, AppendBenchmark.Journeys journeys, Connection jdbc, int seconds) throws Exception {
        List<HttpApiLoader> loaders = nodes.stream()
                .map(node -> new HttpApiLoader(
                        QueryBenchmarkSupport.port(node.application()), ADMIN, QueryBenchmarkSupport.PASSWORD))
                .toList();
        List<List<SyntheticHistory.JourneyHistory>> journeysOfEach =
                loaders.stream().map(loader -> journeys.lazily(seconds * 100)).toList();
        long head = CaseloadUnderLoadBenchmark.headPosition(jdbc);
        List<CommandSideLoader.LoadResult> perNode = new ArrayList<>();
        AppendBenchmark.Run run = AppendBenchmark.timed(() -> loaders.forEach(HttpApiLoader::stop), seconds, () -> {
            CpuUsage cpu = CpuUsage.start();
            perNode.addAll(results(inParallel(
                    nodes.size(),
                    node -> () -> loaders.get(node).load(journeysOfEach.get(node), HTTP_CLIENTS / nodes.size()))));
            return new AppendBenchmark.Run(HTTP_CLIENTS, together(perNode), cpu.stop());
        });
        long stored = storedSince(jdbc, head);
        if (stored != run.result().events()) {
            throw new IllegalStateException(String.format(
                    Locale.ROOT,
                    "the clients had %,d events acknowledged, the store holds %,d new ones",
                    run.result().events(),
                    stored));
        }
        return new Appended(run, perNode(nodes, i -> perNode.get(i).events()) + ", all stored");
    }

    /**
     * The caseload's 50 readers for {@code seconds}, reader i asking node i mod nodes, while each node appends its
     * share of {@value #APPEND_RATE} events/s through its command side.
     */
    private static Read caseload(List<Node> nodes, AppendBenchmark.Journeys journeys, Connection jdbc, int seconds)
            throws Exception {
        int count = nodes.size();
        List<CommandSideLoader> appenders = nodes.stream()
                .map(node -> new CommandSideLoader(node.application(), APPEND_RATE / count))
                .toList();
        List<List<SyntheticHistory.JourneyHistory>> journeysOfEach =
                appenders.stream().map(loader -> journeys.lazily(seconds * 20)).toList();
        AtomicLongArray answered = new AtomicLongArray(count);
        CaseloadUnderLoadBenchmark.Reader spread = (reader, request, random) -> {
            nodes.get(reader % count).reader().read(reader, request, random);
            answered.incrementAndGet(reader % count);
        };
        List<Future<CommandSideLoader.LoadResult>> appends = inParallel(
                count, node -> () -> appenders.get(node).load(journeysOfEach.get(node), APPEND_THREADS / count));
        CaseloadUnderLoadBenchmark.Window window;
        try {
            window = CaseloadUnderLoadBenchmark.measure(
                    CaseloadUnderLoadBenchmark.READERS,
                    seconds * 1000L,
                    CaseloadUnderLoadBenchmark.THINK_MILLIS,
                    spread,
                    jdbc);
        } finally {
            appenders.forEach(CommandSideLoader::stop);
        }
        List<CommandSideLoader.LoadResult> appended = results(appends);
        return new Read(
                window,
                "requests answered per node: " + perNode(nodes, answered::get) + "; events appended per node: "
                        + perNode(nodes, i -> appended.get(i).events()));
    }

    /** Waits until every view's segments are held by exactly these nodes; returns the seconds it took. */
    private static double awaitSegmentsHeldBy(ProjectionRunner views, Set<String> owners) {
        long started = System.nanoTime();
        while (!views.status().stream().allMatch(view -> owners.equals(owners(view)))) {
            if (System.nanoTime() - started > LIMIT.toNanos()) {
                throw new IllegalStateException("the views' segments were not held by " + owners + " within " + LIMIT
                        + ": "
                        + views.status().stream()
                                .map(view -> view.name() + " " + owners(view))
                                .toList());
            }
            BenchmarkApplication.pause(100);
        }
        return (System.nanoTime() - started) / 1e9;
    }

    private static Set<String> owners(ProjectionStatus view) {
        return view.segments().stream().map(SegmentStatus::owner).collect(Collectors.toSet());
    }

    /** Events stored after that global index. */
    private static long storedSince(Connection jdbc, long head) throws Exception {
        try (PreparedStatement count =
                jdbc.prepareStatement("select count(*) from domain_event_entry where global_index > ?")) {
            count.setLong(1, head);
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /** Loads run side by side: their events, the longest one's time, and all their latencies. */
    private static CommandSideLoader.LoadResult together(List<CommandSideLoader.LoadResult> loads) {
        Latencies latencies = new Latencies();
        loads.forEach(load -> latencies.addAll(load.latencies()));
        return new CommandSideLoader.LoadResult(
                loads.stream().mapToLong(CommandSideLoader.LoadResult::events).sum(),
                loads.stream()
                        .mapToLong(CommandSideLoader.LoadResult::nanos)
                        .max()
                        .orElse(0),
                latencies);
    }

    /** Work for node {@code i} of the nodes, run in a thread of its own. */
    @FunctionalInterface
    private interface NodeWork<T> {
        Callable<T> on(int node);
    }

    private static <T> List<Future<T>> inParallel(int nodes, NodeWork<T> work) {
        return IntStream.range(0, nodes)
                .mapToObj(node -> {
                    FutureTask<T> task = new FutureTask<>(work.on(node));
                    new Thread(task, NAME + "-node-" + node).start();
                    return (Future<T>) task;
                })
                .toList();
    }

    private static <T> List<T> results(List<Future<T>> futures) throws Exception {
        List<T> results = new ArrayList<>();
        for (Future<T> future : futures) {
            results.add(future.get());
        }
        return results;
    }

    /** "bench-a 1,234, bench-b 1,200": a count of each node. */
    private static String perNode(List<Node> nodes, IntToLongFunction count) {
        return IntStream.range(0, nodes.size())
                .mapToObj(i -> String.format(Locale.ROOT, "%s %,d", nodes.get(i).name(), count.applyAsLong(i)))
                .collect(Collectors.joining(", "));
    }

    private static String seconds(double seconds) {
        return String.format(Locale.ROOT, "%.1f s", seconds);
    }
}
