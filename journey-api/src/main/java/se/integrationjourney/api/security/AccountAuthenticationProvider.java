package se.integrationjourney.api.security;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * HTTP Basic sign-in against our accounts: Spring Security's {@link DaoAuthenticationProvider}, whose password check
 * is skipped when the same username, password and stored hash passed it less than a TTL ago
 * ({@link VerifiedCredentials}, docs/adr/0005-verified-credentials-cache.md).
 *
 * <p>Everything else is the DaoAuthenticationProvider's, on every request, cached or not: the account is read from
 * PostgreSQL (so its roles, municipality and existence are current), its status is checked, an unknown username
 * still costs a bcrypt check (no timing hint about which usernames exist) and a wrong password always runs bcrypt
 * and is never remembered.
 */
public final class AccountAuthenticationProvider extends DaoAuthenticationProvider {

    private final VerifiedCredentials verified;

    public AccountAuthenticationProvider(
            AccountStore accounts, PasswordEncoder passwords, VerifiedCredentials verified) {
        this(accounts::loadUserByUsername, passwords, verified);
    }

    /** Over any source of accounts (tests use one in memory, to set status flags our table does not have). */
    AccountAuthenticationProvider(
            UserDetailsService accounts, PasswordEncoder passwords, VerifiedCredentials verified) {
        super(accounts);
        setPasswordEncoder(passwords);
        this.verified = verified;
    }

    @Override
    protected void additionalAuthenticationChecks(UserDetails account, UsernamePasswordAuthenticationToken attempt)
            throws AuthenticationException {
        Object presented = attempt.getCredentials();
        if (!verified.enabled() || presented == null || account.getPassword() == null) {
            super.additionalAuthenticationChecks(account, attempt);
            return;
        }
        VerifiedCredentials.Fingerprint fingerprint =
                verified.fingerprint(account.getUsername(), presented.toString(), account.getPassword());
        if (verified.isVerified(fingerprint)) {
            return;
        }
        super.additionalAuthenticationChecks(account, attempt); // throws on a wrong password: nothing is remembered
        // Spring Security checks the password of a disabled or locked account too (so that its answer takes as
        // long); such an account is refused after this, and its sign-in is not one to remember.
        if (account.isEnabled()
                && account.isAccountNonLocked()
                && account.isAccountNonExpired()
                && account.isCredentialsNonExpired()) {
            verified.remember(fingerprint);
        }
    }
}
