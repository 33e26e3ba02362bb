package se.integrationjourney.api.admin;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;
import se.integrationjourney.api.security.AccountAdministration;
import se.integrationjourney.api.security.Role;

/** The body of {@code POST /api/admin/users}. */
record CreateAccountRequest(
        @NotBlank
        @Pattern(
                regexp = AccountAdministration.USERNAME_PATTERN,
                message = "3 to 100 letters, digits, '.', '_', '@' or '-'")
        String username,

        @Schema(format = "password") @NotNull @Size(min = 12, max = 200, message = "must be 12 to 200 characters")
        String password,

        @NotEmpty Set<@NotNull Role> roles,

        @Schema(description = "Required for a CASEWORKER (the municipality they serve), refused for other roles")
        @Pattern(regexp = "\\d{4}", message = "must be a four-digit municipality code (SCB kommunkod)")
        String municipalityCode) {

    /** Never print the password. */
    @Override
    public String toString() {
        return "CreateAccountRequest[username=" + username + ", roles=" + roles + "]";
    }
}
