package se.integrationjourney.api.security;

import java.util.EnumSet;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** The signed-in user of the current request, from HTTP Basic or a bearer token alike. */
public final class CurrentUser {

    private CurrentUser() {}

    public static JourneyUser get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            throw new IllegalStateException("no signed-in user");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        String municipality = null;
        for (GrantedAuthority granted : authentication.getAuthorities()) {
            String authority = granted.getAuthority();
            if (authority.startsWith("ROLE_")) {
                try {
                    roles.add(Role.valueOf(authority.substring("ROLE_".length())));
                } catch (IllegalArgumentException unknownRole) {
                    // a role from an identity provider that this service does not know grants nothing
                }
            } else if (authority.startsWith(AccountStore.MUNICIPALITY_AUTHORITY_PREFIX)) {
                municipality = authority.substring(AccountStore.MUNICIPALITY_AUTHORITY_PREFIX.length());
            }
        }
        String username = authentication instanceof JwtAuthenticationToken jwt
                ? JwtUsers.username(jwt.getToken())
                : authentication.getName();
        return new JourneyUser(username, roles, municipality);
    }
}
