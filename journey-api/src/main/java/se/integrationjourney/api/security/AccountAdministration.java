package se.integrationjourney.api.security;

import java.util.Set;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import se.integrationjourney.api.accesslog.AccessAction;
import se.integrationjourney.api.accesslog.AccessLog;
import se.integrationjourney.api.municipalities.Municipalities;
import se.integrationjourney.api.security.AccountChangeRefused.Reason;

/**
 * Every change to an account, for the API and the web application alike: each checked, each done in one transaction
 * with its entry in the access log (who did it, when, to which account). A change that ends an account's sessions
 * (disabled, password or roles changed) raises its session generation, which every node checks per request.
 */
@Component
public class AccountAdministration {

    public static final int MIN_PASSWORD = 12;
    public static final int MAX_PASSWORD = 200;

    /** What a username may be: the API's request and the web application's form check it alike. */
    public static final String USERNAME_PATTERN = "[A-Za-z0-9._@-]{3,100}";

    private final AccountStore accounts;
    private final PasswordEncoder passwords;
    private final AccessLog accessLog;
    private final Municipalities municipalities;
    private final TransactionTemplate transaction;

    public AccountAdministration(
            AccountStore accounts,
            PasswordEncoder passwords,
            AccessLog accessLog,
            Municipalities municipalities,
            TransactionTemplate transaction) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.accessLog = accessLog;
        this.municipalities = municipalities;
        this.transaction = transaction;
    }

    /** @throws AccountChangeRefused if the roles, municipality or password do not fit, or the username is taken */
    public void create(
            JourneyUser admin,
            String resource,
            String username,
            String password,
            Set<Role> roles,
            String municipalityCode) {
        checkRoles(roles, municipalityCode);
        checkPassword(password);
        String hash = passwords.encode(password);
        inTransaction(() -> {
            if (!accounts.create(username, hash, roles, municipalityCode)) {
                throw new AccountChangeRefused(Reason.USERNAME_TAKEN);
            }
            accessLog.act(admin.actor(), AccessAction.ACCOUNT_CREATED, resource, username);
        });
    }

    /** Disables or enables an account; disabling ends its sessions at their next request. */
    public void setDisabled(JourneyUser admin, String resource, String username, boolean disabled) {
        if (disabled && sameAccount(admin, username)) {
            throw new AccountChangeRefused(Reason.OWN_ACCOUNT);
        }
        inTransaction(() -> {
            requireFound(accounts.setDisabled(username, disabled));
            accessLog.act(
                    admin.actor(),
                    disabled ? AccessAction.ACCOUNT_DISABLED : AccessAction.ACCOUNT_ENABLED,
                    resource,
                    canonical(username));
        });
    }

    /** Sets a password the account must change at its next sign-in; ends its sessions. */
    public void resetPassword(JourneyUser admin, String resource, String username, String temporaryPassword) {
        checkPassword(temporaryPassword);
        String hash = passwords.encode(temporaryPassword);
        inTransaction(() -> {
            requireFound(accounts.setPassword(username, hash, true));
            accessLog.act(admin.actor(), AccessAction.PASSWORD_RESET, resource, canonical(username));
        });
    }

    /** Replaces the roles and municipality; ends the account's sessions, so the new roles apply at once. */
    public void changeRoles(
            JourneyUser admin, String resource, String username, Set<Role> roles, String municipalityCode) {
        checkRoles(roles, municipalityCode);
        if (sameAccount(admin, username) && !roles.contains(Role.ADMIN)) {
            throw new AccountChangeRefused(Reason.OWN_ACCOUNT);
        }
        inTransaction(() -> {
            requireFound(accounts.setRoles(username, roles, municipalityCode));
            accessLog.act(admin.actor(), AccessAction.ACCOUNT_ROLES_CHANGED, resource, canonical(username));
        });
    }

    /** The owner's own change, with the current password as proof; clears a required change. */
    public void changeOwnPassword(JourneyUser owner, String resource, String currentPassword, String newPassword) {
        String stored = accounts.passwordHash(owner.username())
                .orElseThrow(() -> new AccountChangeRefused(Reason.UNKNOWN_ACCOUNT));
        if (currentPassword == null || !passwords.matches(currentPassword, stored)) {
            throw new AccountChangeRefused(Reason.WRONG_CURRENT_PASSWORD);
        }
        checkPassword(newPassword);
        if (newPassword.equals(currentPassword)) {
            throw new AccountChangeRefused(Reason.SAME_PASSWORD);
        }
        String hash = passwords.encode(newPassword);
        inTransaction(() -> {
            requireFound(accounts.setPassword(owner.username(), hash, false));
            accessLog.act(owner.actor(), AccessAction.PASSWORD_CHANGED, resource, owner.username());
        });
    }

    private void checkRoles(Set<Role> roles, String municipalityCode) {
        if (roles == null || roles.isEmpty()) {
            throw new AccountChangeRefused(Reason.NO_ROLE);
        }
        boolean caseworker = roles.contains(Role.CASEWORKER);
        if (caseworker && (municipalityCode == null || municipalityCode.isBlank())) {
            throw new AccountChangeRefused(Reason.MUNICIPALITY_REQUIRED);
        }
        if (!caseworker && municipalityCode != null && !municipalityCode.isBlank()) {
            throw new AccountChangeRefused(Reason.MUNICIPALITY_NOT_ALLOWED);
        }
        if (caseworker && !municipalities.exists(municipalityCode)) {
            throw new AccountChangeRefused(Reason.UNKNOWN_MUNICIPALITY);
        }
    }

    private static void checkPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD) {
            throw new AccountChangeRefused(Reason.PASSWORD_TOO_SHORT);
        }
    }

    private static void requireFound(boolean found) {
        if (!found) {
            throw new AccountChangeRefused(Reason.UNKNOWN_ACCOUNT);
        }
    }

    private static boolean sameAccount(JourneyUser user, String username) {
        return AccountStore.lowerCase(user.username()).equals(AccountStore.lowerCase(username));
    }

    private String canonical(String username) {
        return accounts.account(username).map(Account::username).orElse(username);
    }

    private void inTransaction(Runnable change) {
        transaction.executeWithoutResult(status -> change.run());
    }
}
