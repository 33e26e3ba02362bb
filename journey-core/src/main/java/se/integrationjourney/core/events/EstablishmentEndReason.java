package se.integrationjourney.core.events;

/**
 * Why Arbetsförmedlingen's establishment plan ended.
 * <p>Stored by name in events: constants may be added, never renamed or removed.
 */
public enum EstablishmentEndReason {
    COMPLETED,
    WORK,
    STUDIES,
    MOVED,
    OTHER
}
