package se.integrationjourney.core.events;

/**
 * A person's status at a measurement point; the six values the outcome measurements use, also what a follow-up records.
 * <p>Stored by name in events: constants may be added, never renamed or removed.
 */
public enum OutcomeStatus {
    EMPLOYED,
    SUBSIDISED_EMPLOYMENT,
    SELF_EMPLOYED,
    STUDYING,
    FINANCIAL_ASSISTANCE,
    UNKNOWN
}
