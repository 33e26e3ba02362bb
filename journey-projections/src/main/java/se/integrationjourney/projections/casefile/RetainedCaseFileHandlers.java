package se.integrationjourney.projections.casefile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.stream.Collectors;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import se.integrationjourney.eventstore.DatabaseFailures;
import se.integrationjourney.projections.runtime.RetainedResults;

/**
 * A rebuild's handling (ADR 0006): each segment keeps its journeys' case files in memory from batch to batch and
 * writes them once, when the rebuilt view is swapped in. A replay folds every event of a journey in turn; reading
 * and rewriting its case file around every batch cost more than everything else together. Several case-file views
 * rebuilt together share these handlers: each event is folded once, and each case file written to every view's
 * table with that view's columns.
 *
 * <p>Memory is bounded: when a segment holds more than its limit after a batch, that batch's transaction writes
 * the segment's case files out and the segment starts afresh, reading a journey's case file back when it comes
 * up again. Each segment is handled by one thread at a time (Axon's pooled streaming processor), so a segment's
 * map needs no locking; segments never share a journey.
 */
final class RetainedCaseFileHandlers extends CaseFileViewHandlers implements RetainedResults {

    /** The key under which Axon's pooled streaming processor puts the batch's segment into its unit of work. */
    private static final String SEGMENT_ID_RESOURCE_SUFFIX = "]/SegmentId";

    /** Every view's rebuild table; the case files are written to each. */
    private final List<CaseFileTable> tables;
    /** Where a written-out case file is read back from: a table holding it whole where there is one. */
    private final CaseFileTable readBack;

    private final int limitPerSegment;
    private final String batchResourceKey;
    private final Map<Integer, SegmentFiles> segments = new ConcurrentHashMap<>();
    /** Journeys whose rows a table refused: left out of every table, their events dead-lettered by the runtime. */
    private final Set<UUID> refused = ConcurrentHashMap.newKeySet();

    private volatile boolean intact = true;

    RetainedCaseFileHandlers(List<CaseFileTable> tables, CaseFileTable readBack, int limitPerSegment) {
        this.tables = List.copyOf(tables);
        this.readBack = readBack;
        this.limitPerSegment = limitPerSegment;
        this.batchResourceKey = "retained-case-files:" + readBack.name();
    }

    @Override
    CaseFile caseFileFor(UUID journeyId, UnitOfWork<?> batch) {
        SegmentFiles segment = batch.getOrComputeResource(batchResourceKey, key -> startBatch(batch));
        return segment.files.computeIfAbsent(journeyId, CaseFile::of);
    }

    private SegmentFiles startBatch(UnitOfWork<?> batch) {
        // A rebuild's batch need not wait for the disk when it commits (its token update is all it writes, mostly):
        // a crash abandons the rebuild anyway, and the swap's own commit makes everything before it durable.
        readBack.commitWithoutWaitingForDisk();
        SegmentFiles segment = segments.computeIfAbsent(segmentOf(batch), id -> new SegmentFiles());
        if (segment.wroteOut) {
            // Journeys held before the last write-out are in the table now: read back this batch's ones.
            List<UUID> missing = journeysOf(batch).stream()
                    .filter(id -> !segment.files.containsKey(id))
                    .toList();
            segment.files.putAll(readBack.load(missing));
        }
        batch.onRollback(rolledBack -> intact = false);
        batch.onPrepareCommit(committing -> {
            if (segment.files.size() > limitPerSegment) {
                tables.forEach(table -> refused.addAll(table.storeAllItCan(segment.files.values())));
                segment.files.clear();
                segment.wroteOut = true;
            }
        });
        return segment;
    }

