package se.integrationjourney.api.security;

/** What an account may do (docs/api.md). A caseworker is bound to one municipality. */
public enum Role {
    CASEWORKER,
    ANALYST,
    AUDITOR,
    ADMIN;

    /** Spring Security's authority name for the role. */
    public String authority() {
        return "ROLE_" + name();
    }
}
