package se.integrationjourney.core.events;

/**
 * The form of tenure of secured housing.
 * <p>Stored by name in events: constants may be added, never renamed or removed.
 */
public enum Tenure {
    FIRST_HAND,
    SECOND_HAND,
    OWNED,
    MUNICIPAL_TRANSITIONAL,
    LODGER
}
