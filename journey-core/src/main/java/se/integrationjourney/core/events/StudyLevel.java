package se.integrationjourney.core.events;

/**
 * The kind of studies started.
 * <p>Stored by name in events: constants may be added, never renamed or removed.
 */
public enum StudyLevel {
    KOMVUX,
    FOLKHOGSKOLA,
    UNIVERSITY,
    VOCATIONAL,
    OTHER
}
