package se.integrationjourney.api.outcomes;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.integrationjourney.api.web.ApiException;
import se.integrationjourney.api.web.OpenApiReferences;
import se.integrationjourney.api.web.Problems;
import se.integrationjourney.projections.outcomes.CohortChanges;
import se.integrationjourney.projections.outcomes.CohortChangesResponse;
import se.integrationjourney.projections.outcomes.CumulativeReachResponse;
import se.integrationjourney.projections.outcomes.FindCohortChanges;
import se.integrationjourney.projections.outcomes.FindCumulativeReach;
import se.integrationjourney.projections.outcomes.FindTimeToMilestone;
import se.integrationjourney.projections.outcomes.FindTwoYearsAfterOutcome;
import se.integrationjourney.projections.outcomes.MeasuredFrom;
import se.integrationjourney.projections.outcomes.Milestone;
import se.integrationjourney.projections.outcomes.OutcomeCsv;
import se.integrationjourney.projections.outcomes.OutcomeQueries;
import se.integrationjourney.projections.outcomes.SmallCells;
import se.integrationjourney.projections.outcomes.TimeToMilestoneResponse;
import se.integrationjourney.projections.outcomes.TwoYearsAfterOutcomeResponse;

/**
 * Analysts' measurements (docs/domain.md, "What is measured"; docs/projections.md, "The outcomes view"), as JSON
 * or, with {@code Accept: text/csv}, as CSV. They hold counts and shares only: no personal data. Exact unless
 * {@code minCellSize} is given: then small cells are suppressed ({@link SmallCells}), as the web application's
 * published pages always are; analysts working with exact figures leave it out.
 */
@RestController
@RequestMapping("/api/outcomes")
@Tag(name = "Outcomes")
class OutcomesController {

    static final String CSV = "text/csv";

    private static final String DEFAULT_MONTHS = "" + FindCumulativeReach.DEFAULT_MONTHS;
    private static final String MONTHS_RANGE = "must be 0 to " + FindCumulativeReach.MAX_MONTHS;

    private static final String MIN_CELL_SIZE = "minCellSize";

    private static final String MIN_CELL_SIZE_DESCRIPTION = "Suppress small cells for publication: a count from 1 to"
            + " `minCellSize` − 1 becomes null (`<5` in CSV for 5), and so does every share built on it; where a total"
            + " would give a hidden figure back, the next-smallest figure of that breakdown is hidden too; a"
            + " denominator below it hides its whole group. `suppressed` lists the field paths hidden"
            + " (docs/projections.md, \"Small cells\"). 2 to 100; exact figures when absent";

    private final OutcomeQueries outcomes;
    private final CohortChanges changes;

    OutcomesController(OutcomeQueries outcomes, CohortChanges changes) {
        this.outcomes = outcomes;
        this.changes = changes;
    }

