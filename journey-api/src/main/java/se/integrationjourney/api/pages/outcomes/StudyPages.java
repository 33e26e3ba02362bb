package se.integrationjourney.api.pages.outcomes;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.integrationjourney.api.municipalities.Municipalities;
import se.integrationjourney.api.security.CurrentUser;
import se.integrationjourney.api.studies.StudyService;
import se.integrationjourney.api.web.RecordsInOneTransaction;
import se.integrationjourney.core.events.StudyKind;
import se.integrationjourney.core.events.StudyQuery;
import se.integrationjourney.core.study.Study;
import se.integrationjourney.projections.outcomes.MeasuredFrom;
import se.integrationjourney.projections.outcomes.Milestone;
import se.integrationjourney.projections.outcomes.SmallCells;
import se.integrationjourney.projections.outcomes.TimeToMilestoneResponse;
import se.integrationjourney.projections.outcomes.TwoYearsAfterOutcomeResponse;
import se.integrationjourney.projections.studies.SavedStudy;
import se.integrationjourney.projections.studies.StudyListItem;

/**
 * The analysts' saved studies (docs/ui.md, "Saved studies"): "Save as study" on the two measurement pages, the list
 * of studies, and a study's page with its kept answer, today's beside it on request with the differences marked,
 * the kept answer as CSV and the research extract. Everything goes through {@link StudyService}, as the API does;
 * no page shows a journey, a name or a number.
 */
@Controller
class StudyPages {

    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final Pattern MONTHS = Pattern.compile("[0-9]{1,3}");
    static final int MAX_WITHIN_MONTHS = 120;

    private final StudyService studies;
    private final Municipalities municipalities;
    private final MessageSource messages;
    private final Clock clock;
    private final int minCellSize;

    StudyPages(
            StudyService studies,
            Municipalities municipalities,
            MessageSource messages,
            Clock clock,
            PublishedOutcomesSettings settings) {
        this.studies = studies;
        this.municipalities = municipalities;
        this.messages = messages;
        this.clock = clock;
        this.minCellSize = settings.publishedMinCellSize();
    }

    /** What the save form holds, as typed: the question's fields (hidden) and the title. */
    record SaveForm(
            String title,
            String kind,
            String cohortYear,
            String municipalityCode,
            String asOf,
            String milestone,
            String from,
            String withinMonths) {}

    /** A study as the list and the study page show it, its moments in Swedish time. */
    record StudyLine(
            UUID id,
            String title,
            StudyQuery query,
            String municipalityName,
            LocalDate asOf,
            String knownAt,
            String savedBy,
            String savedAt,
            int extracts) {}

    /** One research extract made of a study. */
    record ExtractLine(String madeBy, String madeAt, int rows) {}

    @PostMapping("/outcomes/studies")
    @RecordsInOneTransaction
    String save(
            @RequestParam(required = false) String title,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String cohortYear,
            @RequestParam(required = false) String municipalityCode,
            @RequestParam(required = false) String asOf,
            @RequestParam(required = false) String milestone,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String withinMonths,
            Model model,
            RedirectAttributes redirect) {
        SaveForm form = new SaveForm(title, kind, cohortYear, municipalityCode, asOf, milestone, from, withinMonths);
        FormCheck check = new FormCheck();
        LocalDate today = LocalDate.now(clock);
        String checkedTitle = title(form.title(), check);
        StudyQuery query = query(form, check, today);
        LocalDate checkedAsOf = query != null && query.kind() == StudyKind.TWO_YEARS_AFTER
                ? check.date("asOf", form.asOf(), today)
                : today;
        if (checkedAsOf != null && checkedAsOf.isAfter(today)) {
            checkedAsOf = check.refuse("asOf", FieldMessage.of("studies.form.asOfInFuture"));
        }
        if (!check.passed() || query == null) {
            model.addAttribute("form", form);
            model.addAttribute("errors", check.errors());
            model.addAttribute("municipalityName", municipalityName(form.municipalityCode()));
            model.addAttribute("query", query);
            model.addAttribute("onSavePage", true);
            return "outcomes/study-new";
        }
        SavedStudy study = studies.save(CurrentUser.get(), "POST /outcomes/studies", checkedTitle, query, checkedAsOf);
        redirect.addFlashAttribute("saved", true);
        return "redirect:/outcomes/studies/" + study.id();
    }

    @GetMapping("/outcomes/studies")
    String list(Model model) {
        model.addAttribute("studies", studies.list().stream().map(this::line).toList());
        return "outcomes/studies";
    }

