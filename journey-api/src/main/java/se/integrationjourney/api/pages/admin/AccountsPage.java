package se.integrationjourney.api.pages.admin;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.integrationjourney.api.municipalities.Municipalities;
import se.integrationjourney.api.security.Account;
import se.integrationjourney.api.security.AccountAdministration;
import se.integrationjourney.api.security.AccountChangeRefused;
import se.integrationjourney.api.security.AccountChangeRefused.Reason;
import se.integrationjourney.api.security.AccountStore;
import se.integrationjourney.api.security.CurrentUser;
import se.integrationjourney.api.security.Role;
import se.integrationjourney.api.web.RecordsInOneTransaction;

/**
 * Accounts for administrators: the list, a new account, and one account's page (disable or enable, a temporary
 * password, roles and municipality). Every change goes through {@link AccountAdministration}, which checks it and
 * records it in the access log; its refusal is shown at the field it concerns, with what was typed kept (never a
 * password), and nothing changed.
 */
@Controller
@RequestMapping("/admin/accounts")
class AccountsPage {

    private static final Pattern USERNAME = Pattern.compile(AccountAdministration.USERNAME_PATTERN);

    private final AccountStore accounts;
    private final AccountAdministration administration;
    private final Municipalities municipalities;
    private final MunicipalityChoices choices;

    AccountsPage(
            AccountStore accounts,
            AccountAdministration administration,
            Municipalities municipalities,
            MunicipalityChoices choices) {
        this.accounts = accounts;
        this.administration = administration;
        this.municipalities = municipalities;
        this.choices = choices;
    }

    /** What a roles form holds: typed values to show again after a refusal. */
    public record RolesForm(Set<Role> roles, String municipalityCode) {}

    @GetMapping
    String list(Model model) {
        model.addAttribute(
                "accounts",
                accounts.list().stream()
                        .map(account -> AccountRow.of(account, municipalities))
                        .toList());
        return "admin/accounts";
    }

    @GetMapping("/new")
    String newAccount(Model model) {
        return newAccountPage(model, "", new RolesForm(EnumSet.noneOf(Role.class), null), Map.of());
    }

    @PostMapping
    @RecordsInOneTransaction
    String create(
            @RequestParam(defaultValue = "") String username,
            @RequestParam(defaultValue = "") String password,
            @RequestParam(required = false) List<String> roles,
            @RequestParam(defaultValue = "") String municipalityCode,
            Model model,
            RedirectAttributes redirect) {
        String typedUsername = username.strip();
        RolesForm form = new RolesForm(roles(roles), blankAsNull(municipalityCode));
        Map<String, String> errors = new LinkedHashMap<>();
        if (typedUsername.isEmpty()) {
            errors.put("username", "form.required");
        } else if (!USERNAME.matcher(typedUsername).matches()) {
            errors.put("username", "admin.accounts.username.invalid");
        }
        if (errors.isEmpty()) {
            try {
                administration.create(
                        CurrentUser.get(),
                        "POST /admin/accounts",
                        typedUsername,
                        password,
                        form.roles(),
                        form.municipalityCode());
            } catch (AccountChangeRefused refused) {
                errors.put(fieldOf(refused.reason()), refused.reason().messageKey());
            }
        }
        if (!errors.isEmpty()) {
            return newAccountPage(model, typedUsername, form, errors);
        }
        redirect.addFlashAttribute("done", "admin.accounts.done.created");
        redirect.addFlashAttribute("doneSubject", typedUsername);
        return "redirect:/admin/accounts";
    }

    @GetMapping("/{username}")
    String account(@PathVariable String username, Model model) {
        Account account = found(username);
        return accountPage(model, account, new RolesForm(account.roles(), account.municipalityCode()), Map.of());
    }

    @PostMapping("/{username}/disable")
    @RecordsInOneTransaction
    String disable(@PathVariable String username, Model model, RedirectAttributes redirect) {
        return setDisabled(username, true, model, redirect);
    }

    @PostMapping("/{username}/enable")
    @RecordsInOneTransaction
    String enable(@PathVariable String username, Model model, RedirectAttributes redirect) {
        return setDisabled(username, false, model, redirect);
    }

    @PostMapping("/{username}/password-reset")
    @RecordsInOneTransaction
    String resetPassword(
            @PathVariable String username,
            @RequestParam(defaultValue = "") String temporaryPassword,
            Model model,
            RedirectAttributes redirect) {
        Account account = found(username);
        try {
            administration.resetPassword(
                    CurrentUser.get(), "POST /admin/accounts/{username}/password-reset", username, temporaryPassword);
        } catch (AccountChangeRefused refused) {
            return refusedOn(account, "temporaryPassword", refused, model);
        }
        return done(account, "admin.account.done.passwordReset", redirect);
    }

