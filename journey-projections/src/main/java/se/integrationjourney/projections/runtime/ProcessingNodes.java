package se.integrationjourney.projections.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import se.integrationjourney.eventstore.MisconfiguredStorageException;
import se.integrationjourney.eventstore.ProcessingNode;

/**
 * The nodes processing events on this database ({@code processing_node}): each renews its row every claim interval
 * while it runs and deletes it when it stops; a row not renewed within the claim timeout is a dead node's. How many
 * are alive decides each node's fair share of a view's segments, so that a node that joins gets some and a node that
 * dies leaves its share to the others (Axon balances nothing by itself without Axon Server: a node claims every
 * segment it can).
 *
 * <p>A name renewed by another running node is refused at start: two nodes under one name would both take every
 * token that name owns as their own, and handle the same events twice. A node restarted within the claim timeout of
 * its last renewal (after {@code kill -9}) waits until its old row has expired.
 */
final class ProcessingNodes {

    private static final Logger log = LoggerFactory.getLogger(ProcessingNodes.class);
    /** Rows of nodes gone this long are removed at a start: hosts come and go, with names of their own. */
    private static final Duration FORGET_AFTER = Duration.ofDays(1);

    private final JdbcTemplate jdbc;
    private final ProcessingNode node;
    private volatile UUID instance;
    private volatile List<String> alive;
    private ScheduledExecutorService heartbeat;

    ProcessingNodes(JdbcTemplate jdbc, ProcessingNode node) {
        this.jdbc = jdbc;
        this.node = node;
        this.alive = List.of(node.name());
    }

    String name() {
        return node.name();
    }

    /** The nodes alive at the last renewal, this one among them, by name. */
    List<String> alive() {
        return alive;
    }

    /** This node's share of {@code segments}: all of them divided by the nodes alive, rounded up. */
    int fairShare(int segments) {
        int nodes = Math.max(1, alive.size());
        return Math.max(1, (segments + nodes - 1) / nodes);
    }

    /**
     * Registers this node and starts renewing its row. Waits while its name is renewed by another run; after twice
     * the claim timeout that can only be another running node.
     *
     * @throws MisconfiguredStorageException when another running node has this node's name
     */
    synchronized void join() {
        instance = UUID.randomUUID();
        jdbc.update("delete from processing_node where seen_at < now() - make_interval(secs => ?)", (double)
                FORGET_AFTER.toSeconds());
        Instant deadline = Instant.now().plus(node.claimTimeout().multipliedBy(2));
        boolean told = false;
        while (!register()) {
            if (Instant.now().isAfter(deadline)) {
                throw new MisconfiguredStorageException("Another running node is named '" + node.name()
                        + "' (journey.node.name, JOURNEY_NODE_NAME): every node sharing the database needs a name of"
                        + " its own");
            }
            if (!told) {
                log.info(
                        "Node {}: its name was in use within the claim timeout; waiting for that to expire (a run of"
                                + " this node that just ended) or to be refused (another node with the same name)",
                        node.name());
                told = true;
            }
            pause(node.claimInterval());
        }
        readAlive();
        heartbeat = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "processing-node");
            thread.setDaemon(true);
            return thread;
        });
        long interval = node.claimInterval().toMillis();
        heartbeat.scheduleWithFixedDelay(this::renew, interval, interval, TimeUnit.MILLISECONDS);
        log.info("Node {} processes events with {} ({} alive)", node.name(), alive, alive.size());
    }

    /** Stops renewing and removes this node's row, so that the others take its share at their next claim round. */
    synchronized void leave() {
        if (heartbeat != null) {
            heartbeat.shutdownNow();
            heartbeat = null;
        }
        try {
            jdbc.update("delete from processing_node where node_name = ? and instance = ?", node.name(), instance);
        } catch (DataAccessException unreachable) {
            log.info("Node {}: its row could not be removed; it expires after the claim timeout", node.name());
        }
    }

    /** Inserts this node's row, or takes over one of its name not renewed within the claim timeout. */
    private boolean register() {
        return jdbc.update(
                        "insert into processing_node (node_name, instance, seen_at) values (?, ?, now())"
                                + " on conflict (node_name) do update set instance = excluded.instance,"
                                + " seen_at = excluded.seen_at"
                                + " where processing_node.instance = excluded.instance"
                                + " or processing_node.seen_at < now() - make_interval(secs => ?)",
                        node.name(),
                        instance,
                        seconds(node.claimTimeout()))
                > 0;
    }

    private void renew() {
        try {
            if (jdbc.update(
                            "update processing_node set seen_at = now() where node_name = ? and instance = ?",
                            node.name(),
                            instance)
                    == 0) {
                // Not renewed for longer than the claim timeout (a long pause, the database away): the row expired
                // and another run took the name, or it was removed; this node's claims have expired too.
                log.warn("Node {}: its row was gone or taken; registering again", node.name());
                register();
            }
            readAlive();
        } catch (DataAccessException unreachable) {
            // The database cannot be reached: the health check says so; the last count stands until it can.
        } catch (RuntimeException unexpected) {
            log.error("Node {}: renewing its row failed", node.name(), unexpected);
        }
    }

    /**
     * Counts the nodes whose rows were renewed within the claim timeout less a claim interval: a dead node's segments
     * expire a claim timeout after its last renewal, and by then the others count it out, so that they take its
     * segments at their next claim round. Counting a slow live node out a little early is harmless: its claims are
     * still valid, and nobody can take its segments until they expire.
     */
    private void readAlive() {
        List<String> names = jdbc.queryForList(
                "select node_name from processing_node where seen_at >= now() - make_interval(secs => ?)"
                        + " order by node_name",
                String.class,
                seconds(node.claimTimeout().minus(node.claimInterval())));
        if (!names.equals(alive)) {
            if (heartbeat != null) {
                log.info("Nodes processing events: {}", names);
            }
            alive = List.copyOf(names);
        }
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for this node's name", interrupted);
        }
    }
}
