package se.integrationjourney.api.pages.admin;

import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.integrationjourney.api.admin.ViewAdministration;
import se.integrationjourney.api.security.CurrentUser;
import se.integrationjourney.api.web.ApiException;
import se.integrationjourney.api.web.Problems;
import se.integrationjourney.projections.runtime.DeadLetteredJourney;
import se.integrationjourney.projections.runtime.UnknownProjectionException;

/**
 * The views for administrators: each view's condition and position, rebuilding one or all with live progress, and
 * each view's dead-lettered journeys (retry all, delete one after a confirmation page). Progress updates by htmx
 * polling a fragment once a second while a rebuild runs; without JavaScript, an "Uppdatera" link reloads the page.
 */
@Controller
@RequestMapping("/admin/views")
class ViewsPage {

    private final ViewAdministration views;

    ViewsPage(ViewAdministration views) {
        this.views = views;
    }

    @GetMapping
    String views(Model model) {
        progressModel(model);
        model.addAttribute("node", views.nodeName());
        model.addAttribute("nodes", String.join(", ", views.nodes()));
        model.addAttribute("announceSummary", true);
        return "admin/views";
    }

    /**
     * The progress table alone, for htmx's polling; the live region's text comes along (out of band) only when its
     * state differs from the one the page last announced, so that screen readers are not told the same every second.
     */
    @GetMapping("/progress")
    String progress(@RequestParam(defaultValue = "") String announced, Model model) {
        ViewsSummary summary = progressModel(model);
        model.addAttribute("announceSummary", !summary.announcement().equals(announced));
        return "admin/views-progress";
    }

    @PostMapping("/{name}/rebuild")
    String rebuild(@PathVariable String name, RedirectAttributes redirect) {
        try {
            views.rebuild(CurrentUser.get(), "POST /admin/views/{name}/rebuild", name);
        } catch (UnknownProjectionException unknown) {
            throw notFound();
        }
        redirect.addFlashAttribute("done", "admin.views.done.rebuild");
        redirect.addFlashAttribute("doneSubject", name);
        return "redirect:/admin/views";
    }

    @PostMapping("/rebuild")
    String rebuildAll(RedirectAttributes redirect) {
        views.rebuildAll(CurrentUser.get(), "POST /admin/views/rebuild");
        redirect.addFlashAttribute("done", "admin.views.done.rebuildAll");
        return "redirect:/admin/views";
    }

    @GetMapping("/{name}/dead-letters")
    String deadLetters(@PathVariable String name, Model model) {
        model.addAttribute("view", row(name));
        model.addAttribute(
                "deadLetters",
                deadLettersOf(name).stream().map(DeadLetterRow::of).toList());
        model.addAttribute("listedAtMost", ViewAdministration.MAX_DEAD_LETTERS_LISTED);
        return "admin/dead-letters";
    }

    @PostMapping("/{name}/dead-letters/retry")
    String retry(@PathVariable String name, RedirectAttributes redirect) {
        int retried;
        try {
            retried = views.retryDeadLetters(CurrentUser.get(), "POST /admin/views/{name}/dead-letters/retry", name);
        } catch (UnknownProjectionException unknown) {
            throw notFound();
        }
        redirect.addFlashAttribute("retried", retried);
        redirect.addAttribute("name", name);
        return "redirect:/admin/views/{name}/dead-letters";
    }

    /** The confirmation step before deleting, a page of its own so that it works without JavaScript. */
    @GetMapping("/{name}/dead-letters/{journeyId}/delete")
    String confirmDelete(@PathVariable String name, @PathVariable String journeyId, Model model) {
        DeadLetteredJourney journey = deadLettersOf(name).stream()
                .filter(one -> one.journeyId().equals(journeyIdOf(journeyId).toString()))
                .findFirst()
                .orElseThrow(ViewsPage::notFound);
        model.addAttribute("view", row(name));
        model.addAttribute("deadLetter", DeadLetterRow.of(journey));
        return "admin/dead-letter-delete";
    }

    @PostMapping("/{name}/dead-letters/{journeyId}/delete")
    String delete(@PathVariable String name, @PathVariable String journeyId, RedirectAttributes redirect) {
        int dropped;
        try {
            dropped = views.dropDeadLetters(
                    CurrentUser.get(),
                    "POST /admin/views/{name}/dead-letters/{journeyId}/delete",
                    name,
                    journeyIdOf(journeyId));
        } catch (UnknownProjectionException unknown) {
            throw notFound();
        }
        if (dropped == 0) {
            throw notFound();
        }
        redirect.addFlashAttribute("deleted", journeyId);
        redirect.addFlashAttribute("deletedEvents", dropped);
        redirect.addAttribute("name", name);
        return "redirect:/admin/views/{name}/dead-letters";
    }

    private ViewsSummary progressModel(Model model) {
        List<ViewRow> rows = views.status().stream().map(ViewRow::of).toList();
        ViewsSummary summary = ViewsSummary.of(rows);
        model.addAttribute("views", rows);
        model.addAttribute("summary", summary);
        return summary;
    }

    private ViewRow row(String name) {
        try {
            return ViewRow.of(views.status(name));
        } catch (UnknownProjectionException unknown) {
            throw notFound();
        }
    }

    private List<DeadLetteredJourney> deadLettersOf(String name) {
        try {
            return views.deadLetters(name);
        } catch (UnknownProjectionException unknown) {
            throw notFound();
        }
    }

    /** A journey id from the address; one that is not a UUID is a page that does not exist. */
    private static UUID journeyIdOf(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException notAnId) {
            throw notFound();
        }
    }

    private static ApiException notFound() {
        return new ApiException(Problems.NOT_FOUND, "No such view or dead-lettered journey");
    }

    /** A dead-lettered journey as its row shows it, times in Swedish local time. */
    public record DeadLetterRow(
            String journeyId,
            String eventType,
            Long position,
            String cause,
            String enqueuedAt,
            String lastTouched,
            int events) {

        static DeadLetterRow of(DeadLetteredJourney journey) {
            return new DeadLetterRow(
                    journey.journeyId(),
                    journey.eventType(),
                    journey.position(),
                    journey.cause(),
                    AdminTexts.second(journey.enqueuedAt()),
                    AdminTexts.second(journey.lastTouched()),
                    journey.events());
        }
    }
}
