package se.integrationjourney.projections.caseload;

import java.util.Locale;

/**
 * The due actions of the caseload (docs/projections.md, "Due actions"), with the day each becomes due.
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

    /** Whether the action stops being due at the end of its window even if nothing is done (the two "ending" ones). */
    boolean lapses() {
        return this == ESTABLISHMENT_ENDING_NOT_IN_WORK_OR_STUDIES || this == SFI_RIGHT_ENDING_WITHOUT_LEVEL_D;
    }

    /** The caseload view's column holding the first day the action is due (null when it does not apply). */
    String sinceColumn() {
        return name().toLowerCase(Locale.ROOT) + "_since";
    }

    /** The column holding the last day a {@linkplain #lapses() lapsing} action is due. */
    String untilColumn() {
        if (!lapses()) {
            throw new IllegalStateException(name() + " is due until it is done: it has no until-column");
        }
        return name().toLowerCase(Locale.ROOT) + "_until";
    }
}
