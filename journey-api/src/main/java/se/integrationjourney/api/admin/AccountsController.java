package se.integrationjourney.api.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import se.integrationjourney.api.admin.AccountRequests.AccountResponse;
import se.integrationjourney.api.security.AccountAdministration;
import se.integrationjourney.api.security.AccountChangeRefused;
import se.integrationjourney.api.security.AccountStore;
import se.integrationjourney.api.security.CurrentUser;
import se.integrationjourney.api.web.IdempotentRequests;
import se.integrationjourney.api.web.OpenApiReferences;
import se.integrationjourney.api.web.RecordsInOneTransaction;

/**
 * Accounts, for administrators: list, create, disable and enable, reset a password, change roles. Each change is
 * recorded in the access log; one that takes rights away ends the account's web sessions at their next request.
 */
@RestController
@RequestMapping("/api/admin/users")
@Tag(name = "Administration")
class AccountsController {

    private final AccountStore accounts;
    private final AccountAdministration administration;
    private final IdempotentRequests idempotent;

    AccountsController(AccountStore accounts, AccountAdministration administration, IdempotentRequests idempotent) {
        this.accounts = accounts;
        this.administration = administration;
        this.idempotent = idempotent;
    }

    @GetMapping
    @Operation(summary = "Every account, by username", description = "ADMIN. Never a password or its hash.")
    @ApiResponse(
            responseCode = "200",
            description = "The accounts",
            content =
                    @Content(
                            mediaType = "application/json",
                            array = @ArraySchema(schema = @Schema(implementation = AccountResponse.class))))
    @ApiResponse(responseCode = "401", ref = OpenApiReferences.UNAUTHORIZED)
    @ApiResponse(responseCode = "403", ref = OpenApiReferences.FORBIDDEN)
    List<AccountResponse> list() {
        return accounts.list().stream().map(AccountResponse::of).toList();
    }

    @GetMapping("/{username}")
    @Operation(summary = "One account", description = "ADMIN. The username in any case.")
    @ApiResponse(
            responseCode = "200",
            description = "The account",
            content =
                    @Content(mediaType = "application/json", schema = @Schema(implementation = AccountResponse.class)))
    @ApiResponse(responseCode = "401", ref = OpenApiReferences.UNAUTHORIZED)
    @ApiResponse(responseCode = "403", ref = OpenApiReferences.FORBIDDEN)
    @ApiResponse(responseCode = "404", ref = OpenApiReferences.NOT_FOUND)
    AccountResponse account(@PathVariable String username) {
        return found(username);
    }

    @PostMapping
    @Operation(
            summary = "Create an account; a caseworker is bound to one municipality",
            description = "ADMIN. A caseworker needs `municipalityCode`, one of Sweden's 290 (SCB code); the other"
                    + " roles may not have one (400). The password is stored as an adaptive hash, never shown again."
                    + " With an Idempotency-Key, a repeat returns the first answer; without one, a repeat is a 409"
                    + " (username taken).")
    @ApiResponse(
            responseCode = "201",
            description = "Created",
            headers =
                    @Header(
                            name = "Location",
                            ref = OpenApiReferences.LOCATION,
                            description = "/api/admin/users/{username}"),
            content =
                    @Content(mediaType = "application/json", schema = @Schema(implementation = AccountResponse.class)))
    @ApiResponse(responseCode = "400", ref = OpenApiReferences.BAD_REQUEST)
    @ApiResponse(responseCode = "401", ref = OpenApiReferences.UNAUTHORIZED)
    @ApiResponse(responseCode = "403", ref = OpenApiReferences.FORBIDDEN)
    @ApiResponse(responseCode = "409", ref = OpenApiReferences.CONFLICT)
    @RecordsInOneTransaction
    ResponseEntity<?> create(
            @Valid @RequestBody CreateAccountRequest body,
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key) {
        return idempotent.run(key, CurrentUser.get().username(), "POST", "/api/admin/users", body, () -> {
            administration.create(
                    CurrentUser.get(),
                    "POST /api/admin/users",
                    body.username(),
                    body.password(),
                    body.roles(),
                    body.municipalityCode());
            return ResponseEntity.created(URI.create("/api/admin/users/" + body.username()))
                    .body(found(body.username()));
        });
    }

