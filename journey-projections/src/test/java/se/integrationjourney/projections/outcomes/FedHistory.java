package se.integrationjourney.projections.outcomes;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.axonframework.eventhandling.DomainEventMessage;
import se.integrationjourney.projections.testsupport.EventFeeder;

/**
 * The recorded history as the feeder made it, for queries tested without an event store: every fed event is stored,
 * and the view has folded all of them unless a test says which journeys it has not.
 */
final class FedHistory implements RecordedHistory {

    private final EventFeeder feeder;
    private final LongSupplier head;
    private final Set<String> notYetInView = new HashSet<>();

    public FedHistory(EventFeeder feeder, LongSupplier head) {
        this.feeder = feeder;
        this.head = head;
    }

    /** Says the view has not folded this journey's events yet. */
    public void notYetInView(String journeyId) {
        notYetInView.add(journeyId);
    }

    @Override
    public long headPosition() {
        return head.getAsLong();
    }

    @Override
    public Set<String> journeysNotYetInView() {
        return Set.copyOf(notYetInView);
    }

    @Override
    public void forEachEvent(Collection<String> journeyIds, Consumer<DomainEventMessage<?>> action) {
        Set<String> wanted = new HashSet<>(journeyIds);
        feeder.fed().stream()
                .filter(message -> wanted.contains(message.getAggregateIdentifier()))
                .forEach(action);
    }
}
