package se.integrationjourney.eventstore.personaldata;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.SecretKey;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import se.integrationjourney.eventstore.MisconfiguredStorageException;

/**
 * One AES-256 key per journey, stored wrapped by the master key in {@code journey_key}; destroying a journey's key
 * (its erasure) leaves its sealed personal details unreadable everywhere they were copied: events, dead letters,
 * backups. Opened keys stay in memory for {@link PersonalDataSettings#keyCacheTtl()}.
 *
 * <p>A new journey's key is made when its registration is sealed and stored in the transaction that stores the event
 * ({@link #storeNewKeys}), so a key never exists without its journey's events nor those without their key. Reading a
 * history in order (a view's rebuild) opens the keys of journeys registered after the one asked for too, a batch
 * per query instead of a query per journey.
 */
public final class JourneyKeys {

    /** The keyed hash's key for finding a person by identity number; opening it proves the master key right. */
    static final String IDENTITY_NUMBER_LOOKUP = "identity-number-lookup";

    private static final int KEYS_READ_TOGETHER = 512;

    private final JdbcTemplate jdbc;
    private final MasterKey master;
    /** Opened keys; an empty value is a destroyed key. */
    private final Cache<UUID, Optional<SecretKey>> opened;
    /** Keys made for journeys whose registration is not stored yet: wrapped, waiting for that transaction. */
    private final Map<UUID, byte[]> made = new ConcurrentHashMap<>();

    public JourneyKeys(JdbcTemplate jdbc, MasterKey master, Duration cacheTtl) {
        this.jdbc = jdbc;
        this.master = master;
        this.opened = Caffeine.newBuilder()
                .expireAfterWrite(cacheTtl)
                .maximumSize(500_000)
                .build();
    }

    /** The key to seal this journey's personal details with, made if it has none. */
    SecretKey toSeal(UUID journeyId) {
        Optional<SecretKey> known = opened.getIfPresent(journeyId);
        if (known == null) {
            known = read(journeyId);
        }
        if (known != null) {
            return known.orElseThrow(() -> new PersonalDataErasedException(journeyId));
        }
        SecretKey key = AesGcm.newKey();
        made.put(journeyId, AesGcm.seal(master.key(), key.getEncoded(), journeyContext(journeyId)));
        opened.put(journeyId, Optional.of(key));
        return key;
    }

    /** The key to open this journey's personal details, or empty when it was destroyed (or never made). */
    Optional<SecretKey> toOpen(UUID journeyId) {
        Optional<SecretKey> known = opened.getIfPresent(journeyId);
        if (known != null) {
            return known;
        }
        readFrom(journeyId);
        known = opened.getIfPresent(journeyId);
        return known == null ? Optional.empty() : known;
    }

    /** Whether the journey's key is known to be destroyed (after {@link #toOpen} asked for it). */
    boolean knownDestroyed(UUID journeyId) {
        return Optional.empty().equals(opened.getIfPresent(journeyId));
    }

    /** Forgets an opened key that did not open what it should have: the stored one is read again. */
    void forget(UUID journeyId) {
        if (!made.containsKey(journeyId)) {
            opened.invalidate(journeyId);
        }
    }

