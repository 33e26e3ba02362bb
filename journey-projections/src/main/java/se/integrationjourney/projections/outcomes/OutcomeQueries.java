package se.integrationjourney.projections.outcomes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import se.integrationjourney.core.events.JourneyEvent;
import se.integrationjourney.projections.casefile.CaseFile;
import se.integrationjourney.projections.casefile.CaseFileFold;
import se.integrationjourney.projections.casefile.CaseFileJson;
import se.integrationjourney.projections.runtime.ProjectionStatus;

/**
 * Answers the analysts' outcome queries as the events were known at a moment ({@link KnownAt}; docs/projections.md,
 * "As known at a moment"), from the outcomes view where it can and from the stored events where it must:
 * <ol>
 *   <li>the cohort's candidate rows are read through the indexed year columns: a journey whose newest event was
 *       stored by the moment has in its row exactly the case file the moment knew; one changed since may have
 *       belonged to the cohort then, which the span of every year its establishment dates ever had tells;</li>
 *   <li>the journeys changed since, and those the view has not folded yet (events after its position, dead
 *       letters), are folded again from their stored events, leaving out every event stored after the moment
 *       (a retraction stored later does not yet retract), and kept if they belonged to the cohort then;</li>
 *   <li>the figures are computed with {@link OutcomeCalculator} over {@link OutcomeFacts}.</li>
 * </ol>
 * No personal data is read or returned: the view does not hold any, and the folded case files are dropped after
 * mapping to {@link JourneyFacts}. Every answer carries the store's head read <em>before</em> anything else: every
 * event up to it stored at or before the moment is in the answer, and none stored after.
 */
@Component
public class OutcomeQueries {

    static final String ESTABLISHMENT_END_YEAR = "establishment_end_year";
    static final String ESTABLISHMENT_START_YEAR = "establishment_start_year";
    static final String ARRIVAL_YEAR = "arrival_year";

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration settleMargin;
    private final RecordedHistory history;

    @Autowired
    public OutcomeQueries(JdbcTemplate jdbc, Clock clock, OutcomeSettings settings, RecordedHistory history) {
        this(jdbc, clock, settings.settleMargin(), history);
    }

