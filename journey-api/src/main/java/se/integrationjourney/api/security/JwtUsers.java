package se.integrationjourney.api.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Reads a bearer token's claims as a {@link JourneyUser}: roles from {@code roles} (a list of role names),
 * the caseworker's municipality from {@code municipality_code}, the username from {@code preferred_username}
 * (else {@code sub}). docs/operations.md lists what an identity provider must put in its tokens.
 */
final class JwtUsers implements Converter<Jwt, AbstractAuthenticationToken> {

    static final String ROLES_CLAIM = "roles";
    static final String MUNICIPALITY_CLAIM = "municipality_code";
    static final String USERNAME_CLAIM = "preferred_username";

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        Collection<String> roles = jwt.getClaimAsStringList(ROLES_CLAIM);
        if (roles != null) {
            roles.forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
        }
        String municipality = jwt.getClaimAsString(MUNICIPALITY_CLAIM);
        if (municipality != null) {
            authorities.add(new SimpleGrantedAuthority(AccountStore.MUNICIPALITY_AUTHORITY_PREFIX + municipality));
        }
        return new JwtAuthenticationToken(jwt, authorities, username(jwt));
    }

    static String username(Jwt jwt) {
        String preferred = jwt.getClaimAsString(USERNAME_CLAIM);
        return preferred != null ? preferred : jwt.getSubject();
    }
}
