package se.integrationjourney.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.TestPropertySource;
import se.integrationjourney.api.security.CountedPasswordsAndAdjustableClock.CountingPasswordEncoder;
import se.integrationjourney.api.testsupport.ApiClient;
import se.integrationjourney.api.testsupport.ApiTestAccounts;
import se.integrationjourney.api.web.ApiTestBase;

/** {@code journey.security.verified-credentials-ttl=0}: nothing is remembered, every request runs bcrypt. */
@Import(CountedPasswordsAndAdjustableClock.class)
@TestPropertySource(properties = "journey.security.verified-credentials-ttl=0")
class VerifiedCredentialsOffApiTest extends ApiTestBase {

    private static final String PASSWORD = "checked on every request";

    @Autowired
    private PasswordEncoder passwordEncoder;

    @Autowired
    private AccountStore accountStore;

    @Autowired
    private VerifiedCredentials verified;

    @Test
    void givenTtlZero_whenTheSameCredentialsAreSentThreeTimes_thenBcryptRunsThreeTimes() {
        accountStore.create(
                "cw-unremembered",
                passwordEncoder.encode(PASSWORD),
                EnumSet.of(Role.CASEWORKER),
                ApiTestAccounts.TOREBODA);
        ApiClient caseworker = ApiClient.as(port, "cw-unremembered", PASSWORD);
        int before = ((CountingPasswordEncoder) passwordEncoder).checks();

        for (int i = 0; i < 3; i++) {
            assertThat(caseworker.get("/api/caseload").status()).isEqualTo(200);
        }

        assertThat(((CountingPasswordEncoder) passwordEncoder).checks() - before)
                .isEqualTo(3);
        assertThat(verified.enabled()).isFalse();
        assertThat(verified.size()).isZero();
    }
}
