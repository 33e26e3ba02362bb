package se.integrationjourney.api.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static se.integrationjourney.api.pages.Browser.label;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import se.integrationjourney.api.testsupport.ApiClient;
import se.integrationjourney.api.testsupport.ApiTestAccounts;
import se.integrationjourney.api.web.ApiTestBase;

/**
 * An administrator lifts a sign-in lock on the overview page. With the service's own limits (the other tests run
 * without them), set as SignInThrottleApiTest sets them so that the two share one application context; the guesses
 * come through the trusted loopback proxy from an address of their own.
 */
@TestPropertySource(
        properties = {
            "journey.security.sign-in.max-failures-per-account=5",
            "journey.security.sign-in.max-failures-per-address=20",
            "journey.security.trusted-proxies=127.0.0.1"
        })
class AdminSignInLocksPageTest extends ApiTestBase {

    private static final String PASSWORD = "a long enough password";

    @Test
    void givenAnAccountLockedByFailedSignIns_whenTheAdministratorLiftsTheLock_thenItSignsInAgainAndTheLogSaysSo() {
        String username = "auditor-" + UUID.randomUUID().toString().substring(0, 8);
        ApiClient.Response created = admin().post(
                        "/api/admin/users",
                        Map.of("username", username, "password", PASSWORD, "roles", List.of("AUDITOR")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        ApiClient guesser =
                ApiClient.as(port, username, "not the password at all").with("X-Forwarded-For", "203.0.113.21");
        for (int i = 0; i < 5; i++) {
            assertThat(guesser.get("/api/caseload").status()).isEqualTo(401);
        }
        ApiClient owner = ApiClient.as(port, username, PASSWORD).with("X-Forwarded-For", "203.0.113.22");
        assertThat(owner.get("/api/caseload").status()).as("locked").isEqualTo(429);

        try (Browser browser = Browser.open(port)) {
            browser.signIn(ApiTestAccounts.ADMIN, ApiTestAccounts.ADMIN_PASSWORD);
            assertThat(browser.path()).isEqualTo("/admin");
            assertThat(browser.mainText()).contains(username).contains(label("admin.locks.kind.ACCOUNT"));
            browser.assertGoodPage();
            browser.screenshotForDocs("admin-overview");

            browser.press(label("admin.locks.lift") + " " + username);

            assertThat(browser.mainText())
                    .contains(new MessageFormat(label("admin.locks.done.lifted"), Locale.forLanguageTag("sv"))
                            .format(new Object[] {username}));
            assertThat(browser.findAll(org.openqa.selenium.By.cssSelector("main tbody th")).stream()
                            .map(cell -> cell.getText())
                            .filter(text -> text.contains(username)))
                    .as("the lock is gone from the list")
                    .isEmpty();
            browser.assertGoodPage();
        }
        assertThat(owner.get("/api/caseload").status())
                .as("signs in again: an auditor, whom the caseload refuses")
                .isEqualTo(403);
        assertThat(jdbc.queryForList(
                        "select action from access_log where subject = ? order by id desc", String.class, username))
                .first()
                .isEqualTo("SIGN_IN_LOCK_LIFTED");
    }
}
