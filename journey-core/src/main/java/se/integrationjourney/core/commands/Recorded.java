package se.integrationjourney.core.commands;

/**
 * What every journey command answers once its event is recorded: enough for the caller to link to the event
 * (timeline, retraction) and to send its next command with the right expected version.
 *
 * @param eventId the id of the recorded event, as stored in the event store
 * @param version the journey's version after it: the sequence number of its last event (registration is 0)
 */
public record Recorded(String eventId, long version) {}
