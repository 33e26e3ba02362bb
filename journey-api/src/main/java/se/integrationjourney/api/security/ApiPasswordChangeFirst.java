package se.integrationjourney.api.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import se.integrationjourney.api.web.ProblemResponses;
import se.integrationjourney.api.web.Problems;

/**
 * An account whose password an administrator reset may make one API request: choosing a new password. Everything
 * else is 403 until then, as the web application sends such an account to its password page.
 */
final class ApiPasswordChangeFirst extends OncePerRequestFilter {

    static final String CHANGE_PASSWORD = "/api/account/password";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        boolean changeRequired = signedIn != null
                && signedIn.getAuthorities().stream()
                        .anyMatch(granted -> AccountStore.PASSWORD_CHANGE_REQUIRED.equals(granted.getAuthority()));
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (changeRequired && !(path.equals(CHANGE_PASSWORD) && "POST".equals(request.getMethod()))) {
            ProblemResponses.write(
                    response,
                    Problems.FORBIDDEN,
                    "An administrator reset your password: choose a new one first (POST " + CHANGE_PASSWORD + ")");
            return;
        }
        chain.doFilter(request, response);
    }
}
