package se.integrationjourney.projections.casefile;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import se.integrationjourney.core.events.JourneyEvent;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The event handling of a view that keeps one {@link CaseFile} per journey in a {@code case_file jsonb}
 * column of its table, keyed by {@code journey_id}.
 *
 * <p>All events of one processor batch are handled in one transaction; the case files of every journey in the
 * batch are read in one query when the batch starts and written back in one JDBC batch when it commits. A
 * replay therefore costs two round trips per batch, not two per event.
 */
public final class CaseFileViewHandlers {

    /** Writes a batch's changed case files with a view's own columns. */
    @FunctionalInterface
    public interface Store {
        void store(JdbcTemplate jdbc, String table, Collection<CaseFile> changed);
    }

    private final JdbcTemplate jdbc;
    private final String table;
    private final String batchResourceKey;
    private final Store store;

    /**
     * @param table the physical table (live or rebuild copy) holding {@code journey_id} and {@code case_file}
     */
    CaseFileViewHandlers(JdbcTemplate jdbc, String table, Store store) {
        this.jdbc = jdbc;
        this.table = table;
        this.batchResourceKey = "case-files:" + table;
        this.store = store;
    }

    @EventHandler
    public void on(JourneyEvent event, DomainEventMessage<?> message) {
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        Batch batch = root.getOrComputeResource(batchResourceKey, key -> startBatch(root));
        CaseFile file = batch.caseFile(event.journeyId());
        CaseFileFold.apply(file, event, message.getIdentifier(), message.getSequenceNumber());
        batch.changed.put(file.journeyId(), file);
    }

    private Batch startBatch(UnitOfWork<?> root) {
        List<? extends Message<?>> messages = root instanceof BatchingUnitOfWork<?> batching
                ? batching.getMessages() : List.of(root.getMessage());
        UUID[] journeys = messages.stream()
                .filter(message -> message.getPayload() instanceof JourneyEvent)
                .map(message -> ((JourneyEvent) message.getPayload()).journeyId())
                .distinct().toArray(UUID[]::new);
        Batch batch = new Batch(load(journeys), Set.of(journeys));
        root.onPrepareCommit(unitOfWork -> {
            if (!batch.changed.isEmpty()) {
                store.store(jdbc, table, batch.changed.values());
            }
        });
        return batch;
    }

    private Map<UUID, CaseFile> load(UUID[] journeys) {
        Map<UUID, CaseFile> files = new HashMap<>();
        if (journeys.length == 0) {
            return files;
        }
        jdbc.query("select case_file::text from " + table + " where journey_id = any(?)",
                row -> {
                    CaseFile file = CaseFileJson.read(row.getString(1));
                    files.put(file.journeyId(), file);
                }, (Object) journeys);
        return files;
    }

    private final class Batch {
        private final Map<UUID, CaseFile> loaded;
        private final Set<UUID> lookedUp;
        private final Map<UUID, CaseFile> changed = new LinkedHashMap<>();

        private Batch(Map<UUID, CaseFile> loaded, Set<UUID> lookedUp) {
            this.loaded = loaded;
            this.lookedUp = new HashSet<>(lookedUp);
        }

        /**
         * The journey's case file: from the batch's first read, else read on its own (a journey the batch did
         * not list), else new (no row yet: the journey's first event). Never an empty file over an existing row.
         */
        private CaseFile caseFile(UUID journeyId) {
            if (lookedUp.add(journeyId)) {
                loaded.putAll(load(new UUID[] {journeyId}));
            }
            return loaded.computeIfAbsent(journeyId, CaseFile::of);
        }
    }
}
