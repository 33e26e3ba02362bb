package se.integrationjourney.api.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static se.integrationjourney.api.pages.Browser.label;

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
import se.integrationjourney.api.pages.audit.IdentityNumbersForTests;
import se.integrationjourney.api.testsupport.ApiClient;
import se.integrationjourney.api.testsupport.ApiTestAccounts;
import se.integrationjourney.api.web.ApiTestBase;

/**
 * The auditor's pages: opening a case by identity number or journey id, its timeline with retractions linked both
 * ways and corrections as what changed, who has viewed it (the auditor's own view included), the print layout, and
 * who may not come in. The journeys are recorded through the JSON API as the Töreboda caseworker.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditorPagesTest extends ApiTestBase {

    private static final String REASON = "Fel upplåtelseform: förstahandskontrakt, inte andrahand";

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

    /** A journey of Töreboda with a retracted housing milestone, its replacement and a corrected name. */
    record AuditedJourney(String journeyId, String identityNumber, String housingEventId, String retractionEventId) {}

    @Test
    void
            givenARetractedMilestone_whenTheAuditorOpensTheCaseByIdentityNumber_thenWhoAndWhyAreLinkedBothWaysAndTheirOwnViewIsListed() {
        AuditedJourney journey = journeyWithARetraction();
        browser.signIn(ApiTestAccounts.AUDITOR, ApiTestAccounts.PASSWORD).go("/audit");
        assertThat(browser.heading()).isEqualTo(label("audit.start.title"));
        browser.assertGoodPage();
        browser.screenshotForDocs("auditor-start");

        browser.fill(label("audit.lookup.label"), IdentityNumbersForTests.withDash(journey.identityNumber()))
                .press(label("audit.lookup.submit"));

        assertThat(browser.path()).isEqualTo("/audit/journeys/" + journey.journeyId());
        assertThat(browser.heading()).isEqualTo(label("audit.case.title"));
        assertThat(browser.language()).isEqualTo("sv");
        String page = browser.mainText();
        assertThat(page)
                .contains("Amal Haddad Karim", IdentityNumbersForTests.withDash(journey.identityNumber()))
                .contains("Töreboda (1473)")
                .contains(label("milestone.NEWCOMER_REGISTERED"), label("milestone.HOUSING_SECURED"))
                .contains(label("milestone.MILESTONE_RETRACTED"), label("milestone.PERSONAL_DETAILS_CORRECTED"))
                .contains(label("enum.Tenure.SECOND_HAND"), label("enum.Tenure.FIRST_HAND"))
                .contains(label("enum.ReceptionType.ASSIGNED"), label("enum.Gender.FEMALE"))
                .contains(ApiTestAccounts.CASEWORKER_TOREBODA);

        WebElement struck = row(journey.housingEventId());
        assertThat(struck.getAttribute("class")).contains("audit-struck");
        assertThat(struck.getText()).contains(label("audit.timeline.struckBadge"), REASON);
        WebElement toRetraction = struck.findElement(By.cssSelector(".audit-link--struck a"));
        assertThat(toRetraction.getText())
                .startsWith("Struken ")
                .endsWith(" av " + ApiTestAccounts.CASEWORKER_TOREBODA);
        assertThat(toRetraction.getAttribute("href")).endsWith("#event-" + journey.retractionEventId());
        WebElement retraction = row(journey.retractionEventId());
        assertThat(retraction.getText())
                .contains(label("audit.timeline.retracts"), REASON, ApiTestAccounts.CASEWORKER_TOREBODA);
        WebElement toStruck = retraction.findElement(By.cssSelector(".audit-link a"));
        assertThat(toStruck.getText()).contains(label("milestone.HOUSING_SECURED"));
        assertThat(toStruck.getAttribute("href")).endsWith("#event-" + journey.housingEventId());
        toStruck.click();
        assertThat(browser.path()).endsWith("#event-" + journey.housingEventId());

        WebElement correction = browser.findAll(By.cssSelector(".audit-timeline tbody tr")).stream()
                .filter(row -> row.getText().contains(label("milestone.PERSONAL_DETAILS_CORRECTED")))
                .findFirst()
                .orElseThrow();
        assertThat(correction.findElement(By.className("audit-before")).getText())
                .as("what the name was before")
                .isEqualTo("Amal Haddad");
        assertThat(correction.getText()).contains("Amal Haddad Karim");

        List<WebElement> reads = browser.findAll(By.cssSelector(".audit-reads tbody tr"));
        assertThat(reads).isNotEmpty();
        assertThat(reads.get(0).getText())
                .as("the newest read is the auditor's own, just now")
                .contains(ApiTestAccounts.AUDITOR, label("role.AUDITOR"), label("audit.action.TIMELINE_READ"))
                .contains("GET /audit/journeys/{journeyId}");
        assertThat(reads.stream().map(WebElement::getText))
                .as("the caseworker's read of the journey through the API")
                .anyMatch(read -> read.contains(ApiTestAccounts.CASEWORKER_TOREBODA)
                        && read.contains(label("audit.action.JOURNEY_READ")));
        accessLog.flush();
        assertThat(jdbc.queryForObject(
                        "select count(*) from access_log where journey_ids = array[?::uuid] and username = ?"
                                + " and action = 'TIMELINE_READ' and resource = 'GET /audit/journeys/{journeyId}'",
                        Long.class,
                        journey.journeyId(),
                        ApiTestAccounts.AUDITOR))
                .isEqualTo(1);
        browser.screenshotForDocs("auditor-case-retraction");
        browser.go("/audit/journeys/" + journey.journeyId());
        browser.assertGoodPage();
        browser.screenshotForDocs("auditor-case");
    }

    @Test
    void givenTenDigitsWithoutDash_whenOpeningTheCase_thenTheSameCaseOpens() {
        AuditedJourney journey = journeyWithARetraction();
        browser.signIn(ApiTestAccounts.AUDITOR, ApiTestAccounts.PASSWORD).go("/audit");

        browser.fill(label("audit.lookup.label"), IdentityNumbersForTests.tenDigits(journey.identityNumber()))
                .press(label("audit.lookup.submit"));

        assertThat(browser.path()).isEqualTo("/audit/journeys/" + journey.journeyId());
    }

    @Test
    void givenAPersonWithJourneysInTwoMunicipalities_whenOpeningByNumber_thenAListToChooseFromByMunicipalityName() {
        String number = IdentityNumbersForTests.random();
        String toreboda = register(caseworker(), ApiTestAccounts.TOREBODA, "2024-01-10", number);
        Map<String, Object> inTrelleborg = new HashMap<>(registration("2025-02-01", "Amal Haddad", number));
        inTrelleborg.put("municipalityCode", ApiTestAccounts.TRELLEBORG);
        ApiClient.Response created = otherCaseworker().post("/api/journeys", inTrelleborg);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String trelleborg = created.json().path("journeyId").asString();
        awaitJourneyStateView();
        browser.signIn(ApiTestAccounts.AUDITOR, ApiTestAccounts.PASSWORD).go("/audit");

        browser.fill(label("audit.lookup.label"), number).press(label("audit.lookup.submit"));

        assertThat(browser.path()).isEqualTo("/audit");
        assertThat(browser.mainText())
                .contains(label("audit.matches.heading"))
                .contains("Töreboda (1473)", "Trelleborg (1287)", "2024-01-10", "2025-02-01")
                .doesNotContain("Amal Haddad");
        assertThat(browser.field(label("audit.lookup.label")).getAttribute("value"))
                .isEqualTo(number);
        browser.assertGoodPage();
        browser.screenshotForDocs("auditor-matches");
        browser.follow(Messages.swedish("audit.matches.open")
                .replace("{0}", "Trelleborg (1287)")
                .replace("{1}", "2025-02-01"));
        assertThat(browser.path()).isEqualTo("/audit/journeys/" + trelleborg);
        assertThat(browser.path()).doesNotContain(toreboda);
    }

    @Test
    void givenAnUnknownIdOrNumber_whenOpening_thenTheFieldSaysSoAndKeepsWhatWasTyped() {
        browser.signIn(ApiTestAccounts.AUDITOR, ApiTestAccounts.PASSWORD).go("/audit");
        String unknownId = UUID.randomUUID().toString();

        browser.fill(label("audit.lookup.label"), unknownId).press(label("audit.lookup.submit"));

        assertThat(browser.path()).isEqualTo("/audit");
        assertThat(fieldError()).endsWith(label("audit.lookup.noSuchId"));
        assertThat(browser.field(label("audit.lookup.label")).getAttribute("value"))
                .isEqualTo(unknownId);
        assertThat(browser.field(label("audit.lookup.label")).getAttribute("aria-invalid"))
                .isEqualTo("true");
        browser.assertGoodPage();
        browser.screenshotForDocs("auditor-not-found");

        String unknownNumber = IdentityNumbersForTests.withDash(IdentityNumbersForTests.random());
        browser.fill(label("audit.lookup.label"), unknownNumber).press(label("audit.lookup.submit"));
        assertThat(fieldError()).endsWith(label("audit.lookup.noSuchNumber"));
        assertThat(browser.field(label("audit.lookup.label")).getAttribute("value"))
                .isEqualTo(unknownNumber);

        browser.fill(label("audit.lookup.label"), "19900301-2392").press(label("audit.lookup.submit"));
        assertThat(fieldError()).endsWith(label("audit.lookup.invalidNumber"));

        browser.fill(label("audit.lookup.label"), "Amal Haddad").press(label("audit.lookup.submit"));
        assertThat(fieldError()).endsWith(label("audit.lookup.unreadable"));
    }

    @Test
    void givenAnUnknownOrMalformedIdInTheAddress_whenOpened_thenTheNotFoundPageAndNothingRecorded() {
        browser.signIn(ApiTestAccounts.AUDITOR, ApiTestAccounts.PASSWORD);
        String unknown = UUID.randomUUID().toString();

        browser.go("/audit/journeys/" + unknown);

        assertThat(browser.mainText()).contains(label("error.notFound"), "404");
        accessLog.flush();
        assertThat(jdbc.queryForObject(
                        "select count(*) from access_log where journey_ids = array[?::uuid]", Long.class, unknown))
                .isZero();
        browser.assertGoodPage();
        browser.go("/audit/journeys/not-a-journey-id");
        assertThat(browser.mainText()).contains(label("error.notFound"), "404");
    }

    @Test
    void givenACaseworker_whenOpeningTheAuditPages_thenTheForbiddenPage() {
        AuditedJourney journey = journeyWithARetraction();
        browser.signIn(ApiTestAccounts.CASEWORKER_TOREBODA, ApiTestAccounts.PASSWORD);

        browser.go("/audit");
        assertThat(browser.heading()).isEqualTo(label("forbidden.title"));
        assertThat(browser.findAll(By.cssSelector("a[href='/audit']")))
                .as("no nav link")
                .isEmpty();
        browser.go("/audit/journeys/" + journey.journeyId());
        assertThat(browser.heading()).isEqualTo(label("forbidden.title"));
        assertThat(browser.mainText()).doesNotContain("Amal Haddad");
        accessLog.flush();
        assertThat(jdbc.queryForObject(
                        "select count(*) from access_log where journey_ids = array[?::uuid] and resource like '%/audit/%'",
                        Long.class, journey.journeyId()))
                .isZero();
    }

    @Test
    void givenJavaScriptOff_whenOpeningACaseById_thenTheTimelineAndReadsShowWithoutThePrintButton() {
        AuditedJourney journey = journeyWithARetraction();
        try (Browser plain = Browser.withoutJavaScript(port)) {
            plain.signIn(ApiTestAccounts.AUDITOR, ApiTestAccounts.PASSWORD).go("/audit");
            plain.fill(label("audit.lookup.label"), journey.journeyId()).press(label("audit.lookup.submit"));

            assertThat(plain.path()).isEqualTo("/audit/journeys/" + journey.journeyId());
            assertThat(plain.mainText())
                    .contains(label("milestone.MILESTONE_RETRACTED"), REASON)
                    .contains(label("audit.reads.heading"), ApiTestAccounts.AUDITOR);
            assertThat(plain.find(By.cssSelector("button[data-print]")).isDisplayed())
                    .as("printing from a button needs JavaScript")
                    .isFalse(); // axe-core (assertGoodPage) cannot run where scripts are off: checked with them on
            // above
        }
    }

    @Test
    void givenTheCasePage_whenPrinted_thenNoFrameOrControlsButTheCaseIdAndWhenItWasRetrieved() {
        AuditedJourney journey = journeyWithARetraction();
        browser.signIn(ApiTestAccounts.AUDITOR, ApiTestAccounts.PASSWORD).go("/audit/journeys/" + journey.journeyId());
        assertThat(browser.find(By.cssSelector("button[data-print]")).isDisplayed())
                .as("with JavaScript, the print button")
                .isTrue();
        assertThat(browser.find(By.className("audit-print-header")).isDisplayed())
                .isFalse();

        browser.emulateMedia("print");
        try {
            assertThat(browser.find(By.className("site-nav")).isDisplayed()).isFalse();
            assertThat(browser.find(By.className("site-header")).isDisplayed()).isFalse();
            assertThat(browser.find(By.cssSelector("button[data-print]")).isDisplayed())
                    .isFalse();
            WebElement header = browser.find(By.className("audit-print-header"));
            assertThat(header.isDisplayed()).isTrue();
            assertThat(header.getText()).contains(journey.journeyId(), ApiTestAccounts.AUDITOR);
            assertThat(browser.find(By.className("audit-timeline")).isDisplayed())
                    .isTrue();
            assertThat(browser.find(By.className("audit-reads")).isDisplayed()).isTrue();
            browser.screenshotForDocs("auditor-print");
        } finally {
            browser.emulateMedia("");
        }
    }

    @Test
    void givenTheReadsEndpoint_whenCalledByEachRole_thenAuditorsAndAdminsGetTheReadsWithoutPersonalData() {
        AuditedJourney journey = journeyWithARetraction();
        assertThat(auditor()
                        .get("/api/journeys/" + journey.journeyId() + "/timeline")
                        .status())
                .isEqualTo(200);
        String reads = "/api/audit/journeys/" + journey.journeyId() + "/reads";

        ApiClient.Response asAuditor = auditor().get(reads);
        ApiClient.Response asAdmin = admin().get(reads);

        assertThat(asAuditor.status()).as(asAuditor.body()).isEqualTo(200);
        assertThat(asAuditor.json().get(0).path("username").asString()).isEqualTo(ApiTestAccounts.AUDITOR);
        assertThat(asAuditor.json().get(0).path("roles").get(0).asString()).isEqualTo("AUDITOR");
        assertThat(asAuditor.json().get(0).path("action").asString()).isEqualTo("TIMELINE_READ");
        assertThat(asAuditor.json().get(0).path("resource").asString())
                .isEqualTo("GET /api/journeys/{journeyId}/timeline");
        assertThat(asAuditor.json().get(0).path("at").asString()).isNotBlank();
        assertThat(asAuditor.json().get(0).path("correlationId").asString()).isNotBlank();
        assertThat(asAuditor.body())
                .doesNotContain(
                        "Amal",
                        "Haddad",
                        journey.identityNumber(),
                        journey.identityNumber().substring(2));
        assertThat(asAdmin.status()).as(asAdmin.body()).isEqualTo(200);
        assertThat(asAdmin.json().size())
                .as("asking is not itself a read")
                .isEqualTo(asAuditor.json().size());
        assertProblem(caseworker().get(reads), 403);
        assertProblem(otherCaseworker().get(reads), 403);
        assertProblem(analyst().get(reads), 403);
        assertProblem(anonymous().get(reads), 401);
        assertProblem(auditor().get("/api/audit/journeys/" + UUID.randomUUID() + "/reads"), 404);
    }

    /** Registers, records, retracts and corrects through the JSON API, and waits for the journey-state view. */
    private AuditedJourney journeyWithARetraction() {
        String number = IdentityNumbersForTests.random();
        String journeyId = register(
                caseworker(), ApiTestAccounts.TOREBODA, today().minusDays(60).toString(), number);
        record(caseworker(), journeyId, milestone("INTRODUCTORY_MEETING_HELD", today().minusDays(55)));
        String housing = record(
                caseworker(), journeyId, milestone("HOUSING_SECURED", today().minusDays(40), "tenure", "SECOND_HAND"));
        ApiClient.Response retraction = caseworker()
                .post("/api/journeys/" + journeyId + "/retractions", Map.of("eventId", housing, "reason", REASON));
        assertThat(retraction.status()).as(retraction.body()).isEqualTo(201);
        record(caseworker(), journeyId, milestone("HOUSING_SECURED", today().minusDays(40), "tenure", "FIRST_HAND"));
        ApiClient.Response corrected = caseworker()
                .post(
                        "/api/journeys/" + journeyId + "/personal-details-corrections",
                        Map.of("fullName", "Amal Haddad Karim", "personalIdentityNumber", number));
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(201);
        assertThat(caseworker().get("/api/journeys/" + journeyId).status()).isEqualTo(200);
        awaitJourneyStateView();
        return new AuditedJourney(
                journeyId, number, housing, retraction.json().path("eventId").asString());
    }

    private String register(ApiClient client, String municipality, String arrival, String number) {
        Map<String, Object> body = new HashMap<>(registration(arrival, "Amal Haddad", number));
        body.put("municipalityCode", municipality);
        ApiClient.Response created = client.post("/api/journeys", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("journeyId").asString();
    }

    /** Finding a case by number asks the journey-state view, which follows the events shortly after. */
    private void awaitJourneyStateView() {
        awaitViewsCaughtUp("journey-state");
    }

    private WebElement row(String eventId) {
        return browser.find(By.id("event-" + eventId));
    }

    private String fieldError() {
        return browser.find(By.id("reference-error")).getText();
    }
}
