package se.integrationjourney.api.pages.admin;

import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.integrationjourney.api.municipalities.Municipalities;
import se.integrationjourney.api.retention.RetentionAdministration;
import se.integrationjourney.api.retention.RetentionPlan;
import se.integrationjourney.api.retention.RetentionRuns;
import se.integrationjourney.api.security.CurrentUser;

/**
 * Retention (gallring) for administrators: how it is set and when it runs next, how it last ran, and what it would
 * erase today (a dry run, recorded in the access log each time the page shows it), {@value #PAGE_SIZE} journeys a
 * page; and "run now", after a confirmation page of its own so that it works without JavaScript.
 */
@Controller
@RequestMapping("/admin/retention")
class RetentionPage {

    static final int PAGE_SIZE = 50;

    private final RetentionAdministration retention;
    private final Municipalities municipalities;
    private final MessageSource messages;

    RetentionPage(RetentionAdministration retention, Municipalities municipalities, MessageSource messages) {
        this.retention = retention;
        this.municipalities = municipalities;
        this.messages = messages;
    }

    /** A journey that would be erased, as its row shows it; no personal data. */
    public record JourneyRow(String journeyId, String municipality, String lastRecordedAt) {}

    /** The last run as the page shows it, times in Swedish time. */
    public record RunRow(
            String startedAt,
            String finishedAt,
            String startedBy,
            boolean scheduled,
            RetentionRuns.Outcome outcome,
            RetentionRuns.Counts counts) {

        static RunRow of(RetentionRuns.Run run) {
            return new RunRow(
                    AdminTexts.second(run.startedAt()),
                    AdminTexts.second(run.finishedAt()),
                    run.startedBy(),
                    run.scheduled(),
                    run.outcome(),
                    run.counts());
        }
    }

    @GetMapping
    String retention(@RequestParam(defaultValue = "1") String page, Model model, Locale locale) {
        RetentionAdministration.Status status = retention.status();
        RetentionPlan plan = retention.dryRun(CurrentUser.get(), "GET /admin/retention");
        List<RetentionPlan.Candidate> toErase = plan.toErase();
        int pages = Math.max(1, (toErase.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = pageNumber(page, pages);
        int from = (current - 1) * PAGE_SIZE;
        model.addAttribute("keepFor", status.settings().keepForIn(messages, locale));
        model.addAttribute("keepForSetting", status.settings().keepFor().toString());
        model.addAttribute("runAt", status.settings().runAt());
        model.addAttribute("enabled", status.settings().enabled());
        model.addAttribute(
                "nextRun",
                status.nextRun().map(at -> AdminTexts.minute(at.toInstant())).orElse(null));
        model.addAttribute("canErase", status.canErase());
        model.addAttribute("lastRun", status.lastRun().map(RunRow::of).orElse(null));
        model.addAttribute("lastRecordedBefore", AdminTexts.second(plan.lastRecordedBefore()));
        model.addAttribute("wouldErase", toErase.size());
        model.addAttribute("keptForResearch", plan.count(RetentionPlan.Verdict.KEEP_FOR_RESEARCH));
        model.addAttribute("nothingToErase", plan.count(RetentionPlan.Verdict.NOTHING_TO_ERASE));
        model.addAttribute("notInView", plan.count(RetentionPlan.Verdict.NOT_IN_VIEW));
        model.addAttribute(
                "journeys",
                toErase.subList(from, Math.min(toErase.size(), from + PAGE_SIZE)).stream()
                        .map(candidate -> new JourneyRow(
                                candidate.journeyId().toString(),
                                candidate.municipalityCode() == null
                                        ? null
                                        : municipalities.nameOf(candidate.municipalityCode()) + " ("
                                                + candidate.municipalityCode() + ")",
                                AdminTexts.second(candidate.lastRecordedAt())))
                        .toList());
        model.addAttribute("page", current);
        model.addAttribute("pages", pages);
        return "admin/retention";
    }

    /** The confirmation step before running, a page of its own so that it works without JavaScript. */
    @GetMapping("/run")
    String confirmRun(Model model, Locale locale) {
        RetentionAdministration.Status status = retention.status();
        model.addAttribute("keepFor", status.settings().keepForIn(messages, locale));
        model.addAttribute("canErase", status.canErase());
        return "admin/retention-run";
    }

    @PostMapping("/run")
    String run(RedirectAttributes redirect) {
        retention.runNow(CurrentUser.get(), "POST /admin/retention/run");
        redirect.addFlashAttribute("done", "admin.retention.done.started");
        return "redirect:/admin/retention";
    }

    /** The page asked for, kept within the pages there are; anything else (typed into the address) is page 1. */
    private static int pageNumber(String page, int pages) {
        try {
            return Math.min(pages, Math.max(1, Integer.parseInt(page)));
        } catch (NumberFormatException notANumber) {
            return 1;
        }
    }
}
