package se.integrationjourney.api.outcomes;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.integrationjourney.projections.outcomes.FindTimeToMilestone;
import se.integrationjourney.projections.outcomes.FindTwoYearsAfterOutcome;
import se.integrationjourney.projections.outcomes.MeasuredFrom;
import se.integrationjourney.projections.outcomes.Milestone;
import se.integrationjourney.projections.outcomes.OutcomeCsv;
import se.integrationjourney.projections.outcomes.OutcomeQueries;
import se.integrationjourney.projections.outcomes.TimeToMilestoneResponse;
import se.integrationjourney.projections.outcomes.TwoYearsAfterOutcomeResponse;

import java.time.LocalDate;

/**
 * Analysts' measurements (domain.md, "Measurements"), as JSON or, with {@code Accept: text/csv}, as CSV. They
 * hold counts and shares only: no personal data.
 */
@RestController
@RequestMapping("/api/outcomes")
@Tag(name = "Outcomes")
class OutcomesController {

    static final String CSV = "text/csv";

    private final OutcomeQueries outcomes;

    OutcomesController(OutcomeQueries outcomes) {
        this.outcomes = outcomes;
    }

    @GetMapping(value = "/two-years-after", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Status two years after the establishment period, for a cohort (year of establishment end)")
    TwoYearsAfterOutcomeResponse twoYearsAfter(@RequestParam int cohortYear,
                                               @RequestParam(required = false) String municipalityCode,
                                               @RequestParam(required = false)
                                               @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return outcomes.handle(new FindTwoYearsAfterOutcome(cohortYear, municipalityCode, asOf));
    }

    @GetMapping(value = "/two-years-after", produces = CSV)
    @Operation(summary = "The same, as CSV: one row for the cohort, then per gender and per age band")
    ResponseEntity<String> twoYearsAfterCsv(@RequestParam int cohortYear,
                                            @RequestParam(required = false) String municipalityCode,
                                            @RequestParam(required = false)
                                            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return csv(OutcomeCsv.render(OutcomeCsv.rows(twoYearsAfter(cohortYear, municipalityCode, asOf))));
    }

    @GetMapping(value = "/time-to", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Days to a milestone from arrival or establishment start, for a cohort (year of `from`)")
    TimeToMilestoneResponse timeTo(@RequestParam Milestone milestone,
                                   @RequestParam MeasuredFrom from,
                                   @RequestParam int cohortYear,
                                   @RequestParam(required = false) Integer withinMonths,
                                   @RequestParam(required = false) String municipalityCode) {
        return outcomes.handle(new FindTimeToMilestone(milestone, from, cohortYear, withinMonths, municipalityCode));
    }

    @GetMapping(value = "/time-to", produces = CSV)
    @Operation(summary = "The same, as CSV")
    ResponseEntity<String> timeToCsv(@RequestParam Milestone milestone,
                                     @RequestParam MeasuredFrom from,
                                     @RequestParam int cohortYear,
                                     @RequestParam(required = false) Integer withinMonths,
                                     @RequestParam(required = false) String municipalityCode) {
        return csv(OutcomeCsv.render(OutcomeCsv.rows(timeTo(milestone, from, cohortYear, withinMonths,
                municipalityCode))));
    }

    private static ResponseEntity<String> csv(String body) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(CSV + ";charset=UTF-8")).body(body);
    }
}
