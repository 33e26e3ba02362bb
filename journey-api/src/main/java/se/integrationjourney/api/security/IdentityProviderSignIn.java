package se.integrationjourney.api.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeAuthenticationProvider;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * Signing in to the pages through the municipality's identity provider (OpenID Connect, Spring Security's OAuth2
 * login). The provider says who the person is; this service decides what they may do: the person becomes the
 * account with the same username ({@code preferred_username}, else {@code sub}), with its roles and municipality,
 * exactly as if they had signed in with its password. No active account of that name: not signed in.
 */
final class IdentityProviderSignIn {

    /** The registration's id, also the last part of the page that starts it: /oauth2/authorization/municipality. */
    static final String REGISTRATION = "municipality";

    private static final Logger log = LoggerFactory.getLogger(IdentityProviderSignIn.class);

    private IdentityProviderSignIn() {}

    /**
     * The provider's registration, read from its discovery document when first needed (not at start, so that the
     * service starts, and password sign-in works, while the provider cannot be reached).
     */
    static ClientRegistrationRepository registrations(SecuritySettings settings) {
        return new ClientRegistrationRepository() {
            private volatile ClientRegistration registration;

            @Override
            public ClientRegistration findByRegistrationId(String registrationId) {
                if (!REGISTRATION.equals(registrationId)) {
                    return null;
                }
                ClientRegistration known = registration;
                if (known == null) {
                    known = ClientRegistrations.fromIssuerLocation(settings.oidcIssuerUri())
                            .registrationId(REGISTRATION)
                            .clientId(settings.oidcClientId())
                            .clientSecret(settings.oidcClientSecret())
                            .scope("openid", "profile")
                            .build();
                    registration = known;
                }
                return known;
            }
        };
    }

    /**
     * Exchanges the provider's code for its tokens and checks the ID token (signature from the provider's keys,
     * issuer, audience, expiry, nonce). The pages' sign-in has its own authentication manager (for throttling), so
     * this is given to it rather than added by Spring Security's OAuth2 login.
     */
    static AuthenticationProvider codeExchange() {
        return new OidcAuthorizationCodeAuthenticationProvider(
                new RestClientAuthorizationCodeTokenResponseClient(), new OidcUserService());
    }

    /**
     * After the provider's sign-in: the session holds the account's authentication instead of the provider's, then
     * goes on as a password sign-in does ({@code next}). An unknown or disabled account ends at the sign-in page.
     */
    static AuthenticationSuccessHandler toAccount(AccountStore accounts, AuthenticationSuccessHandler next) {
        SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
        return (HttpServletRequest request, HttpServletResponse response, Authentication provider) -> {
            Optional<UserDetails> account = account(accounts, provider);
            if (account.isEmpty()) {
                SecurityContextHolder.clearContext();
                contexts.saveContext(SecurityContextHolder.createEmptyContext(), request, response);
                response.sendRedirect(request.getContextPath() + PageSecurityConfiguration.SIGN_IN + "?unknownAccount");
                return;
            }
            UserDetails user = account.get();
            Authentication signedIn =
                    UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(signedIn);
            SecurityContextHolder.setContext(context);
            contexts.saveContext(context, request, response);
            next.onAuthenticationSuccess(request, response, signedIn);
        };
    }

    /**
     * The provider's sign-in did not complete (refused there, or its answer did not check out): logged with the
     * OAuth2 error's code and description, which name no person, and the person is back at the sign-in page.
     */
    static AuthenticationFailureHandler failed() {
        return (request, response, failure) -> {
            String reason = failure instanceof OAuth2AuthenticationException oauth
                    ? oauth.getError().getErrorCode() + ": " + oauth.getError().getDescription()
                    : failure.getClass().getSimpleName();
            log.warn("Identity provider sign-in failed: {}", reason);
            response.sendRedirect(request.getContextPath() + PageSecurityConfiguration.SIGN_IN + "?providerFailed");
        };
    }

    private static Optional<UserDetails> account(AccountStore accounts, Authentication provider) throws IOException {
        if (!(provider.getPrincipal() instanceof OidcUser person)) {
            return Optional.empty();
        }
        String username = person.getPreferredUsername() != null ? person.getPreferredUsername() : person.getSubject();
        try {
            UserDetails user = accounts.loadUserByUsername(username);
            if (!user.isEnabled()) {
                log.info("Identity provider sign-in refused: the account is disabled");
                return Optional.empty();
            }
            return Optional.of(user);
        } catch (UsernameNotFoundException unknown) {
            log.info("Identity provider sign-in refused: no account has the provider's username");
            return Optional.empty();
        }
    }
}
