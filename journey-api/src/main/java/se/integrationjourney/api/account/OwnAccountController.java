package se.integrationjourney.api.account;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import se.integrationjourney.api.security.AccountAdministration;
import se.integrationjourney.api.security.CurrentUser;
import se.integrationjourney.api.web.OpenApiReferences;
import se.integrationjourney.api.web.RecordsInOneTransaction;

/** What every account may do to itself: change its password. */
@RestController
@Tag(name = "Own account")
class OwnAccountController {

    /** The body of {@code POST /api/account/password}. */
    record PasswordChange(
            @Schema(format = "password") @NotNull String currentPassword,

            @Schema(format = "password", description = "12 to 200 characters, not the current one")
            @NotNull
            @Size(min = 12, max = 200, message = "must be 12 to 200 characters")
            String newPassword) {

        @Override
        public String toString() {
            return "PasswordChange[]";
        }
    }

    private final AccountAdministration administration;

    OwnAccountController(AccountAdministration administration) {
        this.administration = administration;
    }

    @PostMapping("/api/account/password")
    @Operation(
            summary = "Change your own password",
            description = "Any account, including one whose password an administrator reset (the one request such"
                    + " an account may make). The current password must be right (400). Your web sessions end;"
                    + " sign in again with the new password.")
    @ApiResponse(responseCode = "204", description = "Changed")
    @ApiResponse(responseCode = "400", ref = OpenApiReferences.BAD_REQUEST)
    @ApiResponse(responseCode = "401", ref = OpenApiReferences.UNAUTHORIZED)
    @RecordsInOneTransaction
    ResponseEntity<Void> changePassword(@Valid @RequestBody PasswordChange body) {
        administration.changeOwnPassword(
                CurrentUser.get(), "POST /api/account/password", body.currentPassword(), body.newPassword());
        return ResponseEntity.noContent().build();
    }
}
