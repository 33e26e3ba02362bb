package se.integrationjourney.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import se.integrationjourney.api.testsupport.ApiClient;
import se.integrationjourney.api.testsupport.ApiTestAccounts;
import se.integrationjourney.api.web.ApiTestBase;

/**
 * Sign-in throttling over HTTP with the service's own limits (5 failures per account, 20 per address, one minute's
 * lock). The loopback address is the trusted proxy here, so that each test can guess from an address of its own.
 */
@TestPropertySource(
        properties = {
            "journey.security.sign-in.max-failures-per-account=5",
            "journey.security.sign-in.max-failures-per-address=20",
            "journey.security.trusted-proxies=127.0.0.1"
        })
class SignInThrottleApiTest extends ApiTestBase {

    private static final String PASSWORD = "the right password, long enough";

    @Test
    void givenFiveWrongPasswordsForAnAccount_whenItsOwnerSignsInRightly_then429UntilAnAdministratorLiftsIt() {
        String username = account();
        ApiClient guesser = ApiClient.as(port, username, "a guess").with("X-Forwarded-For", "203.0.113.10");
        for (int i = 0; i < 5; i++) {
            assertThat(guesser.get("/api/caseload").status()).isEqualTo(401);
        }

        ApiClient.Response owner =
                ApiClient.as(port, username.toUpperCase(), PASSWORD).get("/api/caseload");
        ApiClient.Response locks = admin().get("/api/admin/sign-in-locks");
        ApiClient.Response lifted = admin().send("DELETE", "/api/admin/sign-in-locks/accounts/" + username, null, null);
        ApiClient.Response afterwards = ApiClient.as(port, username, PASSWORD).get("/api/caseload");

        assertProblem(owner, 429);
        assertThat(Long.parseLong(owner.header("Retry-After"))).isBetween(1L, 61L);
        assertThat(owner.body()).doesNotContain(username);
        assertThat(locks.json().path("locks").findValuesAsString("key"))
                .as("shown by its account's name")
                .contains(username);
        assertThat(lifted.status()).isEqualTo(204);
        assertThat(afterwards.status()).isEqualTo(200);
    }

    @Test
    void givenTwentyFailuresFromOneAddress_whenAnyoneSignsInFromIt_then429ButNotFromAnotherAddress() {
        String address = "198.51.100." + (1 + (int) (Math.random() * 200));
        for (int i = 0; i < 20; i++) {
            ApiClient.as(port, "nobody-" + UUID.randomUUID(), "guess")
                    .with("X-Forwarded-For", address)
                    .get("/api/caseload");
        }
        ApiClient rightful = ApiClient.as(port, ApiTestAccounts.CASEWORKER_TOREBODA, ApiTestAccounts.PASSWORD);

        ApiClient.Response fromThere = rightful.with("X-Forwarded-For", address).get("/api/caseload");
        ApiClient.Response fromElsewhere =
                rightful.with("X-Forwarded-For", "192.0.2.44").get("/api/caseload");
        ApiClient.Response lifted = admin().send("DELETE", "/api/admin/sign-in-locks/addresses/" + address, null, null);
        ApiClient.Response afterLifting =
                rightful.with("X-Forwarded-For", address).get("/api/caseload");

        assertProblem(fromThere, 429);
        assertThat(fromElsewhere.status()).isEqualTo(200);
        assertThat(lifted.status()).isEqualTo(204);
        assertThat(afterLifting.status()).isEqualTo(200);
    }

    @Test
    void givenGuessesUnderAUsernameThatIsNoAccount_whenAnAdministratorListsTheLocks_thenWhatWasTypedIsNotShown() {
        String typed = "19121212-1212";
        for (int i = 0; i < 5; i++) {
            ApiClient.as(port, typed, "a guess")
                    .with("X-Forwarded-For", "203.0.113.30")
                    .get("/api/caseload");
        }

        ApiClient.Response locks = admin().get("/api/admin/sign-in-locks");

        assertThat(locks.body()).doesNotContain(typed);
        assertThat(locks.json().path("lockedUnknownUsernames").asInt()).isPositive();
    }

    @Test
    void givenALockedAccount_whenAskingForHealthWithItsCredentials_then429AndNoDetails() {
        String username = account();
        for (int i = 0; i < 5; i++) {
            ApiClient.as(port, username, "a guess")
                    .with("X-Forwarded-For", "203.0.113.20")
                    .get("/api/caseload");
        }

        ApiClient.Response health = ApiClient.as(port, username, PASSWORD).get("/actuator/health");

        assertProblem(health, 429);
        assertThat(ApiClient.anonymous(port).get("/actuator/health").status())
                .as("without credentials")
                .isEqualTo(200);
    }

    private String account() {
        String username = "Throttled." + UUID.randomUUID().toString().substring(0, 8);
        ApiClient.Response created = admin().post(
                        "/api/admin/users",
                        Map.of(
                                "username",
                                username,
                                "password",
                                PASSWORD,
                                "roles",
                                List.of("CASEWORKER"),
                                "municipalityCode",
                                ApiTestAccounts.TOREBODA));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return username;
    }
}
