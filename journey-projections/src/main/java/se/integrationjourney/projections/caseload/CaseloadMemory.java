package se.integrationjourney.projections.caseload;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.integrationjourney.projections.runtime.Projection;

/**
 * This node's copy of the caseload view's open journeys, in memory, so that a caseload page is answered without a
 * round trip to PostgreSQL: a database that stalls (for whatever its machine does meanwhile) then delays how soon a
 * change shows, not every caseworker's page (docs/adr/0024-caseload-in-memory-on-each-node.md).
 *
 * <p>PostgreSQL's table stays the view and its durable copy: the view's processor (whichever node holds the
 * segment) writes it and, in the same transaction, names the journeys it wrote on the channel
 * {@value #CHANGED_CHANNEL}; a rebuild's swap says so on {@link Projection#SWAPPED_CHANNEL}. Each node listens on
 * one connection of its own, reads the named journeys' rows again and replaces its copies (closed journeys leave the
 * copy), and loads the whole table again after a swap. Listening starts before the first load, so nothing committed
 * in between is missed; PostgreSQL delivers notifications in commit order. Should the connection fail, the copy is
 * not current, queries go to PostgreSQL ({@link CaseloadQueries}) and the copy is loaded afresh on a new connection.
 */
@Component
public class CaseloadMemory implements SmartLifecycle {

    /** The channel on which the view's writes name the journeys they changed, comma-separated. */
    public static final String CHANGED_CHANNEL = "caseload_changed";

    /** A payload on {@link #CHANGED_CHANNEL} that names no journey: a node's {@link #sync} marker. */
    private static final String SYNC_PREFIX = "sync:";

    /** Journey ids per notification: 200 × 37 characters stay below PostgreSQL's 8,000-byte payload limit. */
    static final int IDS_PER_NOTIFICATION = 200;

    /** How long the listener waits for notifications at a time, before it looks whether it should stop. */
    private static final int WAIT_MILLIS = 500;

    /** After how many empty waits the listener checks that its connection is still alive. */
    private static final int WAITS_BEFORE_CHECK = 10;

    /** Before listening again after a failure: the database is likely away, and the queries answer meanwhile. */
    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    private static final Logger log = LoggerFactory.getLogger(CaseloadMemory.class);

    private final DataSource dataSource;
    private final String node = UUID.randomUUID().toString();
    private final AtomicLong syncs = new AtomicLong();
    private final ConcurrentSkipListMap<Long, CompletableFuture<Void>> waitingForSync = new ConcurrentSkipListMap<>();

    private volatile CaseloadRows rows;
    private volatile boolean running;
    private volatile Instant loadedAt;
    private Thread listener;

    public CaseloadMemory(JdbcTemplate jdbc) {
        this.dataSource = jdbc.getDataSource();
    }

    /** Names the journeys written to the live table, on the caller's transaction: delivered when it commits. */
    static void announce(JdbcTemplate jdbc, Collection<UUID> journeys) {
        List<String> ids = journeys.stream().map(UUID::toString).toList();
        for (int from = 0; from < ids.size(); from += IDS_PER_NOTIFICATION) {
            String payload = String.join(",", ids.subList(from, Math.min(ids.size(), from + IDS_PER_NOTIFICATION)));
            jdbc.query("select pg_notify(?, ?)", row -> {}, CHANGED_CHANNEL, payload);
        }
    }

    /** The page from the copy, or empty while the copy is not current. */
    Optional<Caseload> handle(GetCaseload query, LocalDate today) {
        CaseloadRows current = rows;
        return current == null ? Optional.empty() : Optional.of(current.page(query, today));
    }

    /** Whether queries are answered from the copy. */
    public boolean current() {
        return rows != null;
    }

    /** The open journeys the copy holds; 0 while it is not current. */
    public int size() {
        CaseloadRows current = rows;
        return current == null ? 0 : current.size();
    }

    /** When the copy was last loaded whole (at start, after a swap or a lost connection); null if never. */
    public Instant loadedAt() {
        return loadedAt;
    }

