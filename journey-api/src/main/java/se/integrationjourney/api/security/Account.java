package se.integrationjourney.api.security;

import java.time.Instant;
import java.util.Set;

/**
 * An account of ours as administrators see it (never its password hash).
 *
 * @param municipalityCode the municipality a caseworker serves; null for the other roles
 * @param disabledAt when it was disabled; null while it may sign in
 * @param passwordChangeRequired an administrator reset its password: the next sign-in must choose a new one
 * @param language the web application's language, {@code sv} or {@code en}; null means Swedish
 * @param sessionGeneration raised by each change that ends the account's web sessions
 */
public record Account(
        String username,
        Set<Role> roles,
        String municipalityCode,
        Instant createdAt,
        Instant disabledAt,
        boolean passwordChangeRequired,
        String language,
        int sessionGeneration) {

    public boolean disabled() {
        return disabledAt != null;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
