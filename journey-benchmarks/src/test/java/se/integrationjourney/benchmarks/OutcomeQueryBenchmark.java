package se.integrationjourney.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import se.integrationjourney.api.security.Role;
import se.integrationjourney.api.studies.StudyService;
import se.integrationjourney.projections.outcomes.CohortChanges;
import se.integrationjourney.projections.outcomes.FindCohortChanges;
import se.integrationjourney.projections.outcomes.FindTimeToMilestone;
import se.integrationjourney.projections.outcomes.FindTwoYearsAfterOutcome;
import se.integrationjourney.projections.outcomes.MeasuredFrom;
import se.integrationjourney.projections.outcomes.Milestone;
import se.integrationjourney.projections.outcomes.OutcomeQueries;

/**
 * The analysts' outcome queries over the whole history (docs/benchmarks.md): the two-years-after outcome at an
 * as-of date and the time to a milestone, for the largest cohorts of the history, over all municipalities (the
 * response is already broken down by gender and age band) and for one municipality at a time (an analyst
 * comparing municipalities asks once per municipality).
 *
 * <p>Each query is timed over HTTP as an analyst (what an analyst waits for) and in-process through the
 * {@link OutcomeQueries} bean (the same work without HTTP, authentication and JSON). The baseline, measured in
 * the same run and interleaved with them, is the floor any implementation reading the view has to pay: plain
 * JDBC reading the same rows' case files as text, the same statement the query runs, doing nothing with them.
 * So "value / baseline" is how much mapping and computing the figures costs beyond reading.
 *
 * <p>Settings: {@code benchmark.outcomes.runs} timed runs of each (default 20) after
 * {@code benchmark.outcomes.warmups} (default 5); median and max.
 */
final class OutcomeQueryBenchmark {

    static final String NAME = "outcomes";
    private static final int RUNS = Integer.getInteger("benchmark.outcomes.runs", 20);
    private static final int WARMUPS = Integer.getInteger("benchmark.outcomes.warmups", 5);
    /** Runs of each query under the profiler, after the timed ones. */
    private static final int PROFILED_RUNS = Math.max(2, RUNS / 4);

    private static final String ANALYST = "benchmark-analyst";
    private static final double TARGET_MILLIS = 2_000;
    /** Issue 17's target for "what changed" between two moments. */
    private static final double CHANGES_TARGET_MILLIS = 5_000;
    /** The as-of date of the two-years-after queries: the history's own "today". */
    private static final LocalDate AS_OF = SyntheticHistory.TODAY;
    /**
     * A moment a report was published, a year before the history's "today": every journey recorded since is folded
     * again from its events (the synthetic history stamps events on the days they are recorded).
     */
    private static final String PUBLISHED = AS_OF.minusYears(1).toString();
    /** The view's table (a package-private constant of the projections: repeated here). */
    private static final String TABLE = "outcome_facts";

    private OutcomeQueryBenchmark() {}

    /** One outcome query, as an analyst asks it over HTTP, in-process, and the rows it needs read plainly. */
    private record Query(
            String label,
            String path,
            Callable<Object> inProcess,
            String yearColumn,
            int year,
            String municipalityCode,
            double targetMillis) {

        Query(
                String label,
                String path,
                Callable<Object> inProcess,
                String yearColumn,
                int year,
                String municipalityCode) {
            this(label, path, inProcess, yearColumn, year, municipalityCode, TARGET_MILLIS);
        }

        /** The statement OutcomeQueries runs for this cohort: every case file of it, as text. */
        String cohortSql() {
            return cohortSql("case_file::text");
        }

        String cohortSql(String selectList) {
            return "select " + selectList + " from " + TABLE + " where " + yearColumn + " = ?"
                    + (municipalityCode == null ? "" : " and municipality_code = ?");
        }

        Object[] cohortParameters() {
            return municipalityCode == null ? new Object[] {year} : new Object[] {year, municipalityCode};
        }
    }

