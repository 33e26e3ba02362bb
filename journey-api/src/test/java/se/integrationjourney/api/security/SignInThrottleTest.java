package se.integrationjourney.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class SignInThrottleTest {

    private static final Duration WINDOW = Duration.ofMinutes(15);
    private static final Duration LOCKOUT = Duration.ofMinutes(1);
    private final CountedPasswordsAndAdjustableClock.AdjustableClock clock =
            new CountedPasswordsAndAdjustableClock.AdjustableClock(
                    Clock.fixed(Instant.parse("2026-01-05T08:00:00Z"), ZoneOffset.UTC));
    private final SignInThrottle throttle = new SignInThrottle(5, 20, WINDOW, LOCKOUT, Duration.ofMinutes(30), clock);

    @Test
    void givenFourFailures_whenSigningIn_thenNotLocked() {
        fail("anna", "10.0.0.1", 4);

        assertThat(throttle.acquire("anna", "10.0.0.1")).isZero();
    }

    @Test
    void givenFiveFailuresForAnAccount_whenSigningInFromAnywhere_thenLockedForAMinuteAndThenFree() {
        fail("anna", "10.0.0.1", 5);

        assertThat(throttle.acquire("anna", "10.0.0.2")).isEqualTo(LOCKOUT);
        assertThat(throttle.acquire("ANNA", "10.0.0.2")).as("whatever the case").isEqualTo(LOCKOUT);
        assertThat(throttle.acquire("bertil", "10.0.0.1"))
                .as("another account from that address")
                .isZero();
        clock.advance(LOCKOUT);
        assertThat(throttle.acquire("anna", "10.0.0.1")).isZero();
    }

    @Test
    void givenRepeatedLockouts_whenLockedAgain_thenEachLockIsTwiceAsLongUpToTheLongest() {
        for (Duration expected : List.of(LOCKOUT, LOCKOUT.multipliedBy(2), LOCKOUT.multipliedBy(4))) {
            fail("anna", "10.0.0.1", 5);
            assertThat(throttle.acquire("anna", "10.0.0.1")).isEqualTo(expected);
            clock.advance(expected);
        }
        for (int i = 0; i < 10; i++) {
            fail("anna", "10.0.0.1", 5);
            clock.advance(throttle.acquire("anna", "10.0.0.1"));
        }
        fail("anna", "10.0.0.1", 5);
        assertThat(throttle.acquire("anna", "10.0.0.1")).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void givenFailuresSpreadOverMoreThanTheWindow_whenCounted_thenTheyDoNotAddUp() {
        fail("anna", "10.0.0.1", 4);
        clock.advance(WINDOW);
        fail("anna", "10.0.0.1", 4);

        assertThat(throttle.acquire("anna", "10.0.0.1")).isZero();
    }

    @Test
    void givenTheOwnersSuccessfulSignInsBetweenGuesses_whenCounting_thenTheGuessesStillAddUp() {
        fail("anna", "10.0.0.1", 4);
        assertThat(throttle.acquire("Anna", "10.0.0.2")).isZero();
        throttle.succeeded("Anna", "10.0.0.2");
        fail("anna", "10.0.0.1", 1);

        assertThat(throttle.acquire("anna", "10.0.0.2")).isEqualTo(LOCKOUT);
    }

    @Test
    void givenParallelGuessesUnderWay_whenMoreArrive_thenOnlyAsManyAsTheLimitAreChecked() {
        for (int i = 0; i < 5; i++) {
            assertThat(throttle.acquire("anna", "10.0.0." + i)).as("guess " + i).isZero();
        }

        assertThat(throttle.acquire("anna", "10.0.0.9"))
                .as("a sixth while five are checked")
                .isPositive();
        for (int i = 0; i < 5; i++) {
            throttle.failed("anna", "10.0.0." + i);
        }
        assertThat(throttle.acquire("anna", "10.0.0.9")).isEqualTo(LOCKOUT);
    }

    @Test
    void givenASignInThatCouldNotBeChecked_whenCounting_thenItDoesNotCount() {
        for (int i = 0; i < 10; i++) {
            assertThat(throttle.acquire("anna", "10.0.0.1")).isZero();
            throttle.notJudged("anna", "10.0.0.1");
        }

        assertThat(throttle.acquire("anna", "10.0.0.1")).isZero();
    }

    @Test
    void givenTwentyFailuresFromOneAddress_whenAnyAccountSignsInFromIt_thenLockedButNotFromElsewhere() {
        for (int i = 0; i < 20; i++) {
            fail("guess" + i, "10.0.0.9", 1);
        }

        assertThat(throttle.acquire("anna", "10.0.0.9")).isEqualTo(LOCKOUT);
        assertThat(throttle.acquire("anna", "10.0.0.1")).isZero();
        assertThat(throttle.locks())
                .extracting(SignInThrottle.Lock::kind, SignInThrottle.Lock::key)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ADDRESS", "10.0.0.9"));
    }

    @Test
    void givenALock_whenAnAdministratorLiftsIt_thenSignInsMayGoAhead() {
        fail("anna", "10.0.0.1", 5);

        assertThat(throttle.liftAccount("ANNA")).isTrue();
        assertThat(throttle.liftAccount("anna")).as("nothing left to lift").isFalse();
        assertThat(throttle.acquire("anna", "10.0.0.1")).isZero();
    }

    @Test
    void givenForwardedForHeaders_whenTheProxyIsTrusted_thenTheClientIsTheLastUntrustedHopElseThePeer() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr("10.1.1.1");
        request.addHeader("X-Forwarded-For", "203.0.113.7, 198.51.100.2, 10.1.1.2");

        assertThat(new ClientAddress(List.of()).of(request))
                .as("no trusted proxy: the header is anyone's")
                .isEqualTo("10.1.1.1");
        assertThat(new ClientAddress(List.of("10.1.1.1", "10.1.1.2")).of(request))
                .isEqualTo("198.51.100.2");
        assertThat(new ClientAddress(List.of("10.9.9.9")).of(request)).isEqualTo("10.1.1.1");
    }

    @Test
    void givenAForgedLineBeforeTheProxysOwn_whenReadingTheClient_thenTheProxysLineCounts() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr("10.1.1.1");
        request.addHeader("X-Forwarded-For", "6.6.6.6");
        request.addHeader("X-Forwarded-For", "203.0.113.7");
        MockHttpServletRequest garbage = new MockHttpServletRequest();
        garbage.setRemoteAddr("10.1.1.1");
        garbage.addHeader("X-Forwarded-For", "203.0.113.7, not-an-address");

        assertThat(new ClientAddress(List.of("10.1.1.1")).of(request)).isEqualTo("203.0.113.7");
        assertThat(new ClientAddress(List.of("10.1.1.1")).of(garbage))
                .as("stops at what is no address")
                .isEqualTo("10.1.1.1");
    }

    /** Sign-ins with wrong passwords, each acquired and then failed. */
    private void fail(String username, String address, int times) {
        for (int i = 0; i < times; i++) {
            assertThat(throttle.acquire(username, address)).isZero();
            throttle.failed(username, address);
        }
    }
}
