package se.integrationjourney.api.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.integrationjourney.api.pages.Browser.label;

import java.text.MessageFormat;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
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
 * The caseworker's caseload ({@code /caseload}) and person search ({@code /journeys/search}) in a browser. The
 * journeys are registered through the JSON API in Töreboda and assigned to a caseworker account of this class's own
 * (the database may be shared with other test classes, whose journeys must not disturb "mine"); one journey in
 * Trelleborg must never show. Names carry a suffix of this run, so that searches find only this class's people.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseloadPagesTest extends ApiTestBase {

    private static final String PASSWORD = "a long enough password";
    private static final Locale SWEDISH = Locale.forLanguageTag("sv");
    /** Enough of "my" journeys in reception for two pages of 25. */
    private static final int RECEPTION_FILLERS = 24;

    private final String run = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
    private final String me = "cw-caseload-" + run;

    private Browser browser;
    private boolean registered;

    // The people, each a journey: A long overdue and mine, B mine in establishment, D mine with nothing due,
    // C nobody's (and long ago, so first in the whole municipality), E in Trelleborg.
    private final String nameA = "Amal Qadir " + run;
    private final String nameB = "Berhane Tesfay " + run;
    private final String nameC = "Chiara Lind " + run;
    private final String nameD = "Dalia Omar " + run;
    private final String nameE = "Amal Qadir " + run + " Trelleborg";
    private String journeyA;
    private String journeyC;
    private String numberA;
    private String numberE;

    @BeforeAll
    void openBrowser() {
        browser = Browser.open(port);
    }

    @AfterAll
    void closeBrowser() {
        browser.close();
    }

    /** Once, after the base class has made sure its accounts exist: the journeys, through the JSON API. */
    @BeforeEach
    void journeys() {
        browser.forgetSession();
        if (registered) {
            return;
        }
        account(me, "CASEWORKER", ApiTestAccounts.TOREBODA);
        LocalDate today = today();
        numberA = identityNumber(LocalDate.of(1985, 3, 14));
        numberE = identityNumber(LocalDate.of(1979, 11, 2));
        journeyA = register(caseworker(), ApiTestAccounts.TOREBODA, today.minusDays(200), nameA, numberA);
        assign(journeyA, today.minusDays(199));
        String journeyB = register(caseworker(), ApiTestAccounts.TOREBODA, today.minusDays(80), nameB, null);
        assign(journeyB, today.minusDays(79));
        record(caseworker(), journeyB, milestone("ESTABLISHMENT_PLAN_STARTED", today.minusDays(10)));
        journeyC = register(caseworker(), ApiTestAccounts.TOREBODA, LocalDate.of(1995, 1, 2), nameC, null);
        String journeyD = register(caseworker(), ApiTestAccounts.TOREBODA, today.minusDays(5), nameD, null);
        assign(journeyD, today.minusDays(5));
        record(caseworker(), journeyD, milestone("INTRODUCTORY_MEETING_HELD", today.minusDays(4)));
        for (int i = 0; i < RECEPTION_FILLERS; i++) {
            String filler = register(
                    caseworker(), ApiTestAccounts.TOREBODA, today.minusDays(40), "Filler " + i + " " + run, null);
            assign(filler, today.minusDays(39));
        }
        register(otherCaseworker(), ApiTestAccounts.TRELLEBORG, today.minusDays(300), nameE, numberE);
        await().atMost(Duration.ofSeconds(60)).until(() -> viewCaughtUp("caseload") && viewCaughtUp("journey-state"));
        registered = true;
    }

    @Test
    void givenMyJourneys_whenISignIn_thenMyCaseloadIsTheStartPageMostUrgentFirst() {
        browser.signIn(me, PASSWORD);

        assertThat(browser.path()).isEqualTo("/caseload");
        assertThat(browser.heading()).isEqualTo(label("caseload.title") + " – Töreboda");
        assertThat(browser.mainText()).contains(text("caseload.total", 27), text("caseload.pageOf", 1, 2));
        List<String> names = names();
        assertThat(names).hasSize(25);
        assertThat(names.subList(0, 2)).containsExactly(nameA, nameB);
        assertThat(names).doesNotContain(nameC, nameD, nameE);
        WebElement first = rows().get(0);
        assertThat(first.getText())
                .contains(label("caseload.caseworker.mine"), label("due.NO_INTRODUCTORY_MEETING"), "170 dagar");
        assertThat(first.findElement(By.tagName("a")).getAttribute("href")).endsWith("/journeys/" + journeyA);
        browser.assertGoodPage();
        browser.screenshotForDocs("caseload-mine");
    }

    @Test
    void givenMyCaseload_whenFilteredByStageAndByDueAction_thenOnlyThoseJourneysAreListed() {
        browser.signIn(me, PASSWORD);

        browser.choose(label("caseload.filter.stage"), label("stage.ESTABLISHMENT"));
        browser.awaitText(text("caseload.total", 1));

        assertThat(names()).containsExactly(nameB);
        assertThat(browser.path()).as("the filter is in the address").contains("stage=ESTABLISHMENT");
        assertThat(rows().get(0).getText()).contains(label("stage.ESTABLISHMENT"));
        browser.assertGoodPage();

        browser.go("/caseload?scope=mine&due=NO_HOUSING");
        assertThat(names()).containsExactly(nameA);
        assertThat(browser.field(label("caseload.filter.due")).getAttribute("value"))
                .isEqualTo("NO_HOUSING");
        browser.go("/caseload?scope=mine&due=FOLLOW_UP_DUE");
        assertThat(browser.mainText()).contains(label("caseload.empty.mine"));
        assertThat(rows()).isEmpty();
        browser.assertGoodPage();
        browser.screenshotForDocs("caseload-empty");
    }

    @Test
    void givenJourneysOfOthersAndNobodys_whenTheWholeMunicipalityIsChosen_thenTheyShowWithTheirCaseworker() {
        browser.signIn(me, PASSWORD);

        browser.choose(label("caseload.filter.scope"), label("caseload.scope.all"));
        browser.awaitText(nameC);

        List<String> names = names();
        assertThat(names.get(0))
                .as("nobody's since 1995: the most overdue of all")
                .isEqualTo(nameC);
        assertThat(names).doesNotContain(nameE);
        assertThat(rows().get(0).getText()).contains(label("caseload.caseworker.none"), label("due.NO_CASEWORKER"));
        browser.assertGoodPage();
        browser.go("/caseload?scope=all");
        browser.screenshotForDocs("caseload-municipality");
        browser.go("/caseload?scope=all&due=NO_CASEWORKER&size=50");
        assertThat(names()).contains(nameC).doesNotContain(nameA, nameB, nameD);
    }

    @Test
    void givenTwoPagesOfAFilteredCaseload_whenPaging_thenTheFiltersAreKept() {
        browser.signIn(me, PASSWORD).go("/caseload?scope=mine&stage=RECEPTION&size=25");
        assertThat(browser.mainText()).contains(text("caseload.total", 26), text("caseload.pageOf", 1, 2));

        browser.find(By.linkText(label("caseload.next"))).click();
        browser.awaitText(text("caseload.pageOf", 2, 2));

        assertThat(browser.path()).contains("stage=RECEPTION", "page=2");
        assertThat(names()).hasSize(1).doesNotContain(nameB);
        assertThat(browser.field(label("caseload.filter.stage")).getAttribute("value"))
                .isEqualTo("RECEPTION");
        browser.assertGoodPage();
        browser.find(By.linkText(label("caseload.previous"))).click(); // htmx: the list changes, the page stays
        browser.awaitText(text("caseload.pageOf", 1, 2));
        assertThat(browser.path()).contains("stage=RECEPTION", "page=1");
    }

    @Test
    void givenJavaScriptOff_whenFilteringAndPaging_thenThePlainFormAndLinksWork() {
        try (Browser plain = Browser.withoutJavaScript(port)) {
            plain.signIn(me, PASSWORD);
            plain.choose(label("caseload.filter.stage"), label("stage.RECEPTION"));
            plain.press(label("caseload.filter.submit"));
            assertThat(plain.path()).contains("stage=RECEPTION");
            assertThat(plain.mainText()).contains(text("caseload.total", 26));

            plain.follow(label("caseload.next"));

            assertThat(plain.path()).contains("stage=RECEPTION", "page=2");
            assertThat(plain.mainText()).contains(text("caseload.pageOf", 2, 2));
            plain.go("/journeys/search");
            plain.fill(label("search.query"), "qadir " + run).press(label("search.submit"));
            assertThat(plain.mainText()).contains(nameA).doesNotContain(nameE);
        }
    }

    @Test
    void givenAFilterInTheAddressThatIsNotKnown_whenTheCaseloadIsShown_thenItSaysSoAndListsWithoutIt() {
        browser.signIn(me, PASSWORD).go("/caseload?stage=ARRIVED&page=first");

        assertThat(browser.mainText())
                .contains(
                        label("caseload.filter.ignored"), label("caseload.filter.stage"), label("caseload.filter.page"))
                .contains(text("caseload.total", 27));
        browser.go("/caseload?page=9");
        assertThat(browser.mainText()).contains(text("caseload.empty.pastTheEnd", 9));
        browser.follow(label("caseload.firstPage"));
        assertThat(names()).hasSize(25);
    }

    @Test
    void givenACaseloadPageShown_whenTheAccessLogIsRead_thenItNamesTheJourneysShownToMe() {
        browser.signIn(me, PASSWORD).go("/caseload?scope=mine&due=NO_HOUSING");
        accessLog.flush();

        List<Map<String, Object>> reads = jdbc.queryForList(
                "select resource, journey_ids::text as journeys from access_log"
                        + " where username = ? and action = 'CASELOAD_READ' order by id desc",
                me);
        assertThat(reads).isNotEmpty();
        assertThat(reads.get(0).get("resource")).isEqualTo("GET /caseload");
        assertThat(reads.get(0).get("journeys")).isEqualTo("{" + journeyA + "}");
    }

    @Test
    void givenPeopleInTwoMunicipalities_whenSearchingByPartOfAName_thenOnlyMineAreFoundAndTheSearchIsLogged() {
        browser.signIn(me, PASSWORD).go("/journeys/search");
        browser.assertGoodPage();

        browser.fill(label("search.query"), "qadir " + run).press(label("search.submit"));

        assertThat(browser.mainText()).contains(nameA, text("search.count", 1)).doesNotContain(nameE);
        assertThat(browser.find(By.linkText(nameA)).getAttribute("href")).endsWith("/journeys/" + journeyA);
        assertThat(browser.field(label("search.query")).getAttribute("value")).isEqualTo("qadir " + run);
        browser.assertGoodPage();
        browser.screenshotForDocs("caseload-search");
        accessLog.flush();
        List<Map<String, Object>> searches = jdbc.queryForList(
                "select resource, journey_ids::text as journeys from access_log"
                        + " where username = ? and action = 'JOURNEY_SEARCH' order by id desc",
                me);
        assertThat(searches.get(0).get("journeys")).isEqualTo("{" + journeyA + "}");
        assertThat(searches.get(0).get("resource").toString()).doesNotContain("qadir");
    }

    @Test
    void givenAPersonalIdentityNumber_whenSearchedInItsForms_thenThePersonIsFoundAndAnotherMunicipalitysIsNot() {
        browser.signIn(me, PASSWORD);
        String twelve = numberA.replace("-", "");
        String ten = twelve.substring(2);

        for (String typed : List.of(numberA, twelve, ten.substring(0, 6) + "-" + ten.substring(6), ten)) {
            browser.go("/journeys/search").fill(label("search.query"), typed).press(label("search.submit"));
            assertThat(browser.mainText()).as(typed).contains(nameA, text("search.count", 1));
        }

        browser.go("/journeys/search").fill(label("search.query"), numberE).press(label("search.submit"));
        assertThat(browser.mainText()).contains(label("search.none.number")).doesNotContain(nameE, "Trelleborg");
        browser.assertGoodPage();
    }

    @Test
    void givenBadSearches_whenSubmitted_thenTheFieldSaysWhyAndKeepsWhatWasTyped() {
        browser.signIn(me, PASSWORD).go("/journeys/search");
        String wrongCheckDigit = numberA.substring(0, 12) + ((numberA.charAt(12) - '0' + 1) % 10);

        browser.fill(label("search.query"), wrongCheckDigit).press(label("search.submit"));

        assertThat(browser.find(By.id("q-error")).getText()).isEqualTo(label("search.error.invalidNumber"));
        assertThat(browser.field(label("search.query")).getAttribute("value")).isEqualTo(wrongCheckDigit);
        assertThat(browser.field(label("search.query")).getAttribute("aria-invalid"))
                .isEqualTo("true");
        browser.assertGoodPage();
        browser.screenshotForDocs("caseload-search-error");
        browser.fill(label("search.query"), "Q").press(label("search.submit"));
        assertThat(browser.find(By.id("q-error")).getText()).isEqualTo(text("search.error.tooShort", 2));
        browser.fill(label("search.query"), "   ").press(label("search.submit"));
        assertThat(browser.find(By.id("q-error")).getText()).isEqualTo(label("search.error.blank"));
        browser.go("/journeys/search?q=Amal");
        assertThat(browser.findAll(By.id("search-results-heading")))
                .as("a link does not search")
                .isEmpty();
    }

    @Test
    void givenAnAnalyst_whenOpeningTheCaseloadOrTheSearch_thenTheForbiddenPage() {
        String analyst = "analyst-" + run + UUID.randomUUID().toString().substring(0, 4);
        account(analyst, "ANALYST", null);
        browser.signIn(analyst, PASSWORD);

        browser.go("/caseload");
        assertThat(browser.heading()).isEqualTo(label("forbidden.title"));
        browser.go("/journeys/search?q=Amal");
        assertThat(browser.heading()).isEqualTo(label("forbidden.title"));
        assertThat(browser.mainText()).doesNotContain(nameA);
    }

    @Test
    void givenAnAdministrator_whenOpeningTheCaseload_thenAMunicipalityIsChosenFirstByName() {
        browser.signIn(ApiTestAccounts.ADMIN, ApiTestAccounts.ADMIN_PASSWORD).go("/caseload");

        assertThat(browser.mainText()).contains(label("caseload.chooseMunicipalityFirst"));
        browser.choose(label("caseload.filter.municipality"), "Töreboda");
        browser.awaitText(nameC);

        assertThat(browser.path()).contains("municipality=1473");
        assertThat(names()).doesNotContain(nameE);
        browser.assertGoodPage();
    }

    // --- helpers ---

    /** The names in the caseload table, in its order. */
    private List<String> names() {
        List<String> names = new ArrayList<>();
        for (WebElement row : rows()) {
            names.add(row.findElement(By.cssSelector("th a")).getText());
        }
        return names;
    }

    private List<WebElement> rows() {
        return browser.findAll(By.cssSelector("table.caseload tbody tr"));
    }

    /** A Swedish text with its arguments, as the page formats it. */
    private static String text(String key, Object... arguments) {
        return new MessageFormat(label(key), SWEDISH).format(arguments);
    }

    private String register(
            ApiClient client, String municipality, LocalDate arrival, String name, String identityNumber) {
        Map<String, Object> body = new HashMap<>(registration(arrival.toString(), name, identityNumber));
        body.put("municipalityCode", municipality);
        ApiClient.Response created = client.post("/api/journeys", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("journeyId").asString();
    }

    private void assign(String journeyId, LocalDate on) {
        record(caseworker(), journeyId, milestone("CASEWORKER_ASSIGNED", on, "caseworkerId", me));
    }

    private void account(String username, String role, String municipality) {
        Map<String, Object> body =
                new HashMap<>(Map.of("username", username, "password", PASSWORD, "roles", List.of(role)));
        if (municipality != null) {
            body.put("municipalityCode", municipality);
        }
        ApiClient.Response created = admin().post("/api/admin/users", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    /** A valid personal identity number YYYYMMDD-NNNC born that day, with a random serial of this run. */
    private static String identityNumber(LocalDate born) {
        String date = born.format(DateTimeFormatter.BASIC_ISO_DATE);
        String serial = String.format("%03d", ThreadLocalRandom.current().nextInt(1000));
        String nine = date.substring(2) + serial;
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            int product = (nine.charAt(i) - '0') * (i % 2 == 0 ? 2 : 1);
            sum += product > 9 ? product - 9 : product;
        }
        return date + "-" + serial + (10 - sum % 10) % 10;
    }
}
