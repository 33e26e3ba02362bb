package se.integrationjourney.projections.outcomes;

/** The date a time-to-milestone measurement counts from; its year is also the cohort year. */
public enum MeasuredFrom {
    /** The arrival in the municipality (kommunmottagande). */
    ARRIVAL,
    /** The establishment plan's start; journeys without one are in no such cohort. */
    ESTABLISHMENT_START
}
