package se.integrationjourney.api.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static se.integrationjourney.api.pages.Browser.label;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
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
 * The caseworker's journey pages in a real browser: registering a newcomer (with the duplicate check), the journey
 * page, recording milestones through their forms, a rule's refusal in Swedish at its field, a retraction, a
 * correction, and a change by someone else meanwhile.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JourneyPagesTest extends ApiTestBase {

    private Browser browser;

    @BeforeAll
    void openBrowser() {
        browser = Browser.open(port);
    }

    @BeforeEach
    void caseworkerSignedIn() {
        browser.forgetSession().signIn(ApiTestAccounts.CASEWORKER_TOREBODA, ApiTestAccounts.PASSWORD);
    }

    @AfterAll
    void closeBrowser() {
        browser.close();
    }

    @Test
    void givenACaseworker_whenRegisteringRecordingSixMilestonesMeetingARefusalAndRetractingOne_thenThePageShowsItAll() {
        LocalDate arrival = today().minusMonths(3);
        String name = "Rasha " + UUID.randomUUID().toString().substring(0, 6);

        browser.go("/journeys/new");
        assertThat(browser.heading()).isEqualTo(label("register.title"));
        browser.assertGoodPage();
        browser.screenshotForDocs("caseworker-register");
        fillRegistration(arrival, name, identityNumber(arrival.minusYears(30), 11));
        browser.press(label("register.submit"));

        assertThat(browser.path()).startsWith("/journeys/");
        assertThat(browser.heading()).as(browser.mainText()).isEqualTo(name);
        assertThat(browser.mainText()).contains(label("milestone.NEWCOMER_REGISTERED"), label("path.arrival"));

        recordMilestone(
                "CASEWORKER_ASSIGNED",
                arrival.plusDays(1),
                () -> browser.choose(label("field.caseworkerId"), ApiTestAccounts.CASEWORKER_TOREBODA));
        recordMilestone("INTRODUCTORY_MEETING_HELD", arrival.plusDays(5), () -> {});
        recordMilestone("ACTION_PLAN_ESTABLISHED", arrival.plusDays(20), () -> {
            browser.find(By.cssSelector("input[name=goals][value=WORK]")).click();
            browser.find(By.cssSelector("input[name=goals][value=LANGUAGE]")).click();
            browser.fill(label("field.summary"), "Svenska först, sedan praktik inom vården.");
        });
        recordMilestone(
                "HOUSING_SECURED",
                arrival.plusDays(25),
                () -> browser.choose(label("field.tenure"), label("enum.Tenure.FIRST_HAND")));
        recordMilestone("SFI_ENROLLED", arrival.plusDays(30), () -> browser.fill(label("field.studyPath"), "3"));
        recordMilestone(
                "CIVIC_ORIENTATION_COMPLETED",
                arrival.plusDays(60),
                () -> browser.fill(label("field.hours"), "100").fill(label("field.language"), "arabiska"));

        // A level outside study path 3 (C–D): refused, in Swedish, at the level field, with the date kept.
        openMilestoneForm("SFI_LEVEL_REACHED");
        browser.fill(label("field.occurredOn"), arrival.plusDays(70).toString())
                .choose(label("field.level"), label("enum.SfiLevel.A"))
                .press(label("journey.milestone.save"));
        assertThat(browser.find(By.id("level-problem")).getText()).isEqualTo(label("rule.SFI_LEVEL_OUTSIDE_PATH"));
        assertThat(browser.field(label("field.occurredOn")).getAttribute("value"))
                .isEqualTo(arrival.plusDays(70).toString());
        browser.assertGoodPage();
        browser.screenshotForDocs("caseworker-refusal");

        browser.follow(name);
        browser.screenshotForDocs("caseworker-journey");
        retract("HOUSING_SECURED", "Fel datum: kontraktet skrevs inte då.");

        assertThat(browser.mainText()).contains(label("milestone.MILESTONE_RETRACTED"));
        WebElement struck = entry("HOUSING_SECURED");
        assertThat(struck.getAttribute("class")).contains("retracted");
        assertThat(struck.getText())
                .contains("Fel datum: kontraktet skrevs inte då.")
                .contains(ApiTestAccounts.CASEWORKER_TOREBODA);
        assertThat(browser.findAll(By.cssSelector(".path li.done")))
                .extracting(WebElement::getText)
                .anyMatch(step -> step.startsWith(label("path.civicOrientation")))
                .noneMatch(step -> step.startsWith(label("path.housing")));
        browser.assertGoodPage();
        List<String> types = new java.util.ArrayList<>();
        for (tools.jackson.databind.JsonNode recorded :
                caseworker().get("/api/journeys/" + journeyId() + "/timeline").json()) {
            types.add(recorded.path("type").asString());
        }
        assertThat(types)
                .containsExactly(
                        "NEWCOMER_REGISTERED",
                        "CASEWORKER_ASSIGNED",
                        "INTRODUCTORY_MEETING_HELD",
                        "ACTION_PLAN_ESTABLISHED",
                        "HOUSING_SECURED",
                        "SFI_ENROLLED",
                        "CIVIC_ORIENTATION_COMPLETED",
                        "MILESTONE_RETRACTED");
    }

    @Test
    void givenAnOpenJourneyForTheNumber_whenRegisteringAgain_thenItIsFlaggedWithALinkAndCanStillBeRegistered() {
        LocalDate arrival = today().minusMonths(2);
        String number = identityNumber(arrival.minusYears(40), 23);
        ApiClient.Response first =
                caseworker().post("/api/journeys", registration(arrival.toString(), "Omar A", number));
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        String firstId = first.json().path("journeyId").asString();
        awaitViewsCaughtUp("journey-state"); // the duplicate check reads the journey-state view
        long before = allEvents();

        browser.go("/journeys/new");
        fillRegistration(arrival, "Omar A", number);
        browser.press(label("register.submit"));

        assertThat(browser.path()).isEqualTo("/journeys/new");
        assertThat(browser.mainText()).contains(label("register.duplicate"));
        assertThat(browser.find(By.linkText(label("register.duplicate.open"))).getAttribute("href"))
                .endsWith("/journeys/" + firstId);
        assertThat(browser.field(label("field.fullName")).getAttribute("value")).isEqualTo("Omar A");
        assertThat(allEvents()).as("nothing recorded before confirming").isEqualTo(before);
        browser.assertGoodPage();

        browser.find(By.name("registerAnyway")).click();
        browser.press(label("register.submit"));
        assertThat(browser.path()).startsWith("/journeys/").isNotEqualTo("/journeys/" + firstId);
    }

    @Test
    void givenAnOpenJourneyInAnotherMunicipality_whenTheNumberIsTyped_thenItSaysSoWithoutALink() {
        LocalDate arrival = today().minusMonths(2);
        String number = identityNumber(arrival.minusYears(35), 37);
        java.util.Map<String, Object> elsewhere =
                new java.util.HashMap<>(registration(arrival.toString(), "Sara B", number));
        elsewhere.put("municipalityCode", "1287");
        ApiClient.Response registered = otherCaseworker().post("/api/journeys", elsewhere);
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        awaitViewsCaughtUp("journey-state"); // the duplicate check reads the journey-state view

        browser.go("/journeys/new");
        browser.fill(label("field.personalIdentityNumber"), number).tab(); // htmx asks as the field is left
        browser.awaitText(label("register.duplicate.elsewhere"));

        assertThat(browser.findAll(By.linkText(label("register.duplicate.open"))))
                .isEmpty();
    }

    @Test
    void givenSomeoneRecordedMeanwhile_whenSaving_thenThePageSaysSoKeepsWhatWasTypedAndSavesAnyway() {
        String journeyId = registerJourney(today().minusMonths(1).toString());
        openMilestoneFormOf(journeyId, "HOUSING_SECURED");
        browser.fill(label("field.occurredOn"), today().minusDays(3).toString())
                .choose(label("field.tenure"), label("enum.Tenure.SECOND_HAND"));
        record(caseworker(), journeyId, milestone("INTRODUCTORY_MEETING_HELD", today().minusDays(4)));

        browser.press(label("journey.milestone.save"));

        assertThat(browser.mainText()).contains(label("journey.changedMeanwhile"));
        assertThat(browser.field(label("field.occurredOn")).getAttribute("value"))
                .isEqualTo(today().minusDays(3).toString());
        assertThat(new org.openqa.selenium.support.ui.Select(browser.field(label("field.tenure")))
                        .getFirstSelectedOption()
                        .getText())
                .isEqualTo(label("enum.Tenure.SECOND_HAND"));
        browser.assertGoodPage();
        browser.press(label("journey.saveAnyway"));
        assertThat(browser.path()).isEqualTo("/journeys/" + journeyId);
        assertThat(entry("HOUSING_SECURED").getText()).contains(label("enum.Tenure.SECOND_HAND"));
    }

    @Test
    void givenAWrongName_whenCorrectingIt_thenTheJourneyShowsTheNewNameAndTheTimelineTheOld() {
        String journeyId = registerJourney(today().minusMonths(1).toString());
        browser.go("/journeys/" + journeyId).follow(label("journey.details.title"));
        browser.assertGoodPage().screenshotForDocs("caseworker-personal-details");

        browser.fill(label("field.personalIdentityNumber"), "19900101-0000").press(label("journey.details.submit"));
        assertThat(browser.find(By.id("personalIdentityNumber-problem")).getText())
                .isEqualTo(label("rule.INVALID_PERSONAL_IDENTITY_NUMBER"));
        browser.fill(label("field.fullName"), "Amal Haddad Karim")
                .fill(label("field.personalIdentityNumber"), "")
                .press(label("journey.details.submit"));

        assertThat(browser.heading()).isEqualTo("Amal Haddad Karim");
        assertThat(entry("NEWCOMER_REGISTERED").getText()).contains("Amal Haddad");
    }

    @Test
    void givenJavaScriptOff_whenRegisteringAndRecordingAMilestone_thenBothWork() {
        try (Browser plain = Browser.withoutJavaScript(port)) {
            plain.signIn(ApiTestAccounts.CASEWORKER_TOREBODA, ApiTestAccounts.PASSWORD)
                    .go("/journeys/new");
            LocalDate arrival = today().minusMonths(1);
            plain.fill(label("field.arrivalDate"), arrival.toString())
                    .choose(label("field.receptionType"), label("enum.ReceptionType.ASSIGNED"))
                    .fill(label("field.fullName"), "Nour C")
                    .fill(label("field.birthYear"), "1995")
                    .choose(label("field.gender"), label("enum.Gender.FEMALE"))
                    .fill(label("field.countryOfBirth"), "AF")
                    .choose(label("field.educationLevel"), label("enum.EducationLevel.PRIMARY"))
                    .press(label("register.submit"));
            assertThat(plain.heading()).isEqualTo("Nour C");

            plain.follow(label("journey.milestone.title"))
                    .choose(label("journey.milestone.type"), label("milestone.INTRODUCTORY_MEETING_HELD"))
                    .press(label("journey.milestone.next"))
                    .fill(label("field.occurredOn"), "not a date")
                    .press(label("journey.milestone.save"));
            assertThat(plain.find(By.id("occurredOn-problem")).getText()).isEqualTo(label("form.invalidDate"));
            plain.fill(label("field.occurredOn"), arrival.plusDays(2).toString())
                    .press(label("journey.milestone.save"));
            assertThat(plain.mainText())
                    .contains(Messages.swedish("journey.recorded")
                            .replace("{0}", label("milestone.INTRODUCTORY_MEETING_HELD")));
        }
    }

    @Test
    void givenOnlyAKeyboard_whenChoosingAnEventAndRecordingIt_thenItIsSaved() {
        String journeyId = registerJourney(today().minusMonths(1).toString());
        browser.go("/journeys/" + journeyId + "/milestones/new");

        browser.tabTo("type")
                .keys(label("milestone.INTRODUCTORY_MEETING_HELD"))
                .tab()
                .enter();
        assertThat(browser.heading()).isEqualTo(label("milestone.INTRODUCTORY_MEETING_HELD"));
        browser.tabTo("occurredOn").keys(today().minusDays(2).toString()).enter();

        assertThat(browser.path()).isEqualTo("/journeys/" + journeyId);
        assertThat(entry("INTRODUCTORY_MEETING_HELD").getText())
                .contains(today().minusDays(2).toString());
    }

    @Test
    void givenAnAnalyst_whenOpeningTheRegistration_thenForbidden() {
        browser.forgetSession()
                .signIn(ApiTestAccounts.ANALYST, ApiTestAccounts.PASSWORD)
                .go("/journeys/new");

        assertThat(browser.heading()).isEqualTo(label("forbidden.title"));
        browser.assertGoodPage().screenshotForDocs("forbidden");
    }

    @Test
    void givenNoSuchJourney_whenOpeningIt_thenTheNotFoundPage() {
        browser.go("/journeys/" + UUID.randomUUID());

        assertThat(browser.heading()).isEqualTo(label("error.title"));
        assertThat(browser.mainText()).contains(label("error.notFound"));
        browser.assertGoodPage().screenshotForDocs("error-not-found");
    }

    @Test
    void givenAJourneyOfAnotherMunicipality_whenOpeningIt_thenForbidden() {
        java.util.Map<String, Object> elsewhere =
                new java.util.HashMap<>(registration(today().minusMonths(1).toString(), "Lina D", null));
        elsewhere.put("municipalityCode", "1287");
        ApiClient.Response registered = otherCaseworker().post("/api/journeys", elsewhere);
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);

        browser.go("/journeys/" + registered.json().path("journeyId").asString());

        assertThat(browser.mainText()).doesNotContain("Lina D");
        assertThat(browser.heading()).isIn(label("forbidden.title"), label("error.title"));
    }

    private void fillRegistration(LocalDate arrival, String name, String number) {
        browser.fill(label("field.arrivalDate"), arrival.toString())
                .choose(label("field.receptionType"), label("enum.ReceptionType.OWN_ARRANGEMENT"))
                .fill(label("field.fullName"), name)
                .fill(label("field.personalIdentityNumber"), number)
                .fill(label("field.birthYear"), String.valueOf(arrival.getYear() - 30))
                .choose(label("field.gender"), label("enum.Gender.FEMALE"))
                .fill(label("field.countryOfBirth"), "SY")
                .choose(label("field.educationLevel"), label("enum.EducationLevel.SECONDARY"));
    }

    /** From the journey page: the type chosen, its form filled by {@code fill}, saved, back on the journey. */
    private void recordMilestone(String type, LocalDate on, Runnable fill) {
        openMilestoneForm(type);
        assertThat(browser.heading()).isEqualTo(label("milestone." + type));
        browser.fill(label("field.occurredOn"), on.toString());
        fill.run();
        browser.press(label("journey.milestone.save"));
        assertThat(browser.mainText())
                .as(type)
                .contains(Messages.swedish("journey.recorded").replace("{0}", label("milestone." + type)));
    }

    private void openMilestoneForm(String type) {
        browser.follow(label("journey.milestone.title"))
                .assertGoodPage()
                .screenshotForDocs("caseworker-milestone-type");
        browser.choose(label("journey.milestone.type"), label("milestone." + type))
                .press(label("journey.milestone.next"));
    }

    private void openMilestoneFormOf(String journeyId, String type) {
        browser.go("/journeys/" + journeyId + "/milestones/new?type=" + type);
    }

    private void retract(String type, String reason) {
        WebElement entry = entry(type);
        browser.toNextPage(() ->
                entry.findElement(By.linkText(label("journey.retraction.link"))).click());
        assertThat(browser.heading()).isEqualTo(label("journey.retraction.title"));
        browser.assertGoodPage().screenshotForDocs("caseworker-retraction");
        browser.fill(label("field.reason"), reason).press(label("journey.retraction.submit"));
    }

    /** The timeline entry of the (first listed) event of {@code type}. */
    private WebElement entry(String type) {
        return browser.findAll(By.cssSelector(".timeline > li")).stream()
                .filter(li -> li.findElement(By.tagName("h3")).getText().startsWith(label("milestone." + type)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " in the timeline"));
    }

    private String journeyId() {
        return browser.path().replaceAll("^/journeys/([0-9a-f-]{36}).*$", "$1");
    }

    /** A valid personnummer for {@code birth} with serial {@code serial} (10–99) and its Luhn check digit. */
    static String identityNumber(LocalDate birth, int serial) {
        String nine = String.format(
                        "%02d%02d%02d%02d", birth.getYear() % 100, birth.getMonthValue(), birth.getDayOfMonth(), serial)
                + "1";
        int sum = 0;
        for (int i = 0; i < nine.length(); i++) {
            int digit = (nine.charAt(i) - '0') * (i % 2 == 0 ? 2 : 1);
            sum += digit > 9 ? digit - 9 : digit;
        }
        int check = (10 - sum % 10) % 10;
        return String.format("%04d%02d%02d", birth.getYear(), birth.getMonthValue(), birth.getDayOfMonth()) + "-"
                + String.format("%02d", serial) + "1" + check;
    }
}
