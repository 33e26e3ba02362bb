package se.integrationjourney.api.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static se.integrationjourney.api.pages.Browser.label;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.integrationjourney.api.testsupport.ApiTestAccounts;
import se.integrationjourney.api.testsupport.TestIdentityProvider;
import se.integrationjourney.api.web.ApiTestBase;

/**
 * Signing in through the municipality's identity provider when one is configured: the provider says who the person
 * is, the account of the same username says what they may do.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdentityProviderSignInTest extends ApiTestBase {

    private static final TestIdentityProvider PROVIDER = TestIdentityProvider.start();

    private Browser browser;

    @DynamicPropertySource
    static void theProvider(DynamicPropertyRegistry properties) {
        properties.add("journey.security.oidc-issuer-uri", PROVIDER::issuer);
        properties.add("journey.security.oidc-client-id", () -> TestIdentityProvider.CLIENT_ID);
        properties.add("journey.security.oidc-client-secret", () -> TestIdentityProvider.CLIENT_SECRET);
    }

    @BeforeAll
    void openBrowser() {
        browser = Browser.open(port);
    }

    @BeforeEach
    void nobodySignedIn() {
        browser.forgetSession();
    }

    @AfterAll
    void close() {
        browser.close();
        PROVIDER.close();
    }

    @Test
    void givenAnAccountOfTheProvidersUsername_whenSigningInThroughTheProvider_thenTheAccountsStartPageAndRoles() {
        PROVIDER.signInAs(ApiTestAccounts.CASEWORKER_TOREBODA);

        browser.go("/signin");
        browser.assertGoodPage();
        browser.follow(label("signin.identityProvider"));

        assertThat(browser.path()).isEqualTo("/caseload");
        assertThat(browser.find(org.openqa.selenium.By.className("account-link"))
                        .getText())
                .contains(ApiTestAccounts.CASEWORKER_TOREBODA);
        browser.go("/outcomes");
        assertThat(browser.heading()).as("the account's roles, not more").isEqualTo(label("forbidden.title"));
        browser.signOut();
        assertThat(browser.path()).isEqualTo("/signin?signedOut");
    }

    @Test
    void givenNoAccountOfTheProvidersUsername_whenSigningInThroughTheProvider_thenNotSignedInAndToldWhy() {
        PROVIDER.signInAs("someone.unknown");

        browser.go("/signin").follow(label("signin.identityProvider"));

        assertThat(browser.path()).isEqualTo("/signin?unknownAccount");
        assertThat(browser.mainText()).contains(label("signin.unknownAccount"));
        browser.go("/account/password");
        assertThat(browser.path()).startsWith("/signin");
    }
}
