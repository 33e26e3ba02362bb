package se.integrationjourney.api.pages.outcomes;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import se.integrationjourney.api.municipalities.Municipalities;
import se.integrationjourney.api.municipalities.Municipalities.Municipality;
import se.integrationjourney.api.web.ApiException;
import se.integrationjourney.api.web.Problems;
import se.integrationjourney.projections.outcomes.CountAndShare;
import se.integrationjourney.projections.outcomes.FindTimeToMilestoneByMonth;
import se.integrationjourney.projections.outcomes.KnownAt;
import se.integrationjourney.projections.outcomes.MeasuredFrom;
import se.integrationjourney.projections.outcomes.Milestone;
import se.integrationjourney.projections.outcomes.OutcomeCsv;
import se.integrationjourney.projections.outcomes.OutcomeQueries;
import se.integrationjourney.projections.outcomes.SmallCells;
import se.integrationjourney.projections.outcomes.TimeToMilestoneResponse;

/**
 * Time to a milestone for a cohort (the year of arrival or of the establishment start): the cohort's size, how many
 * reached it, the median and quartiles of days, and the share reaching it within each month 0 to 36. Each month's
 * share is the API's {@code reachedWithin} for {@code withinMonths} = that month ({@link FindTimeToMilestoneByMonth}
 * computes all months from one read of the cohort). The CSV is the API's CSV row for each month. Each month's figures are
 * suppressed at the published limit ({@link PublishedOutcomesSettings}), as the API suppresses them when asked.
 */
@Controller
@EnableConfigurationProperties(PublishedOutcomesSettings.class)
class TimeToPage {

    /** The months the cumulative share covers: 0 (on or before the start) to 36 (three years). */
    static final int LAST_MONTH = 36;

    private final OutcomeQueries outcomes;
    private final Municipalities municipalities;
    private final List<Municipality> municipalityChoices;
    private final Clock clock;
    private final int minCellSize;

    TimeToPage(
            OutcomeQueries outcomes, Municipalities municipalities, Clock clock, PublishedOutcomesSettings settings) {
        this.outcomes = outcomes;
        this.municipalities = municipalities;
        this.municipalityChoices = OutcomePages.municipalityChoices(municipalities);
        this.clock = clock;
        this.minCellSize = settings.publishedMinCellSize();
    }

    /** What the form holds, as typed (or the defaults). */
    record Form(
            String milestone, String from, String cohortYear, String municipalityCode, String asOf, String knownAt) {}

    /** A checked query; the moment known at resolved once, so that every month describes the same knowledge. */
    private record Query(
            Milestone milestone,
            MeasuredFrom from,
            int cohortYear,
            String municipalityCode,
            LocalDate asOf,
            KnownAt knownAt) {

        FindTimeToMilestoneByMonth byMonth() {
            return new FindTimeToMilestoneByMonth(
                    milestone, from, cohortYear, LAST_MONTH, municipalityCode, asOf, knownAt.used());
        }
    }

    /** One month of the cumulative share: reached within that many months, of the whole cohort. */
    record Month(int month, CountAndShare reached) {}

