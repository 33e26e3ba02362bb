package se.integrationjourney.core.journey;

import java.time.LocalDate;
import se.integrationjourney.core.events.MilestoneEvent;

/**
 * One stretch of something that starts and ends (an employment, the establishment plan, a closure ...), paired from
 * the events that still count, so that a retracted start or end simply leaves it unpaired.
 *
 * @param kind  what it is
 * @param key   the caller's id for internships, employments and studies; empty for the kinds there is one of at a time
 * @param start the event that started it
 * @param end   the event that ended it, or {@code null} while it is open
 */
public record PairedEpisode(EpisodeKind kind, String key, RecordedEvent start, RecordedEvent end) {

    /** Whether it has not ended yet. */
    public boolean open() {
        return end == null;
    }

    /** The business date it started on. */
    public LocalDate startedOn() {
        return ((MilestoneEvent) start.event()).occurredOn();
    }

    PairedEpisode endedBy(RecordedEvent ending) {
        return new PairedEpisode(kind, key, start, ending);
    }
}
