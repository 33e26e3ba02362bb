package se.integrationjourney.api.security;

import se.integrationjourney.api.web.ApiException;
import se.integrationjourney.api.web.Problems;

/**
 * An account change that was refused, and nothing changed. The API answers it as a problem with the English detail;
 * the web application shows the reason's message ({@code account.refused.<REASON>}) in the reader's language.
 */
public class AccountChangeRefused extends ApiException {

    public enum Reason {
        USERNAME_TAKEN(Problems.CONFLICT, "That username is taken"),
        UNKNOWN_ACCOUNT(Problems.NOT_FOUND, "No account with that username"),
        MUNICIPALITY_REQUIRED(Problems.VALIDATION, "A caseworker needs the municipalityCode they serve"),
        MUNICIPALITY_NOT_ALLOWED(Problems.VALIDATION, "Only caseworkers are bound to a municipality"),
        UNKNOWN_MUNICIPALITY(Problems.VALIDATION, "municipalityCode is not one of Sweden's municipalities (SCB code)"),
        NO_ROLE(Problems.VALIDATION, "An account needs at least one role"),
        PASSWORD_TOO_SHORT(Problems.VALIDATION, "A password must be 12 to 200 characters"),
        WRONG_CURRENT_PASSWORD(Problems.VALIDATION, "The current password is not right"),
        SAME_PASSWORD(Problems.VALIDATION, "The new password must differ from the current one"),
        OWN_ACCOUNT(
                Problems.CONFLICT,
                "Administrators cannot disable their own account or take away their own ADMIN"
                        + " role; another administrator can");

        private final Problems problem;
        private final String detail;

        Reason(Problems problem, String detail) {
            this.problem = problem;
            this.detail = detail;
        }

        public Problems problem() {
            return problem;
        }

        public String detail() {
            return detail;
        }

        /** The key of the reason's text in the web application's messages. */
        public String messageKey() {
            return "account.refused." + name();
        }
    }

    private final Reason reason;

    public AccountChangeRefused(Reason reason) {
        super(reason.problem(), reason.detail());
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
