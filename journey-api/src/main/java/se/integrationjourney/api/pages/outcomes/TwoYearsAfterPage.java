package se.integrationjourney.api.pages.outcomes;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
import se.integrationjourney.core.events.Gender;
import se.integrationjourney.core.events.OutcomeStatus;
import se.integrationjourney.projections.outcomes.AgeBand;
import se.integrationjourney.projections.outcomes.CountAndShare;
import se.integrationjourney.projections.outcomes.FindTwoYearsAfterOutcome;
import se.integrationjourney.projections.outcomes.KnownAt;
import se.integrationjourney.projections.outcomes.OutcomeCsv;
import se.integrationjourney.projections.outcomes.OutcomeQueries;
import se.integrationjourney.projections.outcomes.SmallCells;
import se.integrationjourney.projections.outcomes.TwoYearsAfterOutcome.Breakdown;
import se.integrationjourney.projections.outcomes.TwoYearsAfterOutcomeResponse;

/**
 * The analyst's start page: the status two years after the establishment period for a cohort (the year the
 * establishment ended), one municipality or all, as of a date (docs/projections.md, "The outcomes view"). The form
 * is a GET form, so a result is a link to share; the figures are the API's ({@link OutcomeQueries}) with small cells
 * suppressed at the published limit ({@link PublishedOutcomesSettings}), and the CSV download is the API's CSV for
 * the same query and limit. Counts and shares only: no journey, name or number is ever shown.
 */
@Controller
@EnableConfigurationProperties(PublishedOutcomesSettings.class)
class TwoYearsAfterPage {

    private final OutcomeQueries outcomes;
    private final Municipalities municipalities;
    private final List<Municipality> municipalityChoices;
    private final Clock clock;
    private final int minCellSize;

    TwoYearsAfterPage(
            OutcomeQueries outcomes, Municipalities municipalities, Clock clock, PublishedOutcomesSettings settings) {
        this.outcomes = outcomes;
        this.municipalities = municipalities;
        this.municipalityChoices = OutcomePages.municipalityChoices(municipalities);
        this.clock = clock;
        this.minCellSize = settings.publishedMinCellSize();
    }

    /** What the form holds, as typed (or the defaults), so a refused value stays in its field. */
    record Form(String cohortYear, String municipalityCode, String asOf, String knownAt) {}

    /** A checked query, ready to ask. */
    /**
     * A checked query, ready to ask. The moment known at is resolved once ({@code knownAt.used}), so that every
     * cohort year the page shows, and its downloads, describe the same knowledge.
     */
    private record Query(int cohortYear, String municipalityCode, LocalDate asOf, KnownAt knownAt) {

        FindTwoYearsAfterOutcome forYear(int year) {
            return new FindTwoYearsAfterOutcome(year, municipalityCode, asOf, knownAt.used());
        }
    }

    /** One group of a breakdown table (a column): a gender or an age band, and its measures. */
    record Group(String key, String labelKey, Breakdown measures) {}

    /** One cohort year of the comparison across years. */
    record CohortYear(int year, TwoYearsAfterOutcomeResponse outcome) {}

    @GetMapping("/outcomes")
    String page(
            @RequestParam(required = false) String cohortYear,
            @RequestParam(required = false) String municipalityCode,
            @RequestParam(required = false) String asOf,
            @RequestParam(required = false) String knownAt,
            Locale locale,
            Model model) {
        LocalDate today = LocalDate.now(clock);
        Form form = new Form(
                cohortYear == null ? String.valueOf(defaultCohortYear(today)) : cohortYear,
                municipalityCode == null ? FormCheck.ALL_MUNICIPALITIES : municipalityCode,
                asOf == null ? today.toString() : asOf,
                knownAt == null ? "" : knownAt);
        FormCheck check = new FormCheck();
        Query query = check(form, check, today);
        Shares shares = new Shares(locale, SmallCells.mark(minCellSize));
        model.addAttribute("form", form);
        model.addAttribute("errors", check.errors());
        model.addAttribute("municipalities", municipalityChoices);
        model.addAttribute("firstYear", String.valueOf(OutcomePages.FIRST_COHORT_YEAR));
        model.addAttribute("lastYear", String.valueOf(lastCohortYear(today)));
        model.addAttribute("shares", shares);
        if (query != null) {
            show(query, shares, model);
        }
        return "outcomes/two-years-after";
    }

