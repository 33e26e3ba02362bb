package se.integrationjourney.eventstore;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Checks the hash chains the database keeps over every aggregate's events (V7_3__event_hash_chain.sql,
 * {@link EventChain}): one journey's, or the whole store's. Every event's stored bytes are hashed again and compared
 * with the link stored with it; a chain is reported up to its first broken link. Reads only.
 */
@Component
public class ChainVerification {

    /** The most broken chains a verification of the whole store lists (it counts them all). */
    public static final int MAX_BROKEN_LISTED = 100;

    /** Events per query of the whole store: big enough that round trips do not count, small in memory. */
    public static final int PAGE_SIZE = 2_000;

    private final AxonTables tables;
    private final TransactionTemplate snapshot;

    public ChainVerification(AxonTables tables, PlatformTransactionManager transactions) {
        this.tables = tables;
        // One snapshot for the whole store: the count and every page see the same events, however long it takes.
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setReadOnly(true);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    /** One aggregate's (journey's) chain as stored; empty if it has no events. */
    public Optional<ChainReport> verify(String aggregateIdentifier) {
        List<ChainedEvent> events = tables.chainOf(aggregateIdentifier);
        if (events.isEmpty()) {
            return Optional.empty();
        }
        ChainWalk walk = new ChainWalk(aggregateIdentifier);
        for (ChainedEvent event : events) {
            if (!walk.next(event)) {
                break;
            }
        }
        return Optional.of(ChainReport.of(walk, events.size()));
    }

    /**
     * Every aggregate's chain, aggregate after aggregate through the (aggregate, sequence) index, in constant memory:
     * one page of events and one link at a time. Goes on past a broken chain, so that the report names every broken
     * one (the first {@link #MAX_BROKEN_LISTED}, with the first break of each) and counts them all.
     *
     * @param progress told after each page how many events have been checked of how many
     */
    public StoreReport verifyStore(Progress progress) {
        return snapshot.execute(status -> {
            long total = tables.eventCount();
            progress.checked(0, total);
            long checked = 0;
            long aggregates = 0;
            long brokenAggregates = 0;
            List<BrokenLink> broken = new ArrayList<>();
            EventChain.Linker linker = new EventChain.Linker();
            ChainWalk walk = null;
            String lastAggregate = null;
            long lastSequence = 0;
            while (true) {
                List<ChainedEvent> page = tables.chainedEventsAfter(lastAggregate, lastSequence, PAGE_SIZE);
                for (ChainedEvent event : page) {
                    if (walk == null || !walk.aggregateIdentifier().equals(event.aggregateIdentifier())) {
                        if (walk != null && walk.broken() != null) {
                            brokenAggregates++;
                            if (broken.size() < MAX_BROKEN_LISTED) {
                                broken.add(walk.broken());
                            }
                        }
                        walk = new ChainWalk(event.aggregateIdentifier(), linker);
                        aggregates++;
                    }
                    walk.next(event);
                    checked++;
                }
                progress.checked(checked, Math.max(total, checked));
                if (page.size() < PAGE_SIZE) {
                    break;
                }
                ChainedEvent last = page.get(page.size() - 1);
                lastAggregate = last.aggregateIdentifier();
                lastSequence = last.sequenceNumber();
            }
            if (walk != null && walk.broken() != null) {
                brokenAggregates++;
                if (broken.size() < MAX_BROKEN_LISTED) {
                    broken.add(walk.broken());
                }
            }
            return new StoreReport(checked, aggregates, brokenAggregates, List.copyOf(broken));
        });
    }

    /** What a verification of the whole store reports as it goes. */
    @FunctionalInterface
    public interface Progress {
        void checked(long events, long total);
    }

    /**
     * One aggregate's chain.
     *
     * @param events   the events it holds
     * @param lastLink the link of its newest event (hex) when intact; else the last intact link, 64 zeros if none
     * @param broken   its first broken link, or null if it is intact
     */
    public record ChainReport(String aggregateIdentifier, long events, String lastLink, BrokenLink broken) {

        static ChainReport of(ChainWalk walk, long events) {
            return new ChainReport(walk.aggregateIdentifier(), events, EventChain.hex(walk.lastLink()), walk.broken());
        }

        public boolean intact() {
            return broken == null;
        }
    }

    /**
     * The whole store's chains.
     *
     * @param events           events checked
     * @param aggregates       chains (aggregates) checked
     * @param brokenAggregates chains with a broken link
     * @param broken           the first break of each broken chain, at most {@link #MAX_BROKEN_LISTED}, in the order of
     *                         the aggregates' identifiers
     */
    public record StoreReport(long events, long aggregates, long brokenAggregates, List<BrokenLink> broken) {

        public boolean intact() {
            return brokenAggregates == 0;
        }
    }
}
