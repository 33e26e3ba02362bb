package se.integrationjourney.api.security;

import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import se.integrationjourney.api.web.Problems;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

/**
 * Who may call what. Stateless: every request carries HTTP Basic credentials of an account of ours, or, when
 * {@code JOURNEY_OIDC_ISSUER_URI} is set, a bearer token (JWT) from that issuer. Roles are checked here per
 * endpoint; a caseworker's municipality is checked per journey by {@link JourneyAccess}. A Basic password that bcrypt
 * accepted is remembered for a few minutes ({@link AccountAuthenticationProvider}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@EnableMethodSecurity
public class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);
    private static final String CASEWORKER = Role.CASEWORKER.name();
    private static final String ANALYST = Role.ANALYST.name();
    private static final String AUDITOR = Role.AUDITOR.name();
    private static final String ADMIN = Role.ADMIN.name();

    @Bean
    SecurityFilterChain api(HttpSecurity http, ObjectProvider<JwtDecoder> jwtDecoder) throws Exception {
        http.csrf(csrf -> csrf.disable()) // no cookies or sessions: nothing a forged cross-site request could ride on
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html",
                                "/swagger-ui/**").permitAll()
                        .requestMatchers("/actuator/**").hasRole(ADMIN)
                        .requestMatchers("/api/admin/**").hasRole(ADMIN)
                        .requestMatchers("/api/outcomes/**").hasAnyRole(ANALYST, ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/journeys/*/timeline").hasAnyRole(CASEWORKER, AUDITOR, ADMIN)
                        .requestMatchers("/api/journeys", "/api/journeys/**").hasAnyRole(CASEWORKER, ADMIN)
                        .requestMatchers("/api/caseload").hasAnyRole(CASEWORKER, ADMIN)
                        .requestMatchers("/error").permitAll()
                        .anyRequest().denyAll())
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, failure) ->
                        writeProblem(response, Problems.UNAUTHORIZED, "Sign in with valid credentials")))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint((request, response, failure) ->
                                writeProblem(response, Problems.UNAUTHORIZED, "Sign in with valid credentials"))
                        .accessDeniedHandler((request, response, denied) ->
                                writeProblem(response, Problems.FORBIDDEN, "Your role may not do this")));
        if (jwtDecoder.getIfAvailable() != null) {
            http.oauth2ResourceServer(oauth -> oauth
                    .jwt(jwt -> jwt.jwtAuthenticationConverter(new JwtUsers()))
                    .authenticationEntryPoint((request, response, failure) ->
                            writeProblem(response, Problems.UNAUTHORIZED, "Sign in with a valid token")));
        }
        return http.build();
    }

    /**
     * The one way to sign in with a password: HTTP Basic against {@link AccountStore}, bcrypt checks remembered for
     * {@code journey.security.verified-credentials-ttl} (docs/adr/0005-verified-credentials-cache.md).
     */
    @Bean
    AccountAuthenticationProvider accountAuthenticationProvider(AccountStore accounts, PasswordEncoder passwords,
                                                                VerifiedCredentials verifiedCredentials) {
        return new AccountAuthenticationProvider(accounts, passwords, verifiedCredentials);
    }

    @Bean
    VerifiedCredentials verifiedCredentials(
            @Value("${journey.security.verified-credentials-ttl:5m}") Duration ttl,
            @Value("${journey.security.verified-credentials-max-entries:10000}") int maxEntries, Clock clock) {
        VerifiedCredentials verified = new VerifiedCredentials(ttl, maxEntries, clock);
        if (verified.enabled()) {
            log.info("Verified HTTP Basic credentials are remembered for {} (at most {} at a time)", ttl, maxEntries);
        } else {
            log.info("Verified HTTP Basic credentials are not remembered: every request runs the password check");
        }
        return verified;
    }

    /** Bearer tokens only when an issuer is configured; its keys are fetched from it when first needed. */
    @Bean
    @org.springframework.boot.autoconfigure.condition.ConditionalOnExpression("!'${journey.security.oidc-issuer-uri:}'.isBlank()")
    JwtDecoder jwtDecoder(@Value("${journey.security.oidc-issuer-uri}") String issuer) {
        return NimbusJwtDecoder.withIssuerLocation(issuer).build();
    }

    private static void writeProblem(HttpServletResponse response, Problems kind, String detail) throws IOException {
        response.setStatus(kind.status().value());
        response.setCharacterEncoding("UTF-8");
        response.setContentType("application/problem+json");
        if (kind == Problems.UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"integration-journey\"");
        }
        String type = "urn:integration-journey:problem:" + kind.name().toLowerCase().replace('_', '-');
        // The same title as the controllers' problems of this type (Problems): one type, one title (RFC 9457).
        String title = kind.with(detail).getTitle();
        response.getWriter().write("{\"type\":\"" + type + "\",\"title\":\"" + title
                + "\",\"status\":" + kind.status().value() + ",\"detail\":\"" + detail + "\"}");
    }
}
