package se.integrationjourney.core.events;

/**
 * Why a journey was closed; MOVED_AWAY and DECEASED make a journey lost to follow-up.
 * <p>Stored by name in events: constants may be added, never renamed or removed.
 */
public enum ClosureReason {
    MOVED_AWAY,
    DECEASED,
    FOLLOW_UP_COMPLETE,
    OTHER
}
