package se.integrationjourney.eventstore;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The links of appended events, computed here exactly as the trigger defines them: an event chains to its
 * aggregate's event with the next lower sequence number (earlier in the same append, or stored before), and to
 * {@link EventChain#start()} if there is none.
 *
 * <p>The link an append chains from is usually the one this node stored last for that journey: each journey's last
 * committed link is remembered (bounded; a committed event's link never changes, so an entry is never wrong, only
 * possibly not the latest when another node appended since, which its sequence number shows). Only journeys whose
 * predecessor is not remembered are read, in one query for the whole append: a statement per append saved is what
 * the group commit's one writer waits for least (docs/benchmarks.md, "Append, protected").
 */
final class ComputedLinks implements AppendLinks {

    private record Link(long sequenceNumber, byte[] link) {}

    private final Cache<String, Link> committed;

    ComputedLinks(long rememberedJourneys) {
        this.committed = Caffeine.newBuilder().maximumSize(rememberedJourneys).build();
    }

    @Override
    public List<byte[]> links(Connection connection, List<ChainedEvent> events) throws SQLException {
        Map<String, Long> first = new LinkedHashMap<>();
        Map<String, Long> last = new HashMap<>();
        for (ChainedEvent event : events) {
            Long before = last.put(event.aggregateIdentifier(), event.sequenceNumber());
            if (before != null && before >= event.sequenceNumber()) {
                // Not in sequence order (Axon never appends so): "the next lower" is then the trigger's to find.
                return null;
            }
            first.putIfAbsent(event.aggregateIdentifier(), event.sequenceNumber());
        }
        Map<String, byte[]> previous = predecessors(connection, first);
        EventChain.Linker linker = new EventChain.Linker();
        List<byte[]> links = new ArrayList<>(events.size());
        Map<String, Link> lastLinks = new HashMap<>();
        for (ChainedEvent event : events) {
            byte[] link = linker.link(previous.getOrDefault(event.aggregateIdentifier(), EventChain.start()), event);
            previous.put(event.aggregateIdentifier(), link);
            lastLinks.put(event.aggregateIdentifier(), new Link(event.sequenceNumber(), link));
            links.add(link);
        }
        rememberOnCommit(lastLinks);
        return links;
    }

    /** For each journey, the link its append's first event chains from, unless that is the start. */
    private Map<String, byte[]> predecessors(Connection connection, Map<String, Long> first) throws SQLException {
        Map<String, byte[]> links = new HashMap<>();
        List<String> unknown = new ArrayList<>();
        List<Long> unknownSequences = new ArrayList<>();
        first.forEach((aggregate, sequence) -> {
            if (sequence == 0) {
                return;
            }
            Link remembered = committed.getIfPresent(aggregate);
            if (remembered != null && remembered.sequenceNumber() == sequence - 1) {
                links.put(aggregate, remembered.link());
            } else {
                unknown.add(aggregate);
                unknownSequences.add(sequence);
            }
        });
        if (!unknown.isEmpty()) {
            links.putAll(AxonTables.linksBefore(connection, unknown, unknownSequences));
        }
        return links;
    }

    /** Remembers the append's last links once its transaction has committed; never those of one rolled back. */
    private void rememberOnCommit(Map<String, Link> lastLinks) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                committed.putAll(lastLinks);
            }
        });
    }
}
