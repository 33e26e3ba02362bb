package se.integrationjourney.projections.caseload;

/**
 * The due actions of the caseload (domain.md, "Caseload: what needs doing"), with the day each becomes due.
 * Thresholds are {@link CaseloadThresholds}; each action is due from its since-date on (or, for the two
 * "ending" actions, from then until the end date) as long as its condition holds.
 */
public enum DueActionCode {
    /** No caseworker assigned; since the arrival date. */
    NO_CASEWORKER,
    /** No introductory meeting; since arrival + introductory-meeting-days. */
    NO_INTRODUCTORY_MEETING,
    /** No action plan; since arrival + action-plan-days. */
    NO_ACTION_PLAN,
    /** No housing secured; since arrival + housing-days. */
    NO_HOUSING,
    /** Never enrolled in SFI; since arrival + sfi-enrolment-days. */
    NOT_ENROLLED_IN_SFI,
    /** Not in work or studies; from establishment end − establishment-ending-days until the end. */
    ESTABLISHMENT_ENDING_NOT_IN_WORK_OR_STUDIES,
    /**
     * Level D not reached; from the SFI right's end (first enrolment + sfi-right-years) − sfi-right-ending-days
     * until the right's end, for rights ending on or after {@link CaseloadThresholds#SFI_RIGHT_IN_FORCE_FROM}.
     */
    SFI_RIGHT_ENDING_WITHOUT_LEVEL_D,
    /** No 24-month follow-up recorded; since the measurement point. */
    FOLLOW_UP_DUE;

    /** The result column of the caseload query holding this action's since-date (null when not due). */
    String column() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
