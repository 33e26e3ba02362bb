package se.integrationjourney.api.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Sign-in throttling's state and the client address it counts by; outside {@link SecurityConfiguration}, which only
 * a web application has, because the admin API that lists and lifts locks exists in every one.
 */
@Configuration(proxyBeanMethods = false)
class SignInThrottling {

    /**
     * Sign-in throttling (docs/operations.md): failures per account and per client address within a window lock
     * further sign-ins for a while, longer on repeat.
     */
    @Bean
    SignInThrottle signInThrottle(
            @Value("${journey.security.sign-in.max-failures-per-account:5}") int perAccount,
            @Value("${journey.security.sign-in.max-failures-per-address:20}") int perAddress,
            @Value("${journey.security.sign-in.window:15m}") Duration window,
            @Value("${journey.security.sign-in.lockout:1m}") Duration lockout,
            @Value("${journey.security.sign-in.max-lockout:30m}") Duration maxLockout, Clock clock) {
        return new SignInThrottle(perAccount, perAddress, window, lockout, maxLockout, clock);
    }

    @Bean
    ClientAddress clientAddress(@Value("${journey.security.trusted-proxies:}") List<String> trustedProxies) {
        return new ClientAddress(trustedProxies);
    }
}
