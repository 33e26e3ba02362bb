package se.integrationjourney.core.events;

/**
 * Highest education completed before arrival, as told at registration.
 * <p>Stored by name in events: constants may be added, never renamed or removed.
 */
public enum EducationLevel {
    NONE,
    PRIMARY,
    SECONDARY,
    POST_SECONDARY,
    UNKNOWN
}