    static List<Figure> run(BenchmarkContext context) throws Exception {
        List<Figure> figures = new ArrayList<>();
        try (ConfigurableApplicationContext application = QueryBenchmarkSupport.startCaughtUp(context, NAME);
                Connection jdbc = context.connect()) {
            QueryBenchmarkSupport.account(application, ANALYST, Role.ANALYST, null);
            QueryBenchmarkSupport.Client client =
                    new QueryBenchmarkSupport.Client(QueryBenchmarkSupport.port(application));
            OutcomeQueries outcomes = application.getBean(OutcomeQueries.class);
            CohortChanges changes = application.getBean(CohortChanges.class);

            // The largest cohorts of the history: a two-years-after cohort fully measured by the as-of date
            // (establishment end at least two years before it), and the largest time-to cohorts.
            int endYear = largestCohort(jdbc, "establishment_end_year", AS_OF.getYear() - 2);
            int startYear = largestCohort(jdbc, "establishment_start_year", AS_OF.getYear());
            int arrivalYear = largestCohort(jdbc, "arrival_year", AS_OF.getYear());
            String municipality = SyntheticHistory.MUNICIPALITY_CODES.get(0);
            long journeys = count(jdbc, "select count(*) from " + TABLE);
            context.note(
                    "outcomes: the view holds %,d journeys; cohorts: establishment end %d (%,d journeys),"
                            + " establishment start %d (%,d), arrival %d (%,d); as-of date %s; %d runs after %d"
                            + " warm-ups, HTTP, in-process and JDBC interleaved",
                    journeys,
                    endYear,
                    cohortSize(jdbc, "establishment_end_year", endYear),
                    startYear,
                    cohortSize(jdbc, "establishment_start_year", startYear),
                    arrivalYear,
                    cohortSize(jdbc, "arrival_year", arrivalYear),
                    AS_OF,
                    RUNS,
                    WARMUPS);

            // A saved study of the largest two-years-after cohort: its re-run asks the question again as known at the
            // moment of saving, and must give the kept answer.
            String study = client.postForLocation(
                    ANALYST,
                    "/api/studies",
                    "{\"title\":\"Benchmark " + endYear + "\",\"query\":{\"kind\":\"TWO_YEARS_AFTER\",\"cohortYear\":"
                            + endYear + "},\"asOf\":\"" + AS_OF + "\"}");
            UUID studyId = UUID.fromString(study.substring(study.lastIndexOf('/') + 1));
            StudyService studies = application.getBean(StudyService.class);
            List<Query> queries = List.of(
                    new Query(
                            "two-years-after, cohort " + endYear + ", all municipalities, as known on " + PUBLISHED,
                            "/api/outcomes/two-years-after?cohortYear=" + endYear + "&asOf=" + AS_OF + "&knownAt="
                                    + PUBLISHED,
                            () -> outcomes.handle(
                                    new FindTwoYearsAfterOutcome(endYear, null, AS_OF, endOfDay(PUBLISHED))),
                            "establishment_end_year",
                            endYear,
                            null),
                    new Query(
                            "time-to employment from establishment start " + startYear + ", within 24 months, as"
                                    + " known on " + PUBLISHED,
                            "/api/outcomes/time-to?milestone=EMPLOYMENT_STARTED&from=ESTABLISHMENT_START&cohortYear="
                                    + startYear + "&withinMonths=24&asOf=" + AS_OF + "&knownAt=" + PUBLISHED,
                            () -> outcomes.handle(new FindTimeToMilestone(
                                    Milestone.EMPLOYMENT_STARTED,
                                    MeasuredFrom.ESTABLISHMENT_START,
                                    startYear,
                                    24,
                                    null,
                                    AS_OF,
                                    endOfDay(PUBLISHED))),
                            "establishment_start_year",
                            startYear,
                            null),
                    new Query(
                            "what changed in two-years-after cohort " + endYear + " since " + PUBLISHED,
                            "/api/outcomes/two-years-after/changes?cohortYear=" + endYear + "&asOf=" + AS_OF
                                    + "&before=" + PUBLISHED,
                            () -> changes.handle(
                                    new FindCohortChanges(endYear, null, AS_OF, endOfDay(PUBLISHED), null)),
                            "establishment_end_year",
                            endYear,
                            null,
                            CHANGES_TARGET_MILLIS),
                    new Query(
                            "saved study re-run: two-years-after, cohort " + endYear + ", all municipalities",
                            study + "/rerun",
                            () -> studies.rerun(studies.study(studyId)),
                            "establishment_end_year",
                            endYear,
                            null),
                    new Query(
                            "two-years-after, cohort " + endYear + ", all municipalities",
                            "/api/outcomes/two-years-after?cohortYear=" + endYear + "&asOf=" + AS_OF,
                            () -> outcomes.handle(new FindTwoYearsAfterOutcome(endYear, null, AS_OF)),
                            "establishment_end_year",
                            endYear,
                            null),
                    new Query(
                            "two-years-after, cohort " + endYear + ", municipality " + municipality,
                            "/api/outcomes/two-years-after?cohortYear=" + endYear + "&asOf=" + AS_OF
                                    + "&municipalityCode=" + municipality,
                            () -> outcomes.handle(new FindTwoYearsAfterOutcome(endYear, municipality, AS_OF)),
                            "establishment_end_year",
                            endYear,
                            municipality),
                    new Query(
                            "time-to employment from establishment start " + startYear + ", within 24 months",
                            "/api/outcomes/time-to?milestone=EMPLOYMENT_STARTED&from=ESTABLISHMENT_START&cohortYear="
                                    + startYear + "&withinMonths=24",
                            () -> outcomes.handle(new FindTimeToMilestone(
                                    Milestone.EMPLOYMENT_STARTED,
                                    MeasuredFrom.ESTABLISHMENT_START,
                                    startYear,
                                    24,
                                    null)),
                            "establishment_start_year",
                            startYear,
                            null),
                    new Query(
                            "time-to SFI level B from arrival " + arrivalYear,
                            "/api/outcomes/time-to?milestone=SFI_LEVEL_B&from=ARRIVAL&cohortYear=" + arrivalYear,
                            () -> outcomes.handle(new FindTimeToMilestone(
                                    Milestone.SFI_LEVEL_B, MeasuredFrom.ARRIVAL, arrivalYear, null, null)),
                            "arrival_year",
                            arrivalYear,
                            null));

            for (Query query : queries) {
                Latencies http = new Latencies();
                Latencies inProcess = new Latencies();
                Latencies read = new Latencies();
                for (int run = 0; run < WARMUPS + RUNS; run++) {
                    boolean timed = run >= WARMUPS;
                    time(timed ? http : null, () -> client.get(ANALYST, query.path()));
                    time(timed ? inProcess : null, query.inProcess());
                    time(timed ? read : null, () -> readCohort(jdbc, query));
                }
                String benchmark = "outcomes: " + query.label() + " (" + sizeOf(jdbc, query) + " journeys)";
                String baseline = "JDBC read of the cohort's case files";
                figures.add(new Figure(
                        benchmark + ", HTTP",
                        "median ms",
                        http.percentileMillis(50),
                        baseline,
                        read.percentileMillis(50),
                        target(query),
                        http.percentileMillis(50) < query.targetMillis()));
                figures.add(new Figure(
                        benchmark + ", HTTP",
                        "max ms",
                        http.maxMillis(),
                        baseline,
                        read.maxMillis(),
                        target(query),
                        http.maxMillis() < query.targetMillis()));
                figures.add(new Figure(
                        benchmark + ", in-process",
                        "median ms",
                        inProcess.percentileMillis(50),
                        baseline,
                        read.percentileMillis(50),
                        "",
                        null));
            }

            // Where the time goes: a profile of the in-process queries (JVM), and PostgreSQL's part of reading
            // the largest cohort.
            QueryBenchmarkSupport.Profile profile = QueryBenchmarkSupport.profile(context, "outcomes", () -> {
                for (int run = 0; run < PROFILED_RUNS; run++) {
                    for (Query query : queries) {
                        query.inProcess().call();
                    }
                }
                return null;
            });
            context.note(
                    "outcomes, profile of %d in-process runs of each query: %s", PROFILED_RUNS, profile.describe());
            Query largest = queries.get(0);
            List<String> plan = QueryBenchmarkSupport.explain(jdbc, largest.cohortSql(), largest.cohortParameters());
            context.note(
                    "outcomes, PostgreSQL reading cohort %d (EXPLAIN ANALYZE, BUFFERS): %s",
                    endYear, String.join(" / ", plan).replaceAll("\\s+", " "));
            context.note(
                    "outcomes: case files in the view average %,d characters as text (json, TOASTed above" + " 2 kB)",
                    count(jdbc, "select avg(length(case_file::text))::bigint from " + TABLE));
        }
        return figures;
    }

