package se.integrationjourney.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import se.integrationjourney.api.security.CountedPasswordsAndAdjustableClock.AdjustableClock;
import se.integrationjourney.api.security.VerifiedCredentials.Fingerprint;

/** The cache itself, without Spring: its fingerprints, its expiry by the clock and its bound. */
class VerifiedCredentialsTest {

    private static final Duration TTL = Duration.ofMinutes(5);
    private static final String HASH = "{bcrypt}$2a$10$abcdefghijklmnopqrstuv0123456789ABCDEFGHIJKLMNOPQRSTU";

    private final AdjustableClock clock = frozenClock();

    @Test
    void givenTheSameAttempt_thenTheSameFingerprint_andAnyDifferentPartGivesAnother() {
        VerifiedCredentials verified = new VerifiedCredentials(TTL, 10, clock);
        Fingerprint attempt = verified.fingerprint("karin", "secret", HASH);

        assertThat(verified.fingerprint("karin", "secret", HASH))
                .isEqualTo(attempt)
                .hasSameHashCodeAs(attempt);
        assertThat(verified.fingerprint("karin", "secreT", HASH)).isNotEqualTo(attempt);
        assertThat(verified.fingerprint("karin2", "secret", HASH)).isNotEqualTo(attempt);
        assertThat(verified.fingerprint("karin", "secret", HASH + "x")).isNotEqualTo(attempt);
        // Fields are length-prefixed: moving characters from one to the next changes the fingerprint.
        assertThat(verified.fingerprint("karins", "ecret", HASH)).isNotEqualTo(attempt);
    }

    @Test
    void givenTwoInstances_thenTheirKeysDiffer_soAFingerprintMeansNothingOutsideItsProcess() {
        Fingerprint here = new VerifiedCredentials(TTL, 10, clock).fingerprint("karin", "secret", HASH);
        Fingerprint there = new VerifiedCredentials(TTL, 10, clock).fingerprint("karin", "secret", HASH);

        assertThat(here).isNotEqualTo(there);
        assertThat(here.toString())
                .doesNotContain("karin")
                .doesNotContain("secret")
                .isEqualTo("Fingerprint[…]");
    }

    @Test
    void givenARememberedFingerprint_thenItIsVerifiedUntilTheTtlHasPassed_notAfter() {
        VerifiedCredentials verified = new VerifiedCredentials(TTL, 10, clock);
        Fingerprint attempt = verified.fingerprint("karin", "secret", HASH);
        assertThat(verified.isVerified(attempt)).isFalse();

        verified.remember(attempt);
        assertThat(verified.isVerified(attempt)).isTrue();
        clock.advance(TTL.minusNanos(1));
        assertThat(verified.isVerified(attempt)).isTrue();
        clock.advance(Duration.ofNanos(1));

        assertThat(verified.isVerified(attempt)).isFalse();
        assertThat(verified.size()).as("an expired entry found is removed").isZero();
    }

    @Test
    void givenMoreThanTheBound_thenTheOldestAreEvicted() {
        VerifiedCredentials verified = new VerifiedCredentials(TTL, 3, clock);
        Fingerprint[] attempts = new Fingerprint[5];
        for (int i = 0; i < attempts.length; i++) {
            attempts[i] = verified.fingerprint("user" + i, "secret", HASH);
            verified.remember(attempts[i]);
            clock.advance(Duration.ofSeconds(1));
            assertThat(verified.size()).isLessThanOrEqualTo(3);
        }

        assertThat(verified.size()).isEqualTo(3);
        assertThat(verified.isVerified(attempts[0])).isFalse();
        assertThat(verified.isVerified(attempts[1])).isFalse();
        assertThat(verified.isVerified(attempts[2])).isTrue();
        assertThat(verified.isVerified(attempts[3])).isTrue();
        assertThat(verified.isVerified(attempts[4])).isTrue();
    }

    @Test
    void givenExpiredEntries_whenANewOneIsRemembered_thenTheExpiredOnesAreDropped() {
        VerifiedCredentials verified = new VerifiedCredentials(TTL, 100, clock);
        for (int i = 0; i < 10; i++) {
            verified.remember(verified.fingerprint("user" + i, "secret", HASH));
        }
        clock.advance(TTL);

        verified.remember(verified.fingerprint("newcomer", "secret", HASH));

        assertThat(verified.size()).isEqualTo(1);
    }

    @Test
    void givenARememberedFingerprintRememberedAgain_thenItsTtlStartsAgainAndItCountsOnce() {
        VerifiedCredentials verified = new VerifiedCredentials(TTL, 10, clock);
        Fingerprint attempt = verified.fingerprint("karin", "secret", HASH);
        verified.remember(attempt);
        clock.advance(TTL.minusSeconds(1));

        verified.remember(attempt);
        clock.advance(Duration.ofSeconds(2));

        assertThat(verified.isVerified(attempt)).isTrue();
        assertThat(verified.size()).isEqualTo(1);
    }

    @Test
    void givenTtlZero_thenNothingIsRemembered() {
        VerifiedCredentials off = new VerifiedCredentials(Duration.ZERO, 0, clock);
        Fingerprint attempt = off.fingerprint("karin", "secret", HASH);

        off.remember(attempt);

        assertThat(off.enabled()).isFalse();
        assertThat(off.isVerified(attempt)).isFalse();
        assertThat(off.size()).isZero();
    }

    @Test
    void givenANegativeTtlOrNoRoom_thenItRefusesToStart() {
        assertThatThrownBy(() -> new VerifiedCredentials(Duration.ofSeconds(-1), 10, clock))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("verified-credentials-ttl");
        assertThatThrownBy(() -> new VerifiedCredentials(TTL, 0, clock))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("verified-credentials-max-entries");
    }

    private static AdjustableClock frozenClock() {
        AdjustableClock clock = new AdjustableClock(Clock.systemUTC());
        clock.freeze();
        return clock;
    }
}