    @GetMapping("/outcomes/time-to")
    String page(
            @RequestParam(required = false) String milestone,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String cohortYear,
            @RequestParam(required = false) String municipalityCode,
            @RequestParam(required = false) String asOf,
            @RequestParam(required = false) String knownAt,
            Locale locale,
            Model model) {
        LocalDate today = LocalDate.now(clock);
        Form form = new Form(
                milestone == null ? Milestone.IN_WORK_OR_STUDIES.name() : milestone,
                from == null ? MeasuredFrom.ARRIVAL.name() : from,
                cohortYear == null ? String.valueOf(today.getYear() - 3) : cohortYear,
                municipalityCode == null ? FormCheck.ALL_MUNICIPALITIES : municipalityCode,
                asOf == null ? today.toString() : asOf,
                knownAt == null ? "" : knownAt);
        FormCheck check = new FormCheck();
        Query query = check(form, check, today);
        Shares shares = new Shares(locale, SmallCells.mark(minCellSize));
        model.addAttribute("form", form);
        model.addAttribute("errors", check.errors());
        model.addAttribute("municipalities", municipalityChoices);
        model.addAttribute("milestones", Milestone.values());
        model.addAttribute("froms", MeasuredFrom.values());
        model.addAttribute("firstYear", String.valueOf(OutcomePages.FIRST_COHORT_YEAR));
        model.addAttribute("lastYear", String.valueOf(today.getYear()));
        model.addAttribute("shares", shares);
        if (query != null) {
            List<TimeToMilestoneResponse> byMonth = byMonth(query);
            TimeToMilestoneResponse time = byMonth.get(LAST_MONTH);
            List<Month> months = new ArrayList<>();
            List<BigDecimal> cumulative = new ArrayList<>();
            for (TimeToMilestoneResponse month : byMonth) {
                months.add(new Month(month.withinMonths(), month.reachedWithin()));
                cumulative.add(month.reachedWithin().share());
            }
            model.addAttribute("time", time);
            model.addAttribute("emptyCohort", Long.valueOf(0).equals(time.cohortSize()));
            model.addAttribute("suppressed", Set.copyOf(time.suppressed()));
            model.addAttribute(
                    "anySuppressed",
                    byMonth.stream().anyMatch(month -> !month.suppressed().isEmpty()));
            model.addAttribute("cohortYear", String.valueOf(query.cohortYear()));
            model.addAttribute(
                    "reachedShare",
                    time.reached() == null || time.cohortSize() == null
                            ? CountAndShare.SUPPRESSED
                            : CountAndShare.of(time.reached(), time.cohortSize()));
            model.addAttribute(
                    "municipalityName",
                    query.municipalityCode() == null ? null : municipalities.nameOf(query.municipalityCode()));
            model.addAttribute("months", months);
            model.addAttribute("stepChart", Charts.StepChart.of(cumulative, shares));
        }
        return "outcomes/time-to";
    }

    @GetMapping("/outcomes/time-to.csv")
    ResponseEntity<String> csv(
            @RequestParam(required = false) String milestone,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String cohortYear,
            @RequestParam(required = false) String municipalityCode,
            @RequestParam(required = false) String asOf,
            @RequestParam(required = false) String knownAt) {
        FormCheck check = new FormCheck();
        Query query = check(
                new Form(milestone, from, cohortYear, municipalityCode, asOf, knownAt), check, LocalDate.now(clock));
        if (query == null) {
            // Only a hand-edited link gets here: the error page's 400, as the API answers.
            throw new ApiException(
                    Problems.VALIDATION,
                    "Invalid " + String.join(", ", check.errors().keySet()));
        }
        List<List<String>> rows = new ArrayList<>();
        for (TimeToMilestoneResponse month : byMonth(query)) {
            List<List<String>> csv = OutcomeCsv.rows(month);
            if (rows.isEmpty()) {
                rows.add(csv.get(0));
            }
            rows.add(csv.get(1));
        }
        return OutcomePages.csv(
                rows,
                "time-to-" + query.milestone().name().toLowerCase(Locale.ROOT) + "-from-"
                        + query.from().name().toLowerCase(Locale.ROOT) + "-" + query.cohortYear() + "-"
                        + OutcomePages.municipalityPart(query.municipalityCode()) + "-" + query.asOf() + ".csv");
    }

    /** The API's answer for within 0, 1, … {@link #LAST_MONTH} months, in order, suppressed as published. */
    private List<TimeToMilestoneResponse> byMonth(Query query) {
        return outcomes.handle(query.byMonth()).stream()
                .map(month -> SmallCells.suppress(month, minCellSize))
                .toList();
    }

    private Query check(Form form, FormCheck check, LocalDate today) {
        Milestone milestone = check.oneOf("milestone", form.milestone(), Milestone.class);
        MeasuredFrom from = check.oneOf("from", form.from(), MeasuredFrom.class);
        Integer year = check.year("cohortYear", form.cohortYear(), OutcomePages.FIRST_COHORT_YEAR, today.getYear());
        String municipality = check.municipality("municipalityCode", form.municipalityCode(), municipalities);
        LocalDate asOf = check.date("asOf", form.asOf(), today);
        Instant knownAt = check.knownAt("knownAt", form.knownAt());
        if (!check.passed()) {
            return null;
        }
        return new Query(
                milestone, from, year, municipality.isEmpty() ? null : municipality, asOf, outcomes.knownAt(knownAt));
    }
}
