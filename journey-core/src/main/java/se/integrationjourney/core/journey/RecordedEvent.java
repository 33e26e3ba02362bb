package se.integrationjourney.core.journey;

import se.integrationjourney.core.events.JourneyEvent;

/**
 * A journey event with the id and sequence number the event store gave it: retractions name events by id, and the
 * order of recording decides which start an end belongs to.
 *
 * @param eventId  the event message's identifier
 * @param sequence the event's sequence number in its journey
 * @param event    the payload
 */
public record RecordedEvent(String eventId, long sequence, JourneyEvent event) {}