    @GetMapping(value = "/two-years-after", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "twoYearsAfter",
            summary = "Status two years after the establishment period, for a cohort (year of establishment end)",
            description = "ANALYST or ADMIN. Each journey whose establishment end falls in `cohortYear` is pending"
                    + " (measurement point = establishment end + 24 months, after `asOf`), lost to follow-up (closed"
                    + " as MOVED_AWAY or DECEASED by then) or measured; only measured ones form the denominator. The"
                    + " status at the measurement point comes from a 24-month follow-up dated (occurredOn) on or"
                    + " before the measurement point, else from the episodes active then (docs/projections.md)."
                    + " Counts and shares only: no personal data. `Accept: text/csv` gives one row for the cohort,"
                    + " then one per gender and per age band (RFC 4180, CRLF line ends). With `minCellSize` small"
                    + " cells are suppressed (null, `<k` in CSV) and `suppressed` names them.")
    @ApiResponse(
            responseCode = "200",
            description = "The outcome",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON_VALUE,
                        schema = @Schema(implementation = TwoYearsAfterOutcomeResponse.class)),
                @Content(mediaType = CSV, schema = @Schema(type = "string"), examples = @ExampleObject(value = """
                    dimension,key,denominator,pending,lostToFollowUp,EMPLOYED,SUBSIDISED_EMPLOYMENT,SELF_EMPLOYED,\
                    STUDYING,FINANCIAL_ASSISTANCE,UNKNOWN,inWorkOrStudiesCount,inWorkOrStudiesShare,\
                    selfSufficientCount,selfSufficientShare
                    total,all,2,0,0,1,0,0,0,0,1,1,0.5000,1,0.5000
                    gender,FEMALE,1,0,0,1,0,0,0,0,0,1,1.0000,1,1.0000
                    gender,MALE,1,0,0,0,0,0,0,0,1,0,0.0000,0,0.0000
                    gender,OTHER,0,0,0,0,0,0,0,0,0,0,0.0000,0,0.0000
                    gender,UNKNOWN,0,0,0,0,0,0,0,0,0,0,0.0000,0,0.0000
                    ageBand,20-24,0,0,0,0,0,0,0,0,0,0,0.0000,0,0.0000
                    ageBand,25-34,1,0,0,1,0,0,0,0,0,1,1.0000,1,1.0000
                    ageBand,35-44,1,0,0,0,0,0,0,0,1,0,0.0000,0,0.0000
                    ageBand,45-54,0,0,0,0,0,0,0,0,0,0,0.0000,0,0.0000
                    ageBand,55-64,0,0,0,0,0,0,0,0,0,0,0.0000,0,0.0000
                    ageBand,other,0,0,0,0,0,0,0,0,0,0,0.0000,0,0.0000
                    """))
            })
    @ApiResponse(responseCode = "400", ref = OpenApiReferences.BAD_REQUEST)
    @ApiResponse(responseCode = "401", ref = OpenApiReferences.UNAUTHORIZED)
    @ApiResponse(responseCode = "403", ref = OpenApiReferences.FORBIDDEN)
    @ApiResponse(responseCode = "406", ref = OpenApiReferences.NOT_ACCEPTABLE)
    TwoYearsAfterOutcomeResponse twoYearsAfter(
            @Parameter(description = "Year of the establishment end") @RequestParam int cohortYear,
            @Parameter(description = "Four digits; all municipalities if absent") @RequestParam(required = false)
                    String municipalityCode,
            @Parameter(
                            description = "Journeys whose measurement point is after"
                                    + " this date are pending; default today (Europe/Stockholm)")
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate asOf,
            @Parameter(description = KnownAtParameter.DESCRIPTION) @RequestParam(required = false) String knownAt,
            @Parameter(description = MIN_CELL_SIZE_DESCRIPTION, schema = @Schema(minimum = "2", maximum = "100"))
                    @RequestParam(required = false)
                    Integer minCellSize) {
        checkMinCellSize(minCellSize);
        TwoYearsAfterOutcomeResponse exact = outcomes.handle(
                new FindTwoYearsAfterOutcome(cohortYear, municipalityCode, asOf, KnownAtParameter.parse(knownAt)));
        return minCellSize == null ? exact : SmallCells.suppress(exact, minCellSize);
    }

    @GetMapping(value = "/two-years-after", produces = CSV)
    @Operation(hidden = true) // the same operation as twoYearsAfter, whose document lists text/csv too
    ResponseEntity<String> twoYearsAfterCsv(
            @RequestParam int cohortYear,
            @RequestParam(required = false) String municipalityCode,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @RequestParam(required = false) String knownAt,
            @RequestParam(required = false) Integer minCellSize) {
        return csv(OutcomeCsv.render(
                OutcomeCsv.rows(twoYearsAfter(cohortYear, municipalityCode, asOf, knownAt, minCellSize))));
    }

    @GetMapping(value = "/two-years-after/changes", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "twoYearsAfterChanges",
            summary = "What changed in a two-years-after cohort between two moments, and which events changed it",
            description = "ANALYST or ADMIN. The cohort as known at `before` and as known at `after` (default now),"
                    + " measured as of the same `asOf`: every journey whose category (outside the cohort, pending,"
                    + " lost to follow-up, or measured with its status, in work or studies, self-sufficient) differs,"
                    + " with the events stored between the two moments after which its category changed: late"
                    + " recordings, recordings, retractions and corrections, by event id, type and recording time."
                    + " Journeys by id only: no name, no personal identity number (docs/projections.md).")
    @ApiResponse(responseCode = "200", description = "The journeys that stand differently")
    @ApiResponse(responseCode = "400", ref = OpenApiReferences.BAD_REQUEST)
    @ApiResponse(responseCode = "401", ref = OpenApiReferences.UNAUTHORIZED)
    @ApiResponse(responseCode = "403", ref = OpenApiReferences.FORBIDDEN)
    @ApiResponse(responseCode = "406", ref = OpenApiReferences.NOT_ACCEPTABLE)
    CohortChangesResponse twoYearsAfterChanges(
            @Parameter(description = "Year of the establishment end") @RequestParam int cohortYear,
            @Parameter(description = "Four digits; all municipalities if absent") @RequestParam(required = false)
                    String municipalityCode,
            @Parameter(description = "Both moments are measured as of this date; default today (Europe/Stockholm)")
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate asOf,
            @Parameter(description = "The earlier moment: an instant with its offset or a date (end of that day)")
                    @RequestParam
                    String before,
            @Parameter(description = "The later moment, as `before`; default now") @RequestParam(required = false)
                    String after) {
        Instant earlier = KnownAtParameter.parse(before, "before");
        if (earlier == null) {
            throw new ApiException(Problems.VALIDATION, "before is required: the earlier of the two moments");
        }
        return changes.handle(new FindCohortChanges(
                cohortYear, municipalityCode, asOf, earlier, KnownAtParameter.parse(after, "after")));
    }

    @GetMapping(value = "/time-to", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "timeTo",
            summary = "Days to a milestone from arrival or establishment start, for a cohort (year of `from`)",
            description = "ANALYST or ADMIN. The cohort is every journey whose `from` date falls in `cohortYear`."
                    + " Median and 25th/75th percentile days by nearest rank over those who reached it (null when"
                    + " nobody did); `reachedWithin` (share of the cohort) only when `withinMonths` is given. Counts"
                    + " and shares only: no personal data. `Accept: text/csv` gives the same as one row (RFC 4180,"
                    + " CRLF line ends). With `minCellSize` small cells are suppressed (null, `<k` in CSV), percentiles"
                    + " of fewer than that many reached journeys too, and `suppressed` names them.")
    @ApiResponse(
            responseCode = "200",
            description = "The measurement",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON_VALUE,
                        schema = @Schema(implementation = TimeToMilestoneResponse.class)),
                @Content(mediaType = CSV, schema = @Schema(type = "string"), examples = @ExampleObject(value = """
                    milestone,from,cohortSize,reached,medianDays,p25Days,p75Days,withinMonths,reachedWithinCount,\
                    reachedWithinShare
                    EMPLOYMENT_STARTED,ESTABLISHMENT_START,1,1,579,579,579,24,1,1.0000
                    """))
            })
    @ApiResponse(responseCode = "400", ref = OpenApiReferences.BAD_REQUEST)
    @ApiResponse(responseCode = "401", ref = OpenApiReferences.UNAUTHORIZED)
    @ApiResponse(responseCode = "403", ref = OpenApiReferences.FORBIDDEN)
    @ApiResponse(responseCode = "406", ref = OpenApiReferences.NOT_ACCEPTABLE)
    TimeToMilestoneResponse timeTo(
            @RequestParam Milestone milestone,
            @Parameter(description = "The date counted from; its year is the cohort year") @RequestParam
                    MeasuredFrom from,
            @Parameter(description = "Year of the `from` date") @RequestParam int cohortYear,
            @Parameter(
                            description = "Also count those reaching it on or before `from` plus"
                                    + " this many calendar months; 0 or more",
                            schema = @Schema(minimum = "0"))
                    @RequestParam(required = false)
                    Integer withinMonths,
            @Parameter(description = "Four digits; all municipalities if absent") @RequestParam(required = false)
                    String municipalityCode,
            @Parameter(
                            description = "Milestones dated after this date are not reached yet, and journeys whose"
                                    + " `from` date is after it not in the cohort; default today (Europe/Stockholm)")
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate asOf,
            @Parameter(description = KnownAtParameter.DESCRIPTION) @RequestParam(required = false) String knownAt,
            @Parameter(description = MIN_CELL_SIZE_DESCRIPTION, schema = @Schema(minimum = "2", maximum = "100"))
                    @RequestParam(required = false)
                    Integer minCellSize) {
        checkMinCellSize(minCellSize);
        TimeToMilestoneResponse exact = outcomes.handle(new FindTimeToMilestone(
                milestone, from, cohortYear, withinMonths, municipalityCode, asOf, KnownAtParameter.parse(knownAt)));
        return minCellSize == null ? exact : SmallCells.suppress(exact, minCellSize);
    }

    @GetMapping(value = "/time-to", produces = CSV)
    @Operation(hidden = true) // the same operation as timeTo, whose document lists text/csv too
    ResponseEntity<String> timeToCsv(
            @RequestParam Milestone milestone,
            @RequestParam MeasuredFrom from,
            @RequestParam int cohortYear,
            @RequestParam(required = false) Integer withinMonths,
            @RequestParam(required = false) String municipalityCode,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @RequestParam(required = false) String knownAt,
            @RequestParam(required = false) Integer minCellSize) {
        return csv(OutcomeCsv.render(OutcomeCsv.rows(
                timeTo(milestone, from, cohortYear, withinMonths, municipalityCode, asOf, knownAt, minCellSize))));
    }

    @GetMapping(value = "/time-to/cumulative", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "timeToCumulative",
            summary = "Cumulative share reaching a milestone by each month, with censoring (Kaplan–Meier), for a"
                    + " cohort (year of `from`)",
            description = "ANALYST or ADMIN. The cohort is every journey whose `from` date falls in `cohortYear` and"
                    + " is on or before `asOf`. Months are counted as `withinMonths` counts them (month 0: on or"
                    + " before `from`). A journey closed (any reason) and not reopened by `asOf` before reaching the"
                    + " milestone is censored in the month of its closure; one not reached by `asOf` in the month of"
                    + " `asOf`; milestones dated after `asOf` do not count yet. For each month 0 to `months`:"
                    + " `atRisk` (neither reached nor censored in an earlier month), `reached`, `censored` (at risk"
                    + " in their own month) and `cumulativeShare` = 1 − Π(1 − reached/atRisk), null once nobody is"
                    + " at risk; for the cohort and for each gender (docs/projections.md, \"Cumulative reach\")."
                    + " Counts and shares only: no personal data. `Accept: text/csv` gives one row per group and"
                    + " month (RFC 4180, CRLF line ends; an empty share where nobody is at risk).")
    @ApiResponse(
            responseCode = "200",
            description = "The curve, month by month",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON_VALUE,
                        schema = @Schema(implementation = CumulativeReachResponse.class)),
                @Content(mediaType = CSV, schema = @Schema(type = "string"), examples = @ExampleObject(value = """
                    group,key,month,atRisk,reached,censored,cumulativeShare
                    total,all,0,4,1,0,0.2500
                    total,all,1,3,0,1,0.2500
                    total,all,2,2,1,0,0.6250
                    gender,FEMALE,0,2,1,0,0.5000
                    gender,FEMALE,1,1,0,0,0.5000
                    gender,FEMALE,2,1,1,0,1.0000
                    gender,MALE,0,2,0,0,0.0000
                    gender,MALE,1,2,0,1,0.0000
                    gender,MALE,2,1,0,0,0.0000
                    gender,OTHER,0,0,0,0,
                    gender,OTHER,1,0,0,0,
                    gender,OTHER,2,0,0,0,
                    gender,UNKNOWN,0,0,0,0,
                    gender,UNKNOWN,1,0,0,0,
                    gender,UNKNOWN,2,0,0,0,
                    """))
            })
    @ApiResponse(responseCode = "400", ref = OpenApiReferences.BAD_REQUEST)
    @ApiResponse(responseCode = "401", ref = OpenApiReferences.UNAUTHORIZED)
    @ApiResponse(responseCode = "403", ref = OpenApiReferences.FORBIDDEN)
    @ApiResponse(responseCode = "406", ref = OpenApiReferences.NOT_ACCEPTABLE)
    CumulativeReachResponse timeToCumulative(
            @RequestParam Milestone milestone,
            @Parameter(description = "The date counted from; its year is the cohort year") @RequestParam
                    MeasuredFrom from,
            @Parameter(description = "Year of the `from` date") @RequestParam int cohortYear,
            @Parameter(description = "Four digits; all municipalities if absent") @RequestParam(required = false)
                    String municipalityCode,
            @Parameter(
                            description = "Observation ends on this business date (not after today); default"
                                    + " today (Europe/Stockholm)")
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate asOf,
            @Parameter(description = "The last month of the curve")
                    @RequestParam(defaultValue = DEFAULT_MONTHS)
                    @Min(value = 0, message = MONTHS_RANGE)
                    @Max(value = FindCumulativeReach.MAX_MONTHS, message = MONTHS_RANGE)
                    int months,
            @Parameter(description = KnownAtParameter.DESCRIPTION) @RequestParam(required = false) String knownAt) {
        return outcomes.handle(new FindCumulativeReach(
                milestone, from, cohortYear, asOf, months, municipalityCode, KnownAtParameter.parse(knownAt)));
    }

    @GetMapping(value = "/time-to/cumulative", produces = CSV)
    @Operation(hidden = true) // the same operation as timeToCumulative, whose document lists text/csv too
    ResponseEntity<String> timeToCumulativeCsv(
            @RequestParam Milestone milestone,
            @RequestParam MeasuredFrom from,
            @RequestParam int cohortYear,
            @RequestParam(required = false) String municipalityCode,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @RequestParam(defaultValue = DEFAULT_MONTHS)
                    @Min(value = 0, message = MONTHS_RANGE)
                    @Max(value = FindCumulativeReach.MAX_MONTHS, message = MONTHS_RANGE)
                    int months,
            @RequestParam(required = false) String knownAt) {
        return csv(OutcomeCsv.render(OutcomeCsv.rows(
                timeToCumulative(milestone, from, cohortYear, municipalityCode, asOf, months, knownAt))));
    }

    /** Refused before any row is read, naming the parameter as other bad parameters are named. */
    private static void checkMinCellSize(Integer minCellSize) {
        if (minCellSize == null) {
            return;
        }
        try {
            SmallCells.checkedMinCellSize(minCellSize);
        } catch (IllegalArgumentException outOfRange) {
            throw new ApiException(
                    Problems.VALIDATION,
                    "Some parameters are invalid",
                    List.of(new Problems.FieldError(MIN_CELL_SIZE, outOfRange.getMessage())));
        }
    }

    private static ResponseEntity<String> csv(String body) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(CSV + ";charset=UTF-8"))
                .body(body);
    }
}