    @GetMapping("/outcomes/two-years-after.csv")
    ResponseEntity<String> csv(
            @RequestParam(required = false) String cohortYear,
            @RequestParam(required = false) String municipalityCode,
            @RequestParam(required = false) String asOf,
            @RequestParam(required = false) String knownAt) {
        Query query = checkedForDownload(cohortYear, municipalityCode, asOf, knownAt);
        TwoYearsAfterOutcomeResponse outcome = published(query.forYear(query.cohortYear()));
        return OutcomePages.csv(
                OutcomeCsv.rows(outcome),
                "two-years-after-" + query.cohortYear() + "-" + OutcomePages.municipalityPart(query.municipalityCode())
                        + "-" + query.asOf() + ".csv");
    }

    /**
     * The comparison across cohort years as CSV: one row per year, the cohort row of {@link OutcomeCsv} with the
     * year in front of its columns.
     */
    @GetMapping("/outcomes/cohort-years.csv")
    ResponseEntity<String> cohortYearsCsv(
            @RequestParam(required = false) String cohortYear,
            @RequestParam(required = false) String municipalityCode,
            @RequestParam(required = false) String asOf,
            @RequestParam(required = false) String knownAt) {
        Query query = checkedForDownload(cohortYear, municipalityCode, asOf, knownAt);
        List<List<String>> rows = new ArrayList<>();
        for (CohortYear year : comparedYears(query, published(query.forYear(query.cohortYear())))) {
            List<List<String>> csv = OutcomeCsv.rows(year.outcome());
            if (rows.isEmpty()) {
                rows.add(withFirst("cohortYear", csv.get(0)));
            }
            rows.add(withFirst(String.valueOf(year.year()), csv.get(1)));
        }
        return OutcomePages.csv(
                rows,
                "two-years-after-by-cohort-year-" + query.cohortYear() + "-"
                        + OutcomePages.municipalityPart(query.municipalityCode()) + "-" + query.asOf() + ".csv");
    }

    private void show(Query query, Shares shares, Model model) {
        TwoYearsAfterOutcomeResponse outcome = published(query.forYear(query.cohortYear()));
        model.addAttribute("outcome", outcome);
        model.addAttribute("cohortSize", cohortSize(outcome));
        model.addAttribute("emptyCohort", isEmpty(outcome));
        model.addAttribute(
                "municipalityName",
                query.municipalityCode() == null ? null : municipalities.nameOf(query.municipalityCode()));
        model.addAttribute("statuses", OutcomeStatus.values());
        Map<OutcomeStatus, CountAndShare> statusShares = statusShares(outcome.byStatus(), outcome.denominator());
        model.addAttribute("statusShares", statusShares);
        List<Group> byGender = new ArrayList<>();
        for (Gender gender : Gender.values()) {
            byGender.add(new Group(
                    gender.name(),
                    "analyst.gender." + gender.name(),
                    outcome.byGender().get(gender)));
        }
        List<Group> byAgeBand = new ArrayList<>();
        for (AgeBand band : AgeBand.values()) {
            byAgeBand.add(new Group(
                    band.label(),
                    "analyst.ageBand." + band.name(),
                    outcome.byAgeBand().get(band.label())));
        }
        model.addAttribute("byGender", byGender);
        model.addAttribute("byAgeBand", byAgeBand);

        List<Charts.Value> statusValues = new ArrayList<>();
        for (OutcomeStatus status : OutcomeStatus.values()) {
            statusValues.add(Charts.Value.keyed(
                    "analyst.status." + status.name(), statusShares.get(status), outcome.denominator()));
        }
        model.addAttribute("statusChart", Charts.BarChart.of(statusValues, shares));
        model.addAttribute("genderChart", Charts.BarChart.of(inWorkOrStudies(byGender), shares));
        model.addAttribute("ageChart", Charts.BarChart.of(inWorkOrStudies(byAgeBand), shares));

        List<CohortYear> years = comparedYears(query, outcome);
        List<Charts.Value> yearValues = new ArrayList<>();
        for (CohortYear year : years) {
            yearValues.add(Charts.Value.literal(
                    String.valueOf(year.year()),
                    year.outcome().inWorkOrStudies(),
                    year.outcome().denominator()));
        }
        model.addAttribute("years", years);
        model.addAttribute("yearsChart", Charts.ColumnChart.of(yearValues, shares));
        model.addAttribute(
                "anySuppressed",
                years.stream().anyMatch(year -> !year.outcome().suppressed().isEmpty()));
    }

