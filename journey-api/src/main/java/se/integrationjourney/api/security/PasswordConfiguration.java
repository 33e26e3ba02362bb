package se.integrationjourney.api.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** How account passwords are hashed; needed with or without the web layer (accounts are created at start-up). */
@Configuration(proxyBeanMethods = false)
class PasswordConfiguration {

    /** Adaptive hashing: bcrypt now, with the algorithm recorded in each hash so it can change later. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
