package se.integrationjourney.api.pages.admin;

import java.util.List;
import se.integrationjourney.api.municipalities.Municipalities;
import se.integrationjourney.api.security.Account;
import se.integrationjourney.api.security.Role;

/**
 * An account as the administrator pages show it: roles in the enum's order (the page names them in the reader's
 * language), the municipality by name, the creation time in Swedish local time.
 */
public record AccountRow(
        String username,
        List<Role> roles,
        String municipalityCode,
        String municipalityName,
        boolean disabled,
        String disabledAt,
        boolean passwordChangeRequired,
        String createdAt) {

    static AccountRow of(Account account, Municipalities municipalities) {
        return new AccountRow(
                account.username(),
                account.roles().stream().sorted().toList(),
                account.municipalityCode(),
                account.municipalityCode() == null ? null : municipalities.nameOf(account.municipalityCode()),
                account.disabled(),
                AdminTexts.minute(account.disabledAt()),
                account.passwordChangeRequired(),
                AdminTexts.minute(account.createdAt()));
    }
}
