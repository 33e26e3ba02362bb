package se.integrationjourney.api.security;

import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Sign-in throttling's state and the client address it counts by; outside {@link SecurityConfiguration}, which only
 * a web application has, because the admin API that lists and lifts locks exists in every one.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecuritySettings.class)
class SignInThrottling {

    /**
     * Sign-in throttling (docs/operations.md): failures per account and per client address within a window lock
     * further sign-ins for a while, longer on repeat.
     */
    @Bean
    SignInThrottle signInThrottle(SecuritySettings settings, Clock clock) {
        SecuritySettings.SignIn signIn = settings.signIn();
        return new SignInThrottle(
                signIn.maxFailuresPerAccount(),
                signIn.maxFailuresPerAddress(),
                signIn.window(),
                signIn.lockout(),
                signIn.maxLockout(),
                clock);
    }

    @Bean
    ClientAddress clientAddress(SecuritySettings settings) {
        return new ClientAddress(settings.trustedProxies());
    }
}