    private static String target(Query query) {
        return String.format(Locale.ROOT, "< %,.0f ms", query.targetMillis());
    }

    /** A date as the API reads a {@code knownAt} date: the end of that day in Sweden. */
    private static Instant endOfDay(String date) {
        return LocalDate.parse(date)
                .plusDays(1)
                .atStartOfDay(ZoneId.of("Europe/Stockholm"))
                .toInstant()
                .minusMillis(1);
    }

    private static void time(Latencies into, Callable<?> work) throws Exception {
        long started = System.nanoTime();
        work.call();
        if (into != null) {
            into.record(System.nanoTime() - started);
        }
    }

    /** Reads every case file of the query's cohort as the query does, and only that. */
    private static long readCohort(Connection jdbc, Query query) throws Exception {
        long characters = 0;
        try (PreparedStatement statement = jdbc.prepareStatement(query.cohortSql())) {
            Object[] parameters = query.cohortParameters();
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    characters += rows.getString(1).length();
                }
            }
        }
        return characters;
    }

    /** The year (not after {@code latest}) with the most journeys in that year column. */
    private static int largestCohort(Connection jdbc, String yearColumn, int latest) throws Exception {
        try (PreparedStatement statement = jdbc.prepareStatement("select " + yearColumn + " from " + TABLE + " where "
                + yearColumn + " <= ? group by 1 order by count(*) desc, 1 desc limit 1")) {
            statement.setInt(1, latest);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("the outcomes view holds no cohort in " + yearColumn);
                }
                return row.getInt(1);
            }
        }
    }

    private static long cohortSize(Connection jdbc, String yearColumn, int year) throws Exception {
        return count(jdbc, "select count(*) from " + TABLE + " where " + yearColumn + " = ?", year);
    }

    private static String sizeOf(Connection jdbc, Query query) throws Exception {
        return String.format(Locale.ROOT, "%,d", count(jdbc, query.cohortSql("count(*)"), query.cohortParameters()));
    }

    private static long count(Connection jdbc, String sql, Object... parameters) throws Exception {
        try (PreparedStatement statement = jdbc.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
