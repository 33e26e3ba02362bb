package se.integrationjourney.api.security;

import java.util.Set;
import se.integrationjourney.api.accesslog.Actor;

/**
 * Who is asking, however they signed in (HTTP Basic against our accounts, or a bearer token).
 *
 * @param municipalityCode the municipality a caseworker serves; null for the other roles
 */
public record JourneyUser(String username, Set<Role> roles, String municipalityCode) {

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** The roles as recorded in event metadata, e.g. {@code CASEWORKER} or {@code ADMIN,AUDITOR}. */
    public String rolesText() {
        return String.join(",", roles.stream().map(Role::name).sorted().toList());
    }

    /** The user as the access log records them. */
    public Actor actor() {
        return new Actor(username, rolesText());
    }
}