    /**
     * Stores the keys made for these journeys in the current transaction, which stores their events. A key stays
     * waiting until that transaction commits; if it rolls back, the key is forgotten with it.
     */
    public void storeNewKeys(List<String> aggregateIds) {
        List<Object[]> rows = new ArrayList<>();
        List<UUID> journeys = new ArrayList<>();
        for (String aggregateId : aggregateIds) {
            UUID journeyId = parse(aggregateId);
            byte[] wrapped = journeyId == null ? null : made.get(journeyId);
            if (wrapped != null) {
                journeys.add(journeyId);
                rows.add(new Object[] {journeyId, wrapped});
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(
                "insert into journey_key (journey_id, wrapped_key) values (?, ?) on conflict (journey_id) do nothing",
                rows);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    journeys.forEach(made::remove);
                    if (status != STATUS_COMMITTED) {
                        // Another node may have stored this journey first: its key is read again when needed.
                        journeys.forEach(opened::invalidate);
                    }
                }
            });
        }
    }

    /**
     * Destroys the journey's key in the caller's transaction; this node forgets it once that commits, other nodes
     * within the cache's time to live.
     *
     * @return false when it was already destroyed
     */
    public boolean destroy(UUID journeyId) {
        int destroyed = jdbc.update(
                "insert into journey_key (journey_id, wrapped_key, erased_at) values (?, null, now())"
                        + " on conflict (journey_id) do update set wrapped_key = null, erased_at = now()"
                        + " where journey_key.erased_at is null",
                journeyId);
        if (destroyed > 0) {
            made.remove(journeyId);
            opened.put(journeyId, Optional.empty());
            if (TransactionSynchronizationManager.isSynchronizationActive()) {
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCompletion(int status) {
                        if (status != STATUS_COMMITTED) {
                            opened.invalidate(journeyId);
                        }
                    }
                });
            }
        }
        return destroyed > 0;
    }

    /** Whether the journey's key was destroyed. */
    public boolean destroyed(UUID journeyId) {
        return Boolean.TRUE.equals(jdbc.query(
                "select erased_at is not null from journey_key where journey_id = ?",
                row -> row.next() && row.getBoolean(1),
                journeyId));
    }

    /**
     * The key of a service-wide purpose, made on first use: in a transaction of its own, on a connection of its own,
     * since the first use may come while the caller's connection streams a {@code COPY} (a rebuild writing rows with
     * their keyed hashes), where a statement on that connection would wait for ever; and committed at once, so that a
     * caller's rollback cannot take back a key whose hashes another node already stored.
     */
    SecretKey serviceKey(String name) {
        byte[] fresh = AesGcm.seal(master.key(), AesGcm.newKey().getEncoded(), serviceContext(name));
        TransactionTemplate ownTransaction =
                new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource()));
        ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        byte[] wrapped = ownTransaction.execute(status -> {
            jdbc.update(
                    "insert into service_key (name, wrapped_key) values (?, ?) on conflict (name) do nothing",
                    name,
                    fresh);
            return jdbc.queryForObject("select wrapped_key from service_key where name = ?", byte[].class, name);
        });
        return AesGcm.open(master.key(), wrapped, serviceContext(name))
                .map(AesGcm::key)
                .orElseThrow(() -> wrongMasterKey());
    }

    /**
     * Checks, once the database is migrated, that the master key opens the stored keys, and wraps every key again
     * when they open only with the previous master key (a rotation). A node whose key opens nothing refuses to start.
     */
    public void checkMasterKey() {
        byte[] wrapped = jdbc.query(
                "select wrapped_key from service_key where name = ?",
                row -> row.next() ? row.getBytes(1) : null,
                IDENTITY_NUMBER_LOOKUP);
        if (wrapped == null) {
            // Keys made before the lookup key (by the migration that sealed older history) must open too.
            jdbc.query("select journey_id, wrapped_key from journey_key where wrapped_key is not null limit 1", row -> {
                if (row.next()
                        && AesGcm.open(master.key(), row.getBytes(2), journeyContext(row.getObject(1, UUID.class)))
                                .isEmpty()) {
                    throw wrongMasterKey();
                }
                return null;
            });
            serviceKey(IDENTITY_NUMBER_LOOKUP);
            return;
        }
        if (AesGcm.open(master.key(), wrapped, serviceContext(IDENTITY_NUMBER_LOOKUP))
                .isPresent()) {
            return;
        }
        if (master.previous() != null
                && AesGcm.open(master.previous(), wrapped, serviceContext(IDENTITY_NUMBER_LOOKUP))
                        .isPresent()) {
            new MasterKeyRotation(jdbc, master).run();
            return;
        }
        throw wrongMasterKey();
    }

    private MisconfiguredStorageException wrongMasterKey() {
        return new MisconfiguredStorageException("The master key from " + master.source()
                + " does not open the personal-data keys stored in the database: it is not the key they were"
                + " wrapped with. Give this node the same master key as the others (after a rotation, the new key"
                + " with the old one in JOURNEY_PREVIOUS_MASTER_KEY). Nothing was changed.");
    }

    /** Whether the database holds keys already (before it is migrated, it holds none). */
    public static boolean storeHoldsKeys(JdbcTemplate jdbc) {
        Boolean tables = jdbc.queryForObject("select to_regclass('journey_key') is not null", Boolean.class);
        return Boolean.TRUE.equals(tables)
                && Boolean.TRUE.equals(jdbc.queryForObject(
                        "select exists (select 1 from journey_key) or exists (select 1 from service_key)",
                        Boolean.class));
    }

    private Optional<SecretKey> read(UUID journeyId) {
        readFrom(journeyId);
        return opened.getIfPresent(journeyId);
    }

    /** Opens the journey's key and those of the journeys whose keys were made after it. */
    private void readFrom(UUID journeyId) {
        jdbc.query(
                "select journey_id, wrapped_key from journey_key where seq >= (select seq from journey_key where"
                        + " journey_id = ?) order by seq limit " + KEYS_READ_TOGETHER,
                row -> {
                    UUID id = row.getObject(1, UUID.class);
                    byte[] wrapped = row.getBytes(2);
                    if (made.containsKey(id)) {
                        return;
                    }
                    if (wrapped == null) {
                        opened.put(id, Optional.empty());
                    } else {
                        SecretKey key = AesGcm.open(master.key(), wrapped, journeyContext(id))
                                .map(AesGcm::key)
                                .orElseThrow(this::wrongMasterKey);
                        opened.put(id, Optional.of(key));
                    }
                },
                journeyId);
    }

    static String journeyContext(UUID journeyId) {
        return "journey-key:" + journeyId;
    }

    static String serviceContext(String name) {
        return "service-key:" + name;
    }

    private static UUID parse(String aggregateId) {
        try {
            return UUID.fromString(aggregateId);
        } catch (IllegalArgumentException | NullPointerException e) {
            return null;
        }
    }
}
