package se.integrationjourney.api.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.integrationjourney.api.pages.Browser.label;

import java.text.MessageFormat;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import se.integrationjourney.api.testsupport.ApiClient;
import se.integrationjourney.api.testsupport.ApiTestAccounts;
import se.integrationjourney.api.web.ApiTestBase;
import se.integrationjourney.core.events.EducationLevel;
import se.integrationjourney.core.events.Gender;
import se.integrationjourney.core.events.NewcomerRegistered;
import se.integrationjourney.core.events.PersonalDetails;
import se.integrationjourney.core.events.ReceptionType;

/**
 * The administrator pages in a browser: accounts created, refused, reset, disabled, enabled and given other roles;
 * a view rebuilt until its progress reaches 100 %; the dead-letter queue; the administrative log; and who may not
 * come in. Every page passes {@link Browser#assertGoodPage()}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminPagesTest extends ApiTestBase {

    private static final String PASSWORD = "a long enough password";

    @Autowired
    EventStore eventStore;

    @Autowired
    TransactionTemplate transaction;

    private Browser browser;

    @BeforeAll
    void openBrowser() {
        browser = Browser.open(port);
    }

    @BeforeEach
    void adminSignedIn() {
        leaveNoDeadLettersOrFailedSignIns();
        browser.forgetSession();
        browser.signIn(ApiTestAccounts.ADMIN, ApiTestAccounts.ADMIN_PASSWORD);
    }

    /**
     * The context is shared with other test classes: no dead letter (from an unstorable event, or a rebuild meeting
     * one stored by another class) and no failed sign-in from this machine's address is found or left behind.
     */
    @AfterEach
    void leaveNoDeadLettersOrFailedSignIns() {
        for (String view : List.of("journey-state", "caseload", "outcomes")) {
            for (String journey : admin().get("/api/admin/projections/" + view + "/dead-letters")
                    .json()
                    .findValuesAsString("journeyId")) {
                admin().send("DELETE", "/api/admin/projections/" + view + "/dead-letters/" + journey, null, null);
            }
        }
        for (String address : List.of("127.0.0.1", "0:0:0:0:0:0:0:1")) {
            admin().send("DELETE", "/api/admin/sign-in-locks/addresses/" + address, null, null);
        }
    }

    @AfterAll
    void closeBrowser() {
        browser.close();
    }

    @Test
    void givenAnAdministrator_whenSigningIn_thenTheOverviewShowsViewsAccountsAndLocks() {
        assertThat(browser.path()).isEqualTo("/admin");
        assertThat(browser.heading()).isEqualTo(label("admin.overview.title"));
        assertThat(browser.mainText())
                .contains(label("admin.view.caseload"))
                .contains(label("admin.view.journey-state"))
                .contains(label("admin.overview.accounts.count"))
                .contains(label("admin.locks.title"));
        browser.assertGoodPage();
    }

    @Test
    void givenTheNewAccountForm_whenCreatingACaseworkerInToreboda_thenTheListShowsItWithTheMunicipalitysName() {
        String username = "cw-" + suffix();
        browser.go("/admin/accounts");
        browser.follow(label("admin.accounts.new"));
        browser.assertGoodPage();

        browser.fill(label("admin.accounts.field.username"), username)
                .fill(label("admin.accounts.field.password"), PASSWORD);
        browser.field(label("role.CASEWORKER")).click();
        browser.choose(label("admin.accounts.field.municipality"), "Töreboda");
        browser.press(label("admin.accounts.create"));

        assertThat(browser.path()).isEqualTo("/admin/accounts");
        assertThat(browser.mainText()).contains(format("admin.accounts.done.created", username));
        assertThat(row("account-" + username))
                .contains(username)
                .contains(label("role.CASEWORKER"))
                .contains("Töreboda")
                .contains(label("admin.accounts.enabled"));
        assertThat(actsOn(username)).containsExactly("ACCOUNT_CREATED");
        assertThat(admin().get("/api/admin/users/" + username)
                        .json()
                        .path("municipalityCode")
                        .asString())
                .isEqualTo(ApiTestAccounts.TOREBODA);
        browser.assertGoodPage();
        browser.screenshotForDocs("admin-accounts");
    }

    @Test
    void givenACaseworkerWithoutMunicipality_whenCreating_thenTheSwedishRefusalIsAtTheFieldAndTheUsernameKept() {
        String username = "cw-" + suffix();
        browser.go("/admin/accounts/new");

        browser.fill(label("admin.accounts.field.username"), username)
                .fill(label("admin.accounts.field.password"), PASSWORD);
        browser.field(label("role.CASEWORKER")).click();
        browser.press(label("admin.accounts.create"));

        assertThat(browser.find(By.id("municipalityCode-error")).getText())
                .isEqualTo(label("account.refused.MUNICIPALITY_REQUIRED"));
        assertThat(browser.field(label("admin.accounts.field.municipality")).getAttribute("aria-describedby"))
                .contains("municipalityCode-error");
        assertThat(browser.field(label("admin.accounts.field.username")).getAttribute("value"))
                .isEqualTo(username);
        assertThat(browser.field(label("role.CASEWORKER")).isSelected())
                .as("the role ticked stays ticked")
                .isTrue();
        assertThat(admin().get("/api/admin/users/" + username).status())
                .as("nothing was created")
                .isEqualTo(404);
        browser.assertGoodPage();
        browser.screenshotForDocs("admin-account-refused");
    }

    @Test
    void givenAnUnusableUsername_whenCreating_thenTheFieldSaysWhatAUsernameMayBe() {
        browser.go("/admin/accounts/new");

        browser.fill(label("admin.accounts.field.username"), "Åsa Öberg")
                .fill(label("admin.accounts.field.password"), PASSWORD);
        browser.field(label("role.ANALYST")).click();
        browser.press(label("admin.accounts.create"));

        assertThat(browser.find(By.id("username-error")).getText()).isEqualTo(label("admin.accounts.username.invalid"));
        assertThat(browser.field(label("admin.accounts.field.username")).getAttribute("value"))
                .isEqualTo("Åsa Öberg");
    }

    @Test
    void givenAnAccount_whenResettingDisablingEnablingAndChangingRoles_thenEachIsDoneAndLoggedWithTheAdminsName() {
        String username = account("ANALYST", null);
        browser.go("/admin/accounts");
        browser.follow(username);
        assertThat(browser.heading()).isEqualTo(format("admin.account.title", username));
        browser.assertGoodPage();

        browser.fill(label("admin.account.reset.field"), "too short").press(label("admin.account.reset.submit"));
        assertThat(browser.find(By.id("temporaryPassword-error")).getText())
                .isEqualTo(label("account.refused.PASSWORD_TOO_SHORT"));
        browser.fill(label("admin.account.reset.field"), "temporary password 1")
                .press(label("admin.account.reset.submit"));
        assertThat(browser.mainText()).contains(format("admin.account.done.passwordReset", username));
        assertThat(accountJson(username).path("passwordChangeRequired").asBoolean())
                .isTrue();
        assertThat(ApiClient.as(port, username, "temporary password 1")
                        .get("/api/outcomes/two-years-after")
                        .status())
                .as("until the owner chooses a new password, the account may do nothing else")
                .isEqualTo(403);

        browser.press(label("admin.account.disable"));
        assertThat(browser.mainText()).contains(format("admin.account.done.disabled", username));
        assertThat(accountJson(username).path("disabled").asBoolean()).isTrue();
        browser.press(label("admin.account.enable"));
        assertThat(browser.mainText()).contains(format("admin.account.done.enabled", username));
        assertThat(accountJson(username).path("disabled").asBoolean()).isFalse();

        browser.field(label("role.ANALYST")).click();
        browser.field(label("role.CASEWORKER")).click();
        browser.choose(label("admin.accounts.field.municipality"), "Töreboda");
        browser.press(label("admin.account.roles.submit"));
        assertThat(browser.mainText()).contains(format("admin.account.done.roles", username));
        assertThat(accountJson(username).path("roles").toString()).isEqualTo("[\"CASEWORKER\"]");
        assertThat(accountJson(username).path("municipalityCode").asString()).isEqualTo(ApiTestAccounts.TOREBODA);
        browser.assertGoodPage();
        browser.screenshotForDocs("admin-account");

        assertThat(actsOn(username))
                .containsExactly(
                        "ACCOUNT_ROLES_CHANGED",
                        "ACCOUNT_ENABLED",
                        "ACCOUNT_DISABLED",
                        "PASSWORD_RESET",
                        "ACCOUNT_CREATED");
        browser.follow(label("admin.nav.log"));
        List<String> newest = browser.findAll(By.cssSelector("main tbody tr")).stream()
                .limit(4)
                .map(WebElement::getText)
                .toList();
        assertThat(newest)
                .hasSize(4)
                .allSatisfy(row -> assertThat(row)
                        .contains(ApiTestAccounts.ADMIN)
                        .contains(label("role.ADMIN"))
                        .contains(username));
        assertThat(newest.get(0)).contains(label("admin.act.ACCOUNT_ROLES_CHANGED"));
        assertThat(newest.get(1)).contains(label("admin.act.ACCOUNT_ENABLED"));
        assertThat(newest.get(2)).contains(label("admin.act.ACCOUNT_DISABLED"));
        assertThat(newest.get(3)).contains(label("admin.act.PASSWORD_RESET"));
        browser.assertGoodPage();
        browser.screenshotForDocs("admin-log");
    }

    @Test
    void
            givenTheAdministratorsOwnAccount_whenDisablingItOrDroppingTheAdminRole_thenTheRefusalIsShownAndNothingChanges() {
        browser.go("/admin/accounts/" + ApiTestAccounts.ADMIN);
        assertThat(browser.mainText()).contains(label("admin.account.own"));

        browser.press(label("admin.account.disable"));
        assertThat(browser.find(By.id("status-error")).getText()).isEqualTo(label("account.refused.OWN_ACCOUNT"));
        assertThat(accountJson(ApiTestAccounts.ADMIN).path("disabled").asBoolean())
                .isFalse();

        browser.field(label("role.ADMIN")).click();
        browser.field(label("role.AUDITOR")).click();
        browser.press(label("admin.account.roles.submit"));
        assertThat(browser.find(By.id("roles-error")).getText()).isEqualTo(label("account.refused.OWN_ACCOUNT"));
        assertThat(browser.field(label("role.AUDITOR")).isSelected())
                .as("what was ticked is kept")
                .isTrue();
        assertThat(accountJson(ApiTestAccounts.ADMIN).path("roles").toString()).isEqualTo("[\"ADMIN\"]");
        browser.assertGoodPage();
    }

    @Test
    void givenJourneysRecorded_whenAnAdministratorRebuildsAView_thenTheProgressReaches100Percent() {
        for (int i = 0; i < 40; i++) {
            registerJourney(today().minusDays(i).toString());
        }
        browser.go("/admin/views");
        browser.assertGoodPage();

        browser.press(label("admin.views.rebuild") + " " + label("admin.view.caseload"));

        assertThat(browser.path()).isEqualTo("/admin/views");
        assertThat(browser.mainText()).contains(format("admin.views.done.rebuild", label("admin.view.caseload")));
        browser.awaitText(label("admin.views.summary.idle"));
        WebElement progress = browser.find(By.cssSelector("#view-caseload progress"));
        assertThat(progress.getAttribute("value")).isEqualTo(progress.getAttribute("max"));
        assertThat(progress.getAttribute("max")).isEqualTo("100");
        assertThat(row("view-caseload")).contains("100 %");
        assertThat(browser.find(By.id("view-progress")).getAttribute("hx-trigger"))
                .as("no rebuild runs, so nothing polls")
                .isNull();
        assertThat(actsOn("caseload")).first().isEqualTo("VIEW_REBUILD_STARTED");
        String node = admin().nodeName();
        assertThat(browser.find(By.id("views-nodes")).getText())
                .as("the node answering, and the nodes processing events")
                .isEqualTo(format("admin.views.nodes", node, node));
        assertThat(row("view-caseload"))
                .as("each segment with the node holding it")
                .contains("0: " + node)
                .contains("1: " + node);
        browser.assertGoodPage();
        browser.screenshotForDocs("admin-views");
    }

    @Test
    void givenAViewWithoutDeadLetters_whenOpeningItsQueue_thenItSaysTheQueueIsEmpty() {
        browser.go("/admin/views");
        browser.find(By.cssSelector("#view-caseload a[href$='/dead-letters']")).click();

        assertThat(browser.path()).isEqualTo("/admin/views/caseload/dead-letters");
        assertThat(browser.heading()).isEqualTo(format("admin.deadLetters.heading", label("admin.view.caseload")));
        assertThat(browser.mainText()).contains(label("admin.deadLetters.none"));
        browser.assertGoodPage();
    }

    @Test
    void givenUnknownViewsJourneysAndAccounts_whenOpened_thenTheNotFoundPage() {
        for (String path : List.of(
                "/admin/views/no-such-view/dead-letters",
                "/admin/views/caseload/dead-letters/" + UUID.randomUUID() + "/delete",
                "/admin/views/caseload/dead-letters/not-a-journey-id/delete",
                "/admin/accounts/no-such-account")) {
            browser.go(path);
            assertThat(browser.heading()).as(path).isEqualTo(label("error.title"));
            assertThat(browser.mainText()).as(path).contains(MessageFormat.format(label("error.status"), 404));
        }
        browser.assertGoodPage();
    }

    @Test
    void givenACaseworker_whenOpeningAdministration_thenTheForbiddenPage() {
        browser.forgetSession();
        browser.signIn(ApiTestAccounts.CASEWORKER_TOREBODA, ApiTestAccounts.PASSWORD);

        for (String path : List.of("/admin", "/admin/accounts", "/admin/views", "/admin/log")) {
            browser.go(path);
            assertThat(browser.heading()).as(path).isEqualTo(label("forbidden.title"));
        }
    }

    @Test
    void givenJavaScriptOff_whenCreatingAnAccount_thenItWorks() {
        String username = "auditor-" + suffix();
        try (Browser plain = Browser.withoutJavaScript(port)) {
            plain.signIn(ApiTestAccounts.ADMIN, ApiTestAccounts.ADMIN_PASSWORD);
            plain.go("/admin/accounts/new");
            plain.fill(label("admin.accounts.field.username"), username)
                    .fill(label("admin.accounts.field.password"), PASSWORD);
            plain.field(label("role.AUDITOR")).click();
            plain.press(label("admin.accounts.create"));

            assertThat(plain.path()).isEqualTo("/admin/accounts");
            assertThat(plain.mainText()).contains(format("admin.accounts.done.created", username));
            assertThat(accountJson(username).path("roles").toString()).isEqualTo("[\"AUDITOR\"]");
        }
    }

    @Test
    void givenAnEventTheViewsCannotStore_whenRetryingAndThenDeletingIt_thenTheQueueEmptiesAndTheLogSaysSo() {
        String journey = storeRegistrationNamed("A\u0000B");
        await().atMost(Duration.ofSeconds(60))
                .until(() -> admin().get("/api/admin/projections/caseload/dead-letters")
                        .json()
                        .findValuesAsString("journeyId")
                        .contains(journey));
        browser.go("/admin/views/caseload/dead-letters");
        assertThat(browser.mainText()).contains(journey).contains("NewcomerRegistered");
        browser.assertGoodPage();
        browser.screenshotForDocs("admin-dead-letters");

        browser.press(label("admin.deadLetters.retry"));
        assertThat(browser.mainText())
                .contains(format("admin.deadLetters.done.retried", 0))
                .contains(journey);
        browser.toNextPage(() -> browser.find(By.cssSelector("a[href$='/" + journey + "/delete']"))
                .click());
        assertThat(browser.heading()).isEqualTo(label("admin.deadLetters.confirm.title"));
        browser.assertGoodPage();
        browser.follow(label("admin.cancel"));
        assertThat(browser.mainText()).as("cancelled: still there").contains(journey);
        browser.toNextPage(() -> browser.find(By.cssSelector("a[href$='/" + journey + "/delete']"))
                .click());
        browser.press(label("admin.deadLetters.confirm.submit"));

        assertThat(browser.path()).isEqualTo("/admin/views/caseload/dead-letters");
        assertThat(browser.mainText())
                .contains(format("admin.deadLetters.done.deleted", journey, 1))
                .contains(label("admin.deadLetters.none"));
        assertThat(actsOn("caseload")).first().isEqualTo("DEAD_LETTERS_RETRIED");
        assertThat(actsOn("caseload " + journey)).containsExactly("DEAD_LETTER_DELETED");
    }

    /** A registration whose name PostgreSQL cannot store, put straight into the event store as older data may be. */
    private String storeRegistrationNamed(String name) {
        UUID journey = UUID.randomUUID();
        NewcomerRegistered registered = new NewcomerRegistered(
                journey,
                LocalDate.of(2024, 2, 1),
                ApiTestAccounts.TOREBODA,
                ReceptionType.ASSIGNED,
                1990,
                Gender.FEMALE,
                "SY",
                EducationLevel.SECONDARY,
                new PersonalDetails(name, null));
        transaction.executeWithoutResult(status ->
                eventStore.publish(new GenericDomainEventMessage<>("Journey", journey.toString(), 0, registered)));
        return journey.toString();
    }

    /** The text of the table row with this id. */
    private String row(String id) {
        return browser.find(By.id(id)).getText();
    }

    private static String format(String key, Object... arguments) {
        return new MessageFormat(label(key), Locale.forLanguageTag("sv")).format(arguments);
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private tools.jackson.databind.JsonNode accountJson(String username) {
        ApiClient.Response account = admin().get("/api/admin/users/" + username);
        assertThat(account.status()).as(account.body()).isEqualTo(200);
        return account.json();
    }

    /** A new account with {@link #PASSWORD}, created through the admin API; its username. */
    private String account(String role, String municipality) {
        String username = role.toLowerCase(Locale.ROOT) + "-" + suffix();
        Map<String, Object> body =
                new java.util.HashMap<>(Map.of("username", username, "password", PASSWORD, "roles", List.of(role)));
        if (municipality != null) {
            body.put("municipalityCode", municipality);
        }
        ApiClient.Response created = admin().post("/api/admin/users", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return username;
    }

    /** The access log's acts on a subject, newest first. */
    private List<String> actsOn(String subject) {
        return jdbc.queryForList(
                "select action from access_log where subject = ? order by id desc", String.class, subject);
    }
}