    OutcomeQueries(JdbcTemplate jdbc, Clock clock, Duration settleMargin, RecordedHistory history) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.settleMargin = settleMargin;
        this.history = history;
    }

    public TwoYearsAfterOutcomeResponse handle(FindTwoYearsAfterOutcome query) {
        LocalDate asOf = asOfOrToday(query.asOf());
        KnownCohort cohort =
                cohort(ESTABLISHMENT_END_YEAR, query.cohortYear(), query.municipalityCode(), query.knownAt());
        return TwoYearsAfterOutcomeResponse.of(
                OutcomeCalculator.twoYearsAfter(cohort.journeys(), query.cohortYear(), asOf),
                cohort.knownAt(),
                cohort.position());
    }

    public TimeToMilestoneResponse handle(FindTimeToMilestone query) {
        LocalDate asOf = asOfOrToday(query.asOf());
        KnownCohort cohort =
                cohort(yearColumn(query.from()), query.cohortYear(), query.municipalityCode(), query.knownAt());
        return TimeToMilestoneResponse.of(
                OutcomeCalculator.timeToMilestone(
                        cohort.journeys(),
                        query.milestone(),
                        query.from(),
                        query.cohortYear(),
                        query.withinMonths(),
                        asOf),
                asOf,
                cohort.knownAt(),
                cohort.position());
    }

    /**
     * The time to a milestone within 0, 1, … {@code lastMonth} months: one read of the cohort, then the same
     * calculation as {@link #handle(FindTimeToMilestone)} once per month, so every element is what that query gives
     * for its month, and all of them describe the same facts as known at the same moment.
     */
    public List<TimeToMilestoneResponse> handle(FindTimeToMilestoneByMonth query) {
        LocalDate asOf = asOfOrToday(query.asOf());
        KnownCohort cohort =
                cohort(yearColumn(query.from()), query.cohortYear(), query.municipalityCode(), query.knownAt());
        List<TimeToMilestoneResponse> byMonth = new ArrayList<>(query.lastMonth() + 1);
        for (int month = 0; month <= query.lastMonth(); month++) {
            byMonth.add(TimeToMilestoneResponse.of(
                    OutcomeCalculator.timeToMilestone(
                            cohort.journeys(), query.milestone(), query.from(), query.cohortYear(), month, asOf),
                    asOf,
                    cohort.knownAt(),
                    cohort.position()));
        }
        return List.copyOf(byMonth);
    }

    /** The moment a question asking for {@code requested} ({@code null} = now) is answered as known at. */
    public KnownAt knownAt(Instant requested) {
        return KnownAt.resolve(requested, clock.instant(), settleMargin);
    }

    /**
     * The journeys of the cohort a two-years-after question is about, as known at its moment: every journey whose
     * establishment end falls in the cohort year (pending and lost to follow-up included), the facts its figures are
     * computed from. For a saved study's research extract; the caller holds the facts, which carry no personal data.
     */
    public List<JourneyFacts> cohortFacts(FindTwoYearsAfterOutcome query) {
        KnownCohort cohort =
                cohort(ESTABLISHMENT_END_YEAR, query.cohortYear(), query.municipalityCode(), query.knownAt());
        return cohort.journeys().stream()
                .filter(journey -> journey.establishmentEnd() != null
                        && journey.establishmentEnd().getYear() == query.cohortYear())
                .toList();
    }

    /**
     * The journeys of the cohort a time-to question is about, as known at its moment: every journey whose
     * {@code from} date falls in the cohort year and not after {@code asOf}, as {@link OutcomeCalculator} counts its
     * cohort size. For a saved study's research extract.
     */
    public List<JourneyFacts> cohortFacts(FindTimeToMilestone query) {
        LocalDate asOf = asOfOrToday(query.asOf());
        KnownCohort cohort =
                cohort(yearColumn(query.from()), query.cohortYear(), query.municipalityCode(), query.knownAt());
        return cohort.journeys().stream()
                .filter(journey -> journey.fromDate(query.from())
                        .filter(from -> from.getYear() == query.cohortYear() && !from.isAfter(asOf))
                        .isPresent())
                .toList();
    }

    private LocalDate asOfOrToday(LocalDate asOf) {
        return asOf != null ? asOf : LocalDate.now(clock);
    }

    /** The position of the outcomes view in the runner's status, 0 when it has none yet. */
    static long positionOf(List<ProjectionStatus> statuses) {
        return statuses.stream()
                .filter(status -> OutcomesProjection.NAME.equals(status.name()))
                .mapToLong(ProjectionStatus::position)
                .findFirst()
                .orElse(0);
    }

    /**
     * The journeys of one cohort as known at the moment; {@code yearColumn} is one of the view's indexed year
     * columns, never input.
     */
    KnownCohort cohort(String yearColumn, int year, String municipalityCode, Instant requestedKnownAt) {
        KnownAt knownAt = knownAt(requestedKnownAt);
        long position = history.headPosition();
        Set<String> refold = new HashSet<>(history.journeysNotYetInView());
        long moment = knownAt.used().toEpochMilli();
        Map<UUID, JourneyFacts> journeys = new HashMap<>();
        RowCallbackHandler collect = row -> {
            String journeyId = row.getString(1);
            String caseFile = row.getString(2);
            if (caseFile == null || refold.contains(journeyId)) {
                refold.add(journeyId); // changed since the moment: folded again below
            } else {
                JourneyFacts facts = OutcomeFacts.from(CaseFileJson.read(caseFile));
                journeys.put(facts.journeyId(), facts);
            }
        };
        boolean byMunicipality = municipalityCode != null;
        jdbc.query(sql(yearColumn, byMunicipality), collect, arguments(municipalityCode, moment, year));
        jdbc.query(
                changedSinceSql(yearColumn, byMunicipality), collect, arguments(municipalityCode, moment, year, year));
        for (CaseFile file : foldedAsKnown(refold, knownAt)) {
            journeys.remove(file.journeyId());
            if (file.registered()
                    && (municipalityCode == null || municipalityCode.equals(file.municipalityCode()))
                    && Integer.valueOf(year).equals(yearOf(file, yearColumn))) {
                journeys.put(file.journeyId(), OutcomeFacts.from(file));
            }
        }
        return new KnownCohort(List.copyOf(journeys.values()), knownAt, position);
    }

    /** The case files of these journeys folded from their events stored at or before the moment. */
    private List<CaseFile> foldedAsKnown(Set<String> journeyIds, KnownAt knownAt) {
        Map<String, CaseFile> files = new HashMap<>();
        history.forEachEvent(journeyIds, message -> {
            if (message.getPayload() instanceof JourneyEvent event && knownAt.knows(message.getTimestamp())) {
                CaseFile file =
                        files.computeIfAbsent(message.getAggregateIdentifier(), id -> CaseFile.of(UUID.fromString(id)));
                CaseFileFold.apply(
                        file, event, message.getIdentifier(), message.getSequenceNumber(), message.getTimestamp());
            }
        });
        return List.copyOf(files.values());
    }

    private static Integer yearOf(CaseFile file, String yearColumn) {
        LocalDate date = switch (yearColumn) {
            case ARRIVAL_YEAR -> file.arrivalDate();
            case ESTABLISHMENT_START_YEAR -> file.establishmentStart();
            case ESTABLISHMENT_END_YEAR -> file.establishmentEnd();
            default -> throw new IllegalArgumentException(yearColumn);
        };
        return date == null ? null : date.getYear();
    }

    /** The statement's arguments, and the municipality last when one is asked. */
    private static Object[] arguments(String municipalityCode, Object... arguments) {
        List<Object> all = new ArrayList<>(List.of(arguments));
        if (municipalityCode != null) {
            all.add(municipalityCode);
        }
        return all.toArray();
    }

    /**
     * The statement reading the rows in the cohort now, through the year's index: with their case files when their
     * newest event was stored by the moment (bound first), without when changed since; then the year and the
     * municipality (when asked).
     */
    static String sql(String yearColumn, boolean byMunicipality) {
        return "select journey_id, case when recorded_until <= ? then case_file::text end from "
                + OutcomesProjection.TABLE + " where " + yearColumn + " = ?"
                + (byMunicipality ? " and municipality_code = ?" : "");
    }

    /**
     * The statement reading the rows changed since the moment (bound first; through the index on
     * {@code recorded_until}) whose span of years ever recorded holds the year (bound twice): they may have been in
     * the cohort then. Rows stored before the view kept stamps have none, and count as changed.
     */
    static String changedSinceSql(String yearColumn, boolean byMunicipality) {
        String low =
                yearColumn.equals(ARRIVAL_YEAR) ? ARRIVAL_YEAR : "coalesce(" + yearColumn + "_low, " + yearColumn + ")";
        String high = yearColumn.equals(ARRIVAL_YEAR)
                ? ARRIVAL_YEAR
                : "coalesce(" + yearColumn + "_high, " + yearColumn + ")";
        return "select journey_id, null from " + OutcomesProjection.TABLE
                + " where (recorded_until > ? or recorded_until is null) and " + low + " <= ? and " + high + " >= ?"
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
        KnownCohort cohort =
                cohort(yearColumn(query.from()), query.cohortYear(), query.municipalityCode(), query.knownAt());
        return CumulativeReachResponse.of(
                CumulativeReachEstimator.estimate(
                        cohort.journeys(), query.milestone(), query.from(), query.cohortYear(), asOf, query.months()),
                cohort.knownAt(),
                cohort.position());
    }

    /** A cohort's journeys as known at a moment, and the store's head read before them. */
    record KnownCohort(List<JourneyFacts> journeys, KnownAt knownAt, long position) {}
}
