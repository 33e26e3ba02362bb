package se.integrationjourney.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.TestPropertySource;
import se.integrationjourney.api.security.CountedPasswordsAndAdjustableClock.AdjustableClock;
import se.integrationjourney.api.security.CountedPasswordsAndAdjustableClock.CountingPasswordEncoder;
import se.integrationjourney.api.testsupport.ApiClient;
import se.integrationjourney.api.testsupport.ApiTestAccounts;
import se.integrationjourney.api.web.ApiTestBase;

/**
 * HTTP Basic with remembered verifications (docs/adr/0005-verified-credentials-cache.md), over real HTTP against the
 * real accounts in PostgreSQL. Bcrypt checks are counted by wrapping the password encoder; time moves by an
 * adjustable clock. At most {@value #MAX_ENTRIES} verifications are held in this context.
 */
@Import(CountedPasswordsAndAdjustableClock.class)
@TestPropertySource(
        properties = {
            "journey.security.verified-credentials-ttl=5m",
            // Every request reads its account, so that a change written here by hand holds at once
            // (AccountRecheckTest covers the bound a node may answer from an account read before).
            "journey.security.account-recheck=0",
            "journey.security.verified-credentials-max-entries=" + VerifiedCredentialsApiTest.MAX_ENTRIES
        })
class VerifiedCredentialsApiTest extends ApiTestBase {

    static final int MAX_ENTRIES = 4;
    private static final Duration TTL = Duration.ofMinutes(5);
    private static final String PASSWORD = "a long and verified password";
    private static final String CASELOAD = "/api/caseload";
    private static final String OUTCOMES = "/api/outcomes/two-years-after?cohortYear=2021";

    @Autowired
    private PasswordEncoder passwordEncoder;

    @Autowired
    private Clock clock;

    @Autowired
    private AccountStore accountStore;

    @Autowired
    private VerifiedCredentials verified;

    @AfterEach
    void clockRunsAgain() {
        ((AdjustableClock) clock).release();
    }

    @Test
    void givenVerifiedCredentials_whenTheSameAreSentAgain_thenThePasswordIsNotCheckedAgain() {
        ApiClient caseworker = as(newCaseworker(), PASSWORD);

        int first = bcryptChecksDuring(() -> caseworker.get(CASELOAD).status(), 200);
        int next = bcryptChecksDuring(
                () -> {
                    int status = 0;
                    for (int i = 0; i < 5; i++) {
                        status = caseworker.get(CASELOAD).status();
                        assertThat(status).isEqualTo(200);
                    }
                    return status;
                },
                200);

        assertThat(first).as("bcrypt checks on the first request").isEqualTo(1);
        assertThat(next).as("bcrypt checks on the five requests after it").isZero();
    }

    @Test
    void givenAWrongPassword_whenSentAgainAndAgain_thenItIsRefusedAndCheckedEveryTime() {
        String username = newCaseworker();
        ApiClient wrong = as(username, PASSWORD + " but wrong");
        ApiClient right = as(username, PASSWORD);

        for (int i = 0; i < 3; i++) {
            assertThat(bcryptChecksDuring(() -> wrong.get(CASELOAD).status(), 401))
                    .isEqualTo(1);
        }
        assertThat(bcryptChecksDuring(() -> right.get(CASELOAD).status(), 200)).isEqualTo(1);
        // The right password remembered does not let a wrong one through, nor spare its check.
        assertThat(bcryptChecksDuring(() -> wrong.get(CASELOAD).status(), 401)).isEqualTo(1);
        assertThat(bcryptChecksDuring(() -> right.get(CASELOAD).status(), 200)).isZero();
    }

    @Test
    void givenAnUnknownUsername_whenSentTwice_thenRefusedAndCheckedBothTimes() {
        ApiClient stranger = as("nobody-" + UUID.randomUUID(), PASSWORD);

        assertThat(bcryptChecksDuring(() -> stranger.get(CASELOAD).status(), 401))
                .isEqualTo(1);
        assertThat(bcryptChecksDuring(() -> stranger.get(CASELOAD).status(), 401))
                .isEqualTo(1);
    }

    @Test
    void givenRememberedCredentials_whenThePasswordIsChanged_thenTheOldOneIsRefusedAtOnce() {
        String username = newCaseworker();
        ApiClient old = as(username, PASSWORD);
        assertThat(old.get(CASELOAD).status()).isEqualTo(200);

        jdbc.update(
                "update account set password_hash = ? where username = ?",
                passwordEncoder.encode("the new password"),
                username);

        assertThat(bcryptChecksDuring(() -> old.get(CASELOAD).status(), 401)).isEqualTo(1);
        ApiClient renewed = as(username, "the new password");
        assertThat(bcryptChecksDuring(() -> renewed.get(CASELOAD).status(), 200))
                .isEqualTo(1);
        assertThat(bcryptChecksDuring(() -> renewed.get(CASELOAD).status(), 200))
                .isZero();
    }

