package se.integrationjourney.core.events;

/** Which of the analysts' measurements a saved study asks (docs/api.md, "Outcomes"). */
public enum StudyKind {
    /** The status two years after the establishment period, for the cohort of an establishment end year. */
    TWO_YEARS_AFTER,
    /** The time to a milestone, from arrival or establishment start, for the cohort of that year. */
    TIME_TO
}
