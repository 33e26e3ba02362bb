package se.integrationjourney.api.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.integrationjourney.api.pages.Browser.label;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
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
import tools.jackson.databind.JsonNode;

/**
 * The analysts' pages against the API: for the same query, every figure a page's tables show is the API's with small
 * cells suppressed at the published limit (5), and the pages' CSV downloads are the API's CSV with that limit. The
 * cohort is recorded once through the API, in a municipality no other test uses (Kiruna, 2584), so other test classes
 * sharing the database cannot change its figures: sixteen journeys whose establishment plans started in 2019 (cohort
 * 2021, measurement points in 2023), all arrived in 2018, and one whose plan started in 2018 (cohort 2020). At the
 * limit of 5 the cohort 2021 shows its 5 employed, 5 on financial assistance, 10 in work or studies and 5
 * self-sufficient of 15 measured, and hides its 4 self-employed, 1 studying and 1 lost to follow-up.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnalystPagesTest extends ApiTestBase {

    private static final String KIRUNA = "2584";
    private static final String PUBLISHED = "&minCellSize=5";
    private static final String SUPPRESSED = "<5";
    private static final String TWO_YEARS_AFTER = "cohortYear=2021&municipalityCode=" + KIRUNA;
    private static final String HOUSING_FROM_ARRIVAL =
            "milestone=HOUSING_SECURED&from=ARRIVAL&cohortYear=2018&municipalityCode=" + KIRUNA;
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    /** Names and identity numbers of the cohort: none of them may reach an analyst's page. */
    private final List<String> personalData = new ArrayList<>();

    private Browser browser;

    @BeforeAll
    void recordTheCohortAndOpenABrowser() {
        // Employed (REGULAR) and self-sufficient at the measurement point 2023-01-15; 28 at arrival.
        String employed = register("2018-11-01", 1990, "FEMALE", "Analys Åsa Lindqvist", "19900412");
        record(admin(), employed, milestone("ESTABLISHMENT_PLAN_STARTED", "2019-01-15"));
        record(admin(), employed, milestone("HOUSING_SECURED", "2019-02-01", "tenure", "FIRST_HAND"));
        record(
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
        record(admin(), employed, milestone("SELF_SUFFICIENCY_REACHED", "2022-04-01", "basis", "EMPLOYMENT"));
        // Studying at 2023-02-01; 22 at arrival.
        String studying = register("2018-12-01", 1996, "MALE", "Analys يوسف الحسن", "19960705");
        record(admin(), studying, milestone("ESTABLISHMENT_PLAN_STARTED", "2019-02-01"));
        record(admin(), studying, milestone("HOUSING_SECURED", "2019-06-15", "tenure", "SECOND_HAND"));
        record(admin(), studying, milestone("STUDIES_STARTED", "2022-08-15", "studyId", "s-1", "level", "KOMVUX"));
        // On financial assistance at 2023-04-01; 33 at arrival.
        String assisted = register("2018-09-10", 1985, "FEMALE", "Analys ሄለን ተኽለ", "19850910");
        record(admin(), assisted, milestone("ESTABLISHMENT_PLAN_STARTED", "2019-04-01"));
        record(admin(), assisted, milestone("HOUSING_SECURED", "2018-10-01", "tenure", "FIRST_HAND"));
        record(admin(), assisted, milestone("FINANCIAL_ASSISTANCE_STARTED", "2021-05-01"));
        // Moved away before the measurement point 2023-05-01: lost to follow-up; 48 at arrival.
        String movedAway = register("2018-10-01", 1970, "OTHER", "Analys Kim Berg", "19700101");
        record(admin(), movedAway, milestone("ESTABLISHMENT_PLAN_STARTED", "2019-05-01"));
        record(admin(), movedAway, milestone("JOURNEY_CLOSED", "2022-06-01", "reason", "MOVED_AWAY"));
        // Self-employed by the 24-month follow-up held after the measurement point 2023-03-01; 38 at arrival.
        String followedUp = register("2018-06-01", 1980, "MALE", "Analys Olle Niemi", "19800301");
        record(admin(), followedUp, milestone("ESTABLISHMENT_PLAN_STARTED", "2019-03-01"));
        record(admin(), followedUp, milestone("HOUSING_SECURED", "2020-01-10", "tenure", "LODGER"));
        record(
                admin(),
                followedUp,
                milestone(
                        "FOLLOW_UP_RECORDED",
                        "2023-03-20",
                        "monthsAfterEstablishment",
                        24,
                        "status",
                        "SELF_EMPLOYED",
                        "source",
                        "INTERVIEW"));
        recordTheRestOfTheCohort();
        // Cohort 2020: in subsidised employment at 2022-02-01.
        String subsidised = register("2017-09-01", 1992, "FEMALE", "Analys Maryam Rahimi", "19920815");
        record(admin(), subsidised, milestone("ESTABLISHMENT_PLAN_STARTED", "2018-02-01"));
        record(
                admin(),
                subsidised,
                milestone(
                        "EMPLOYMENT_STARTED",
                        "2021-06-01",
                        "employmentId",
                        "e-2",
                        "employmentType",
                        "NYSTARTSJOBB",
                        "sector",
                        "retail",
                        "hoursPerWeek",
                        30));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> viewCaughtUp("outcomes")
                        && admin().get("/api/outcomes/two-years-after?" + TWO_YEARS_AFTER)
                                        .json()
                                        .path("denominator")
                                        .asLong()
                                == 15);
        browser = Browser.open(port);
    }

    /**
     * Eleven more of the cohort 2021, all arrived in 2018: four on financial assistance, three self-employed by their
     * 24-month follow-ups and four employed and self-sufficient at their measurement points; seven secured housing.
     */
    private void recordTheRestOfTheCohort() {
        String[][] assisted = {
            {"2018-03-15", "1991", "FEMALE", "Analys Amina Yusuf", "19910203", "2019-02-01", "2021-03-01", "2018-05-14"
            },
            {"2018-04-02", "1987", "FEMALE", "Analys Sara Haile", "19870607", "2019-02-15", "2021-04-01", null},
            {"2018-05-20", "1983", "MALE", "Analys Omar Farah", "19830910", "2019-03-01", "2021-06-01", "2018-10-17"},
            {"2018-07-01", "1995", "MALE", "Analys Dawit Mekonnen", "19951112", "2019-03-15", "2021-02-01", null}
        };
        for (String[] person : assisted) {
            String journey = journeyOfTheCohort(person);
            record(admin(), journey, milestone("FINANCIAL_ASSISTANCE_STARTED", person[6]));
        }
        String[][] selfEmployed = {
            {"2018-02-01", "1979", "FEMALE", "Analys Leila Karimi", "19790120", "2019-01-10", "2023-02-01", "2018-08-20"
            },
            {"2018-03-01", "1975", "MALE", "Analys Ahmad Noori", "19750425", "2019-02-20", "2023-03-10", null},
            {"2018-08-15", "1968", "MALE", "Analys Tesfay Gebru", "19680830", "2019-04-01", "2023-04-20", null}
        };
        for (String[] person : selfEmployed) {
            String journey = journeyOfTheCohort(person);
            record(
                    admin(),
                    journey,
                    milestone(
                            "FOLLOW_UP_RECORDED",
                            person[6],
                            "monthsAfterEstablishment",
                            24,
                            "status",
                            "SELF_EMPLOYED",
                            "source",
                            "INTERVIEW"));
        }
        String[][] employed = {
            {"2018-01-10", "1993", "FEMALE", "Analys Fatima Ali", "19930303", "2019-01-20", "2022-01-10", "2019-02-14"},
            {
                "2018-06-10",
                "1989",
                "FEMALE",
                "Analys Hodan Warsame",
                "19890505",
                "2019-02-10",
                "2021-11-01",
                "2018-06-30"
            },
            {"2018-09-01", "1990", "MALE", "Analys Yonas Berhe", "19900707", "2019-03-10", "2022-05-01", "2019-01-29"},
            {"2018-10-20", "1986", "MALE", "Analys Karim Haddad", "19861010", "2019-04-10", "2022-09-01", "2019-06-18"}
        };
        for (String[] person : employed) {
            String journey = journeyOfTheCohort(person);
            LocalDate started = LocalDate.parse(person[6]);
            record(
                    admin(),
                    journey,
                    milestone(
                            "EMPLOYMENT_STARTED",
                            started,
                            "employmentId",
                            "e-" + person[4],
                            "employmentType",
                            "REGULAR",
                            "sector",
                            "construction",
                            "hoursPerWeek",
                            40));
            record(
                    admin(),
                    journey,
                    milestone("SELF_SUFFICIENCY_REACHED", started.plusMonths(1), "basis", "EMPLOYMENT"));
        }
    }

    /**
     * Registers one of the cohort ({arrival, birth year, gender, name, birth date, plan start, -, housing or null})
     * with its establishment plan and housing, and returns its id.
     */
    private String journeyOfTheCohort(String[] person) {
        String journey = register(person[0], Integer.parseInt(person[1]), person[2], person[3], person[4]);
        record(admin(), journey, milestone("ESTABLISHMENT_PLAN_STARTED", person[5]));
        if (person[7] != null) {
            record(admin(), journey, milestone("HOUSING_SECURED", person[7], "tenure", "FIRST_HAND"));
        }
        return journey;
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
    void givenACohort_whenTheAnalystAsksTwoYearsAfterInTheForm_thenEveryTableShowsTheApisNumbers() {
        signInAsAnalyst();
        browser.go("/outcomes");
        assertThat(browser.heading()).isEqualTo(label("analyst.twoYears.title"));

        browser.fill(label("analyst.form.cohortYear"), "2021")
                .choose(label("analyst.form.municipality"), "Kiruna")
                .fill(label("analyst.form.asOf"), today().toString())
                .pressInPlace(label("analyst.form.show")) // htmx swaps <main>
                .awaitText(text("analyst.twoYears.resultHeading", "2021", "Kiruna", today()));

        assertTablesShowTheApis(TWO_YEARS_AFTER + "&asOf=" + today());
        assertThat(cells("outcome-cohort", "pending")).containsExactly("0");
        assertThat(cells("outcome-cohort", "denominator")).containsExactly("15");
        assertThat(cells("outcome-status", "EMPLOYED")).containsExactly("5", "33,3 %");
        assertThat(cells("outcome-status", "inWorkOrStudies")).containsExactly("10", "66,7 %");
        assertThat(cells("outcome-by-cohort-year", "2021")).containsExactly("15", "0", SUPPRESSED, "10", "66,7 %");
        assertThat(browser.path())
                .as("the address holds the query")
                .contains("cohortYear=2021", "municipalityCode=2584");
        browser.assertGoodPage();
        browser.screenshotForDocs("analyst-two-years-after");
        browser.go("/outcomes?" + TWO_YEARS_AFTER + "#by-gender");
        browser.screenshotForDocs("analyst-two-years-after-charts");
        browser.go("/outcomes?" + TWO_YEARS_AFTER + "#across-years");
        browser.screenshotForDocs("analyst-two-years-after-years");
    }

    @Test
    void givenSmallCells_whenShowingTheOutcomes_thenTheyShowLessThan5WithANoteAndTheChartsDrawNothingForThem() {
        signInAsAnalyst();

        browser.go("/outcomes?" + TWO_YEARS_AFTER);

        assertThat(cells("outcome-status", "SELF_EMPLOYED")).containsExactly(SUPPRESSED, SUPPRESSED);
        assertThat(cells("outcome-status", "STUDYING")).containsExactly(SUPPRESSED, SUPPRESSED);
        assertThat(cells("outcome-cohort", "lostToFollowUp")).containsExactly(SUPPRESSED);
        assertThat(browser.findAll(By.cssSelector("#outcome-cohort tr[data-measure='cohortSize']")))
                .as("16 less 15 measured would give the one lost back, and <5 would read as the size")
                .isEmpty();
        assertThat(cells("outcome-status", "FINANCIAL_ASSISTANCE")).containsExactly("5", "33,3 %");
        assertThat(browser.find(By.id("suppression-note")).getText())
                .isEqualTo(text("analyst.suppressed.note", SUPPRESSED));
        WebElement selfEmployed = bar("status-chart-title", label("analyst.status.SELF_EMPLOYED"));
        assertThat(selfEmployed.findElement(By.tagName("rect")).getAttribute("width"))
                .isEqualTo("0");
        assertThat(selfEmployed.findElement(By.cssSelector("text.chart__value")).getText())
                .isEqualTo(SUPPRESSED);
        assertThat(bar("status-chart-title", label("analyst.status.EMPLOYED"))
                        .findElement(By.tagName("rect"))
                        .getAttribute("width"))
                .isNotEqualTo("0");
        browser.assertGoodPage();

        browser.go("/outcomes/time-to?" + HOUSING_FROM_ARRIVAL);

        assertThat(browser.find(By.id("suppression-note")).getText())
                .isEqualTo(text("analyst.suppressed.note", SUPPRESSED));
        assertThat(browser.findAll(By.cssSelector("svg[aria-labelledby='cumulative-chart-title'] polyline")))
                .as("the step line broken where a month is hidden")
                .hasSizeGreaterThan(1);
        browser.assertGoodPage();
    }

    @Test
    void givenAnAsOfBeforeSomeMeasurementPoints_whenShowingTwoYearsAfter_thenPendingAndSharesAreTheApis() {
        signInAsAnalyst();

        browser.go("/outcomes?" + TWO_YEARS_AFTER + "&asOf=2023-03-10");

        assertTablesShowTheApis(TWO_YEARS_AFTER + "&asOf=2023-03-10");
        assertThat(cells("outcome-cohort", "pending")).containsExactly("5");
        assertThat(cells("outcome-cohort", "denominator")).containsExactly("11");
        browser.assertGoodPage();
    }

    @Test
    void givenACohort_whenTheAnalystAsksTimeToHousing_thenMedianQuartilesAndEveryMonthsShareAreTheApis() {
        signInAsAnalyst();
        browser.go("/outcomes");
        browser.follow(label("analyst.nav.timeTo"));

        browser.choose(label("analyst.form.milestone"), label("analyst.milestone.HOUSING_SECURED"))
                .fill(label("analyst.form.cohortYear"), "2018")
                .choose(label("analyst.form.municipality"), "Kiruna")
                .pressInPlace(label("analyst.form.show"))
                .awaitText(text(
                        "analyst.timeTo.resultHeading",
                        label("analyst.milestone.HOUSING_SECURED"),
                        label("analyst.fromShort.ARRIVAL"),
                        "2018",
                        "Kiruna"));

        JsonNode time = json("/api/outcomes/time-to?" + HOUSING_FROM_ARRIVAL + PUBLISHED);
        assertThat(time.path("medianDays").asLong()).as("the data set's median").isEqualTo(150);
        assertThat(cells("time-summary", "cohortSize"))
                .containsExactly(time.path("cohortSize").asString());
        assertThat(cells("time-summary", "reached")).containsExactly("11 (68,8 %)");
        assertThat(cells("time-summary", "medianDays"))
                .containsExactly(
                        text("analyst.timeTo.days", time.path("medianDays").asString()));
        assertThat(cells("time-summary", "p25Days"))
                .containsExactly(
                        text("analyst.timeTo.days", time.path("p25Days").asString()));
        assertThat(cells("time-summary", "p75Days"))
                .containsExactly(
                        text("analyst.timeTo.days", time.path("p75Days").asString()));
        for (int month = 0; month <= 36; month++) {
            JsonNode within = json("/api/outcomes/time-to?" + HOUSING_FROM_ARRIVAL + "&withinMonths=" + month
                            + PUBLISHED)
                    .path("reachedWithin");
            assertThat(cells("time-by-month", String.valueOf(month)))
                    .as("within %d months", month)
                    .containsExactly(figure(within.path("count")), percent(within.path("share"), 1L));
        }
        assertThat(cells("time-by-month", "6")).containsExactly("6", "37,5 %");
        assertThat(cells("time-by-month", "1")).as("2 within a month").containsExactly(SUPPRESSED, SUPPRESSED);
        browser.assertGoodPage();
        browser.screenshotForDocs("analyst-time-to");
        browser.go("/outcomes/time-to?" + HOUSING_FROM_ARRIVAL + "#cumulative");
        browser.screenshotForDocs("analyst-time-to-chart");
    }

    @Test
    void givenTheDownloadLinks_whenFetchedInTheAnalystsSession_thenTheyAreTheApisCsvAsAttachments() throws Exception {
        signInAsAnalyst();
        String asOf = "2023-03-10";
        browser.go("/outcomes?" + TWO_YEARS_AFTER + "&asOf=" + asOf);
        String tables = linkPath("csv-download");
        String years = linkPath("years-csv-download");
        browser.go("/outcomes/time-to?" + HOUSING_FROM_ARRIVAL);
        String months = linkPath("csv-download");
        SignedInSession session = SignedInSession.of(port, ApiTestAccounts.ANALYST, ApiTestAccounts.PASSWORD);
        ApiClient apiCsv = analyst().with("Accept", "text/csv");

        HttpResponse<String> tablesCsv = session.get(tables);
        HttpResponse<String> yearsCsv = session.get(years);
        HttpResponse<String> monthsCsv = session.get(months);

        assertThat(tables).startsWith("/outcomes/two-years-after.csv?");
        assertThat(tablesCsv.statusCode()).isEqualTo(200);
        assertThat(tablesCsv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(tablesCsv.headers().firstValue("Content-Disposition").orElseThrow())
                .isEqualTo("attachment; filename=\"two-years-after-2021-2584-2023-03-10.csv\"");
        assertThat(tablesCsv.body())
                .isEqualTo(apiCsv.get("/api/outcomes/two-years-after?" + TWO_YEARS_AFTER + "&asOf=" + asOf + PUBLISHED)
                        .body())
                .contains("," + SUPPRESSED + ",");

        assertThat(yearsCsv.statusCode()).isEqualTo(200);
        List<String> yearLines = yearsCsv.body().lines().toList();
        assertThat(yearLines).hasSize(1 + 6);
        for (int year = 2016; year <= 2021; year++) {
            List<String> api = apiCsv.get("/api/outcomes/two-years-after?cohortYear=" + year + "&municipalityCode="
                            + KIRUNA + "&asOf=" + asOf + PUBLISHED)
                    .body()
                    .lines()
                    .toList();
            assertThat(yearLines.get(0)).isEqualTo("cohortYear," + api.get(0).substring("dimension,key,".length()));
            assertThat(yearLines.get(year - 2016 + 1))
                    .isEqualTo(year + "," + api.get(1).substring("total,all,".length()));
        }

        assertThat(monthsCsv.statusCode()).isEqualTo(200);
        assertThat(monthsCsv.headers().firstValue("Content-Disposition").orElseThrow())
                .isEqualTo(
                        "attachment; filename=\"time-to-housing_secured-from-arrival-2018-2584-" + today() + ".csv\"");
        List<String> monthLines = monthsCsv.body().lines().toList();
        assertThat(monthLines).hasSize(1 + 37);
        for (int month : List.of(0, 1, 3, 12, 36)) {
            List<String> api = apiCsv.get(
                            "/api/outcomes/time-to?" + HOUSING_FROM_ARRIVAL + "&withinMonths=" + month + PUBLISHED)
                    .body()
                    .lines()
                    .toList();
            assertThat(monthLines.get(0)).isEqualTo(api.get(0));
            assertThat(monthLines.get(month + 1)).isEqualTo(api.get(1));
        }
        assertThat(session.get("/outcomes/two-years-after.csv?cohortYear=1850").statusCode())
                .as("a hand-edited link")
                .isEqualTo(400);
    }

    @Test
    void givenACaseworker_whenOpeningTheOutcomes_thenTheForbiddenPage() {
        browser.signIn(ApiTestAccounts.CASEWORKER_TOREBODA, ApiTestAccounts.PASSWORD);

        browser.go("/outcomes?" + TWO_YEARS_AFTER);

        assertThat(browser.heading()).isEqualTo(label("forbidden.title"));
        assertThat(browser.findAll(By.id("outcome-cohort"))).isEmpty();
        browser.go("/outcomes/time-to.csv?" + HOUSING_FROM_ARRIVAL);
        assertThat(browser.heading()).isEqualTo(label("forbidden.title"));
    }

    @Test
    void givenBadInput_whenShowing_thenEachFieldSaysWhatIsWrongKeepsWhatWasTypedAndNothingIsQueried() {
        signInAsAnalyst();
        String lastYear = String.valueOf(today().getYear() + 2);

        browser.go("/outcomes?cohortYear=1850&municipalityCode=9999&asOf=2023-02-30");

        assertThat(browser.find(By.id("cohortYear-error")).getText())
                .isEqualTo(text("analyst.form.yearInvalid", "2000", lastYear));
        assertThat(browser.field(label("analyst.form.cohortYear")).getAttribute("value"))
                .isEqualTo("1850");
        assertThat(browser.field(label("analyst.form.cohortYear")).getAttribute("aria-invalid"))
                .isEqualTo("true");
        assertThat(browser.find(By.id("asOf-error")).getText()).isEqualTo(label("analyst.form.invalidDate"));
        assertThat(browser.field(label("analyst.form.asOf")).getAttribute("value"))
                .isEqualTo("2023-02-30");
        assertThat(browser.find(By.id("municipalityCode-error")).getText())
                .isEqualTo(label("analyst.form.unknownMunicipality"));
        assertThat(browser.find(By.id("error-summary")).getText()).contains(label("form.errorSummary"));
        assertThat(browser.findAll(By.id("outcome-cohort"))).isEmpty();
        assertThat(browser.findAll(By.id("outcome-by-cohort-year"))).isEmpty();
        browser.assertGoodPage();
        browser.screenshotForDocs("analyst-form-errors");

        browser.go("/outcomes?cohortYear=twenty");
        assertThat(browser.find(By.id("cohortYear-error")).getText())
                .isEqualTo(text("analyst.form.yearInvalid", "2000", lastYear));
        assertThat(browser.field(label("analyst.form.cohortYear")).getAttribute("value"))
                .isEqualTo("twenty");

        browser.go("/outcomes/time-to?milestone=FIRST_JOB&from=BIRTH&cohortYear=&municipalityCode=" + KIRUNA);
        assertThat(browser.find(By.id("milestone-error")).getText()).isEqualTo(label("analyst.form.chooseOne"));
        assertThat(browser.find(By.id("from-error")).getText()).isEqualTo(label("analyst.form.chooseOne"));
        assertThat(browser.find(By.id("cohortYear-error")).getText())
                .isEqualTo(text("analyst.form.yearRequired", "2000", String.valueOf(today().getYear())));
        assertThat(browser.findAll(By.id("time-summary"))).isEmpty();
        assertThat(browser.mainText()).doesNotContain("Exception").doesNotContain("FIRST_JOB");
        browser.assertGoodPage();
    }

    @Test
    void givenACohortWithNoJourneys_whenShowing_thenTheyAreSaidToBeNoneRatherThanNaN() {
        signInAsAnalyst();

        browser.go("/outcomes?cohortYear=2005&municipalityCode=" + KIRUNA);

        assertThat(browser.find(By.id("empty-cohort")).getText())
                .isEqualTo(text("analyst.twoYears.emptyCohort", "2005"));
        assertThat(browser.findAll(By.id("outcome-status"))).isEmpty();
        assertThat(browser.mainText()).doesNotContain("NaN");
        browser.assertGoodPage();

        browser.go("/outcomes/time-to?milestone=SFI_LEVEL_B&from=ESTABLISHMENT_START&cohortYear=2005"
                + "&municipalityCode=" + KIRUNA);
        assertThat(browser.find(By.id("empty-cohort")).getText()).isEqualTo(label("analyst.timeTo.emptyCohort"));
        assertThat(browser.mainText()).doesNotContain("NaN");
        browser.assertGoodPage();
    }

    @Test
    void givenJavaScriptOff_whenTheAnalystUsesBothForms_thenTheResultsShow() {
        try (Browser plain = Browser.withoutJavaScript(port)) {
            plain.signIn(ApiTestAccounts.ANALYST, ApiTestAccounts.PASSWORD);
            assertThat(plain.path()).as("the analyst's start page").startsWith("/outcomes");

            plain.fill(label("analyst.form.cohortYear"), "2021")
                    .choose(label("analyst.form.municipality"), "Kiruna")
                    .press(label("analyst.form.show"));

            JsonNode outcome = json("/api/outcomes/two-years-after?" + TWO_YEARS_AFTER + PUBLISHED);
            assertThat(plain.find(By.id("result-heading")).getText())
                    .isEqualTo(text("analyst.twoYears.resultHeading", "2021", "Kiruna", today()));
            assertThat(plain.find(By.cssSelector("#outcome-status tr[data-measure=inWorkOrStudies] td"))
                            .getText())
                    .isEqualTo(outcome.path("inWorkOrStudies").path("count").asString());

            plain.follow(label("analyst.nav.timeTo"))
                    .choose(label("analyst.form.milestone"), label("analyst.milestone.HOUSING_SECURED"))
                    .fill(label("analyst.form.cohortYear"), "2018")
                    .choose(label("analyst.form.municipality"), "Kiruna")
                    .press(label("analyst.form.show"));

            assertThat(plain.find(By.cssSelector("#time-summary tr[data-measure=medianDays] td"))
                            .getText())
                    .isEqualTo(text("analyst.timeTo.days", "150"));
            plain.signOut();
        }
    }

    @Test
    void givenEnglishChosen_whenShowingTheOutcome_thenTheTablesSpeakEnglishWithTheSameNumbers() {
        signInAsAnalyst();
        browser.go("/outcomes?" + TWO_YEARS_AFTER);

        browser.press("English");

        try {
            assertThat(browser.heading()).isEqualTo(Messages.english("analyst.twoYears.title"));
            assertThat(browser.find(By.cssSelector("#outcome-by-gender th[data-key=FEMALE]"))
                            .getText())
                    .isEqualTo(Messages.english("analyst.gender.FEMALE"));
            assertThat(cells("outcome-status", "inWorkOrStudies")).containsExactly("10", "66.7%");
            assertThat(cells("outcome-status", "SELF_EMPLOYED")).containsExactly(SUPPRESSED, SUPPRESSED);
            assertThat(browser.find(By.id("suppression-note")).getText())
                    .isEqualTo(new MessageFormat(Messages.english("analyst.suppressed.note"), java.util.Locale.ENGLISH)
                            .format(new Object[] {SUPPRESSED}));
            browser.assertGoodPage();
        } finally {
            browser.press("Svenska");
        }
    }

    @Test
    void givenTheAnalystsPages_whenReadingTheirSourceAndDownloads_thenNoNameOrIdentityNumberIsAnywhere()
            throws Exception {
        signInAsAnalyst();
        SignedInSession session = SignedInSession.of(port, ApiTestAccounts.ANALYST, ApiTestAccounts.PASSWORD);
        List<String> sources = new ArrayList<>();
        for (String page : List.of(
                "/outcomes?" + TWO_YEARS_AFTER,
                "/outcomes?cohortYear=2020&municipalityCode=",
                "/outcomes/time-to?" + HOUSING_FROM_ARRIVAL,
                "/outcomes/time-to?milestone=IN_WORK_OR_STUDIES&from=ESTABLISHMENT_START&cohortYear=2019"
                        + "&municipalityCode=" + KIRUNA)) {
            browser.go(page);
            sources.add(browser.find(By.tagName("html")).getAttribute("outerHTML"));
            sources.add(session.get(linkPath("csv-download")).body());
        }

        assertThat(personalData).hasSize(34);
        for (String source : sources) {
            assertThat(source).isNotBlank();
            for (String personal : personalData) {
                assertThat(source).doesNotContain(personal);
            }
            assertThat(source).doesNotContain("Analys ");
        }
    }

    /**
     * Every cell of the page's tables against the API's JSON for {@code query} at the published limit: a figure the API
     * suppresses ({@code null}) shows the mark.
     */
    private void assertTablesShowTheApis(String query) {
        JsonNode outcome = json("/api/outcomes/two-years-after?" + query + PUBLISHED);
        Long denominator = count(outcome.path("denominator"));
        Long pending = count(outcome.path("pending"));
        Long lost = count(outcome.path("lostToFollowUp"));
        if (denominator == null || pending == null || lost == null) {
            assertThat(browser.findAll(By.cssSelector("#outcome-cohort tr[data-measure='cohortSize']")))
                    .as("the size is left out with any of its parts hidden")
                    .isEmpty();
        } else {
            assertThat(cells("outcome-cohort", "cohortSize"))
                    .containsExactly(String.valueOf(denominator + pending + lost));
        }
        assertThat(cells("outcome-cohort", "pending")).containsExactly(figure(outcome.path("pending")));
        assertThat(cells("outcome-cohort", "lostToFollowUp")).containsExactly(figure(outcome.path("lostToFollowUp")));
        assertThat(cells("outcome-cohort", "denominator")).containsExactly(figure(outcome.path("denominator")));
        outcome.path("byStatus").properties().forEach(status -> {
            Long count = count(status.getValue());
            assertThat(cells("outcome-status", status.getKey()))
                    .as(status.getKey())
                    .containsExactly(figure(status.getValue()), shareOf(count, denominator));
        });
        for (String measure : List.of("inWorkOrStudies", "selfSufficient")) {
            JsonNode countAndShare = outcome.path(measure);
            assertThat(cells("outcome-status", measure))
                    .as(measure)
                    .containsExactly(
                            figure(countAndShare.path("count")), percent(countAndShare.path("share"), denominator));
        }
        outcome.path("byGender")
                .properties()
                .forEach(group -> assertThat(column("outcome-by-gender", group.getKey()))
                        .as(group.getKey())
                        .containsExactlyElementsOf(breakdownCells(group.getValue())));
        outcome.path("byAgeBand")
                .properties()
                .forEach(group -> assertThat(column("outcome-by-age-band", group.getKey()))
                        .as(group.getKey())
                        .containsExactlyElementsOf(breakdownCells(group.getValue())));
        assertThat(cells("outcome-by-cohort-year", outcome.path("cohortYear").asString()))
                .containsExactly(
                        figure(outcome.path("denominator")),
                        figure(outcome.path("pending")),
                        figure(outcome.path("lostToFollowUp")),
                        figure(outcome.path("inWorkOrStudies").path("count")),
                        percent(outcome.path("inWorkOrStudies").path("share"), denominator));
    }

    /** A breakdown column as the page shows it: the counts, each status, then the two measures with their shares. */
    private static List<String> breakdownCells(JsonNode group) {
        Long denominator = count(group.path("denominator"));
        List<String> cells = new ArrayList<>(List.of(
                figure(group.path("denominator")),
                figure(group.path("pending")),
                figure(group.path("lostToFollowUp"))));
        group.path("byStatus").properties().forEach(status -> cells.add(figure(status.getValue())));
        cells.add(figure(group.path("inWorkOrStudies").path("count")));
        cells.add(percent(group.path("inWorkOrStudies").path("share"), denominator));
        cells.add(figure(group.path("selfSufficient").path("count")));
        cells.add(percent(group.path("selfSufficient").path("share"), denominator));
        return cells;
    }

    /** A count of the API's JSON, {@code null} when suppressed. */
    private static Long count(JsonNode count) {
        return count.isNull() ? null : count.asLong();
    }

    /** A count as the page shows it: the number, or the mark when the API suppresses it. */
    private static String figure(JsonNode count) {
        return count.isNull() ? SUPPRESSED : count.asString();
    }

    /** The texts of the {@code <td>} cells of a table's row, by the row's data-measure or data-key. */
    private List<String> cells(String table, String row) {
        List<WebElement> rows = browser.findAll(By.cssSelector(
                "#" + table + " tr[data-measure='" + row + "'], #" + table + " tr[data-key='" + row + "']"));
        assertThat(rows).as("row %s of table %s", row, table).hasSize(1);
        return rows.get(0).findElements(By.tagName("td")).stream()
                .map(cell -> cell.getText().replace('\u00a0', ' '))
                .toList();
    }

    /** The group of a bar chart (label, bar, value) whose label is {@code label}. */
    private WebElement bar(String chartTitleId, String label) {
        return browser.findAll(By.cssSelector("svg[aria-labelledby='" + chartTitleId + "'] g")).stream()
                .filter(group -> group.findElements(By.cssSelector("text.chart__label")).stream()
                        .anyMatch(text -> text.getText().equals(label)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no bar " + label + " in " + chartTitleId));
    }

    /** The texts of a table's column, top to bottom, by its heading's data-key: one group of a breakdown. */
    private List<String> column(String table, String key) {
        List<WebElement> headings = browser.findAll(By.cssSelector("#" + table + " thead th"));
        int index = -1;
        for (int i = 0; i < headings.size(); i++) {
            if (key.equals(headings.get(i).getAttribute("data-key"))) {
                index = i;
            }
        }
        assertThat(index).as("column %s of table %s", key, table).isPositive();
        List<String> column = new ArrayList<>();
        for (WebElement row : browser.findAll(By.cssSelector("#" + table + " tbody tr"))) {
            // the row's heading is the first cell, so the data cells are one to the left of the headings
            column.add(
                    row.findElements(By.tagName("td")).get(index - 1).getText().replace('\u00a0', ' '));
        }
        return column;
    }

    /**
     * The API's share (a fraction with 4 decimals) as the Swedish page shows it: a percentage with one decimal,
     * half-up, a dash when nobody was measured, or the mark when it is suppressed.
     */
    private static String percent(JsonNode share, Long denominator) {
        if (share.isNull() || denominator == null) {
            return SUPPRESSED;
        }
        if (denominator == 0) {
            return "–";
        }
        return share.decimalValue()
                        .movePointRight(2)
                        .setScale(1, RoundingMode.HALF_UP)
                        .toPlainString()
                        .replace('.', ',')
                + " %";
    }

    private static String shareOf(Long count, Long denominator) {
        if (count == null || denominator == null) {
            return SUPPRESSED;
        }
        if (denominator == 0) {
            return "–";
        }
        BigDecimal share = BigDecimal.valueOf(count).divide(BigDecimal.valueOf(denominator), 4, RoundingMode.HALF_UP);
        return share.movePointRight(2)
                        .setScale(1, RoundingMode.HALF_UP)
                        .toPlainString()
                        .replace('.', ',') + " %";
    }

    /** A Swedish text with its arguments, as the page writes it (arguments passed as text, so never grouped). */
    private static String text(String key, Object... args) {
        Object[] texts = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            texts[i] = String.valueOf(args[i]);
        }
        return new MessageFormat(label(key), java.util.Locale.forLanguageTag("sv")).format(texts);
    }

    private JsonNode json(String path) {
        ApiClient.Response response = analyst().get(path);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    /** The path and query of a link on the current page, found by its id. */
    private String linkPath(String id) {
        URI href = URI.create(browser.find(By.id(id)).getAttribute("href"));
        return href.getRawPath() + "?" + href.getRawQuery();
    }

    private void signInAsAnalyst() {
        browser.signIn(ApiTestAccounts.ANALYST, ApiTestAccounts.PASSWORD);
    }

    /** Registers a journey in Kiruna (as the admin, who may act in any municipality) and returns its id. */
    private String register(String arrival, int birthYear, String gender, String fullName, String birthDate) {
        String identityNumber = identityNumber(birthDate, 418);
        personalData.add(fullName);
        personalData.add(identityNumber);
        Map<String, Object> personal = new LinkedHashMap<>();
        personal.put("fullName", fullName);
        personal.put("personalIdentityNumber", identityNumber);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("municipalityCode", KIRUNA);
        body.put("arrivalDate", arrival);
        body.put("receptionType", "ASSIGNED");
        body.put("birthYear", birthYear);
        body.put("gender", gender);
        body.put("countryOfBirth", "AF");
        body.put("educationLevel", "SECONDARY");
        body.put("personalDetails", personal);
        ApiClient.Response created = admin().post("/api/journeys", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("journeyId").asString();
    }

    /** A valid personal identity number {@code YYYYMMDD-NNNC} for a birth date, with its Luhn check digit. */
    private static String identityNumber(String birthDate, int serial) {
        String digits = birthDate.substring(2) + String.format("%03d", serial);
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int product = (digits.charAt(i) - '0') * (i % 2 == 0 ? 2 : 1);
            sum += product / 10 + product % 10;
        }
        return birthDate + "-" + String.format("%03d", serial) + (10 - sum % 10) % 10;
    }

    /**
     * A session signed in through the sign-in form, as a browser's: the pages' chain takes no Basic credentials,
     * so a download is fetched with the session cookie a person's browser would send.
     */
    private record SignedInSession(HttpClient http, String base) {

        static SignedInSession of(int port, String username, String password) throws Exception {
            SignedInSession session = new SignedInSession(
                    HttpClient.newBuilder()
                            .cookieHandler(new CookieManager())
                            .followRedirects(HttpClient.Redirect.NEVER)
                            .build(),
                    "http://localhost:" + port);
            Matcher csrf = CSRF.matcher(session.get("/signin").body());
            assertThat(csrf.find()).as("the sign-in form's CSRF token").isTrue();
            String form = "username=" + encode(username) + "&password=" + encode(password) + "&_csrf="
                    + encode(csrf.group(1));
            HttpResponse<String> signedIn = session.http.send(
                    HttpRequest.newBuilder(URI.create(session.base + "/signin"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(signedIn.statusCode()).isEqualTo(302);
            assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
            return session;
        }

        HttpResponse<String> get(String path) throws Exception {
            return http.send(
                    HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }

        private static String encode(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }
}
