package se.integrationjourney.core.events;

/**
 * What the person supports themselves on once self-sufficient (egen försörjning).
 * <p>Stored by name in events: constants may be added, never renamed or removed.
 */
public enum SelfSufficiencyBasis {
    EMPLOYMENT,
    BUSINESS,
    STUDIES_WITH_STUDENT_FINANCE,
    OTHER
}
