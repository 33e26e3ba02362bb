package se.integrationjourney.api.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static se.integrationjourney.api.pages.Browser.label;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import se.integrationjourney.api.audit.ExportVerifier;
import se.integrationjourney.api.testsupport.ApiTestAccounts;
import se.integrationjourney.api.web.ApiTestBase;

/**
 * The auditor's tamper evidence: a case's chain checked from its page (with htmx, and on a page of its own without
 * JavaScript), its events downloaded and verified without the service, the whole store checked with live progress.
 * A broken chain is shown by altering one stored hash with SQL and putting it back at once: a payload altered would
 * not deserialize for the case page itself.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChainPagesTest extends ApiTestBase {

    private Browser browser;

    @TempDir
    Path files;

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
    void givenACase_whenTheAuditorChecksItsChain_thenIntactWithItsNewestChecksumInPlaceAndRecorded() {
        String journeyId = journeyWithAMilestone();
        browser.signIn(ApiTestAccounts.AUDITOR, ApiTestAccounts.PASSWORD).go("/audit/journeys/" + journeyId);

        browser.pressInPlace(label("chain.case.check"));

        browser.awaitText(label("chain.result.intact").replace("{0}", "2"));
        assertThat(browser.path()).isEqualTo("/audit/journeys/" + journeyId);
        assertThat(browser.find(By.id("chain-status")).getText()).contains(newestStoredHash(journeyId));
        browser.assertGoodPage();
        browser.screenshotForDocs("auditor-chain-intact");
        assertThat(jdbc.queryForObject(
                        "select count(*) from access_log where action = 'CHAIN_VERIFIED' and subject = ?"
                                + " and resource = 'GET /audit/journeys/{journeyId}/verification'",
                        Long.class,
                        journeyId))
                .isEqualTo(1);
    }

    @Test
    void givenAStoredChecksumAltered_whenCheckedWithoutJavaScript_thenAPageNamesTheEventAndBothChecksums() {
        String journeyId = journeyWithAMilestone();
        String meeting = jdbc.queryForObject(
                "select event_identifier from domain_event_entry where aggregate_identifier = ? and sequence_number = 1",
                String.class,
                journeyId);
        String stored = newestStoredHash(journeyId);
        try (Browser plain = Browser.withoutJavaScript(port)) {
            plain.signIn(ApiTestAccounts.AUDITOR, ApiTestAccounts.PASSWORD).go("/audit/journeys/" + journeyId);
            jdbc.update(
                    "update domain_event_entry set chain_hash = sha256(chain_hash) where event_identifier = ?",
                    meeting);
            try {
                plain.press(label("chain.case.check"));

                // A form without fields: the address ends in "?".
                assertThat(plain.path()).startsWith("/audit/journeys/" + journeyId + "/verification");
                assertThat(plain.heading()).isEqualTo(label("chain.verification.title"));
                assertThat(plain.mainText())
                        .contains(label("chain.result.broken").replace("{0}", "1"))
                        .contains(meeting, stored)
                        .doesNotContain("Amal Haddad");
                plain.follow(label("chain.verification.back"));
                assertThat(plain.path()).isEqualTo("/audit/journeys/" + journeyId);
                // The same page where axe can run (it needs JavaScript).
                browser.signIn(ApiTestAccounts.AUDITOR, ApiTestAccounts.PASSWORD)
                        .go("/audit/journeys/" + journeyId + "/verification");
                assertThat(browser.mainText()).contains(meeting);
                browser.assertGoodPage();
                browser.screenshotForDocs("auditor-chain-broken");
            } finally {
                jdbc.update(
                        "update domain_event_entry set chain_hash = decode(?, 'hex') where event_identifier = ?",
                        stored,
                        meeting);
            }
        }
    }

    @Test
    void givenACase_whenTheAuditorDownloadsItsEvents_thenTheFileVerifiesWithoutTheServiceAndTheReadIsRecorded()
            throws IOException {
        String journeyId = journeyWithAMilestone();
        browser.signIn(ApiTestAccounts.AUDITOR, ApiTestAccounts.PASSWORD).go("/audit/journeys/" + journeyId);
        WebElement download = browser.find(By.linkText(label("chain.case.download")));
        String href = download.getAttribute("href");
        assertThat(download.getAttribute("download")).isNotNull();
        assertThat(href).endsWith("/audit/journeys/" + journeyId + "/export");

        Browser.Fetched file = browser.fetch("/audit/journeys/" + journeyId + "/export");

        assertThat(file.status()).isEqualTo(200);
        assertThat(file.contentDisposition())
                .isEqualTo("attachment; filename=\"journey-" + journeyId + "-export.json\"");
        Path saved = files.resolve("export.json");
        Files.writeString(saved, file.body(), StandardCharsets.UTF_8);
        ExportVerifier.Result verified = ExportVerifier.verify(saved);
        assertThat(verified.exitCode()).as(verified.message()).isEqualTo(ExportVerifier.INTACT);
        accessLog.flush(); // the export is a read of the case: written behind
        assertThat(jdbc.queryForObject(
                        "select count(*) from access_log where journey_ids = array[?::uuid] and action = 'JOURNEY_EXPORTED'"
                                + " and resource = 'GET /audit/journeys/{journeyId}/export'",
                        Long.class,
                        journeyId))
                .isEqualTo(1);
        browser.go("/audit/journeys/" + journeyId);
        assertThat(browser.find(By.cssSelector(".audit-reads tbody")).getText())
                .contains(label("audit.action.JOURNEY_EXPORTED"));
    }

    @Test
    void givenTheStorePage_whenTheAuditorStartsACheck_thenItsProgressEndsWithEveryChainIntact() {
        journeyWithAMilestone();
        browser.signIn(ApiTestAccounts.AUDITOR, ApiTestAccounts.PASSWORD).go("/audit");
        browser.follow(label("chain.store.link"));
        assertThat(browser.heading()).isEqualTo(label("chain.store.title"));

        browser.press(label("chain.store.start"));

        assertThat(browser.path()).isEqualTo("/audit/chain");
        assertThat(browser.mainText()).contains(label("chain.store.started"));
        browser.awaitText(label("chain.store.summary.INTACT"));
        assertThat(browser.find(By.id("chain-progress")).getText())
                .contains(label("chain.store.state.INTACT"), ApiTestAccounts.AUDITOR, "100 %");
        browser.assertGoodPage();
        browser.screenshotForDocs("auditor-chain-store");
    }

    @Test
    void givenAnUnknownOrMalformedId_whenChecked_thenTheNotFoundPage() {
        browser.signIn(ApiTestAccounts.AUDITOR, ApiTestAccounts.PASSWORD);

        browser.go("/audit/journeys/" + UUID.randomUUID() + "/verification");
        assertThat(browser.mainText()).contains(label("error.notFound"), "404");
        browser.go("/audit/journeys/not-a-journey-id/export");
        assertThat(browser.mainText()).contains(label("error.notFound"), "404");
    }

    private String journeyWithAMilestone() {
        String journeyId = registerJourney(today().minusDays(30).toString());
        record(caseworker(), journeyId, milestone("INTRODUCTORY_MEETING_HELD", today().minusDays(20)));
        return journeyId;
    }

    private String newestStoredHash(String journeyId) {
        return jdbc.queryForObject(
                "select encode(chain_hash, 'hex') from domain_event_entry where aggregate_identifier = ?"
                        + " order by sequence_number desc limit 1",
                String.class,
                journeyId);
    }
}