    /**
     * Writes every view's table at once, each on a thread and in a transaction of its own: writing is most of a
     * swap's time, and one database connection uses one core. When no segment has written case files out before,
     * the tables are empty and each is filled with one {@code COPY}, each case file serialized once for all these
     * tables ({@link CaseFileJson#documents}); otherwise, and for a view that writes its rows itself, with upserts.
     */
    @Override
    public Set<String> writeRetained() {
        List<CaseFile> files = segments.values().stream()
                .flatMap(segment -> segment.files.values().stream())
                .toList();
        boolean fresh = segments.values().stream().noneMatch(segment -> segment.wroteOut);
        List<CaseFileTable> copied =
                fresh ? tables.stream().filter(CaseFileTable::copyable).toList() : List.of();
        SharedDocuments documents = new SharedDocuments(copied.isEmpty() ? List.of() : files, copied.size());
        List<Runnable> writes = tables.stream()
                .<Runnable>map(table -> () -> {
                    try {
                        if (copied.contains(table)) {
                            table.copyInOwnTransaction(documents.chunks, documents::chunk);
                        } else {
                            table.storeInOwnTransaction(files);
                        }
                    } catch (RuntimeException failure) {
                        if (!DatabaseFailures.refusesRows(failure)) {
                            throw failure;
                        }
                        // A row the table cannot hold (text from before the API refused it, say): write the others.
                        refused.addAll(table.storeAllItCanInOwnTransaction(files));
                    }
                })
                .toList();
        ExecutorService writers = Executors.newFixedThreadPool(tables.size(), runnable -> {
            Thread thread = new Thread(runnable, "rebuild-writer");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> written =
                    writes.stream().<Future<?>>map(writers::submit).toList();
            for (Future<?> write : written) {
                write.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing a rebuild", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : new IllegalStateException(e.getCause());
        } finally {
            writers.shutdownNow();
        }
        segments.clear();
        if (refused.isEmpty()) {
            return Set.of();
        }
        // A journey one view's table refused is left out of every view rebuilt here: they share its dead letters.
        tables.forEach(table -> table.deleteInOwnTransaction(refused));
        Set<String> journeys = refused.stream().map(UUID::toString).collect(Collectors.toUnmodifiableSet());
        refused.clear();
        return journeys;
    }

    @Override
    public boolean intact() {
        return intact;
    }

    private static int segmentOf(UnitOfWork<?> batch) {
        return batch.resources().entrySet().stream()
                .filter(resource -> resource.getKey().endsWith(SEGMENT_ID_RESOURCE_SUFFIX))
                .map(resource -> (Integer) resource.getValue())
                .findFirst()
                .orElse(-1);
    }

    /**
     * The JSON of the case files, in chunks, serialized by whichever table's writer needs a chunk first and
     * forgotten once every table has taken it, so that the writers share one serialization per case file and only
     * the chunks between the fastest and the slowest writer are held.
     */
    private static final class SharedDocuments {

        private static final int CHUNK_SIZE = 1_000;

        private final List<List<CaseFile>> chunks;
        private final Map<Integer, CaseFileJson.Documents[]> serialized = new ConcurrentHashMap<>();
        private final AtomicIntegerArray takers;

        private SharedDocuments(List<CaseFile> files, int tables) {
            List<List<CaseFile>> chunks = new ArrayList<>();
            for (int start = 0; start < files.size(); start += CHUNK_SIZE) {
                chunks.add(files.subList(start, Math.min(files.size(), start + CHUNK_SIZE)));
            }
            this.chunks = List.copyOf(chunks);
            this.takers = new AtomicIntegerArray(chunks.size());
            for (int index = 0; index < chunks.size(); index++) {
                takers.set(index, tables);
            }
        }

        /** The chunk's JSON; each table asks for each chunk once. */
        private CaseFileJson.Documents[] chunk(int index) {
            CaseFileJson.Documents[] documents = serialized.computeIfAbsent(
                    index,
                    key -> chunks.get(key).stream()
                            .map(file -> file.registered() ? CaseFileJson.documents(file) : null)
                            .toArray(CaseFileJson.Documents[]::new));
            if (takers.decrementAndGet(index) == 0) {
                serialized.remove(index);
            }
            return documents;
        }
    }

    private static final class SegmentFiles {
        private final Map<UUID, CaseFile> files = new HashMap<>();
        /** True once the segment has written its case files out: a journey not in memory may have a row. */
        private boolean wroteOut;
    }
}
