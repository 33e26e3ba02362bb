package se.integrationjourney.api.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static se.integrationjourney.api.pages.Browser.label;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import se.integrationjourney.api.testsupport.ApiClient;
import se.integrationjourney.api.testsupport.ApiTestAccounts;
import se.integrationjourney.api.web.ApiTestBase;

/** The analyst's "what changed" page in a real browser: a retraction after publication, shown by journey id only. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnalystChangesPageTest extends ApiTestBase {

    /** Haparanda: no other test records there. */
    private static final String HAPARANDA = "2583";

    private Browser browser;
    private String journey;
    private String employment;
    private Instant published;

    @BeforeAll
    void recordAPublishedCohortThenARetraction() {
        Map<String, Object> body = new HashMap<>(registration("2018-04-01", "Ändrad Person", null));
        body.put("municipalityCode", HAPARANDA);
        ApiClient.Response created = admin().post("/api/journeys", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        journey = created.json().path("journeyId").asString();
        record(admin(), journey, milestone("ESTABLISHMENT_PLAN_STARTED", "2019-02-01"));
        employment = record(
                admin(),
                journey,
                milestone(
                        "EMPLOYMENT_STARTED",
                        "2020-01-01",
                        "employmentId",
                        "e-1",
                        "employmentType",
                        "REGULAR",
                        "sector",
                        "Vård",
                        "hoursPerWeek",
                        40));
        published = aMomentPassed();
        ApiClient.Response retracted = admin().post(
                        "/api/journeys/" + journey + "/retractions",
                        Map.of("eventId", employment, "reason", "another person's job"));
        assertThat(retracted.status()).as(retracted.body()).isEqualTo(201);
        browser = Browser.open(port);
    }

    @BeforeEach
    void signInAsAnalyst() {
        browser.forgetSession().signIn(ApiTestAccounts.ANALYST, ApiTestAccounts.PASSWORD);
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void givenARetractionAfterPublication_whenComparingWithThePublishedMoment_thenTheJourneyIsListedByIdWithIt() {
        browser.go("/outcomes/changes");
        browser.fill(label("analyst.form.cohortYear"), "2021")
                .choose(label("analyst.form.municipality"), "Haparanda")
                .fill(label("analyst.changes.before"), published.toString())
                .press(label("analyst.form.show"));

        String table = browser.find(By.id("changes")).getText();
        assertThat(table).contains(journey).contains(label("analyst.changes.kind.RETRACTION"));
        assertThat(browser.mainText()).doesNotContain("Ändrad Person");
        browser.assertGoodPage().screenshotForDocs("analyst-what-changed");
    }

    @Test
    void givenTheMomentOfPublication_whenShowingTwoYearsAfterAsKnownThen_thenThePageSaysSoAndCountsTheRetractedJob() {
        browser.go("/outcomes?cohortYear=2021&municipalityCode=" + HAPARANDA + "&knownAt=" + published);

        String shown = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
                .withZone(java.time.ZoneId.of("Europe/Stockholm"))
                .format(published);
        assertThat(browser.find(By.id("known-at")).getText()).contains(shown);
        assertThat(browser.field(label("analyst.form.knownAt")).getAttribute("value"))
                .isEqualTo(published.toString());
        assertThat(browser.find(By.id("csv-download")).getAttribute("href")).contains("knownAt=");
        browser.assertGoodPage().screenshotForDocs("analyst-two-years-after-known-at");

        browser.go("/outcomes?cohortYear=2021&knownAt=last+spring");
        assertThat(browser.find(By.id("knownAt-error")).getText()).isEqualTo(label("analyst.form.invalidKnownAt"));
    }

    @Test
    void givenEnglishChosen_whenComparing_thenThePageSpeaksEnglish() {
        browser.go("/outcomes/changes?cohortYear=2021&municipalityCode=" + HAPARANDA + "&before=" + published);
        browser.press("English");
        try {
            assertThat(browser.heading()).isEqualTo(Messages.english("analyst.changes.title"));
            assertThat(browser.find(By.id("changes")).getText())
                    .contains(journey)
                    .contains(Messages.english("analyst.changes.kind.RETRACTION"));
            browser.assertGoodPage().screenshotForDocs("analyst-what-changed-en");
        } finally {
            browser.press("Svenska");
        }
    }

    @Test
    void givenNoEarlierMoment_whenShowing_thenTheFieldSaysWhatToGive() {
        browser.go("/outcomes/changes?cohortYear=2021&before=&after=");

        assertThat(browser.find(By.id("before-error")).getText()).isEqualTo(label("analyst.changes.beforeRequired"));
        browser.go("/outcomes/changes?cohortYear=2021&before=yesterday");
        assertThat(browser.find(By.id("before-error")).getText()).isEqualTo(label("analyst.form.invalidKnownAt"));
        browser.assertGoodPage();
    }
}
