package se.integrationjourney.core.events;

/**
 * The areas the municipality's individual action plan works towards.
 * <p>Stored by name in events: constants may be added, never renamed or removed.
 */
public enum ActionPlanGoal {
    WORK,
    STUDIES,
    LANGUAGE,
    HOUSING
}
