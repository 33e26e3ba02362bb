package se.integrationjourney.api.security;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * On first start, with no account at all, creates {@code admin} with the password from
 * {@code JOURNEY_ADMIN_PASSWORD}, or a random one printed once to the log (docs/api.md).
 */
@Component
@EnableConfigurationProperties(AdminAccountSettings.class)
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);
    static final String ADMIN = "admin";

    private final AccountStore accounts;
    private final PasswordEncoder passwords;
    private final String configuredPassword;

    AdminBootstrap(AccountStore accounts, PasswordEncoder passwords, AdminAccountSettings settings) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.configuredPassword = settings.adminPassword();
    }

    @Override
    public void run(ApplicationArguments arguments) {
        if (!accounts.isEmpty()) {
            return;
        }
        boolean generated = configuredPassword == null || configuredPassword.isBlank();
        String password = generated ? randomPassword() : configuredPassword;
        if (accounts.create(ADMIN, passwords.encode(password), EnumSet.of(Role.ADMIN), null)) {
            if (generated) {
                log.warn(
                        "Created account '{}' with the generated password {} (shown only this once; set"
                                + " JOURNEY_ADMIN_PASSWORD to choose it)",
                        ADMIN,
                        password);
            } else {
                log.info("Created account '{}' with the password from JOURNEY_ADMIN_PASSWORD", ADMIN);
            }
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
