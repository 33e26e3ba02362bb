package se.integrationjourney.core.events;

/**
 * Where a follow-up's status was learned.
 * <p>Stored by name in events: constants may be added, never renamed or removed.
 */
public enum FollowUpSource {
    REGISTER,
    INTERVIEW,
    CASE_FILE
}
