package se.integrationjourney.api.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static se.integrationjourney.api.pages.Browser.label;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The subject-access pages (registerutdrag) in a browser: the auditor's way there, the posted form and its refusals,
 * the export of a person with journeys in Kalix and Arjeplog (personal details as corrected, the timeline with a
 * retraction, the readers, the texts), its print layout, its JSON download, the access log's entries, and who may not
 * come in. The journeys are registered through the JSON API by the administrator.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SubjectAccessPagesTest extends ApiTestBase {

    private static final String KALIX = "2514";
    private static final String ARJEPLOG = "2506";
    private static final String REASON = "Fel upplåtelseform: förstahandskontrakt, inte andrahand";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final JsonMapper JSON = JsonMapper.builder().build();

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

    record Person(String number, String older, String newer) {}

    @Test
    void givenAPersonWithTwoJourneys_whenTheAuditorMakesAnExport_thenEverythingRecordedShowsAndTheExportIsLogged() {
        Person person = personWithTwoJourneys();
        browser.signIn(ApiTestAccounts.AUDITOR, ApiTestAccounts.PASSWORD).go("/audit");
        browser.follow(label("audit.start.subjectAccess.link"));
        assertThat(browser.path()).isEqualTo("/audit/subject-access");
        assertThat(browser.heading()).isEqualTo(label("subjectAccess.title"));
        browser.assertGoodPage();
        long exportsBefore = exports();

        browser.fill(label("subjectAccess.field.label"), IdentityNumbersForTests.withDash(person.number()))
                .press(label("subjectAccess.submit"));

        assertThat(browser.path()).as("no number in the address").isEqualTo("/audit/subject-access");
        assertThat(browser.heading()).isEqualTo(label("subjectAccess.export.title"));
        assertThat(browser.title())
                .doesNotContain("Amal")
                .doesNotContain(person.number().substring(2, 8));
        String page = browser.mainText();
        assertThat(page)
                .contains(IdentityNumbersForTests.withDash(person.number()))
                .contains("Amal Haddad Karim")
                .contains("Kalix (2514)", "Arjeplog (2506)")
                .contains(label("milestone.MILESTONE_RETRACTED"), REASON)
                .contains(label("milestone.PERSONAL_DETAILS_CORRECTED"))
                .contains(label("enum.Tenure.SECOND_HAND"), label("enum.Tenure.FIRST_HAND"))
                .contains(label("subjectAccess.info.RETENTION.heading"), "5 år")
                .contains(label("subjectAccess.info.RIGHTS.heading"), "Integritetsskyddsmyndigheten");
        List<WebElement> journeys = browser.findAll(By.cssSelector(".subject-access-journey"));
        assertThat(journeys).hasSize(2);
        assertThat(journeys.get(0).findElement(By.tagName("h2")).getText())
                .as("newest arrival first")
                .contains("Arjeplog (2506)");
        List<String> details = journeys.get(1).findElements(By.cssSelector(".subject-access-details tbody tr")).stream()
                .map(WebElement::getText)
                .toList();
        assertThat(details).hasSize(2);
        assertThat(details.get(0))
                .contains(label("milestone.NEWCOMER_REGISTERED"), "Amal Haddad", ApiTestAccounts.ADMIN)
                .doesNotContain("Karim");
        assertThat(details.get(1)).contains(label("milestone.PERSONAL_DETAILS_CORRECTED"), "Amal Haddad Karim");
        assertThat(journeys.get(1).findElements(By.cssSelector(".audit-timeline tbody tr")))
                .hasSize(6);
        List<WebElement> reads = journeys.get(1).findElements(By.cssSelector(".audit-reads tbody tr"));
        assertThat(reads.get(0).getText())
                .as("this export is the journey's newest read")
                .contains(ApiTestAccounts.AUDITOR, label("audit.action.SUBJECT_ACCESS_EXPORT"))
                .contains("POST /audit/subject-access");
        assertThat(journeys.get(1)
                        .findElement(By.cssSelector(".subject-access-reached"))
                        .getText())
                .as("the journey today: when each step was first reached")
                .contains(
                        label("milestone.HOUSING_SECURED"),
                        today().minusDays(180).toString());

        assertThat(exports()).isEqualTo(exportsBefore + 1);
        Map<String, Object> entry = newestExport();
        assertThat(entry.get("username")).isEqualTo(ApiTestAccounts.AUDITOR);
        assertThat(entry.get("resource")).isEqualTo("POST /audit/subject-access");
        assertThat(entry.get("subject")).isNull();
        assertThat(List.of(entry.get("journeys").toString().split(",")))
                .containsExactlyInAnyOrder(person.older(), person.newer());
        browser.assertGoodPage();
        browser.screenshotForDocs("auditor-subject-access-export");

        browser.emulateMedia("print");
        try {
            assertThat(browser.find(By.className("site-header")).isDisplayed()).isFalse();
            assertThat(browser.find(By.id("json-download")).isDisplayed()).isFalse();
            WebElement header = browser.find(By.className("audit-print-header"));
            assertThat(header.isDisplayed()).isTrue();
            assertThat(header.getText()).contains(ApiTestAccounts.AUDITOR);
            assertThat(browser.find(By.className("subject-access-information")).isDisplayed())
                    .isTrue();
        } finally {
            browser.emulateMedia("");
        }
    }

    @Test
    void givenTheExportPage_whenDownloadingTheJson_thenTheApisDocumentAsAFileAndAnotherExportLogged() throws Exception {
        Person person = personWithTwoJourneys();
        Session session = Session.of(port, ApiTestAccounts.AUDITOR, ApiTestAccounts.PASSWORD);
        long exportsBefore = exports();

        HttpResponse<String> download = session.post(
                "/audit/subject-access/json", "/audit/subject-access", "personalIdentityNumber", person.number());

        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
                .matches("attachment; filename=\"registerutdrag-\\d{4}-\\d{2}-\\d{2}\\.json\"");
        JsonNode json = JSON.readTree(download.body());
        JsonNode api = auditor()
                .post("/api/audit/subject-access", Map.of("personalIdentityNumber", person.number()))
                .json();
        assertThat(json.propertyNames()).containsExactlyElementsOf(api.propertyNames());
        assertThat(ids(json)).containsExactly(person.newer(), person.older()).isEqualTo(ids(api));
        assertThat(json.path("information")).isEqualTo(api.path("information"));
        assertThat(json.path("journeys").get(1).path("timeline"))
                .isEqualTo(api.path("journeys").get(1).path("timeline"));
        assertThat(exports()).isEqualTo(exportsBefore + 2);
        assertThat(jdbc.queryForObject(
                        "select count(*) from access_log where action = 'SUBJECT_ACCESS_EXPORT'"
                                + " and resource = 'POST /audit/subject-access/json' and journey_ids @> array[?::uuid]",
                        Long.class,
                        person.older()))
                .isEqualTo(1);

        HttpResponse<String> tampered = session.post(
                "/audit/subject-access/json", "/audit/subject-access", "personalIdentityNumber", "19900301-2392");
        assertThat(tampered.statusCode()).isEqualTo(400);
        assertThat(tampered.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(tampered.body()).doesNotContain("19900301-2392").doesNotContain("Exception");
        assertThat(exports()).isEqualTo(exportsBefore + 2);
    }

    @Test
    void givenWhatIsNoValidNumber_whenPosted_thenTheFieldSaysWhyKeepsWhatWasTypedAndNothingIsRecorded() {
        browser.signIn(ApiTestAccounts.AUDITOR, ApiTestAccounts.PASSWORD).go("/audit/subject-access");
        long exportsBefore = exports();

        browser.press(label("subjectAccess.submit"));
        assertThat(fieldError()).endsWith(label("subjectAccess.error.required"));

        browser.fill(label("subjectAccess.field.label"), "19900301-2392").press(label("subjectAccess.submit"));
        assertThat(fieldError()).endsWith(label("subjectAccess.error.invalid"));
        assertThat(browser.field(label("subjectAccess.field.label")).getAttribute("value"))
                .isEqualTo("19900301-2392");
        assertThat(browser.field(label("subjectAccess.field.label")).getAttribute("aria-invalid"))
                .isEqualTo("true");
        browser.assertGoodPage();
        browser.screenshotForDocs("auditor-subject-access-refused");

        browser.fill(label("subjectAccess.field.label"), "Amal Haddad").press(label("subjectAccess.submit"));
        assertThat(fieldError()).endsWith(label("subjectAccess.error.unreadable"));
        assertThat(browser.path()).isEqualTo("/audit/subject-access");
        assertThat(exports()).isEqualTo(exportsBefore);
    }

    @Test
    void givenAValidNumberWithoutJourneys_whenPosted_thenThePageSaysSoWithTheInformationAndTheExportIsLogged() {
        browser.signIn(ApiTestAccounts.AUDITOR, ApiTestAccounts.PASSWORD).go("/audit/subject-access");
        long exportsBefore = exports();

        browser.fill(label("subjectAccess.field.label"), IdentityNumbersForTests.random())
                .press(label("subjectAccess.submit"));

        assertThat(browser.mainText())
                .contains(label("subjectAccess.export.none"))
                .contains(label("subjectAccess.info.PURPOSES.heading"));
        assertThat(browser.findAll(By.cssSelector(".subject-access-journey"))).isEmpty();
        assertThat(exports()).isEqualTo(exportsBefore + 1);
        browser.assertGoodPage();
    }

    @Test
    void givenTheAdministrator_whenFollowingTheOverviewsLinkAndSwitchingToEnglish_thenTheFormInEnglish() {
        browser.signIn(ApiTestAccounts.ADMIN, ApiTestAccounts.ADMIN_PASSWORD).go("/admin");
        browser.follow(label("admin.overview.toSubjectAccess"));
        assertThat(browser.path()).isEqualTo("/audit/subject-access");

        browser.press("English");

        assertThat(browser.language()).isEqualTo("en");
        assertThat(browser.heading()).isEqualTo(Messages.english("subjectAccess.title"));
        browser.assertGoodPage();
        browser.press("Svenska");
        assertThat(browser.language()).isEqualTo("sv");
    }

    @Test
    void givenJavaScriptOff_whenMakingAnExport_thenItShowsWithoutThePrintButton() {
        Person person = personWithTwoJourneys();
        try (Browser plain = Browser.withoutJavaScript(port)) {
            plain.signIn(ApiTestAccounts.AUDITOR, ApiTestAccounts.PASSWORD).go("/audit/subject-access");
            plain.fill(label("subjectAccess.field.label"), IdentityNumbersForTests.tenDigits(person.number()))
                    .press(label("subjectAccess.submit"));

            assertThat(plain.mainText()).contains("Amal Haddad Karim", REASON);
            assertThat(plain.find(By.cssSelector("button[data-print]")).isDisplayed())
                    .isFalse();
            assertThat(plain.find(By.id("json-download")).isDisplayed()).isTrue();
        }
    }

    @Test
    void givenACaseworkerOrAnAnalyst_whenOpeningOrPostingTheSubjectAccessPage_thenForbiddenAndNothingRecorded()
            throws Exception {
        Person person = personWithTwoJourneys();
        long exportsBefore = exports();
        for (String username : List.of(ApiTestAccounts.CASEWORKER_TOREBODA, ApiTestAccounts.ANALYST)) {
            browser.forgetSession().signIn(username, ApiTestAccounts.PASSWORD).go("/audit/subject-access");
            assertThat(browser.heading()).isEqualTo(label("forbidden.title"));
            assertThat(browser.findAll(By.cssSelector("a[href='/audit']")))
                    .as("no nav link")
                    .isEmpty();

            Session session = Session.of(port, username, ApiTestAccounts.PASSWORD);
            HttpResponse<String> posted = session.post(
                    "/audit/subject-access", "/account/password", "personalIdentityNumber", person.number());
            assertThat(posted.statusCode()).isEqualTo(403);
            assertThat(posted.body()).doesNotContain("Amal");
        }
        assertThat(exports()).isEqualTo(exportsBefore);
    }

    /** Two journeys of one person in Kalix and Arjeplog; the older one with a retraction and a corrected name. */
    private Person personWithTwoJourneys() {
        String number = IdentityNumbersForTests.random();
        String older = register(KALIX, today().minusDays(200).toString(), number);
        record(admin(), older, milestone("INTRODUCTORY_MEETING_HELD", today().minusDays(190)));
        String housing =
                record(admin(), older, milestone("HOUSING_SECURED", today().minusDays(180), "tenure", "SECOND_HAND"));
        ApiClient.Response retraction =
                admin().post("/api/journeys/" + older + "/retractions", Map.of("eventId", housing, "reason", REASON));
        assertThat(retraction.status()).as(retraction.body()).isEqualTo(201);
        record(admin(), older, milestone("HOUSING_SECURED", today().minusDays(180), "tenure", "FIRST_HAND"));
        ApiClient.Response corrected = admin().post(
                        "/api/journeys/" + older + "/personal-details-corrections",
                        Map.of("fullName", "Amal Haddad Karim", "personalIdentityNumber", number));
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(201);
        String newer = register(ARJEPLOG, today().minusDays(20).toString(), number);
        awaitViewsCaughtUp("journey-state");
        return new Person(number, older, newer);
    }

    private String register(String municipality, String arrival, String number) {
        Map<String, Object> body = new HashMap<>(registration(arrival, "Amal Haddad", number));
        body.put("municipalityCode", municipality);
        ApiClient.Response created = admin().post("/api/journeys", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("journeyId").asString();
    }

    private long exports() {
        return jdbc.queryForObject(
                "select count(*) from access_log where action = 'SUBJECT_ACCESS_EXPORT'", Long.class);
    }

    private Map<String, Object> newestExport() {
        return jdbc.queryForMap("select username, resource, subject, array_to_string(journey_ids, ',') as journeys"
                + " from access_log where action = 'SUBJECT_ACCESS_EXPORT' order by id desc limit 1");
    }

    private static List<String> ids(JsonNode export) {
        List<String> ids = new ArrayList<>();
        export.path("journeys")
                .forEach(journey -> ids.add(journey.path("journeyId").asString()));
        return ids;
    }

    private String fieldError() {
        return browser.find(By.id("personalIdentityNumber-error")).getText();
    }

    /** A signed-in session of the web application outside the browser, for downloads and posted forms. */
    private record Session(HttpClient http, String base) {

        static Session of(int port, String username, String password) throws Exception {
            Session session = new Session(
                    HttpClient.newBuilder()
                            .cookieHandler(new CookieManager())
                            .followRedirects(HttpClient.Redirect.NEVER)
                            .build(),
                    "http://localhost:" + port);
            HttpResponse<String> signedIn =
                    session.post("/signin", "/signin", "username", username, "password", password);
            assertThat(signedIn.statusCode()).isEqualTo(302);
            assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
            return session;
        }

        HttpResponse<String> get(String path) throws Exception {
            return http.send(
                    HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }

        /** Posts a form with the CSRF token of the page at {@code formPage}. */
        HttpResponse<String> post(String path, String formPage, String... fields) throws Exception {
            Matcher csrf = CSRF.matcher(get(formPage).body());
            assertThat(csrf.find()).as("the CSRF token of " + formPage).isTrue();
            StringBuilder form = new StringBuilder("_csrf=" + encode(csrf.group(1)));
            for (int i = 0; i < fields.length; i += 2) {
                form.append('&').append(fields[i]).append('=').append(encode(fields[i + 1]));
            }
            return http.send(
                    HttpRequest.newBuilder(URI.create(base + path))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form.toString()))
                            .build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }

        private static String encode(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }
}
