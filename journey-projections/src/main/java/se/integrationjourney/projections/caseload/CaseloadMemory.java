package se.integrationjourney.projections.caseload;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
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

    private volatile Rows rows;
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
        Rows current = rows;
        return current == null ? Optional.empty() : Optional.of(current.page(query, today));
    }

    /** Whether queries are answered from the copy. */
    public boolean current() {
        return rows != null;
    }

    /** The open journeys the copy holds; 0 while it is not current. */
    public int size() {
        Rows current = rows;
        return current == null ? 0 : current.byJourney.size();
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
                    log.info("The caseload in memory is current again ({} open journeys)", rows.byJourney.size());
                    failedBefore = false;
                }
                follow(connection);
            } catch (SQLException | RuntimeException e) {
                rows = null;
                if (!running) {
                    return;
                }
                if (!failedBefore) {
                    // No row values in the message: the driver keeps server details out (logServerErrorDetail).
                    log.warn("The caseload in memory is not current, pages are read from PostgreSQL: {}", e.toString());
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
    private Rows load(Connection connection) throws SQLException {
        Rows loaded = new Rows();
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

    /**
     * The open journeys, by id and by municipality. One writer (the listener); readers see each journey's row old
     * or new, never half of it, and a page and its total come from one pass over the same rows.
     */
    static final class Rows {

        private static final Comparator<CaseloadRow> BY_ARRIVAL = Comparator.comparing(
                        CaseloadRow::arrivalDate, Comparator.nullsLast(Comparator.<LocalDate>naturalOrder()))
                .thenComparing(CaseloadRow::journeyId, CaseloadRow.DATABASE_UUID_ORDER);

        private final Map<UUID, CaseloadRow> byJourney = new ConcurrentHashMap<>();
        private final Map<String, Map<UUID, CaseloadRow>> byMunicipality = new ConcurrentHashMap<>();

        void put(CaseloadRow row) {
            CaseloadRow before = byJourney.put(row.journeyId(), row);
            if (before != null && !before.municipalityCode().equals(row.municipalityCode())) {
                byMunicipality.get(before.municipalityCode()).remove(row.journeyId());
            }
            byMunicipality
                    .computeIfAbsent(row.municipalityCode(), code -> new ConcurrentHashMap<>())
                    .put(row.journeyId(), row);
        }

        /** The rows as now stored for those journeys: a journey without an open row leaves the copy. */
        void replace(Set<UUID> journeys, Map<UUID, CaseloadRow> stored) {
            for (UUID journey : journeys) {
                CaseloadRow row = stored.get(journey);
                if (row != null && !row.closed()) {
                    put(row);
                } else {
                    CaseloadRow before = byJourney.remove(journey);
                    if (before != null) {
                        byMunicipality.get(before.municipalityCode()).remove(journey);
                    }
                }
            }
        }

        /** {@link CaseloadQueries#fromDatabase}'s answer, from the rows in memory (CaseloadMemoryTest compares). */
        Caseload page(GetCaseload query, LocalDate today) {
            Collection<CaseloadRow> candidates = query.municipalityCode() == null
                    ? byJourney.values()
                    : byMunicipality
                            .getOrDefault(query.municipalityCode(), Map.of())
                            .values();
            List<Due> due = new ArrayList<>();
            List<CaseloadRow> notDue = new ArrayList<>();
            for (CaseloadRow row : candidates) {
                if (!kept(row, query, today)) {
                    continue;
                }
                LocalDate since = row.mostOverdueSince(today);
                if (since != null) {
                    due.add(new Due(since, row));
                } else if (!query.dueOnly()) {
                    notDue.add(row);
                }
            }
            due.sort(Due.ORDER);
            notDue.sort(BY_ARRIVAL);
            long offset = query.offset();
            List<CaseloadItem> items = new ArrayList<>(query.size());
            for (long i = offset; i < offset + query.size() && i < due.size() + notDue.size(); i++) {
                CaseloadRow row = i < due.size() ? due.get((int) i).row() : notDue.get((int) (i - due.size()));
                items.add(row.item(today));
            }
            return new Caseload(items, query.page(), query.size(), due.size() + notDue.size());
        }

        private static boolean kept(CaseloadRow row, GetCaseload query, LocalDate today) {
            return (query.caseworkerId() == null || query.caseworkerId().equals(row.caseworkerId()))
                    && (query.stage() == null || query.stage() == row.stage(today))
                    && (query.dueAction() == null || row.due(query.dueAction(), today));
        }

        private record Due(LocalDate since, CaseloadRow row) {

            static final Comparator<Due> ORDER =
                    Comparator.comparing(Due::since).thenComparing(Due::row, BY_ARRIVAL);
        }
    }
}