    @PostMapping("/{username}/disable")
    @Operation(
            summary = "Disable an account: it signs in nowhere, and its web sessions end",
            description = "ADMIN. Its sessions end at their next request, on every node. Administrators cannot"
                    + " disable their own account (409). Disabling a disabled account changes nothing.")
    @ApiResponse(
            responseCode = "200",
            description = "Disabled",
            content =
                    @Content(mediaType = "application/json", schema = @Schema(implementation = AccountResponse.class)))
    @ApiResponse(responseCode = "401", ref = OpenApiReferences.UNAUTHORIZED)
    @ApiResponse(responseCode = "403", ref = OpenApiReferences.FORBIDDEN)
    @ApiResponse(responseCode = "404", ref = OpenApiReferences.NOT_FOUND)
    @ApiResponse(responseCode = "409", ref = OpenApiReferences.CONFLICT)
    @RecordsInOneTransaction
    AccountResponse disable(@PathVariable String username) {
        administration.setDisabled(CurrentUser.get(), "POST /api/admin/users/{username}/disable", username, true);
        return found(username);
    }

    @PostMapping("/{username}/enable")
    @Operation(summary = "Enable a disabled account again", description = "ADMIN.")
    @ApiResponse(
            responseCode = "200",
            description = "Enabled",
            content =
                    @Content(mediaType = "application/json", schema = @Schema(implementation = AccountResponse.class)))
    @ApiResponse(responseCode = "401", ref = OpenApiReferences.UNAUTHORIZED)
    @ApiResponse(responseCode = "403", ref = OpenApiReferences.FORBIDDEN)
    @ApiResponse(responseCode = "404", ref = OpenApiReferences.NOT_FOUND)
    @RecordsInOneTransaction
    AccountResponse enable(@PathVariable String username) {
        administration.setDisabled(CurrentUser.get(), "POST /api/admin/users/{username}/enable", username, false);
        return found(username);
    }

    @PostMapping("/{username}/password-reset")
    @Operation(
            summary = "Set a temporary password, to be changed at the account's next sign-in",
            description = "ADMIN. The account's sessions end. Until its owner chooses a new password (POST"
                    + " /api/account/password, or the web application's prompt), the account may do nothing else:"
                    + " 403.")
    @ApiResponse(
            responseCode = "200",
            description = "Reset",
            content =
                    @Content(mediaType = "application/json", schema = @Schema(implementation = AccountResponse.class)))
    @ApiResponse(responseCode = "400", ref = OpenApiReferences.BAD_REQUEST)
    @ApiResponse(responseCode = "401", ref = OpenApiReferences.UNAUTHORIZED)
    @ApiResponse(responseCode = "403", ref = OpenApiReferences.FORBIDDEN)
    @ApiResponse(responseCode = "404", ref = OpenApiReferences.NOT_FOUND)
    @RecordsInOneTransaction
    AccountResponse resetPassword(
            @PathVariable String username, @Valid @RequestBody AccountRequests.PasswordReset body) {
        administration.resetPassword(
                CurrentUser.get(),
                "POST /api/admin/users/{username}/password-reset",
                username,
                body.temporaryPassword());
        return found(username);
    }

    @PutMapping("/{username}/roles")
    @Operation(
            summary = "Replace an account's roles (and a caseworker's municipality)",
            description = "ADMIN. The account's sessions end, so the new roles apply at once. Administrators cannot"
                    + " take away their own ADMIN role (409).")
    @ApiResponse(
            responseCode = "200",
            description = "Changed",
            content =
                    @Content(mediaType = "application/json", schema = @Schema(implementation = AccountResponse.class)))
    @ApiResponse(responseCode = "400", ref = OpenApiReferences.BAD_REQUEST)
    @ApiResponse(responseCode = "401", ref = OpenApiReferences.UNAUTHORIZED)
    @ApiResponse(responseCode = "403", ref = OpenApiReferences.FORBIDDEN)
    @ApiResponse(responseCode = "404", ref = OpenApiReferences.NOT_FOUND)
    @ApiResponse(responseCode = "409", ref = OpenApiReferences.CONFLICT)
    @RecordsInOneTransaction
    AccountResponse changeRoles(@PathVariable String username, @Valid @RequestBody AccountRequests.RolesChange body) {
        administration.changeRoles(
                CurrentUser.get(),
                "PUT /api/admin/users/{username}/roles",
                username,
                body.roles(),
                body.municipalityCode());
        return found(username);
    }

    private AccountResponse found(String username) {
        return accounts.account(username)
                .map(AccountResponse::of)
                .orElseThrow(() -> new AccountChangeRefused(AccountChangeRefused.Reason.UNKNOWN_ACCOUNT));
    }
}