    @Test
    void givenRememberedCredentials_whenTheAccountIsRemoved_thenItIsRefusedAtOnce() {
        String username = newCaseworker();
        ApiClient caseworker = as(username, PASSWORD);
        assertThat(caseworker.get(CASELOAD).status()).isEqualTo(200);

        jdbc.update("delete from account where username = ?", username);

        assertProblem(caseworker.get(CASELOAD), 401);
    }

    @Test
    void givenRememberedCredentials_whenTheRolesAndMunicipalityChange_thenTheNextRequestHasTheNewOnes() {
        String username = newCaseworker();
        ApiClient user = as(username, PASSWORD);
        assertThat(user.get(CASELOAD).status()).isEqualTo(200);
        assertThat(user.get(OUTCOMES).status()).isEqualTo(403);

        jdbc.update("update account set roles = 'ANALYST', municipality_code = null where username = ?", username);

        // Still remembered (the password did not change), yet the account is read afresh on every request.
        assertThat(bcryptChecksDuring(() -> user.get(CASELOAD).status(), 403)).isZero();
        assertThat(bcryptChecksDuring(() -> user.get(OUTCOMES).status(), 200)).isZero();
    }

    @Test
    void givenRememberedCredentials_whenTheTtlPasses_thenThePasswordIsCheckedAgain() {
        AdjustableClock time = (AdjustableClock) clock;
        time.freeze();
        ApiClient caseworker = as(newCaseworker(), PASSWORD);
        assertThat(bcryptChecksDuring(() -> caseworker.get(CASELOAD).status(), 200))
                .isEqualTo(1);

        time.advance(TTL.minusNanos(1));
        assertThat(bcryptChecksDuring(() -> caseworker.get(CASELOAD).status(), 200))
                .isZero();

        time.advance(Duration.ofNanos(1));
        assertThat(bcryptChecksDuring(() -> caseworker.get(CASELOAD).status(), 200))
                .isEqualTo(1);
        // Remembered anew from that check: not extended by the request before it.
        time.advance(TTL.minusNanos(1));
        assertThat(bcryptChecksDuring(() -> caseworker.get(CASELOAD).status(), 200))
                .isZero();
    }

    @Test
    void givenMoreAccountsThanTheBound_whenAllSignIn_thenTheOldestAreForgottenAndTheBoundHolds() {
        List<ApiClient> users = new ArrayList<>();
        for (int i = 0; i < MAX_ENTRIES + 2; i++) {
            ApiClient user = as(newCaseworker(), PASSWORD);
            assertThat(bcryptChecksDuring(() -> user.get(CASELOAD).status(), 200))
                    .isEqualTo(1);
            assertThat(verified.size()).isLessThanOrEqualTo(MAX_ENTRIES);
            users.add(user);
        }

        // The newest MAX_ENTRIES are remembered (a remembered sign-in does not reorder them)…
        for (int i = users.size() - 1; i >= users.size() - MAX_ENTRIES; i--) {
            ApiClient user = users.get(i);
            assertThat(bcryptChecksDuring(() -> user.get(CASELOAD).status(), 200))
                    .as("user %d", i)
                    .isZero();
        }
        // …and the two oldest were forgotten.
        for (int i = 0; i < 2; i++) {
            ApiClient user = users.get(i);
            assertThat(bcryptChecksDuring(() -> user.get(CASELOAD).status(), 200))
                    .as("user %d", i)
                    .isEqualTo(1);
        }
        assertThat(verified.size()).isEqualTo(MAX_ENTRIES);
    }

    private int bcryptChecksDuring(Supplier<Integer> request, int expectedStatus) {
        int before = ((CountingPasswordEncoder) passwordEncoder).checks();
        assertThat(request.get()).isEqualTo(expectedStatus);
        return ((CountingPasswordEncoder) passwordEncoder).checks() - before;
    }

    private String newCaseworker() {
        String username = "cw-" + UUID.randomUUID();
        assertThat(accountStore.create(
                        username,
                        passwordEncoder.encode(PASSWORD),
                        EnumSet.of(Role.CASEWORKER),
                        ApiTestAccounts.TOREBODA))
                .isTrue();
        return username;
    }

    private ApiClient as(String username, String password) {
        return ApiClient.as(port, username, password);
    }
}
