package se.integrationjourney.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import se.integrationjourney.api.security.CountedPasswordsAndAdjustableClock.AdjustableClock;
import se.integrationjourney.api.security.CountedPasswordsAndAdjustableClock.CountingPasswordEncoder;

/**
 * The provider over accounts in memory, for what the account table cannot express yet: an account disabled or
 * locked after its password was remembered. Spring's status checks run on every request, remembered or not.
 */
class AccountAuthenticationProviderTest {

    private static final String PASSWORD = "a remembered password";

    private final CountingPasswordEncoder passwords = new CountingPasswordEncoder(new BCryptPasswordEncoder(4));
    private final String hash = passwords.encode(PASSWORD);
    private final Map<String, UserDetails> accounts = new ConcurrentHashMap<>();
    private final AccountAuthenticationProvider provider = new AccountAuthenticationProvider(
            username -> {
                UserDetails account = accounts.get(username);
                if (account == null) {
                    throw new UsernameNotFoundException("unknown account");
                }
                return account;
            },
            passwords,
            new VerifiedCredentials(Duration.ofMinutes(5), 100, frozenClock()));

    @Test
    void givenRememberedCredentials_whenTheAccountIsDisabled_thenItIsRefusedAtOnce() {
        accounts.put(
                "karin",
                User.withUsername("karin").password(hash).roles("CASEWORKER").build());
        assertThat(checksDuring(() -> signIn("karin", PASSWORD))).isEqualTo(1);
        assertThat(checksDuring(() -> signIn("karin", PASSWORD))).isZero();

        accounts.put(
                "karin",
                User.withUsername("karin")
                        .password(hash)
                        .roles("CASEWORKER")
                        .disabled(true)
                        .build());

        assertThatThrownBy(() -> signIn("karin", PASSWORD)).isInstanceOf(DisabledException.class);
    }

    @Test
    void givenADisabledOrLockedAccount_whenItsRightPasswordIsSent_thenItIsRefusedAndNotRemembered() {
        accounts.put(
                "erik",
                User.withUsername("erik")
                        .password(hash)
                        .roles("CASEWORKER")
                        .accountLocked(true)
                        .build());

        assertThatThrownBy(() -> signIn("erik", PASSWORD)).isInstanceOf(LockedException.class);
        accounts.put(
                "erik",
                User.withUsername("erik").password(hash).roles("CASEWORKER").build());

        assertThat(checksDuring(() -> signIn("erik", PASSWORD)))
                .as("checked again once unlocked")
                .isEqualTo(1);
    }

    @Test
    void givenRememberedCredentials_whenTheRolesChange_thenTheAuthenticationCarriesTheNewOnes() {
        accounts.put(
                "ana",
                User.withUsername("ana").password(hash).roles("CASEWORKER").build());
        signIn("ana", PASSWORD);

        accounts.put(
                "ana", User.withUsername("ana").password(hash).roles("ANALYST").build());

        int before = passwords.checks();
        Authentication signedIn = signIn("ana", PASSWORD);

        assertThat(passwords.checks() - before).as("still remembered").isZero();
        assertThat(signedIn.getAuthorities())
                .extracting(Object::toString)
                .contains("ROLE_ANALYST")
                .doesNotContain("ROLE_CASEWORKER");
    }

    @Test
    void givenAWrongPassword_thenItIsRefusedEveryTimeWithABcryptCheck() {
        accounts.put(
                "karin",
                User.withUsername("karin").password(hash).roles("CASEWORKER").build());
        signIn("karin", PASSWORD);

        for (int i = 0; i < 3; i++) {
            int before = passwords.checks();
            assertThatThrownBy(() -> signIn("karin", PASSWORD + "!")).isInstanceOf(BadCredentialsException.class);
            assertThat(passwords.checks() - before).isEqualTo(1);
        }
    }

    private Authentication signIn(String username, String password) {
        return provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username, password));
    }

    private int checksDuring(Runnable signIn) {
        int before = passwords.checks();
        signIn.run();
        return passwords.checks() - before;
    }

    private static Clock frozenClock() {
        AdjustableClock clock = new AdjustableClock(Clock.systemUTC());
        clock.freeze();
        return clock;
    }
}
