package se.integrationjourney.core.events;

/**
 * The question a saved study asks, as the outcome endpoints take it. The milestone and the date counted from are
 * kept by name: their lists belong to the read side's measurements, which the core does not know, and a name
 * stored in an event stays readable whatever those lists become.
 *
 * @param kind             which measurement
 * @param cohortYear       the cohort: year of the establishment end (two years after), or of {@code from} (time to)
 * @param municipalityCode SCB kommunkod, four digits; {@code null} for all municipalities
 * @param milestone        for {@link StudyKind#TIME_TO}: a milestone's name (e.g. {@code EMPLOYMENT_STARTED});
 *                         otherwise {@code null}
 * @param from             for {@link StudyKind#TIME_TO}: {@code ARRIVAL} or {@code ESTABLISHMENT_START}; otherwise
 *                         {@code null}
 * @param withinMonths     for {@link StudyKind#TIME_TO}: N of "reached within N months", or {@code null}; otherwise
 *                         {@code null}
 */
public record StudyQuery(
        StudyKind kind, int cohortYear, String municipalityCode, String milestone, String from, Integer withinMonths) {

    /** The two-years-after question for a cohort. */
    public static StudyQuery twoYearsAfter(int cohortYear, String municipalityCode) {
        return new StudyQuery(StudyKind.TWO_YEARS_AFTER, cohortYear, municipalityCode, null, null, null);
    }

    /** The time-to question for a cohort. */
    public static StudyQuery timeTo(
            String milestone, String from, int cohortYear, Integer withinMonths, String municipalityCode) {
        return new StudyQuery(StudyKind.TIME_TO, cohortYear, municipalityCode, milestone, from, withinMonths);
    }
}
