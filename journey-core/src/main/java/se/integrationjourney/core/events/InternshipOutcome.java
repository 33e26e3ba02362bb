package se.integrationjourney.core.events;

/**
 * How an internship ended.
 * <p>Stored by name in events: constants may be added, never renamed or removed.
 */
public enum InternshipOutcome {
    EMPLOYMENT_OFFERED,
    COMPLETED,
    INTERRUPTED
}