    @PostMapping("/{username}/roles")
    @RecordsInOneTransaction
    String changeRoles(
            @PathVariable String username,
            @RequestParam(required = false) List<String> roles,
            @RequestParam(defaultValue = "") String municipalityCode,
            Model model,
            RedirectAttributes redirect) {
        Account account = found(username);
        RolesForm form = new RolesForm(roles(roles), blankAsNull(municipalityCode));
        try {
            administration.changeRoles(
                    CurrentUser.get(),
                    "POST /admin/accounts/{username}/roles",
                    username,
                    form.roles(),
                    form.municipalityCode());
        } catch (AccountChangeRefused refused) {
            if (refused.reason() == Reason.UNKNOWN_ACCOUNT) {
                throw refused;
            }
            return accountPage(
                    model,
                    account,
                    form,
                    Map.of(fieldOf(refused.reason()), refused.reason().messageKey()));
        }
        return done(account, "admin.account.done.roles", redirect);
    }

    private String setDisabled(String username, boolean disabled, Model model, RedirectAttributes redirect) {
        Account account = found(username);
        try {
            administration.setDisabled(
                    CurrentUser.get(),
                    "POST /admin/accounts/{username}/" + (disabled ? "disable" : "enable"),
                    username,
                    disabled);
        } catch (AccountChangeRefused refused) {
            return refusedOn(account, "status", refused, model);
        }
        return done(account, disabled ? "admin.account.done.disabled" : "admin.account.done.enabled", redirect);
    }

    private String refusedOn(Account account, String field, AccountChangeRefused refused, Model model) {
        if (refused.reason() == Reason.UNKNOWN_ACCOUNT) {
            throw refused; // gone meanwhile: the not-found page
        }
        return accountPage(
                model,
                account,
                new RolesForm(account.roles(), account.municipalityCode()),
                Map.of(field, refused.reason().messageKey()));
    }

    private static String done(Account account, String messageKey, RedirectAttributes redirect) {
        redirect.addFlashAttribute("done", messageKey);
        redirect.addFlashAttribute("doneSubject", account.username());
        redirect.addAttribute("username", account.username());
        return "redirect:/admin/accounts/{username}";
    }

    private String newAccountPage(Model model, String username, RolesForm form, Map<String, String> errors) {
        model.addAttribute("username", username);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("allRoles", Role.values());
        model.addAttribute("counties", choices.counties());
        model.addAttribute("minPassword", AccountAdministration.MIN_PASSWORD);
        return "admin/account-new";
    }

    private String accountPage(Model model, Account account, RolesForm form, Map<String, String> errors) {
        model.addAttribute("account", AccountRow.of(account, municipalities));
        // Usernames are ASCII and one account whatever their case, as AccountStore compares them.
        model.addAttribute(
                "ownAccount",
                CurrentUser.get()
                        .username()
                        .toLowerCase(Locale.ROOT)
                        .equals(account.username().toLowerCase(Locale.ROOT)));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("allRoles", Role.values());
        model.addAttribute("counties", choices.counties());
        model.addAttribute("minPassword", AccountAdministration.MIN_PASSWORD);
        return "admin/account";
    }

    private Account found(String username) {
        return accounts.account(username).orElseThrow(() -> new AccountChangeRefused(Reason.UNKNOWN_ACCOUNT));
    }

    /** Where a refusal is shown: at the field it is about, or above the form. */
    private static String fieldOf(Reason reason) {
        return switch (reason) {
            case USERNAME_TAKEN -> "username";
            case PASSWORD_TOO_SHORT -> "password";
            case NO_ROLE, OWN_ACCOUNT -> "roles";
            case MUNICIPALITY_REQUIRED, MUNICIPALITY_NOT_ALLOWED, UNKNOWN_MUNICIPALITY -> "municipalityCode";
            default -> "form";
        };
    }

    /** The roles ticked; a value that is no role (only a hand-made request sends one) is ignored. */
    private static Set<Role> roles(List<String> ticked) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (ticked != null) {
            for (String name : ticked) {
                for (Role role : Role.values()) {
                    if (role.name().equals(name)) {
                        roles.add(role);
                    }
                }
            }
        }
        return roles;
    }

    private static String blankAsNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
