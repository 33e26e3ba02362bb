package se.integrationjourney.api.security;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SignInThrottleTest {

    private static final Duration WINDOW = Duration.ofMinutes(15);
    private static final Duration LOCKOUT = Duration.ofMinutes(1);
    private final CountedPasswordsAndAdjustableClock.AdjustableClock clock =
            new CountedPasswordsAndAdjustableClock.AdjustableClock(Clock.fixed(Instant.parse("2026-01-05T08:00:00Z"),
                    ZoneOffset.UTC));
    private final SignInThrottle throttle = new SignInThrottle(5, 20, WINDOW, LOCKOUT, Duration.ofMinutes(30), clock);

    @Test
    void givenFourFailures_whenSigningIn_thenNotLocked() {
        fail("anna", "10.0.0.1", 4);

        assertThat(throttle.waitFor("anna", "10.0.0.1")).isZero();
    }

    @Test
    void givenFiveFailuresForAnAccount_whenSigningInFromAnywhere_thenLockedForAMinuteAndThenFree() {
        fail("anna", "10.0.0.1", 5);

        assertThat(throttle.waitFor("anna", "10.0.0.2")).isEqualTo(LOCKOUT);
        assertThat(throttle.waitFor("ANNA", "10.0.0.2")).as("whatever the case").isEqualTo(LOCKOUT);
        assertThat(throttle.waitFor("bertil", "10.0.0.1")).as("another account from that address").isZero();
        clock.advance(LOCKOUT);
        assertThat(throttle.waitFor("anna", "10.0.0.1")).isZero();
    }

    @Test
    void givenRepeatedLockouts_whenLockedAgain_thenEachLockIsTwiceAsLongUpToTheLongest() {
        for (Duration expected : List.of(LOCKOUT, LOCKOUT.multipliedBy(2), LOCKOUT.multipliedBy(4))) {
            fail("anna", "10.0.0.1", 5);
            assertThat(throttle.waitFor("anna", "10.0.0.1")).isEqualTo(expected);
            clock.advance(expected);
        }
        for (int i = 0; i < 10; i++) {
            fail("anna", "10.0.0.1", 5);
            clock.advance(throttle.waitFor("anna", "10.0.0.1"));
        }
        fail("anna", "10.0.0.1", 5);
        assertThat(throttle.waitFor("anna", "10.0.0.1")).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void givenFailuresSpreadOverMoreThanTheWindow_whenCounted_thenTheyDoNotAddUp() {
        fail("anna", "10.0.0.1", 4);
        clock.advance(WINDOW);
        fail("anna", "10.0.0.1", 4);

        assertThat(throttle.waitFor("anna", "10.0.0.1")).isZero();
    }

    @Test
    void givenASuccessfulSignIn_whenCounting_thenTheAccountsFailuresAreForgotten() {
        fail("anna", "10.0.0.1", 4);
        throttle.succeeded("Anna");
        fail("anna", "10.0.0.1", 4);

        assertThat(throttle.waitFor("anna", "10.0.0.1")).isZero();
    }

    @Test
    void givenTwentyFailuresFromOneAddress_whenAnyAccountSignsInFromIt_thenLockedButNotFromElsewhere() {
        for (int i = 0; i < 20; i++) {
            throttle.failed("guess" + i, "10.0.0.9");
        }

        assertThat(throttle.waitFor("anna", "10.0.0.9")).isEqualTo(LOCKOUT);
        assertThat(throttle.waitFor("anna", "10.0.0.1")).isZero();
        assertThat(throttle.locks()).extracting(SignInThrottle.Lock::kind, SignInThrottle.Lock::key)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ADDRESS", "10.0.0.9"));
    }

    @Test
    void givenALock_whenAnAdministratorLiftsIt_thenSignInsMayGoAhead() {
        fail("anna", "10.0.0.1", 5);

        assertThat(throttle.liftAccount("ANNA")).isTrue();
        assertThat(throttle.waitFor("anna", "10.0.0.1")).isZero();
        assertThat(throttle.liftAccount("anna")).isFalse();
    }

    @Test
    void givenForwardedForHeaders_whenTheProxyIsTrusted_thenTheClientIsTheLastUntrustedHopElseThePeer() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr("10.1.1.1");
        request.addHeader("X-Forwarded-For", "203.0.113.7, 198.51.100.2, 10.1.1.2");

        assertThat(new ClientAddress(List.of()).of(request)).as("no trusted proxy: the header is anyone's")
                .isEqualTo("10.1.1.1");
        assertThat(new ClientAddress(List.of("10.1.1.1", "10.1.1.2")).of(request)).isEqualTo("198.51.100.2");
        assertThat(new ClientAddress(List.of("10.9.9.9")).of(request)).isEqualTo("10.1.1.1");
    }

    private void fail(String username, String address, int times) {
        for (int i = 0; i < times; i++) {
            throttle.failed(username, address);
        }
    }
}