    /**
     * Waits until the copy holds every change committed to the table before this call (a marker sent through
     * PostgreSQL comes back after them). For tests and for anything that must read its own writes.
     *
     * @throws IllegalStateException if that did not happen within {@code limit}
     */
    public void sync(Duration limit) {
        long marker = syncs.incrementAndGet();
        CompletableFuture<Void> done = new CompletableFuture<>();
        waitingForSync.put(marker, done);
        try {
            new JdbcTemplate(dataSource)
                    .query("select pg_notify(?, ?)", row -> {}, CHANGED_CHANNEL, SYNC_PREFIX + node + ":" + marker);
            done.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            throw new IllegalStateException("the caseload in memory did not catch up within " + limit, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for the caseload in memory", e);
        } finally {
            waitingForSync.remove(marker);
        }
    }

    @Override
    public void start() {
        running = true;
        listener = new Thread(this::listen, "caseload-memory");
        listener.setDaemon(true);
        listener.start();
    }

    @Override
    public void stop() {
        running = false;
        rows = null;
        if (listener != null) {
            // It looks at running at least every WAIT_MILLIS: let it give its connection back before the pool closes.
            try {
                listener.join(2 * WAIT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        boolean failedBefore = false;
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("listen " + CHANGED_CHANNEL);
                    statement.execute("listen " + Projection.SWAPPED_CHANNEL);
                }
                long syncsBeforeLoad = syncs.get();
                rows = load(connection);
                // The load read every change committed before those syncs were asked for.
                waitingForSync.headMap(syncsBeforeLoad, true).values().forEach(done -> done.complete(null));
                if (failedBefore) {
                    log.info("The caseload in memory is current again ({} open journeys)", rows.size());
                    failedBefore = false;
                }
                follow(connection);
            } catch (SQLException | RuntimeException e) {
                rows = null;
                if (!running) {
                    return;
                }
                if (!failedBefore) {
                    // INFO: a database outage has its one WARN line already (DatabaseOutage). No row values in the
                    // message: the driver keeps server details out (logServerErrorDetail).
                    log.info("The caseload in memory is not current, pages are read from PostgreSQL: {}", e.toString());
                    failedBefore = true;
                }
                if (!pause(RETRY_AFTER)) {
                    return;
                }
            }
        }
    }

    private void follow(Connection connection) throws SQLException {
        PGConnection notifications = connection.unwrap(PGConnection.class);
        int emptyWaits = 0;
        while (running) {
            PGNotification[] received = notifications.getNotifications(WAIT_MILLIS);
            if (received == null || received.length == 0) {
                if (++emptyWaits == WAITS_BEFORE_CHECK) {
                    emptyWaits = 0;
                    if (!connection.isValid(WAIT_MILLIS * WAITS_BEFORE_CHECK / 1000)) {
                        throw new SQLException("the caseload's listening connection is no longer valid");
                    }
                }
                continue;
            }
            Set<UUID> changed = new HashSet<>();
            boolean swapped = false;
            long syncedTo = 0;
            for (PGNotification notification : received) {
                String payload = notification.getParameter();
                if (notification.getName().equals(Projection.SWAPPED_CHANNEL)) {
                    swapped |= payload.equals(CaseloadProjection.NAME);
                } else if (payload.startsWith(SYNC_PREFIX + node + ":")) {
                    syncedTo = Math.max(syncedTo, Long.parseLong(payload.substring(payload.lastIndexOf(':') + 1)));
                } else if (!payload.startsWith(SYNC_PREFIX)) {
                    for (String id : payload.split(",")) {
                        changed.add(UUID.fromString(id));
                    }
                }
            }
            if (swapped) {
                rows = load(connection);
            } else if (!changed.isEmpty()) {
                rows.replace(changed, read(connection, changed));
            }
            waitingForSync.headMap(syncedTo, true).values().forEach(done -> done.complete(null));
        }
    }

    /** The whole table's open journeys. */
    private CaseloadRows load(Connection connection) throws SQLException {
        CaseloadRows loaded = new CaseloadRows();
        try (Statement statement = connection.createStatement()) {
            statement.setFetchSize(10_000);
            // A fetch size is honoured inside a transaction only: read the table in one, read-only.
            connection.setAutoCommit(false);
            try (ResultSet row = statement.executeQuery(
                    "select " + CaseloadRow.COLUMNS + " from " + CaseloadProjection.TABLE + " where not closed")) {
                while (row.next()) {
                    loaded.put(CaseloadRow.read(row));
                }
            } finally {
                connection.commit();
                connection.setAutoCommit(true);
            }
        }
        loadedAt = Instant.now();
        return loaded;
    }

    private static Map<UUID, CaseloadRow> read(Connection connection, Set<UUID> journeys) throws SQLException {
        Map<UUID, CaseloadRow> read = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "select " + CaseloadRow.COLUMNS + " from " + CaseloadProjection.TABLE + " where journey_id = any(?)")) {
            statement.setArray(1, connection.createArrayOf("uuid", journeys.toArray(UUID[]::new)));
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    CaseloadRow stored = CaseloadRow.read(row);
                    read.put(stored.journeyId(), stored);
                }
            }
        }
        return read;
    }

    private boolean pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis()); // a back-off between connection attempts, not a test's timing
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
