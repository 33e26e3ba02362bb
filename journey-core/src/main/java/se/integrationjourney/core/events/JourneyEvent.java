package se.integrationjourney.core.events;

import java.util.UUID;

/**
 * Every fact recorded on a journey. Handlers take this type to see the whole history of a journey.
 */
public interface JourneyEvent {

    /** The journey the fact belongs to; also the aggregate identifier in the event store. */
    UUID journeyId();
}
