package se.integrationjourney.api.security;

import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.time.Duration;
import org.springframework.security.authentication.AuthenticationDetailsSource;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * The web application's sign-in form, throttled as HTTP Basic is ({@link SignInThrottle}): a sign-in for a locked
 * account or from a locked address is refused before its password is checked; a wrong password or unknown username
 * counts as a failure; a sign-in that could not be judged (no database) counts as neither.
 */
final class ThrottledFormSignIn implements AuthenticationProvider {

    /**
     * The client address a form sign-in came from, as the throttle counts it. It stays in the signed-in session's
     * authentication, which is stored in PostgreSQL (Spring Session), hence serializable.
     */
    record Details(String address) implements Serializable {}

    /** Refused before the password was checked: the account or address is locked for {@code wait}. */
    static final class Locked extends AuthenticationException {
        private final transient Duration wait;

        Locked(Duration wait) {
            super("sign-in locked");
            this.wait = wait;
        }

        Duration waitFor() {
            return wait;
        }
    }

    private final AuthenticationProvider passwords;
    private final SignInThrottle throttle;

    ThrottledFormSignIn(AuthenticationProvider passwords, SignInThrottle throttle) {
        this.passwords = passwords;
        this.throttle = throttle;
    }

    static AuthenticationDetailsSource<HttpServletRequest, Details> details(ClientAddress clientAddress) {
        return request -> new Details(clientAddress.of(request));
    }

    @Override
    public Authentication authenticate(Authentication attempt) throws AuthenticationException {
        String username = attempt.getName();
        String address = attempt.getDetails() instanceof Details details ? details.address() : "unknown";
        Duration wait = throttle.acquire(username, address);
        if (!wait.isZero()) {
            throw new Locked(wait);
        }
        try {
            Authentication signedIn = passwords.authenticate(attempt);
            throttle.succeeded(username, address);
            return signedIn;
        } catch (BadCredentialsException | UsernameNotFoundException refused) {
            throttle.failed(username, address);
            throw refused;
        } catch (RuntimeException notJudged) {
            throttle.notJudged(username, address);
            throw notJudged;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