    /** The outcome as the pages publish it: small cells suppressed. */
    private TwoYearsAfterOutcomeResponse published(FindTwoYearsAfterOutcome query) {
        return SmallCells.suppress(outcomes.handle(query), minCellSize);
    }

    /**
     * The cohort's journeys, measured, pending or lost; {@code null} when one of them is suppressed, since the size
     * and the other two would give it back (the page then leaves the size out).
     */
    static Long cohortSize(TwoYearsAfterOutcomeResponse outcome) {
        if (outcome.denominator() == null || outcome.pending() == null || outcome.lostToFollowUp() == null) {
            return null;
        }
        return outcome.denominator() + outcome.pending() + outcome.lostToFollowUp();
    }

    /** Nobody in the cohort: never suppressed, as a zero is not. */
    private static boolean isEmpty(TwoYearsAfterOutcomeResponse outcome) {
        Long cohortSize = cohortSize(outcome);
        return cohortSize != null && cohortSize == 0;
    }

    /**
     * The chosen cohort year, whose outcome the page already has, and up to five before it (never before the first
     * year a form accepts).
     */
    private List<CohortYear> comparedYears(Query query, TwoYearsAfterOutcomeResponse chosen) {
        List<CohortYear> years = new ArrayList<>();
        int first =
                Math.max(OutcomePages.FIRST_COHORT_YEAR, query.cohortYear() - OutcomePages.COMPARED_COHORT_YEARS + 1);
        for (int year = first; year < query.cohortYear(); year++) {
            years.add(new CohortYear(year, published(query.forYear(year))));
        }
        years.add(new CohortYear(query.cohortYear(), chosen));
        return years;
    }

    private static List<Charts.Value> inWorkOrStudies(List<Group> groups) {
        return groups.stream()
                .map(group -> Charts.Value.keyed(
                        group.labelKey(),
                        group.measures().inWorkOrStudies(),
                        group.measures().denominator()))
                .toList();
    }

    /**
     * Each status's share of the measured, rounded as the API rounds its shares; suppressed with its count (a
     * suppressed denominator suppresses every count built on it).
     */
    private static Map<OutcomeStatus, CountAndShare> statusShares(Map<OutcomeStatus, Long> byStatus, Long denominator) {
        Map<OutcomeStatus, CountAndShare> shares = new EnumMap<>(OutcomeStatus.class);
        for (OutcomeStatus status : OutcomeStatus.values()) {
            Long count = byStatus.get(status);
            shares.put(
                    status,
                    count == null || denominator == null
                            ? CountAndShare.SUPPRESSED
                            : CountAndShare.of(count, denominator));
        }
        return shares;
    }

    private Query check(Form form, FormCheck check, LocalDate today) {
        Integer year =
                check.year("cohortYear", form.cohortYear(), OutcomePages.FIRST_COHORT_YEAR, lastCohortYear(today));
        String municipality = check.municipality("municipalityCode", form.municipalityCode(), municipalities);
        LocalDate asOf = check.date("asOf", form.asOf(), today);
        Instant knownAt = check.knownAt("knownAt", form.knownAt());
        if (!check.passed()) {
            return null;
        }
        return new Query(year, municipality.isEmpty() ? null : municipality, asOf, outcomes.knownAt(knownAt));
    }

    /** A download's query; a bad one (only a hand-edited link has one) is the error page's 400, as the API's. */
    private Query checkedForDownload(String cohortYear, String municipalityCode, String asOf, String knownAt) {
        LocalDate today = LocalDate.now(clock);
        FormCheck check = new FormCheck();
        Query query = check(new Form(cohortYear, municipalityCode, asOf, knownAt), check, today);
        if (query == null) {
            throw new ApiException(
                    Problems.VALIDATION,
                    "Invalid " + String.join(", ", check.errors().keySet()));
        }
        return query;
    }

    /**
     * The default cohort: the latest year whose every measurement point (establishment end + 24 months) has passed,
     * so the figures are final rather than mostly pending.
     */
    static int defaultCohortYear(LocalDate today) {
        return today.getYear() - 3;
    }

    /** An establishment plan started today ends at the latest two years on: no later cohort can have anyone. */
    static int lastCohortYear(LocalDate today) {
        return today.getYear() + 2;
    }

    private static List<String> withFirst(String first, List<String> rest) {
        List<String> row = new ArrayList<>();
        row.add(first);
        row.addAll(rest.subList(2, rest.size())); // the cohort row's "total,all" says nothing here
        return List.copyOf(row);
    }
}
