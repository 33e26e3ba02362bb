package se.integrationjourney.projections.outcomes;

import java.time.LocalDate;

/**
 * The legal minimum length of civic orientation (samhällsorientering), by the date it applies to.
 *
 * <p>docs/domain.md, "What is measured": the minimum was 60 hours before 1 February 2020 and 100 hours
 * from then, and an indicator uses the rule in force on the business date, so an old study gives the same
 * answer when it is run again. A further change is one more branch here, never an edit of an existing one.
 */
public final class CivicOrientationRules {

    /** The first day on which the 100-hour minimum applies. */
    public static final LocalDate HUNDRED_HOURS_FROM = LocalDate.of(2020, 2, 1);

    private CivicOrientationRules() {}

    /** The minimum number of hours a civic orientation must have had to count as completed on {@code date}. */
    public static int legalMinimumHoursOn(LocalDate date) {
        return date.isBefore(HUNDRED_HOURS_FROM) ? 60 : 100;
    }

    /** Whether {@code hours} of civic orientation completed on {@code date} meet the minimum in force then. */
    public static boolean meetsLegalMinimum(int hours, LocalDate date) {
        return hours >= legalMinimumHoursOn(date);
    }
}
