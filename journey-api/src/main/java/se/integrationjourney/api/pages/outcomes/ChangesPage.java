package se.integrationjourney.api.pages.outcomes;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import se.integrationjourney.api.municipalities.Municipalities;
import se.integrationjourney.api.municipalities.Municipalities.Municipality;
import se.integrationjourney.projections.outcomes.CohortChanges;
import se.integrationjourney.projections.outcomes.CohortChangesResponse;
import se.integrationjourney.projections.outcomes.FindCohortChanges;

/**
 * What changed in a two-years-after cohort between two moments (docs/projections.md, "What changed"): the journeys,
 * by id only, whose category as known then differs from as known later, each with the events that changed it. A GET
 * form, as the other analysts' pages, so a comparison is a link; the answer is the API's ({@link CohortChanges}).
 */
@Controller
class ChangesPage {

    private final CohortChanges changes;
    private final Municipalities municipalities;
    private final List<Municipality> municipalityChoices;
    private final Clock clock;

    ChangesPage(CohortChanges changes, Municipalities municipalities, Clock clock) {
        this.changes = changes;
        this.municipalities = municipalities;
        this.municipalityChoices = OutcomePages.municipalityChoices(municipalities);
        this.clock = clock;
    }

    /** What the form holds, as typed (or the defaults). */
    record Form(String cohortYear, String municipalityCode, String asOf, String before, String after) {}

    @GetMapping("/outcomes/changes")
    String page(
            @RequestParam(required = false) String cohortYear,
            @RequestParam(required = false) String municipalityCode,
            @RequestParam(required = false) String asOf,
            @RequestParam(required = false) String before,
            @RequestParam(required = false) String after,
            Model model) {
        LocalDate today = LocalDate.now(clock);
        Form form = new Form(
                cohortYear == null ? String.valueOf(TwoYearsAfterPage.defaultCohortYear(today)) : cohortYear,
                municipalityCode == null ? FormCheck.ALL_MUNICIPALITIES : municipalityCode,
                asOf == null ? today.toString() : asOf,
                before == null ? "" : before,
                after == null ? "" : after);
        model.addAttribute("form", form);
        model.addAttribute("municipalities", municipalityChoices);
        model.addAttribute("firstYear", String.valueOf(OutcomePages.FIRST_COHORT_YEAR));
        model.addAttribute("lastYear", String.valueOf(TwoYearsAfterPage.lastCohortYear(today)));
        FormCheck check = new FormCheck();
        if (before != null) { // asked: the form was sent
            Integer year = check.year(
                    "cohortYear",
                    form.cohortYear(),
                    OutcomePages.FIRST_COHORT_YEAR,
                    TwoYearsAfterPage.lastCohortYear(today));
            String municipality = check.municipality("municipalityCode", form.municipalityCode(), municipalities);
            LocalDate asOfDate = check.date("asOf", form.asOf(), today);
            Instant earlier = check.knownAt("before", form.before());
            Instant later = check.knownAt("after", form.after());
            if (check.passed() && earlier == null) {
                check.refuse("before", FieldMessage.of("analyst.changes.beforeRequired"));
            }
            if (check.passed()) {
                try {
                    CohortChangesResponse answer = changes.handle(new FindCohortChanges(
                            year, municipality.isEmpty() ? null : municipality, asOfDate, earlier, later));
                    model.addAttribute("answer", answer);
                    model.addAttribute(
                            "municipalityName", municipality.isEmpty() ? null : municipalities.nameOf(municipality));
                } catch (IllegalArgumentException beforeNotEarlier) {
                    check.refuse("before", FieldMessage.of("analyst.changes.beforeNotEarlier"));
                }
            }
        }
        model.addAttribute("errors", check.errors());
        return "outcomes/changes";
    }
}
