package se.integrationjourney.api.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static se.integrationjourney.api.pages.Browser.label;

import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import se.integrationjourney.api.security.AccountStore;
import se.integrationjourney.api.security.Role;
import se.integrationjourney.api.testsupport.ApiClient;
import se.integrationjourney.api.testsupport.ApiTestAccounts;
import se.integrationjourney.api.testsupport.PageSession;
import se.integrationjourney.api.web.ApiTestBase;

/**
 * The auditor's page of an account (what it was shown and did in a period, with a CSV file) and the CSV of a case's
 * readers. The journeys are in Sorsele (2422), where no other test class records; each test's account is its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditorAccountPagesTest extends ApiTestBase {

    private static final String SORSELE = "2422";

    @Autowired
    AccountStore accountStore;

    @Autowired
    PasswordEncoder passwordEncoder;

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
    void givenAnAccountThatReadCasesAndDidAnAct_whenTheAuditorAsksFromTheStartPage_thenEveryEntryShowsWithItsCases() {
        String account = sorseleCaseworker();
        String journey = register("Sigrid Sorsele");
        ApiClient reader = ApiClient.as(port, account, ApiTestAccounts.PASSWORD);
        assertThat(reader.get("/api/journeys/" + journey).status()).isEqualTo(200);
        awaitViewsCaughtUp("caseload");
        PageSession caseworkerPages = PageSession.signIn(port, account, ApiTestAccounts.PASSWORD);
        assertThat(caseworkerPages.get("/caseload?scope=all", "account-page-1").statusCode())
                .isEqualTo(200);
        assertThat(reader.post(
                                "/api/account/password",
                                Map.of(
                                        "currentPassword",
                                        ApiTestAccounts.PASSWORD,
                                        "newPassword",
                                        "a new password here"))
                        .status())
                .isEqualTo(204);

        browser.signIn(ApiTestAccounts.AUDITOR, ApiTestAccounts.PASSWORD).go("/audit");
        browser.follow(label("audit.account.link"));
        assertThat(browser.path()).isEqualTo("/audit/accounts");
        assertThat(browser.heading()).isEqualTo(label("audit.account.title"));
        browser.assertGoodPage();
        browser.fill(label("audit.account.username"), account).press(label("audit.account.submit"));

        List<WebElement> rows = browser.findAll(By.cssSelector(".audit-entries tbody tr"));
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).getText())
                .contains(label("audit.kind.ACT"), label("audit.action.PASSWORD_CHANGED"), label("role.CASEWORKER"))
                .contains(account);
        assertThat(rows.get(1).getText())
                .contains(label("audit.kind.READ"), label("audit.action.CASELOAD_READ"), "GET /caseload")
                .contains("account-page-1");
        assertThat(rows.get(2).getText())
                .contains(label("audit.action.JOURNEY_READ"), "GET /api/journeys/{journeyId}", journey);
        assertThat(browser.mainText()).doesNotContain("Sigrid");
        browser.assertGoodPage();
        browser.screenshotForDocs("auditor-account");

        browser.follow(journey);
        assertThat(browser.path()).isEqualTo("/audit/journeys/" + journey);
        assertThat(browser.mainText()).contains("Sigrid Sorsele", account);
    }

    @Test
    void givenTheAccountPage_whenTheCsvLinkIsFollowed_thenTheSameEntriesComeAsAFile() {
        String account = sorseleCaseworker();
        String journey = register("Tove Sorsele");
        assertThat(ApiClient.as(port, account, ApiTestAccounts.PASSWORD)
                        .with("X-Correlation-Id", "account-csv-1")
                        .get("/api/journeys/" + journey)
                        .status())
                .isEqualTo(200);
        PageSession auditor = PageSession.signIn(port, ApiTestAccounts.AUDITOR, ApiTestAccounts.PASSWORD);
        String page = auditor.get("/audit/accounts?username=" + account, null).body();
        String link = page.substring(page.indexOf("id=\"csv\" href=\"") + "id=\"csv\" href=\"".length());
        link = link.substring(0, link.indexOf('"')).replace("&amp;", "&");

        HttpResponse<String> csv = auditor.get(link, null);

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("text/csv;charset=UTF-8");
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("attachment", "access-log-" + account + ".csv");
        assertThat(csv.body().split("\r\n"))
                .containsExactly(
                        "at,username,kind,action,roles,resource,journeyIds,subject,correlationId",
                        csv.body().split("\r\n")[1]);
        assertThat(csv.body())
                .contains(",READ,JOURNEY_READ,CASEWORKER,GET /api/journeys/{journeyId}," + journey + ",,account-csv-1");
        assertThat(auditor.get("/audit/accounts/entries.csv?username=" + account + "&from=nonsense", null)
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void givenACase_whenItsReadersAreDownloadedFromItsAuditPage_thenTheAuditorsOwnViewIsInTheFile() {
        String journey = register("Ulla Sorsele");
        PageSession auditor = PageSession.signIn(port, ApiTestAccounts.AUDITOR, ApiTestAccounts.PASSWORD);
        String page = auditor.get("/audit/journeys/" + journey, "case-csv-1").body();
        assertThat(page).contains("href=\"/audit/journeys/" + journey + "/reads.csv\"");

        HttpResponse<String> csv = auditor.get("/audit/journeys/" + journey + "/reads.csv", null);

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("reads-of-" + journey + ".csv");
        assertThat(csv.body())
                .startsWith("at,username,roles,action,resource,correlationId\r\n")
                .contains(",auditor,AUDITOR,TIMELINE_READ,GET /audit/journeys/{journeyId},case-csv-1\r\n")
                .doesNotContain("Ulla");
        assertThat(auditor.get("/audit/journeys/" + UUID.randomUUID() + "/reads.csv", null)
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void givenMistakesInTheForm_whenSent_thenEachFieldSaysWhatIsWrongAndKeepsWhatWasTyped() {
        browser.signIn(ApiTestAccounts.AUDITOR, ApiTestAccounts.PASSWORD).go("/audit/accounts");

        browser.fill(label("audit.account.username"), "")
                .fill(label("audit.account.from"), "den 1 mars")
                .press(label("audit.account.submit"));

        assertThat(browser.find(By.id("username-error")).getText())
                .isEqualTo(label("audit.account.error.usernameRequired"));
        assertThat(browser.find(By.id("from-error")).getText()).isEqualTo(label("audit.account.error.from"));
        assertThat(browser.field(label("audit.account.from")).getAttribute("value"))
                .isEqualTo("den 1 mars");
        assertThat(browser.field(label("audit.account.from")).getAttribute("aria-invalid"))
                .isEqualTo("true");
        assertThat(browser.find(By.id("error-summary")).getText())
                .contains(label("audit.account.error.usernameRequired"), label("audit.account.error.from"));
        assertThat(browser.findAll(By.cssSelector(".audit-entries"))).isEmpty();
        browser.assertGoodPage();
        browser.screenshotForDocs("auditor-account-errors");

        browser.fill(label("audit.account.username"), "cw-toreboda")
                .fill(label("audit.account.from"), "2026-02-01")
                .fill(label("audit.account.to"), "2026-01-01")
                .press(label("audit.account.submit"));
        assertThat(browser.find(By.id("from-error")).getText()).isEqualTo(label("audit.account.error.fromAfterTo"));
    }

    @Test
    void givenTheAccountPageInEnglish_whenShown_thenItsTextsAreEnglish() {
        browser.signIn(ApiTestAccounts.AUDITOR, ApiTestAccounts.PASSWORD).go("/audit/accounts?username=nobody-here");
        browser.press("English");
        try {
            assertThat(browser.heading()).isEqualTo(Messages.english("audit.account.title"));
            assertThat(browser.mainText()).contains(Messages.english("audit.account.none"));
            assertThat(browser.field(Messages.english("audit.account.username")).getAttribute("value"))
                    .isEqualTo("nobody-here");
        } finally {
            browser.press("Svenska"); // the auditor's language is the account's: other tests expect Swedish
        }
    }

    @Test
    void givenACaseworker_whenOpeningTheAccountPage_thenTheForbiddenPage() {
        browser.signIn(ApiTestAccounts.CASEWORKER_TOREBODA, ApiTestAccounts.PASSWORD)
                .go("/audit/accounts?username=auditor");

        assertThat(browser.heading()).isEqualTo(label("forbidden.title"));
    }

    private String sorseleCaseworker() {
        String account = "cw-sorsele-" + UUID.randomUUID().toString().substring(0, 8);
        accountStore.create(
                account, passwordEncoder.encode(ApiTestAccounts.PASSWORD), EnumSet.of(Role.CASEWORKER), SORSELE);
        return account;
    }

    private String register(String name) {
        Map<String, Object> body =
                new HashMap<>(registration(today().minusDays(10).toString(), name, null));
        body.put("municipalityCode", SORSELE);
        ApiClient.Response created = admin().post("/api/journeys", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("journeyId").asString();
    }
}
