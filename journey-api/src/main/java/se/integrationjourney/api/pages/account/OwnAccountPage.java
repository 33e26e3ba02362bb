package se.integrationjourney.api.pages.account;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.integrationjourney.api.security.AccountAdministration;
import se.integrationjourney.api.security.AccountChangeRefused;
import se.integrationjourney.api.security.AccountSessions;
import se.integrationjourney.api.security.AccountStore;
import se.integrationjourney.api.security.CurrentUser;
import se.integrationjourney.api.security.JourneyUser;
import se.integrationjourney.api.web.RecordsInOneTransaction;

/**
 * My account: change my password (required first after an administrator reset it). This session stays signed in;
 * the account's other sessions end.
 */
@Controller
class OwnAccountPage {

    private final AccountAdministration administration;
    private final AccountStore accounts;

    OwnAccountPage(AccountAdministration administration, AccountStore accounts) {
        this.administration = administration;
        this.accounts = accounts;
    }

    @GetMapping("/account/password")
    String form(Model model) {
        return page(CurrentUser.get(), model);
    }

    @PostMapping("/account/password")
    @RecordsInOneTransaction
    String change(
            @RequestParam(defaultValue = "") String currentPassword,
            @RequestParam(defaultValue = "") String newPassword,
            @RequestParam(defaultValue = "") String repeatPassword,
            HttpServletRequest request,
            Model model,
            RedirectAttributes redirect) {
        JourneyUser user = CurrentUser.get();
        String refusal = null;
        if (!newPassword.equals(repeatPassword)) {
            refusal = "account.password.mismatch";
        } else {
            try {
                administration.changeOwnPassword(user, "POST /account/password", currentPassword, newPassword);
            } catch (AccountChangeRefused refused) {
                refusal = refused.reason().messageKey();
            }
        }
        if (refusal != null) {
            model.addAttribute("refusal", refusal);
            return page(user, model);
        }
        AccountSessions.confirm(request, accounts, user.username());
        redirect.addFlashAttribute("changed", true);
        return "redirect:/account/password";
    }

    private String page(JourneyUser user, Model model) {
        model.addAttribute(
                "changeRequired",
                accounts.account(user.username())
                        .map(account -> account.passwordChangeRequired())
                        .orElse(false));
        model.addAttribute("minLength", AccountAdministration.MIN_PASSWORD);
        return "account/password";
    }
}
