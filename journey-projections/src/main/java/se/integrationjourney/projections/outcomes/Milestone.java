package se.integrationjourney.projections.outcomes;

/**
 * The milestones a time-to-milestone measurement can ask about (docs/api.md, "Outcomes"). Each journey's
 * date for one of them is {@link JourneyFacts#milestoneDate(Milestone)}.
 */
public enum Milestone {
    /** The first housing secured. */
    HOUSING_SECURED,
    /** The first SFI level reached that is B or higher. */
    SFI_LEVEL_B,
    /** The first civic orientation completion meeting the legal minimum hours in force on its date. */
    CIVIC_ORIENTATION_COMPLETED,
    /** The first internship started. */
    INTERNSHIP_STARTED,
    /** The first employment started, of any type. */
    EMPLOYMENT_STARTED,
    /** The earliest start of any employment, business or studies. */
    IN_WORK_OR_STUDIES,
    /** The first self-sufficiency reached. */
    SELF_SUFFICIENCY_REACHED
}
