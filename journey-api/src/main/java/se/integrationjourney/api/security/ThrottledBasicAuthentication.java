package se.integrationjourney.api.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationConverter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import se.integrationjourney.api.web.ProblemResponses;
import se.integrationjourney.api.web.Problems;

/**
 * HTTP Basic sign-in, throttled ({@link SignInThrottle}): a sign-in for a locked account or from a locked address is
 * answered 429 with {@code Retry-After} before its password is checked; every other one counts as under way until
 * its outcome is known, and every wrong password or unknown username counts as a failure. Spring Security's Basic
 * filter otherwise, either answering a failure with the entry point (the API) or, without one, going on as an
 * anonymous caller (the health endpoint).
 */
final class ThrottledBasicAuthentication extends BasicAuthenticationFilter {

    /** The request attribute saying that the sign-in's outcome was given to the throttle. */
    private static final String TOLD = ThrottledBasicAuthentication.class.getName() + ".told";

    private final SignInThrottle throttle;
    private final ClientAddress clientAddress;
    private final BasicAuthenticationConverter credentials = new BasicAuthenticationConverter();

    /** Failures answered by {@code entryPoint}. */
    ThrottledBasicAuthentication(
            AuthenticationManager manager,
            AuthenticationEntryPoint entryPoint,
            SignInThrottle throttle,
            ClientAddress clientAddress) {
        super(manager, entryPoint);
        this.throttle = throttle;
        this.clientAddress = clientAddress;
    }

    /** Failures ignored: the request goes on unauthenticated. */
    ThrottledBasicAuthentication(AuthenticationManager manager, SignInThrottle throttle, ClientAddress clientAddress) {
        super(manager);
        this.throttle = throttle;
        this.clientAddress = clientAddress;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        UsernamePasswordAuthenticationToken attempt;
        try {
            attempt = credentials.convert(request);
        } catch (AuthenticationException unreadable) {
            attempt = null; // Spring's filter answers an unreadable header as it always does
        }
        if (attempt == null) {
            super.doFilterInternal(request, response, chain);
            return;
        }
        String username = attempt.getName();
        String address = clientAddress.of(request);
        Duration wait = throttle.acquire(username, address);
        if (!wait.isZero()) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, wait.toSeconds() + 1)));
            ProblemResponses.write(
                    response,
                    Problems.TOO_MANY_SIGN_IN_ATTEMPTS,
                    "Too many failed sign-ins"
                            + " for this account or from this address; try again after the time in Retry-After");
            return;
        }
        try {
            super.doFilterInternal(request, response, chain);
        } finally {
            if (request.getAttribute(TOLD) == null) {
                throttle.notJudged(username, address); // the password was never checked
            }
        }
    }

    @Override
    protected void onSuccessfulAuthentication(
            HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        UsernamePasswordAuthenticationToken attempt = credentials.convert(request);
        if (attempt != null) {
            request.setAttribute(TOLD, Boolean.TRUE);
            throttle.succeeded(attempt.getName(), clientAddress.of(request));
        }
    }

    @Override
    protected void onUnsuccessfulAuthentication(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException failed) {
        UsernamePasswordAuthenticationToken attempt = credentials.convert(request);
        if (attempt == null) {
            return;
        }
        request.setAttribute(TOLD, Boolean.TRUE);
        // Only a refused password or username counts; a sign-in that failed for lack of a database does not.
        if (failed instanceof BadCredentialsException || failed instanceof UsernameNotFoundException) {
            throttle.failed(attempt.getName(), clientAddress.of(request));
        } else {
            throttle.notJudged(attempt.getName(), clientAddress.of(request));
        }
    }
}
