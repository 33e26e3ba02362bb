package se.integrationjourney.api.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps each web session true to its account, at every request and on every node: a session signed in under an
 * older session generation (the account was disabled, its password or roles changed since) is ended, and an account
 * whose password an administrator reset is sent to choose a new one before anything else. One indexed read per page
 * request; a change therefore takes effect at the session's next request.
 */
public final class AccountSessions extends OncePerRequestFilter {

    /** The session attribute holding the generation the session was signed in (or last confirmed) under. */
    static final String GENERATION = AccountSessions.class.getName() + ".generation";

    static final String CHANGE_PASSWORD_PAGE = "/account/password";

    private final AccountStore accounts;

    AccountSessions(AccountStore accounts) {
        this.accounts = accounts;
    }

    /** Marks a session as signed in under the account's current generation (at sign-in, or after its owner's change). */
    public static void confirm(HttpServletRequest request, AccountStore accounts, String username) {
        accounts.sessionState(username)
                .ifPresent(state -> request.getSession().setAttribute(GENERATION, state.generation()));
    }

    /**
     * Tells the browser to drop the session cookie of a session that was just ended on purpose, so that its next
     * request is not taken for one whose session expired.
     */
    static void forgetCookie(HttpServletRequest request, HttpServletResponse response) {
        Cookie gone =
                new Cookie(request.getServletContext().getSessionCookieConfig().getName(), "");
        gone.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
        gone.setMaxAge(0);
        gone.setHttpOnly(true);
        response.addCookie(gone);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        if (session == null || signedIn == null || !(session.getAttribute(GENERATION) instanceof Integer generation)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<AccountStore.SessionState> state = accounts.sessionState(signedIn.getName());
        if (state.isEmpty() || state.get().generation() != generation) {
            session.invalidate();
            SecurityContextHolder.clearContext();
            forgetCookie(request, response);
            PageRedirects.to(request, response, "/signin?ended");
            return;
        }
        if (state.get().passwordChangeRequired() && !mayWhileChangeRequired(request)) {
            PageRedirects.to(request, response, CHANGE_PASSWORD_PAGE);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean mayWhileChangeRequired(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals(CHANGE_PASSWORD_PAGE) || path.equals("/signout") || path.equals("/language");
    }
}
