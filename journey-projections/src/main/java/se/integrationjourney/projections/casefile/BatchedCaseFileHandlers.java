package se.integrationjourney.projections.casefile;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import se.integrationjourney.projections.runtime.DeferredWrites;

/**
 * The live view's handling: all events of one processor batch are handled in one transaction; the case files of
 * every journey in the batch are read in one query when the batch starts and written back in one JDBC batch when
 * it commits, so queries see each batch whole and a catch-up costs two round trips per batch, not two per event.
 * A batch handled event by event after a failure writes each event's case file at once ({@link DeferredWrites}).
 */
final class BatchedCaseFileHandlers extends CaseFileViewHandlers implements DeferredWrites {

    private final CaseFileTable table;
    private final String batchResourceKey;

    BatchedCaseFileHandlers(CaseFileTable table) {
        this.table = table;
        this.batchResourceKey = "case-files:" + table.name();
    }

    @Override
    CaseFile caseFileFor(UUID journeyId, UnitOfWork<?> batch) {
        Batch files = batch.getOrComputeResource(batchResourceKey, key -> startBatch(batch));
        CaseFile file = files.caseFile(journeyId);
        files.changed.put(journeyId, file);
        return file;
    }

    @Override
    public void writeNow() {
        Batch files = currentBatch();
        if (files != null && !files.changed.isEmpty()) {
            table.store(files.changed.values());
            files.changed.clear();
        }
    }

    @Override
    public void discardUnwritten() {
        Batch files = currentBatch();
        if (files != null) {
            files.changed.keySet().forEach(files::forget);
            files.changed.clear();
        }
    }

    private Batch currentBatch() {
        return CurrentUnitOfWork.isStarted() ? CurrentUnitOfWork.get().root().getResource(batchResourceKey) : null;
    }

    private Batch startBatch(UnitOfWork<?> unitOfWork) {
        Set<UUID> journeys = new HashSet<>(journeysOf(unitOfWork));
        Batch batch = new Batch(table.load(journeys), journeys);
        unitOfWork.onPrepareCommit(committing -> {
            if (!batch.changed.isEmpty()) {
                table.store(batch.changed.values());
            }
        });
        return batch;
    }

    private final class Batch {
        private final Map<UUID, CaseFile> loaded;
        private final Set<UUID> lookedUp;
        private final Map<UUID, CaseFile> changed = new LinkedHashMap<>();

        private Batch(Map<UUID, CaseFile> loaded, Set<UUID> lookedUp) {
            this.loaded = new HashMap<>(loaded);
            this.lookedUp = lookedUp;
        }

        /** Drops the journey's case file as folded in memory: it is read again from the table when needed. */
        private void forget(UUID journeyId) {
            loaded.remove(journeyId);
            lookedUp.remove(journeyId);
        }

        /**
         * The journey's case file: from the batch's first read, else read on its own (a journey the batch did
         * not list, e.g. a retried dead letter), else new (no row yet: the journey's first event). Never an empty
         * file over an existing row.
         */
        private CaseFile caseFile(UUID journeyId) {
            if (lookedUp.add(journeyId)) {
                loaded.putAll(table.load(Set.of(journeyId)));
            }
            return loaded.computeIfAbsent(journeyId, CaseFile::of);
        }
    }
}
