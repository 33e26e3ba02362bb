package se.integrationjourney.api.pages.admin;

import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.integrationjourney.api.admin.SignInLockAdministration;
import se.integrationjourney.api.admin.ViewAdministration;
import se.integrationjourney.api.security.Account;
import se.integrationjourney.api.security.AccountStore;
import se.integrationjourney.api.security.CurrentUser;

/**
 * The administrator's start page: how the views are, how many accounts there are, and this node's sign-in locks
 * (each liftable here), with links to the pages for each.
 */
@Controller
class AdminOverviewPage {

    private final ViewAdministration views;
    private final AccountStore accounts;
    private final SignInLockAdministration signInLocks;

    AdminOverviewPage(ViewAdministration views, AccountStore accounts, SignInLockAdministration signInLocks) {
        this.views = views;
        this.accounts = accounts;
        this.signInLocks = signInLocks;
    }

    /** A sign-in lock as the page shows it. */
    public record LockRow(String kind, String key, String until, long secondsLeft) {}

    @GetMapping("/admin")
    String overview(Model model) {
        List<ViewRow> rows = views.status().stream().map(ViewRow::of).toList();
        model.addAttribute("views", rows);
        model.addAttribute("summary", ViewsSummary.of(rows));
        List<Account> all = accounts.list();
        model.addAttribute("accountCount", all.size());
        model.addAttribute(
                "disabledCount", all.stream().filter(Account::disabled).count());
        model.addAttribute(
                "passwordChangeCount",
                all.stream().filter(Account::passwordChangeRequired).count());
        SignInLockAdministration.Locks locks = signInLocks.locks();
        model.addAttribute(
                "locks",
                locks.shown().stream()
                        .map(lock -> new LockRow(
                                lock.kind(), lock.key(), AdminTexts.second(lock.until()), lock.secondsLeft()))
                        .toList());
        model.addAttribute("lockedUnknownUsernames", locks.lockedUnknownUsernames());
        return "admin/overview";
    }

    @PostMapping("/admin/sign-in-locks/lift")
    String lift(@RequestParam String kind, @RequestParam String key, RedirectAttributes redirect) {
        String resource = "POST /admin/sign-in-locks/lift";
        boolean lifted = SignInLockAdministration.ACCOUNT.equals(kind)
                ? signInLocks.liftAccount(CurrentUser.get(), resource, key)
                : SignInLockAdministration.ADDRESS.equals(kind)
                        && signInLocks.liftAddress(CurrentUser.get(), resource, key);
        redirect.addFlashAttribute("done", lifted ? "admin.locks.done.lifted" : "admin.locks.done.notLocked");
        redirect.addFlashAttribute("doneSubject", key);
        return "redirect:/admin";
    }
}
