package se.integrationjourney.core.journey;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import se.integrationjourney.core.events.MilestoneRetracted;
import se.integrationjourney.core.events.NewcomerRegistered;

/**
 * Everything a journey's decisions are made from: its recorded events with their ids, and which of them were
 * retracted. An immutable value, so that the state rebuilt from the event store can be compared with the state a
 * decision was made with.
 *
 * @param history           every event of the journey, in recording order
 * @param retractedEventIds the ids of the events retracted so far
 */
public record DecisionBasis(List<RecordedEvent> history, Set<String> retractedEventIds) {

    /** A journey before its registration. */
    public static final DecisionBasis EMPTY = new DecisionBasis(List.of(), Set.of());

    public DecisionBasis {
        history = List.copyOf(history);
        retractedEventIds = Set.copyOf(retractedEventIds);
    }

    /** The state once the given event is recorded as well. */
    public DecisionBasis with(RecordedEvent recorded) {
        List<RecordedEvent> longer = new ArrayList<>(history.size() + 1);
        longer.addAll(history);
        longer.add(recorded);
        Set<String> retracted = retractedEventIds;
        if (recorded.event() instanceof MilestoneRetracted retraction) {
            retracted = new HashSet<>(retractedEventIds);
            retracted.add(retraction.retractedEventId());
        }
        return new DecisionBasis(longer, retracted);
    }

    /** Whether the journey has been registered (its first event is the registration). */
    public boolean registered() {
        return !history.isEmpty() && history.get(0).event() instanceof NewcomerRegistered;
    }

    /** The recorded event with that id, retracted or not. */
    public Optional<RecordedEvent> find(String eventId) {
        return history.stream()
                .filter(recorded -> recorded.eventId().equals(eventId))
                .findFirst();
    }

    /** Whether the event with that id has been retracted. */
    public boolean retracted(String eventId) {
        return retractedEventIds.contains(eventId);
    }

    /** The events that still count: neither retracted nor retractions themselves, in recording order. */
    public List<RecordedEvent> countingEvents() {
        return history.stream()
                .filter(recorded -> !(recorded.event() instanceof MilestoneRetracted))
                .filter(recorded -> !retractedEventIds.contains(recorded.eventId()))
                .toList();
    }

    /** The facts the rules are checked against, derived from the events that still count. */
    public RuleFacts facts() {
        return RuleFacts.of(countingEvents());
    }
}
