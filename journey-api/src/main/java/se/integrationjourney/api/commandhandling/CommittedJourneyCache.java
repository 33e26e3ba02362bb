package se.integrationjourney.api.commandhandling;

import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The journeys a command recently decided on, kept in memory so that the next command on the same journey skips
 * reading and replaying its events (docs/adr/0007-aggregate-cache-and-jdbc-append.md). Axon's caching repository
 * reads and writes it; this class decides what it may hold: <b>only journeys as committed to the event store</b>.
 *
 * <ul>
 *     <li>A command <em>takes</em> its journey out ({@link #get} removes the entry). Axon's repository changes the
 *     cached aggregate in place while a command runs, so while it runs nobody else may see it: a command that
 *     comes in meanwhile (possible once Axon has released the journey's lock but an enclosing transaction, such as
 *     an idempotent request's, has not committed yet) loads the journey from the event store, as without a
 *     cache.</li>
 *     <li>The journey goes back in ({@link #put}) only when its events are <em>committed</em>: when the
 *     surrounding Spring transaction has committed, if the caller opened one, and otherwise when the command's unit
 *     of work has (its events were stored, together with other commands', before it commits:
 *     docs/adr/0011-group-commit.md). Rolled back, or ended in an unknown state, it stays out, and the next command
 *     reloads it: a cached journey never holds an event that is not in the store.</li>
 * </ul>
 * An entry can still be stale when another process (another node, a hand-made insert) appended to the journey. A
 * command decided on it then appends with a sequence number the journey already has, which the event store's unique
 * {@code (aggregate_identifier, sequence_number)} constraint refuses: nothing is stored, the command's unit of work
 * rolls back (so the entry is gone), and the API decides the command again on the journey reloaded from the store
 * ({@code DecideAgain}, docs/adr/0021-several-nodes-requests.md): the caller never hears of the stale entry.
 *
 * <p>Bounded: at most {@code maxEntries} journeys; the one committed to longest ago goes first. Outside a Spring
 * transaction and outside a unit of work (not the case in this service) an entry goes back at once.
 */
public final class CommittedJourneyCache implements Cache {

    private final int maxEntries;
    /** Guarded by itself; in insertion order, which is the order of the commands' commits. */
    private final LinkedHashMap<Object, Object> entries;

    public CommittedJourneyCache(int maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("an aggregate cache holds at least one journey; turn it off instead");
        }
        this.maxEntries = maxEntries;
        this.entries = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, Object> eldest) {
                return size() > CommittedJourneyCache.this.maxEntries;
            }
        };
    }

    /** Takes the journey out for the command about to use it; see the class comment. */
    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        synchronized (entries) {
            return (V) entries.remove(key);
        }
    }

    /** Puts the journey back once the current transaction has committed; see the class comment. */
    @Override
    public void put(Object key, Object value) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            if (CurrentUnitOfWork.isStarted()) {
                // No caller's transaction: the command's events are committed when its unit of work commits.
                CurrentUnitOfWork.get().root().afterCommit(unitOfWork -> store(key, value));
            } else {
                store(key, value);
            }
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status == STATUS_COMMITTED) {
                    store(key, value);
                }
            }
        });
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        synchronized (entries) {
            return entries.putIfAbsent(key, value) == null;
        }
    }

    @Override
    public boolean remove(Object key) {
        synchronized (entries) {
            return entries.remove(key) != null;
        }
    }

    @Override
    public void removeAll() {
        synchronized (entries) {
            entries.clear();
        }
    }

    @Override
    public boolean containsKey(Object key) {
        synchronized (entries) {
            return entries.containsKey(key);
        }
    }

    /** How many journeys are cached now. */
    public int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    /** Axon's caching repository registers no listeners; nor does anything else here. */
    @Override
    public Registration registerCacheEntryListener(EntryListener cacheEntryListener) {
        throw new UnsupportedOperationException("the journey cache notifies no listeners");
    }

    private void store(Object key, Object value) {
        synchronized (entries) {
            entries.remove(key);
            entries.put(key, value);
        }
    }
}
