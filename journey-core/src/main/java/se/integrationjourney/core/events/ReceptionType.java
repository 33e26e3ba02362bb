package se.integrationjourney.core.events;

/**
 * How the newcomer came to the municipality: assigned by Migrationsverket (anvisad) or on their own arrangement (eget
 * boende).
 * <p>Stored by name in events: constants may be added, never renamed or removed.
 */
public enum ReceptionType {
    ASSIGNED,
    OWN_ARRANGEMENT
}
