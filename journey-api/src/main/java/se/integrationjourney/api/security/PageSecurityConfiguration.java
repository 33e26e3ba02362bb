package se.integrationjourney.api.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.web.servlet.i18n.SessionLocaleResolver;
import se.integrationjourney.api.operations.DatabaseOutage;
import se.integrationjourney.eventstore.DatabaseFailures;

/**
 * Who may see which page of the web application. Unlike the API (stateless, Basic or bearer), pages sign in once
 * with a form and keep a session: CSRF tokens on every form, the session ended by sign-out, by 30 minutes idle
 * ({@code server.servlet.session.timeout}), or by a change to the account ({@link AccountSessions}). Sign-in is
 * throttled as the API's is, with the same accounts and roles.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class PageSecurityConfiguration {

    static final String SIGN_IN = "/signin";

    private static final String CASEWORKER = Role.CASEWORKER.name();
    private static final String ANALYST = Role.ANALYST.name();
    private static final String AUDITOR = Role.AUDITOR.name();
    private static final String ADMIN = Role.ADMIN.name();

    /** Last of the chains: everything that is not the API, its description, or the health endpoint. */
    @Bean
    @Order(3)
    SecurityFilterChain pages(
            HttpSecurity http,
            AccountAuthenticationProvider passwords,
            SignInThrottle throttle,
            ClientAddress clientAddress,
            AccountStore accounts,
            DatabaseOutage outage,
            SecuritySettings settings)
            throws Exception {
        if (settings.oidcSignIn()) {
            http.oauth2Login(provider -> provider.loginPage(SIGN_IN)
                    .clientRegistrationRepository(IdentityProviderSignIn.registrations(settings))
                    .successHandler(IdentityProviderSignIn.toAccount(accounts, signedIn(accounts)))
                    .failureHandler(IdentityProviderSignIn.failed()));
        }
        List<AuthenticationProvider> signIns = new ArrayList<>(List.of(new ThrottledFormSignIn(passwords, throttle)));
        if (settings.oidcSignIn()) {
            signIns.add(IdentityProviderSignIn.codeExchange());
        }
        http.authenticationManager(new ProviderManager(signIns))
                .formLogin(form -> form.loginPage(SIGN_IN)
                        .loginProcessingUrl(SIGN_IN)
                        .authenticationDetailsSource(ThrottledFormSignIn.details(clientAddress))
                        .successHandler(signedIn(accounts))
                        .failureHandler(signInRefused(outage))
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/signout")
                        .logoutSuccessUrl(SIGN_IN + "?signedOut")
                        .addLogoutHandler(
                                (request, response, authentication) -> AccountSessions.forgetCookie(request, response)))
                .sessionManagement(session -> session.invalidSessionUrl(SIGN_IN + "?expired"))
                .headers(SecurityConfiguration::pageHeaders)
                .exceptionHandling(handling -> handling.authenticationEntryPoint(
                                (request, response, failure) -> PageRedirects.to(request, response, SIGN_IN))
                        .accessDeniedPage("/forbidden"))
                .addFilterBefore(new AccountSessions(accounts), AuthorizationFilter.class)
                .authorizeHttpRequests(requests -> requests.requestMatchers(
                                SIGN_IN,
                                "/language",
                                "/error",
                                "/forbidden",
                                "/assets/**",
                                "/webjars/**",
                                "/favicon.ico")
                        .permitAll()
                        .requestMatchers("/caseload", "/caseload/**", "/journeys", "/journeys/**")
                        .hasAnyRole(CASEWORKER, ADMIN)
                        .requestMatchers("/outcomes", "/outcomes/**")
                        .hasAnyRole(ANALYST, ADMIN)
                        .requestMatchers("/audit", "/audit/**")
                        .hasAnyRole(AUDITOR, ADMIN)
                        .requestMatchers("/admin", "/admin/**")
                        .hasRole(ADMIN)
                        .anyRequest()
                        .authenticated());
        return http.build();
    }

    /**
     * After a sign-in: the session remembers the account's session generation and takes the account's language,
     * then goes where the person was headed, or to their start page.
     */
    private static AuthenticationSuccessHandler signedIn(AccountStore accounts) {
        org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler next =
                new org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler();
        next.setDefaultTargetUrl("/");
        return (HttpServletRequest request, HttpServletResponse response, Authentication authentication) -> {
            AccountSessions.confirm(request, accounts, authentication.getName());
            accounts.account(authentication.getName())
                    .map(Account::language)
                    .ifPresent(language -> request.getSession()
                            .setAttribute(
                                    SessionLocaleResolver.LOCALE_SESSION_ATTRIBUTE_NAME,
                                    Locale.forLanguageTag(language)));
            next.onAuthenticationSuccess(request, response, authentication);
        };
    }

    /** A refused sign-in back to the form, saying why without saying whether the username exists. */
    private static AuthenticationFailureHandler signInRefused(DatabaseOutage outage) {
        return (HttpServletRequest request, HttpServletResponse response, AuthenticationException failure) -> {
            if (failure instanceof ThrottledFormSignIn.Locked locked) {
                redirect(
                        request,
                        response,
                        "?locked=" + Math.max(1, locked.waitFor().toSeconds() + 1));
            } else if (failure instanceof InternalAuthenticationServiceException
                    && DatabaseFailures.isConnectionFailure(failure)) {
                outage.noticed(failure);
                redirect(request, response, "?unavailable");
            } else {
                redirect(request, response, "?error");
            }
        };
    }

    private static void redirect(HttpServletRequest request, HttpServletResponse response, String query)
            throws IOException {
        response.sendRedirect(request.getContextPath() + SIGN_IN + query);
    }
}
