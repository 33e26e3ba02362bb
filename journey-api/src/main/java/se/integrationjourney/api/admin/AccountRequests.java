package se.integrationjourney.api.admin;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Set;
import se.integrationjourney.api.security.Account;
import se.integrationjourney.api.security.Role;

/** The bodies and answers of the account endpoints other than creation. */
final class AccountRequests {

    private AccountRequests() {}

    /** An account as administrators see it: never its password. */
    record AccountResponse(
            String username,
            Set<Role> roles,
            String municipalityCode,
            Instant createdAt,
            boolean disabled,
            boolean passwordChangeRequired) {

        static AccountResponse of(Account account) {
            return new AccountResponse(
                    account.username(),
                    account.roles(),
                    account.municipalityCode(),
                    account.createdAt(),
                    account.disabled(),
                    account.passwordChangeRequired());
        }
    }

    /** The body of {@code POST /api/admin/users/{username}/password-reset}. */
    record PasswordReset(
            @Schema(
                    format = "password",
                    description = "12 to 200 characters; the account must change it at its next" + " sign-in")
            @NotNull
            @Size(min = 12, max = 200, message = "must be 12 to 200 characters")
            String temporaryPassword) {

        @Override
        public String toString() {
            return "PasswordReset[]";
        }
    }

    /** The body of {@code PUT /api/admin/users/{username}/roles}. */
    record RolesChange(
            @NotEmpty Set<@NotNull Role> roles,

            @Schema(description = "Required for a CASEWORKER (the municipality they serve), refused for other roles")
            @Pattern(regexp = "\\d{4}", message = "must be a four-digit municipality code (SCB kommunkod)")
            String municipalityCode) {}
}