    @GetMapping("/outcomes/studies/{studyId}")
    String study(
            @PathVariable UUID studyId, @RequestParam(required = false) String compare, Locale locale, Model model) {
        SavedStudy study = studies.study(studyId);
        boolean withToday = "today".equals(compare);
        // A study is the analyst's record of an exact answer, compared number for number with today's: shown exact,
        // as the API keeps it (the measurement pages are where figures are published, small cells hidden; ADR 0017).
        StudyAnswerRows rows = new StudyAnswerRows(new Shares(locale, SmallCells.mark(minCellSize)), messages, locale);
        List<StudyAnswerRows.Row> answer = study.query().kind() == StudyKind.TWO_YEARS_AFTER
                ? rows.twoYearsAfter(
                        studies.keptTwoYearsAfter(study),
                        withToday ? (TwoYearsAfterOutcomeResponse) studies.asKnownToday(study) : null)
                : rows.timeTo(
                        studies.keptTimeTo(study),
                        withToday ? (TimeToMilestoneResponse) studies.asKnownToday(study) : null);
        model.addAttribute("study", line(study.listItem()));
        model.addAttribute("withToday", withToday);
        model.addAttribute(
                "changedCount",
                answer.stream().filter(StudyAnswerRows.Row::changed).count());
        model.addAttribute(
                "extracts",
                study.extracts().stream()
                        .map(made -> new ExtractLine(made.madeBy(), moment(made.madeAt()), made.rows()))
                        .toList());
        Map<String, List<StudyAnswerRows.Row>> sections = new LinkedHashMap<>();
        answer.forEach(row -> sections.computeIfAbsent(row.section(), section -> new ArrayList<>())
                .add(row));
        model.addAttribute("sections", sections);
        return "outcomes/study";
    }

    @GetMapping("/outcomes/studies/{studyId}.csv")
    ResponseEntity<String> csv(@PathVariable UUID studyId) {
        SavedStudy study = studies.study(studyId);
        return OutcomePages.csv(studies.keptCsv(study), "study-" + studyId + ".csv");
    }

    /** A POST, not a link: making an extract is recorded (the study's event, the access log), never prefetched. */
    @PostMapping("/outcomes/studies/{studyId}/extract")
    @RecordsInOneTransaction
    ResponseEntity<String> extract(@PathVariable UUID studyId) {
        List<List<String>> rows =
                studies.extract(CurrentUser.get(), "POST /outcomes/studies/{studyId}/extract", studyId);
        return OutcomePages.csv(rows, "study-" + studyId + "-extract.csv");
    }

    private StudyLine line(StudyListItem item) {
        return new StudyLine(
                item.id(),
                item.title(),
                item.query(),
                municipalityName(item.query().municipalityCode()),
                item.asOf(),
                moment(item.knownAt()),
                item.savedBy(),
                moment(item.savedAt()),
                item.extracts());
    }

    /** A moment as Swedes read it, in Swedish time, to the second. */
    private String moment(Instant instant) {
        return MOMENT.format(instant.atZone(clock.getZone()));
    }

    private String municipalityName(String code) {
        return code == null || code.isBlank() || !municipalities.exists(code) ? null : municipalities.nameOf(code);
    }

    private static String title(String typed, FormCheck check) {
        String title = typed == null ? "" : typed.strip();
        if (title.isEmpty()) {
            check.refuse("title", FieldMessage.of("studies.form.titleRequired"));
            return null;
        }
        if (title.length() > Study.MAX_TITLE) {
            check.refuse("title", FieldMessage.of("studies.form.titleTooLong", String.valueOf(Study.MAX_TITLE)));
            return null;
        }
        return title;
    }

    /** The question the form's hidden fields hold; only a hand-edited form has a bad one. */
    private StudyQuery query(SaveForm form, FormCheck check, LocalDate today) {
        StudyKind kind = check.oneOf("kind", form.kind(), StudyKind.class);
        String municipality = check.municipality("municipalityCode", form.municipalityCode(), municipalities);
        if (kind == StudyKind.TIME_TO) {
            Milestone milestone = check.oneOf("milestone", form.milestone(), Milestone.class);
            MeasuredFrom from = check.oneOf("from", form.from(), MeasuredFrom.class);
            Integer year = check.year("cohortYear", form.cohortYear(), OutcomePages.FIRST_COHORT_YEAR, today.getYear());
            Integer within = withinMonths(form.withinMonths(), check);
            if (milestone == null
                    || from == null
                    || year == null
                    || municipality == null
                    || check.errors().containsKey("withinMonths")) {
                return null;
            }
            return StudyQuery.timeTo(
                    milestone.name(), from.name(), year, within, municipality.isEmpty() ? null : municipality);
        }
        Integer year = check.year(
                "cohortYear",
                form.cohortYear(),
                OutcomePages.FIRST_COHORT_YEAR,
                TwoYearsAfterPage.lastCohortYear(today));
        if (kind == null || year == null || municipality == null) {
            return null;
        }
        return StudyQuery.twoYearsAfter(year, municipality.isEmpty() ? null : municipality);
    }

    /** Optional: blank for none, else 0 to {@link #MAX_WITHIN_MONTHS}. */
    private static Integer withinMonths(String typed, FormCheck check) {
        String text = typed == null ? "" : typed.strip();
        if (text.isEmpty()) {
            return null;
        }
        int months = MONTHS.matcher(text).matches() ? Integer.parseInt(text) : -1;
        if (months < 0 || months > MAX_WITHIN_MONTHS) {
            check.refuse(
                    "withinMonths",
                    FieldMessage.of("studies.form.withinMonthsInvalid", String.valueOf(MAX_WITHIN_MONTHS)));
            return null;
        }
        return months;
    }
}
