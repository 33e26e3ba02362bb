package se.integrationjourney.api.pages.admin;

import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import se.integrationjourney.api.accesslog.AccessAction;
import se.integrationjourney.api.accesslog.AccessEntry;
import se.integrationjourney.api.accesslog.AccessLogQueries;
import se.integrationjourney.api.security.Role;

/**
 * The administrative acts of the access log, newest first, in pages of {@value #PAGE_SIZE}: who did what to which
 * account or view, and when. The log answers at most {@link AccessLogQueries#MAX_ENTRIES} acts; the page says so
 * when that limit is reached.
 */
@Controller
class AdminLogPage {

    static final int PAGE_SIZE = 50;

    private final AccessLogQueries log;

    AdminLogPage(AccessLogQueries log) {
        this.log = log;
    }

    /**
     * One act as the page shows it.
     *
     * @param roles   the roles the actor held then; unknown names (none today) are left out
     * @param subject the account's username, the view's name, or "*" for every view
     */
    public record ActRow(String at, String username, List<Role> roles, AccessAction action, String subject) {

        static ActRow of(AccessEntry entry) {
            List<Role> roles = Arrays.stream(
                            entry.roles() == null
                                    ? new String[0]
                                    : entry.roles().split(","))
                    .map(String::strip)
                    .flatMap(name -> Arrays.stream(Role.values())
                            .filter(role -> role.name().equals(name)))
                    .toList();
            return new ActRow(AdminTexts.second(entry.at()), entry.username(), roles, entry.action(), entry.subject());
        }
    }

    @GetMapping("/admin/log")
    String acts(@RequestParam(defaultValue = "1") String page, Model model) {
        List<AccessEntry> acts = log.administrativeActs();
        int pages = Math.max(1, (acts.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = pageNumber(page, pages);
        int from = (current - 1) * PAGE_SIZE;
        model.addAttribute(
                "acts",
                acts.subList(from, Math.min(acts.size(), from + PAGE_SIZE)).stream()
                        .map(ActRow::of)
                        .toList());
        model.addAttribute("page", current);
        model.addAttribute("pages", pages);
        model.addAttribute("limitReached", acts.size() >= AccessLogQueries.MAX_ENTRIES);
        model.addAttribute("maxEntries", AccessLogQueries.MAX_ENTRIES);
        return "admin/log";
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
