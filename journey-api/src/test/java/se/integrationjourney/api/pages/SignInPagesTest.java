package se.integrationjourney.api.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static se.integrationjourney.api.pages.Browser.label;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import se.integrationjourney.api.testsupport.ApiClient;
import se.integrationjourney.api.testsupport.ApiTestAccounts;
import se.integrationjourney.api.web.ApiTestBase;

/** Signing in and out of the web application, its language, and what account changes do to a session. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignInPagesTest extends ApiTestBase {

    private static final String PASSWORD = "a long enough password";

    private Browser browser;

    @BeforeAll
    void openBrowser() {
        browser = Browser.open(port);
    }

    @BeforeEach
    void nobodySignedIn() {
        browser.forgetSession();
    }

    @AfterAll
    void closeBrowser() {
        browser.close();
    }

    @Test
    void givenNobodySignedIn_whenOpeningTheService_thenTheSignInPageInSwedish() {
        browser.go("/");

        assertThat(browser.path()).startsWith("/signin");
        assertThat(browser.language()).isEqualTo("sv");
        assertThat(browser.heading()).isEqualTo("Logga in");
        browser.assertGoodPage();
    }

    @Test
    void givenAWrongPassword_whenSigningIn_thenTheFormSaysSoInSwedishAndNobodyIsSignedIn() {
        String username = account("ANALYST", null);

        browser.signIn(username, "not the password at all");

        assertThat(browser.path()).isEqualTo("/signin?error");
        assertThat(browser.mainText()).contains(label("signin.error"));
        browser.go("/account/password");
        assertThat(browser.path()).startsWith("/signin");
    }

    @Test
    void givenOnlyAKeyboard_whenSigningInAndOut_thenItWorks() {
        String username = account("ANALYST", null);
        browser.go("/signin");

        browser.keys(username).tab().keys(PASSWORD).enter(); // the username field has focus when the page opens

        browser.go("/account/password");
        assertThat(browser.heading()).isEqualTo(label("account.password.title"));
        browser.screenshotForDocs("account-password");
        assertThat(browser.find(org.openqa.selenium.By.className("account-link"))
                        .getText())
                .contains(username);
        browser.assertGoodPage();
        browser.signOut();
        assertThat(browser.path()).isEqualTo("/signin?signedOut");
        browser.go("/account/password");
        assertThat(browser.path()).startsWith("/signin");
    }

    @Test
    void givenEnglishChosen_whenSigningInAgainLater_thenTheAccountKeepsEnglish() {
        String username = account("ANALYST", null);
        browser.signIn(username, PASSWORD).go("/account/password");

        browser.press("English");

        assertThat(browser.language()).isEqualTo("en");
        assertThat(browser.heading()).isEqualTo(Messages.english("account.password.title"));
        browser.signOut();
        assertThat(browser.language())
                .as("signed out, a new session starts in Swedish")
                .isEqualTo("sv");
        browser.signIn(username, PASSWORD).go("/account/password");
        assertThat(browser.heading()).isEqualTo(Messages.english("account.password.title"));
        browser.press("Svenska");
        browser.signOut();
    }

    @Test
    void givenAPasswordResetByAnAdministrator_whenSigningIn_thenANewPasswordMustBeChosenFirst() {
        String username = account("CASEWORKER", ApiTestAccounts.TOREBODA);
        String temporary = "temporary password 1";
        ApiClient.Response reset = admin().post(
                        "/api/admin/users/" + username + "/password-reset", Map.of("temporaryPassword", temporary));
        assertThat(reset.status()).as(reset.body()).isEqualTo(200);

        browser.signIn(username, temporary);
        browser.go("/caseload");

        assertThat(browser.path()).isEqualTo("/account/password");
        assertThat(browser.mainText()).contains(label("account.password.required"));
        browser.fill(label("account.password.current"), temporary)
                .fill(label("account.password.new"), PASSWORD + " anew")
                .fill(label("account.password.repeat"), PASSWORD + " anew")
                .press(label("account.password.submit"));
        assertThat(browser.mainText()).contains(label("account.password.changed"));
        browser.go("/account/password");
        assertThat(browser.path()).as("signed in still, and free to go on").isEqualTo("/account/password");
        assertThat(browser.mainText()).doesNotContain(label("account.password.required"));
        assertThat(actsOn(username)).containsExactly("PASSWORD_CHANGED", "PASSWORD_RESET", "ACCOUNT_CREATED");
        browser.signOut();
    }

    @Test
    void givenASignedInPerson_whenAnAdministratorDisablesTheAccount_thenTheSessionEndsAtItsNextRequest() {
        String username = account("AUDITOR", null);
        browser.signIn(username, PASSWORD).go("/account/password");
        assertThat(browser.heading()).isEqualTo(label("account.password.title"));

        assertThat(admin().post("/api/admin/users/" + username + "/disable", "").status())
                .isEqualTo(200);
        browser.go("/account/password");

        assertThat(browser.path()).isEqualTo("/signin?ended");
        assertThat(browser.mainText()).contains(label("signin.ended"));
        browser.signIn(username, PASSWORD);
        assertThat(browser.path()).as("a disabled account signs in nowhere").isEqualTo("/signin?error");
    }

    @Test
    void givenJavaScriptOff_whenSigningInChangingThePasswordAndSigningOut_thenItAllWorks() {
        String username = account("ANALYST", null);
        try (Browser plain = Browser.withoutJavaScript(port)) {
            plain.signIn(username, PASSWORD).go("/account/password");
            plain.fill(label("account.password.current"), PASSWORD)
                    .fill(label("account.password.new"), "another long password")
                    .fill(label("account.password.repeat"), "another long password")
                    .press(label("account.password.submit"));
            assertThat(plain.mainText()).contains(label("account.password.changed"));
            plain.signOut();
            assertThat(plain.path()).isEqualTo("/signin?signedOut");
        }
    }

    /** A new account with {@link #PASSWORD}, created through the admin API; its username. */
    private String account(String role, String municipality) {
        String username =
                role.toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body =
                new java.util.HashMap<>(Map.of("username", username, "password", PASSWORD, "roles", List.of(role)));
        if (municipality != null) {
            body.put("municipalityCode", municipality);
        }
        ApiClient.Response created = admin().post("/api/admin/users", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return username;
    }

    /** The access log's acts on an account, newest first. */
    private List<String> actsOn(String username) {
        return jdbc.queryForList(
                "select action from access_log where subject = ? order by id desc", String.class, username);
    }
}
