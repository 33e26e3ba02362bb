package se.integrationjourney.projections.outcomes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Query: {@link FindTimeToMilestone} for every {@code withinMonths} from 0 to {@code lastMonth}, answered from one
 * read of the cohort, as a list of {@link TimeToMilestoneResponse} (element m has {@code withinMonths} = m): the
 * cumulative share reaching the milestone month by month that the analysts' time-to page draws. Each element equals
 * what {@link FindTimeToMilestone} with that {@code withinMonths} answers for the same facts.
 *
 * @param lastMonth        the last month asked, 0 to {@link #MAX_LAST_MONTH}
 * @param municipalityCode only this municipality's journeys; {@code null} (or blank) for all
 * @param asOf             as in {@link FindTimeToMilestone}; {@code null} for today
 * @param knownAt          only events stored at or before this moment count ({@link KnownAt}); {@code null} for now
 * @throws NullPointerException     if {@code milestone} or {@code from} is missing
 * @throws IllegalArgumentException if {@code lastMonth} is outside 0 to {@link #MAX_LAST_MONTH}
 */
public record FindTimeToMilestoneByMonth(
        Milestone milestone,
        MeasuredFrom from,
        int cohortYear,
        int lastMonth,
        String municipalityCode,
        LocalDate asOf,
        Instant knownAt) {

    /** As of today, as known now. */
    public FindTimeToMilestoneByMonth(
            Milestone milestone, MeasuredFrom from, int cohortYear, int lastMonth, String municipalityCode) {
        this(milestone, from, cohortYear, lastMonth, municipalityCode, null, null);
    }

    /** Ten years of months: a bound on the work one query may ask for. */
    public static final int MAX_LAST_MONTH = 120;

    public FindTimeToMilestoneByMonth {
        Objects.requireNonNull(milestone, "milestone");
        Objects.requireNonNull(from, "from");
        if (lastMonth < 0 || lastMonth > MAX_LAST_MONTH) {
            throw new IllegalArgumentException("lastMonth must be 0 to " + MAX_LAST_MONTH);
        }
        municipalityCode = municipalityCode == null || municipalityCode.isBlank() ? null : municipalityCode.strip();
    }
}
