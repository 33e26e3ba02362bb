package se.integrationjourney.core.events;

/**
 * Gender as registered; analysts break outcomes down by it (Trelleborg's gender-equality perspective).
 * <p>Stored by name in events: constants may be added, never renamed or removed.
 */
public enum Gender {
    FEMALE,
    MALE,
    OTHER,
    UNKNOWN
}
