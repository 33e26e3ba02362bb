package se.integrationjourney.projections.outcomes;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import se.integrationjourney.projections.casefile.CaseFileJson;
import se.integrationjourney.projections.runtime.ProjectionRunner;
import se.integrationjourney.projections.runtime.ProjectionStatus;

/**
 * Answers the analysts' outcome queries from the outcomes view: reads only the cohort's rows, through the index on
 * the cohort's year column (and the municipality when one is asked), maps each case file with
 * {@link OutcomeFacts} and computes the figures with {@link OutcomeCalculator}. No personal data is read or
 * returned: the view does not hold any.
 *
 * <p>Every answer carries the outcomes view's position, read <em>before</em> the rows, so the figures include at
 * least every event up to it (possibly a few more).
 */
@Component
public class OutcomeQueries {

    static final String ESTABLISHMENT_END_YEAR = "establishment_end_year";
    static final String ESTABLISHMENT_START_YEAR = "establishment_start_year";
    static final String ARRIVAL_YEAR = "arrival_year";

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final LongSupplier viewPosition;

    @Autowired
    public OutcomeQueries(JdbcTemplate jdbc, Clock clock, ProjectionRunner projections) {
        this(jdbc, clock, () -> positionOf(projections.status()));
    }

    /** @param viewPosition the outcomes view's position (global index handled); a seam for tests */
    OutcomeQueries(JdbcTemplate jdbc, Clock clock, LongSupplier viewPosition) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.viewPosition = viewPosition;
    }

    public TwoYearsAfterOutcomeResponse handle(FindTwoYearsAfterOutcome query) {
        LocalDate asOf = query.asOf() != null ? query.asOf() : LocalDate.now(clock);
        long position = viewPosition.getAsLong();
        List<JourneyFacts> cohort = cohort(ESTABLISHMENT_END_YEAR, query.cohortYear(), query.municipalityCode());
        return TwoYearsAfterOutcomeResponse.of(
                OutcomeCalculator.twoYearsAfter(cohort, query.cohortYear(), asOf), position);
    }

    public TimeToMilestoneResponse handle(FindTimeToMilestone query) {
        long position = viewPosition.getAsLong();
        List<JourneyFacts> cohort = cohort(yearColumn(query.from()), query.cohortYear(), query.municipalityCode());
        return TimeToMilestoneResponse.of(
                OutcomeCalculator.timeToMilestone(
                        cohort, query.milestone(), query.from(), query.cohortYear(), query.withinMonths()),
                position);
    }

    /**
     * The time to a milestone within 0, 1, … {@code lastMonth} months: one read of the cohort's rows, then the same
     * calculation as {@link #handle(FindTimeToMilestone)} once per month, so every element is what that query gives
     * for its month, and all of them describe the same facts at the same position.
     */
    public List<TimeToMilestoneResponse> handle(FindTimeToMilestoneByMonth query) {
        long position = viewPosition.getAsLong();
        List<JourneyFacts> cohort = cohort(yearColumn(query.from()), query.cohortYear(), query.municipalityCode());
        List<TimeToMilestoneResponse> byMonth = new ArrayList<>(query.lastMonth() + 1);
        for (int month = 0; month <= query.lastMonth(); month++) {
            byMonth.add(TimeToMilestoneResponse.of(
                    OutcomeCalculator.timeToMilestone(
                            cohort, query.milestone(), query.from(), query.cohortYear(), month),
                    position));
        }
        return List.copyOf(byMonth);
    }

    /** The position of the outcomes view in the runner's status, 0 when it has none yet. */
    static long positionOf(List<ProjectionStatus> statuses) {
        return statuses.stream()
                .filter(status -> OutcomesProjection.NAME.equals(status.name()))
                .mapToLong(ProjectionStatus::position)
                .findFirst()
                .orElse(0);
    }

    /** The journeys of one cohort; {@code yearColumn} is one of the view's indexed year columns, never input. */
    private List<JourneyFacts> cohort(String yearColumn, int year, String municipalityCode) {
        List<JourneyFacts> journeys = new ArrayList<>();
        RowCallbackHandler collect = row -> journeys.add(OutcomeFacts.from(CaseFileJson.read(row.getString(1))));
        if (municipalityCode == null) {
            jdbc.query(sql(yearColumn, false), collect, year);
        } else {
            jdbc.query(sql(yearColumn, true), collect, year, municipalityCode);
        }
        return journeys;
    }

    /** The statement reading one cohort: the year (and the municipality, when asked) bound as parameters. */
    static String sql(String yearColumn, boolean byMunicipality) {
        return "select case_file::text from " + OutcomesProjection.TABLE + " where " + yearColumn + " = ?"
                + (byMunicipality ? " and municipality_code = ?" : "");
    }

    /** The indexed year column of a time-to cohort. */
    static String yearColumn(MeasuredFrom from) {
        return from == MeasuredFrom.ARRIVAL ? ARRIVAL_YEAR : ESTABLISHMENT_START_YEAR;
    }

    /**
     * The cumulative share reaching a milestone month by month, censored journeys counted while followed
     * ({@link CumulativeReachEstimator}). An {@code asOf} after today is refused: months not yet lived would count
     * as followed without a reach and pull the share down.
     *
     * @throws IllegalArgumentException if {@code asOf} is after today
     */
    public CumulativeReachResponse handle(FindCumulativeReach query) {
        LocalDate today = LocalDate.now(clock);
        LocalDate asOf = query.asOf() != null ? query.asOf() : today;
        if (asOf.isAfter(today)) {
            throw new IllegalArgumentException("asOf must not be after today");
        }
        long position = viewPosition.getAsLong();
        List<JourneyFacts> cohort = cohort(yearColumn(query.from()), query.cohortYear(), query.municipalityCode());
        return CumulativeReachResponse.of(
                CumulativeReachEstimator.estimate(
                        cohort, query.milestone(), query.from(), query.cohortYear(), asOf, query.months()),
                position);
    }
}
