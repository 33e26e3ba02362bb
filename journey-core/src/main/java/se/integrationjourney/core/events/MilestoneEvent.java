package se.integrationjourney.core.events;

import java.time.LocalDate;

/**
 * A step in the person's life (as opposed to a correction of the record), dated by when it happened.
 * The time it was recorded is the event's timestamp, kept by Axon.
 */
public interface MilestoneEvent extends JourneyEvent {

    /** The business date: the day it happened in the person's life, not the day it was recorded. */
    LocalDate occurredOn();
}
