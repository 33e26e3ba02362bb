package se.integrationjourney.api.security;

import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import se.integrationjourney.api.operations.DatabaseOutage;
import se.integrationjourney.api.web.ProblemResponses;
import se.integrationjourney.api.web.Problems;
import se.integrationjourney.eventstore.DatabaseFailures;

/**
 * Who may call what. Stateless: every request carries HTTP Basic credentials of an account of ours, or, when
 * {@code JOURNEY_OIDC_ISSUER_URI} is set, a bearer token (JWT) from that issuer. Roles are checked here per
 * endpoint; a caseworker's municipality is checked per journey by {@link JourneyAccess}. A Basic password that bcrypt
 * accepted is remembered for a few minutes ({@link AccountAuthenticationProvider}); failed sign-ins are throttled
 * ({@link SignInThrottle}); a sign-in that cannot be checked for lack of a database is a 503, never a 401.
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

    /**
     * The health endpoint: anyone may ask, and a caller whose Basic credentials are wrong is answered as an
     * anonymous one (UP or DOWN only); valid administrator credentials also see each component.
     */
    @Bean
    @Order(1)
    SecurityFilterChain health(
            HttpSecurity http,
            AccountAuthenticationProvider accounts,
            SignInThrottle throttle,
            ClientAddress clientAddress)
            throws Exception {
        http.securityMatcher("/actuator/health", "/actuator/health/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(SecurityConfiguration::pageHeaders)
                .addFilterAt(
                        new ThrottledBasicAuthentication(new ProviderManager(accounts), throttle, clientAddress),
                        BasicAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain api(
            HttpSecurity http,
            ObjectProvider<JwtDecoder> jwtDecoder,
            AccountAuthenticationProvider accounts,
            SignInThrottle throttle,
            ClientAddress clientAddress,
            DatabaseOutage outage)
            throws Exception {
        AuthenticationEntryPoint signIn = (request, response, failure) -> {
            if (failure instanceof InternalAuthenticationServiceException
                    && DatabaseFailures.isConnectionFailure(failure)) {
                // The account could not be read: the caller's credentials were not judged, so no 401.
                outage.noticed(failure);
                response.setHeader(HttpHeaders.RETRY_AFTER, Problems.RETRY_AFTER_SECONDS);
                ProblemResponses.write(
                        response,
                        Problems.DATABASE_UNAVAILABLE,
                        "The database cannot be reached"
                                + " right now, so your sign-in cannot be checked; nothing was recorded. Try again in a few"
                                + " seconds");
                return;
            }
            response.setHeader("WWW-Authenticate", "Basic realm=\"integration-journey\"");
            ProblemResponses.write(response, Problems.UNAUTHORIZED, "Sign in with valid credentials");
        };
        http.securityMatcher(
                        "/api/**",
                        "/actuator/**",
                        "/v3/api-docs",
                        "/v3/api-docs/**",
                        "/swagger-ui.html",
                        "/swagger-ui/**")
                .csrf(csrf ->
                        csrf.disable()) // no cookies or sessions: nothing a forged cross-site request could ride on
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(SecurityConfiguration::pageHeaders)
                .addFilterAt(
                        new ThrottledBasicAuthentication(
                                new ProviderManager(accounts), signIn, throttle, clientAddress),
                        BasicAuthenticationFilter.class)
                .addFilterBefore(new ApiPasswordChangeFirst(), AuthorizationFilter.class)
                .authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                        .permitAll()
                        .requestMatchers("/actuator/**")
                        .hasRole(ADMIN)
                        .requestMatchers("/api/admin/**")
                        .hasRole(ADMIN)
                        .requestMatchers(HttpMethod.POST, "/api/account/password")
                        .authenticated()
                        .requestMatchers("/api/outcomes/**")
                        .hasAnyRole(ANALYST, ADMIN)
                        .requestMatchers("/api/studies", "/api/studies/**")
                        .hasAnyRole(ANALYST, ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/audit/**")
                        .hasAnyRole(AUDITOR, ADMIN)
                        .requestMatchers(HttpMethod.POST, "/api/audit/verifications", "/api/audit/subject-access")
                        .hasAnyRole(AUDITOR, ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/journeys/*/timeline")
                        .hasAnyRole(CASEWORKER, AUDITOR, ADMIN)
                        .requestMatchers("/api/journeys", "/api/journeys/**")
                        .hasAnyRole(CASEWORKER, ADMIN)
                        .requestMatchers("/api/caseload")
                        .hasAnyRole(CASEWORKER, ADMIN)
                        .anyRequest()
                        .denyAll())
                .exceptionHandling(handling -> handling.authenticationEntryPoint(signIn)
                        .accessDeniedHandler((request, response, denied) ->
                                ProblemResponses.write(response, Problems.FORBIDDEN, "Your role may not do this")));
        if (jwtDecoder.getIfAvailable() != null) {
            http.oauth2ResourceServer(oauth -> oauth.jwt(jwt -> jwt.jwtAuthenticationConverter(new JwtUsers()))
                    .authenticationEntryPoint((request, response, failure) ->
                            ProblemResponses.write(response, Problems.UNAUTHORIZED, "Sign in with a valid token")));
        }
        return http.build();
    }

    /**
     * What browsers are told about every answer: nothing but this service's own resources on its pages (Swagger UI's
     * styles are inline), no framing, and no address of ours sent on to other sites.
     */
    static void pageHeaders(HeadersConfigurer<HttpSecurity> headers) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; img-src 'self' data:;"
                        + " style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'self'; form-action 'self';"
                        + " frame-ancestors 'none'"))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN));
    }

    /**
     * The one way to sign in with a password: HTTP Basic against {@link AccountStore}, bcrypt checks remembered for
     * {@code journey.security.verified-credentials-ttl} (docs/adr/0005-verified-credentials-cache.md).
     */
    @Bean
    AccountAuthenticationProvider accountAuthenticationProvider(
            AccountStore accounts, PasswordEncoder passwords, VerifiedCredentials verifiedCredentials) {
        return new AccountAuthenticationProvider(accounts, passwords, verifiedCredentials);
    }

    @Bean
    VerifiedCredentials verifiedCredentials(SecuritySettings settings, Clock clock) {
        Duration ttl = settings.verifiedCredentialsTtl();
        int maxEntries = settings.verifiedCredentialsMaxEntries();
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
    @org.springframework.boot.autoconfigure.condition.ConditionalOnExpression(
            "!'${journey.security.oidc-issuer-uri:}'.isBlank()")
    JwtDecoder jwtDecoder(SecuritySettings settings) {
        return NimbusJwtDecoder.withIssuerLocation(settings.oidcIssuerUri()).build();
    }
}
