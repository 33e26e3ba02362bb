package se.integrationjourney.api.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.integrationjourney.api.pages.Browser.label;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
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
import se.integrationjourney.api.testsupport.ApiClient;
import se.integrationjourney.api.testsupport.ApiTestAccounts;
import se.integrationjourney.api.web.ApiTestBase;

/**
 * The analysts' saved studies in a real browser: saving a result as a study, opening it with its kept answer, today's
 * answer beside it with the differences marked after a retraction, the list, the CSV and the research extract. The
 * journeys are in Piteå (2581), where no other test records: two whose establishment plans started in 2019
 * (cohort 2021), one employed, one studying, both arrived in 2018.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StudyPagesTest extends ApiTestBase {

    private static final String PITEA = "2581";
    private static final String COHORT = "cohortYear=2021&municipalityCode=" + PITEA;
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private Browser browser;
    private String employed;
    private String employment;

    @BeforeAll
    void recordTheCohortAndOpenABrowser() {
        employed = register("2018-04-03", 1991, "FEMALE");
        record(admin(), employed, milestone("ESTABLISHMENT_PLAN_STARTED", "2019-01-15"));
        employment = record(
                admin(),
                employed,
                milestone(
                        "EMPLOYMENT_STARTED",
                        "2022-03-01",
                        "employmentId",
                        "e-1",
                        "employmentType",
                        "REGULAR",
                        "sector",
                        "care",
                        "hoursPerWeek",
                        40));
        String studying = register("2018-09-12", 1997, "MALE");
        record(admin(), studying, milestone("ESTABLISHMENT_PLAN_STARTED", "2019-02-01"));
        record(admin(), studying, milestone("STUDIES_STARTED", "2022-08-15", "studyId", "s-1", "level", "KOMVUX"));
        browser = Browser.open(port);
    }

    @BeforeEach
    void nobodySignedIn() {
        browser.forgetSession();
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void givenAResult_whenSavedAsStudyAndAJourneyCorrectedLater_thenTheStudyKeepsItsAnswerAndMarksTodaysDifferences()
            throws Exception {
        signInAsAnalyst();
        browser.go("/outcomes?" + COHORT + "&asOf=" + today());
        assertThat(browser.find(By.id("save-study")).isDisplayed()).isTrue();
        browser.go("/outcomes?" + COHORT + "&asOf=" + today() + "#save-study");
        browser.screenshotForDocs("analyst-save-study");

        browser.fill(label("studies.save.title"), "Piteå 2021 före rättelsen").press(label("studies.save.button"));

        assertThat(browser.path()).matches("/outcomes/studies/[0-9a-f-]{36}");
        String studyPath = browser.path();
        String studyId = studyPath.substring("/outcomes/studies/".length());
        assertThat(browser.heading()).isEqualTo("Piteå 2021 före rättelsen");
        assertThat(browser.find(By.id("study-saved")).getText()).isEqualTo(label("studies.study.saved"));
        assertThat(browser.find(By.id("study-as-of")).getText()).isEqualTo(today().toString());
        assertThat(cells("denominator")).containsExactly("2");
        assertThat(cells("byStatus.EMPLOYED")).containsExactly("1 (50,0 %)");
        assertThat(cells("byStatus.STUDYING")).containsExactly("1 (50,0 %)");
        assertThat(cells("inWorkOrStudies")).containsExactly("2 (100,0 %)");
        assertThat(cells("byGender.FEMALE.inWorkOrStudies")).containsExactly("1 (100,0 %)");
        browser.assertGoodPage();
        browser.screenshotForDocs("analyst-study");

        Instant knownAt = Instant.parse(
                analyst().get("/api/studies/" + studyId).json().path("knownAt").asString());
        awaitTheClockPast(knownAt);
        ApiClient.Response retracted = admin().post(
                        "/api/journeys/" + employed + "/retractions",
                        Map.of("eventId", employment, "reason", "registrerad på fel person"));
        assertThat(retracted.status()).as(retracted.body()).isEqualTo(201);

        browser.follow(label("studies.study.compare"));

        assertThat(browser.path()).isEqualTo(studyPath + "?compare=today");
        assertThat(cells("byStatus.EMPLOYED"))
                .containsExactly("1 (50,0 %)", "0 (0,0 %)", label("studies.answer.changedMark"));
        assertThat(cells("byStatus.UNKNOWN"))
                .containsExactly("0 (0,0 %)", "1 (50,0 %)", label("studies.answer.changedMark"));
        assertThat(cells("byStatus.STUDYING")).containsExactly("1 (50,0 %)", "1 (50,0 %)", "");
        assertThat(cells("denominator")).containsExactly("2", "2", "");
        assertThat(row("byStatus.EMPLOYED").getAttribute("class")).contains("changed");
        assertThat(browser.find(By.id("comparison-summary")).getText())
                .isEqualTo(MessageFormat.format(label("studies.study.changed"), changedRows()));
        browser.assertGoodPage();
        browser.go(studyPath + "?compare=today#comparison-summary");
        browser.screenshotForDocs("analyst-study-compared");

        browser.follow(label("studies.study.savedOnly"));
        assertThat(cells("byStatus.EMPLOYED"))
                .as("the kept answer never changes")
                .containsExactly("1 (50,0 %)");

        await().atMost(Duration.ofSeconds(30)).until(() -> {
            browser.go("/outcomes/studies");
            return !browser.findAll(By.cssSelector("#studies tr[data-key='" + studyId + "']"))
                    .isEmpty();
        });
        assertThat(browser.find(By.cssSelector("#studies tr[data-key='" + studyId + "'] td"))
                        .getText())
                .isEqualTo(MessageFormat.format(label("studies.question.TWO_YEARS_AFTER"), "2021", "Piteå"));
        browser.assertGoodPage();
        browser.screenshotForDocs("analyst-studies");
        browser.follow("Piteå 2021 före rättelsen");
        assertThat(browser.path()).isEqualTo(studyPath);

        Session session = Session.of(port, ApiTestAccounts.ANALYST, ApiTestAccounts.PASSWORD);
        HttpResponse<String> csv = session.get(browser.find(By.id("csv-download"))
                .getAttribute("href")
                .substring(("http://localhost:" + port).length()));
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow())
                .isEqualTo("attachment; filename=\"study-" + studyId + ".csv\"");
        assertThat(csv.body())
                .isEqualTo(analyst()
                        .with("Accept", "text/csv")
                        .get("/api/studies/" + studyId)
                        .body());

        HttpResponse<String> extract = session.post(studyPath + "/extract", studyPath);
        assertThat(extract.statusCode()).isEqualTo(200);
        assertThat(extract.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(extract.headers().firstValue("Content-Disposition").orElseThrow())
                .isEqualTo("attachment; filename=\"study-" + studyId + "-extract.csv\"");
        assertThat(extract.body().lines().toList()).hasSize(1 + 2);
        assertThat(extract.body())
                .startsWith("pseudonym,municipalityCode,gender,ageBand")
                .doesNotContain(employed);
        assertThat(jdbc.queryForObject(
                        "select count(*) from access_log where action = 'RESEARCH_EXTRACT' and subject = ?"
                                + " and resource = 'POST /outcomes/studies/{studyId}/extract'",
                        Long.class,
                        studyId))
                .isEqualTo(1);
        browser.go(studyPath);
        assertThat(browser.findAll(By.cssSelector("#study-extracts tbody tr"))).hasSize(1);
        assertThat(browser.find(By.cssSelector("#study-extracts tbody td:nth-child(2)"))
                        .getText())
                .isEqualTo(ApiTestAccounts.ANALYST);
        browser.go(studyPath + "#extract");
        browser.screenshotForDocs("analyst-study-extract");
    }

    @Test
    void givenATimeToResult_whenSavedWithoutATitleThenWithOne_thenTheFormSaysWhatIsMissingAndTheStudyHasItsMonths() {
        signInAsAnalyst();
        browser.go("/outcomes/time-to?milestone=IN_WORK_OR_STUDIES&from=ESTABLISHMENT_START&cohortYear=2019"
                + "&municipalityCode=" + PITEA);

        browser.fill(label("studies.save.withinMonths"), "48").press(label("studies.save.button"));

        assertThat(browser.heading()).isEqualTo(label("studies.save.heading"));
        assertThat(browser.find(By.id("title-error")).getText()).isEqualTo(label("studies.form.titleRequired"));
        assertThat(browser.find(By.id("study-question")).getText())
                .isEqualTo(MessageFormat.format(
                        label("studies.question.TIME_TO"),
                        label("analyst.milestone.IN_WORK_OR_STUDIES"),
                        label("analyst.fromShort.ESTABLISHMENT_START"),
                        "2019",
                        "Piteå"));
        assertThat(browser.field(label("studies.save.withinMonths")).getAttribute("value"))
                .isEqualTo("48");
        browser.assertGoodPage();
        browser.screenshotForDocs("analyst-save-study-error");

        browser.fill(label("studies.save.title"), "Arbete inom fyra år, Piteå").press(label("studies.save.button"));

        assertThat(browser.heading()).isEqualTo("Arbete inom fyra år, Piteå");
        assertThat(cells("cohortSize")).containsExactly("2");
        // Both reached it within 48 months, if at all (the other test may have retracted the employment).
        assertThat(cells("reachedWithin")).isEqualTo(cells("reached"));
        assertThat(row("reachedWithin").findElement(By.tagName("th")).getText())
                .isEqualTo(MessageFormat.format(label("studies.answer.reachedWithin"), "48"));
        browser.assertGoodPage();
    }

    @Test
    void givenACaseworker_whenOpeningTheStudies_thenTheForbiddenPage() {
        browser.signIn(ApiTestAccounts.CASEWORKER_TOREBODA, ApiTestAccounts.PASSWORD);

        browser.go("/outcomes/studies");

        assertThat(browser.heading()).isEqualTo(label("forbidden.title"));
        assertThat(browser.findAll(By.id("studies"))).isEmpty();
    }

    private void signInAsAnalyst() {
        browser.signIn(ApiTestAccounts.ANALYST, ApiTestAccounts.PASSWORD);
    }

    private long changedRows() {
        return browser.findAll(By.cssSelector("#study-answer tr.changed")).size();
    }

    private WebElement row(String key) {
        List<WebElement> rows = browser.findAll(By.cssSelector("#study-answer tr[data-measure='" + key + "']"));
        assertThat(rows).as("row %s", key).hasSize(1);
        return rows.get(0);
    }

    /** The texts of the {@code <td>} cells of the answer's row for a figure (its JSON path). */
    private List<String> cells(String key) {
        return row(key).findElements(By.tagName("td")).stream()
                .map(cell -> cell.getText().replace('\u00a0', ' '))
                .toList();
    }

    private String register(String arrival, int birthYear, String gender) {
        Map<String, Object> body = new LinkedHashMap<>(registration(arrival, "Studie Sida Lind", null));
        body.put("municipalityCode", PITEA);
        body.put("birthYear", birthYear);
        body.put("gender", gender);
        ApiClient.Response created = admin().post("/api/journeys", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("journeyId").asString();
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
