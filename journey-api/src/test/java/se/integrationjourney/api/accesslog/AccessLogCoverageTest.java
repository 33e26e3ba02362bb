package se.integrationjourney.api.accesslog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;
import se.integrationjourney.api.pages.audit.IdentityNumbersForTests;
import se.integrationjourney.api.security.AccountStore;
import se.integrationjourney.api.security.Role;
import se.integrationjourney.api.testsupport.ApiClient;
import se.integrationjourney.api.testsupport.ApiTestAccounts;
import se.integrationjourney.api.testsupport.PageSession;
import se.integrationjourney.api.web.ApiTestBase;
import se.integrationjourney.core.events.EducationLevel;
import se.integrationjourney.core.events.Gender;
import se.integrationjourney.core.events.NewcomerRegistered;
import se.integrationjourney.core.events.PersonalDetails;
import se.integrationjourney.core.events.ReceptionType;

/**
 * Every endpoint and page that shows personal data, and every administrative act, leaves its entry in the access
 * log: who, with which roles, what, where (the endpoint or page), which journeys, and the request's correlation id
 * ({@code X-Correlation-Id}); one test each. Pages are asked over plain HTTP in a signed-in session, as a browser
 * would ask them. The journeys are in Malå (2418), where no other test class records; each request carries a
 * correlation id of its own, by which its entries are found. Also: the table refuses UPDATE, DELETE and TRUNCATE.
 * The inventory is docs/operations.md's "What is logged".
 */
class AccessLogCoverageTest extends ApiTestBase {

    private static final String MALA = "2418";
    private static final String CASEWORKER = "cw-mala";
    private static final String CASEWORKER_ROLES = "CASEWORKER";

    @Autowired
    AccountStore accountStore;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Autowired
    EventStore eventStore;

    @Autowired
    TransactionTemplate transaction;

    /** An access-log entry as the table holds it, journeys in the order recorded. */
    record Logged(
            String username, String roles, String action, String resource, List<String> journeys, String subject) {}

    @BeforeEach
    void malasCaseworker() {
        accountStore.create(
                CASEWORKER, passwordEncoder.encode(ApiTestAccounts.PASSWORD), EnumSet.of(Role.CASEWORKER), MALA);
    }

    // ---- The API's reads

    @Test
    void givenAJourney_whenReadThroughTheApi_thenJourneyReadIsLogged() {
        String journey = register("Aida Malå");
        String correlation = correlation();

        ApiClient.Response read =
                caseworkerApi().with("X-Correlation-Id", correlation).get("/api/journeys/" + journey);

        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(read.body()).contains("Aida Malå");
        assertThat(logged(correlation))
                .containsExactly(
                        read(CASEWORKER, CASEWORKER_ROLES, "JOURNEY_READ", "GET /api/journeys/{journeyId}", journey));
    }

    @Test
    void givenAJourney_whenItsTimelineIsReadThroughTheApi_thenTimelineReadIsLogged() {
        String journey = register("Bela Malå");
        String correlation = correlation();

        ApiClient.Response read =
                auditor().with("X-Correlation-Id", correlation).get("/api/journeys/" + journey + "/timeline");

        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(read.body()).contains("Bela Malå");
        assertThat(logged(correlation))
                .containsExactly(read(
                        ApiTestAccounts.AUDITOR,
                        "AUDITOR",
                        "TIMELINE_READ",
                        "GET /api/journeys/{journeyId}/timeline",
                        journey));
    }

    @Test
    void givenJourneysInTheCaseload_whenAPageIsReadThroughTheApi_thenCaseloadReadNamesEveryJourneyOnIt() {
        String journey = register("Cira Malå");
        awaitViewsCaughtUp("caseload");
        String correlation = correlation();

        ApiClient.Response page =
                caseworkerApi().with("X-Correlation-Id", correlation).get("/api/caseload?size=100");

        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("Cira Malå");
        List<String> shown = page.json().findValuesAsString("journeyId");
        Logged entry = single(correlation);
        assertThat(entry)
                .extracting(Logged::username, Logged::roles, Logged::action, Logged::resource)
                .containsExactly(CASEWORKER, CASEWORKER_ROLES, "CASELOAD_READ", "GET /api/caseload");
        assertThat(entry.journeys()).containsExactlyElementsOf(shown).contains(journey);
    }

    @Test
    void givenAStudy_whenItsResearchExtractIsMadeThroughTheApi_thenResearchExtractIsLoggedWithTheStudy() {
        String study = saveStudy();
        String correlation = correlation();

        ApiClient.Response extract =
                analyst().with("X-Correlation-Id", correlation).get("/api/studies/" + study + "/extract");

        assertThat(extract.status()).as(extract.body()).isEqualTo(200);
        Logged entry = single(correlation);
        assertThat(entry)
                .extracting(Logged::username, Logged::roles, Logged::action, Logged::resource, Logged::subject)
                .containsExactly(
                        ApiTestAccounts.ANALYST,
                        "ANALYST",
                        "RESEARCH_EXTRACT",
                        "GET /api/studies/{studyId}/extract",
                        study);
    }

    // ---- The web application's pages

    @Test
    void givenJourneysInTheCaseload_whenTheCaseloadPageIsShown_thenCaseloadReadNamesTheJourneysOnIt() {
        String journey = register("Dana Malå");
        awaitViewsCaughtUp("caseload");
        String correlation = correlation();

        HttpResponse<String> page = caseworkerPages().get("/caseload?scope=all&size=50", correlation);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Dana Malå");
        Logged entry = single(correlation);
        assertThat(entry)
                .extracting(Logged::username, Logged::roles, Logged::action, Logged::resource)
                .containsExactly(CASEWORKER, CASEWORKER_ROLES, "CASELOAD_READ", "GET /caseload");
        assertThat(entry.journeys()).contains(journey);
    }

    @Test
    void givenAPerson_whenFoundByTheSearchPage_thenJourneySearchNamesWhatWasFoundAndNotWhatWasTyped() {
        String name = "Eska Sökbar" + UUID.randomUUID().toString().substring(0, 6);
        String journey = register(name);
        awaitViewsCaughtUp("caseload");
        String correlation = correlation();

        HttpResponse<String> page =
                caseworkerPages().postForm("/journeys/search", "/journeys/search", correlation, "q", name);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(name);
        assertThat(logged(correlation))
                .containsExactly(
                        read(CASEWORKER, CASEWORKER_ROLES, "JOURNEY_SEARCH", "POST /journeys/search", journey));
    }

    @Test
    void givenAJourney_whenItsPageIsShown_thenBothItsStateAndItsTimelineAreLogged() {
        String journey = register("Fanny Malå");
        String correlation = correlation();

        HttpResponse<String> page = caseworkerPages().get("/journeys/" + journey, correlation);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Fanny Malå");
        assertThat(logged(correlation))
                .containsExactly(
                        read(CASEWORKER, CASEWORKER_ROLES, "JOURNEY_READ", "GET /journeys/{journeyId}", journey),
                        read(CASEWORKER, CASEWORKER_ROLES, "TIMELINE_READ", "GET /journeys/{journeyId}", journey));
    }

    @Test
    void givenAJourney_whenTheMilestoneFormIsShown_thenJourneyReadIsLogged() {
        String journey = register("Gull Malå");
        String correlation = correlation();

        HttpResponse<String> page =
                caseworkerPages().get("/journeys/" + journey + "/milestones/new?type=HOUSING_SECURED", correlation);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Gull Malå");
        assertThat(logged(correlation))
                .containsExactly(read(
                        CASEWORKER,
                        CASEWORKER_ROLES,
                        "JOURNEY_READ",
                        "GET /journeys/{journeyId}/milestones/new",
                        journey));
    }

    @Test
    void givenAMilestoneFormWithAMistake_whenShownAgain_thenJourneyReadIsLoggedAsThePost() {
        String journey = register("Hedda Malå");
        PageSession pages = caseworkerPages();
        String correlation = correlation();

        HttpResponse<String> page = pages.postForm(
                "/journeys/" + journey + "/milestones",
                "/account/password",
                correlation,
                "type",
                "HOUSING_SECURED",
                "version",
                "0",
                "occurredOn",
                "not a date",
                "tenure",
                "FIRST_HAND");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Hedda Malå");
        assertThat(logged(correlation))
                .containsExactly(read(
                        CASEWORKER,
                        CASEWORKER_ROLES,
                        "JOURNEY_READ",
                        "POST /journeys/{journeyId}/milestones",
                        journey));
    }

    @Test
    void givenARecordedMilestone_whenTheRetractionFormIsShown_thenTheJourneyAndItsTimelineAreLogged() {
        String journey = register("Ilse Malå");
        String event = record(admin(), journey, milestone("HOUSING_SECURED", today(), "tenure", "FIRST_HAND"));
        String correlation = correlation();

        HttpResponse<String> page =
                caseworkerPages().get("/journeys/" + journey + "/retractions/new?eventId=" + event, correlation);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Ilse Malå");
        String resource = "GET /journeys/{journeyId}/retractions/new";
        assertThat(logged(correlation))
                .containsExactly(
                        read(CASEWORKER, CASEWORKER_ROLES, "JOURNEY_READ", resource, journey),
                        read(CASEWORKER, CASEWORKER_ROLES, "TIMELINE_READ", resource, journey));
    }

    @Test
    void givenARetractionWithoutAReason_whenShownAgain_thenTheJourneyAndItsTimelineAreLoggedAsThePost() {
        String journey = register("Jana Malå");
        String event = record(admin(), journey, milestone("HOUSING_SECURED", today(), "tenure", "FIRST_HAND"));
        String correlation = correlation();

        HttpResponse<String> page = caseworkerPages()
                .postForm(
                        "/journeys/" + journey + "/retractions",
                        "/account/password",
                        correlation,
                        "eventId",
                        event,
                        "version",
                        "1",
                        "reason",
                        "");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Jana Malå");
        String resource = "POST /journeys/{journeyId}/retractions";
        assertThat(logged(correlation))
                .containsExactly(
                        read(CASEWORKER, CASEWORKER_ROLES, "JOURNEY_READ", resource, journey),
                        read(CASEWORKER, CASEWORKER_ROLES, "TIMELINE_READ", resource, journey));
    }

    @Test
    void givenAJourney_whenThePersonalDetailsFormIsShown_thenJourneyReadIsLogged() {
        String journey = register("Karin Malå");
        String correlation = correlation();

        HttpResponse<String> page = caseworkerPages().get("/journeys/" + journey + "/personal-details", correlation);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Karin Malå");
        assertThat(logged(correlation))
                .containsExactly(read(
                        CASEWORKER,
                        CASEWORKER_ROLES,
                        "JOURNEY_READ",
                        "GET /journeys/{journeyId}/personal-details",
                        journey));
    }

    @Test
    void givenACorrectionWithoutAName_whenShownAgain_thenJourneyReadIsLoggedAsThePost() {
        String journey = register("Lova Malå");
        String correlation = correlation();

        HttpResponse<String> page = caseworkerPages()
                .postForm(
                        "/journeys/" + journey + "/personal-details",
                        "/account/password",
                        correlation,
                        "version",
                        "0",
                        "fullName",
                        "",
                        "personalIdentityNumber",
                        "");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Lova Malå");
        assertThat(logged(correlation))
                .containsExactly(read(
                        CASEWORKER,
                        CASEWORKER_ROLES,
                        "JOURNEY_READ",
                        "POST /journeys/{journeyId}/personal-details",
                        journey));
    }

    @Test
    void givenAnIdentityNumberWithAnOpenJourney_whenTypedAtRegistration_thenDuplicateCheckNamesTheJourney() {
        String number = IdentityNumbersForTests.random();
        String journey = register("Maja Malå", number);
        awaitViewsCaughtUp("journey-state");
        String correlation = correlation();

        HttpResponse<String> fragment =
                caseworkerPages().get("/journeys/new/duplicates?personalIdentityNumber=" + number, correlation);

        assertThat(fragment.statusCode()).isEqualTo(200);
        assertThat(fragment.body()).contains("/journeys/" + journey);
        assertThat(logged(correlation))
                .containsExactly(
                        read(CASEWORKER, CASEWORKER_ROLES, "DUPLICATE_CHECK", "GET /journeys/new/duplicates", journey));
    }

    @Test
    void givenAnIdentityNumberWithAnOpenJourney_whenARegistrationIsSent_thenTheFlagIsShownAndDuplicateCheckLogged() {
        String number = IdentityNumbersForTests.random();
        String journey = register("Nora Malå", number);
        awaitViewsCaughtUp("journey-state");
        String correlation = correlation();

        HttpResponse<String> page = caseworkerPages()
                .postForm(
                        "/journeys/new",
                        "/journeys/new",
                        correlation,
                        "arrivalDate",
                        today().toString(),
                        "receptionType",
                        "ASSIGNED",
                        "fullName",
                        "Nora Malå",
                        "personalIdentityNumber",
                        number,
                        "birthYear",
                        "1990",
                        "gender",
                        "FEMALE",
                        "countryOfBirth",
                        "SY",
                        "educationLevel",
                        "SECONDARY");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("/journeys/" + journey);
        assertThat(logged(correlation))
                .containsExactly(read(CASEWORKER, CASEWORKER_ROLES, "DUPLICATE_CHECK", "POST /journeys/new", journey));
    }

    @Test
    void givenAJourney_whenTheAuditorOpensItsAuditPage_thenTimelineReadIsLoggedAsTheAuditPage() {
        String journey = register("Olga Malå");
        String correlation = correlation();

        HttpResponse<String> page = auditorPages().get("/audit/journeys/" + journey, correlation);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Olga Malå");
        assertThat(logged(correlation))
                .containsExactly(read(
                        ApiTestAccounts.AUDITOR,
                        "AUDITOR",
                        "TIMELINE_READ",
                        "GET /audit/journeys/{journeyId}",
                        journey));
    }

    @Test
    void givenAPersonWithTwoJourneys_whenTheAuditorLooksUpTheNumber_thenJourneySearchNamesBothAndNotTheNumber() {
        String number = IdentityNumbersForTests.random();
        String first = register("Petra Malå", number);
        String second = register("Petra Malå", number);
        awaitViewsCaughtUp("journey-state");
        String correlation = correlation();

        HttpResponse<String> page = auditorPages().postForm("/audit", "/audit", correlation, "reference", number);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("/audit/journeys/" + first, "/audit/journeys/" + second);
        Logged entry = single(correlation);
        assertThat(entry)
                .extracting(Logged::username, Logged::roles, Logged::action, Logged::resource, Logged::subject)
                .containsExactly(ApiTestAccounts.AUDITOR, "AUDITOR", "JOURNEY_SEARCH", "POST /audit", null);
        assertThat(entry.journeys()).containsExactlyInAnyOrder(first, second);
    }

    @Test
    void givenAStudy_whenItsResearchExtractIsMadeOnItsPage_thenResearchExtractIsLoggedWithTheStudy() {
        String study = saveStudy();
        String correlation = correlation();
        PageSession analystPages = PageSession.signIn(port, ApiTestAccounts.ANALYST, ApiTestAccounts.PASSWORD);

        HttpResponse<String> extract = analystPages.postForm(
                "/outcomes/studies/" + study + "/extract", "/outcomes/studies/" + study, correlation);

        assertThat(extract.statusCode()).isEqualTo(200);
        assertThat(single(correlation))
                .extracting(Logged::username, Logged::roles, Logged::action, Logged::resource, Logged::subject)
                .containsExactly(
                        ApiTestAccounts.ANALYST,
                        "ANALYST",
                        "RESEARCH_EXTRACT",
                        "POST /outcomes/studies/{studyId}/extract",
                        study);
    }

    // ---- Administrative acts, written with the act

    @Test
    void givenAnAdministrator_whenAnAccountIsCreatedDisabledEnabledGivenOtherRolesAndANewPassword_thenEachIsLogged() {
        String account = "coverage-" + UUID.randomUUID().toString().substring(0, 8);
        String created = correlation();
        String disabled = correlation();
        String enabled = correlation();
        String roles = correlation();
        String reset = correlation();
        String users = "/api/admin/users/" + account;

        assertThat(admin().with("X-Correlation-Id", created)
                        .post(
                                "/api/admin/users",
                                Map.of(
                                        "username",
                                        account,
                                        "password",
                                        "a password long enough",
                                        "roles",
                                        List.of("ANALYST")))
                        .status())
                .isEqualTo(201);
        assertThat(admin().with("X-Correlation-Id", disabled)
                        .post(users + "/disable", "")
                        .status())
                .isEqualTo(200);
        assertThat(admin().with("X-Correlation-Id", enabled)
                        .post(users + "/enable", "")
                        .status())
                .isEqualTo(200);
        assertThat(admin().with("X-Correlation-Id", roles)
                        .send(
                                "PUT",
                                users + "/roles",
                                "application/json",
                                "{\"roles\":[\"AUDITOR\"]}".getBytes(StandardCharsets.UTF_8))
                        .status())
                .isEqualTo(200);
        assertThat(admin().with("X-Correlation-Id", reset)
                        .post(users + "/password-reset", Map.of("temporaryPassword", "another long password"))
                        .status())
                .isEqualTo(200);

        assertThat(logged(created)).containsExactly(act("ACCOUNT_CREATED", "POST /api/admin/users", account));
        assertThat(logged(disabled))
                .containsExactly(act("ACCOUNT_DISABLED", "POST /api/admin/users/{username}/disable", account));
        assertThat(logged(enabled))
                .containsExactly(act("ACCOUNT_ENABLED", "POST /api/admin/users/{username}/enable", account));
        assertThat(logged(roles))
                .containsExactly(act("ACCOUNT_ROLES_CHANGED", "PUT /api/admin/users/{username}/roles", account));
        assertThat(logged(reset))
                .containsExactly(act("PASSWORD_RESET", "POST /api/admin/users/{username}/password-reset", account));
    }

    @Test
    void givenAnAccount_whenItsOwnerChangesThePassword_thenPasswordChangedIsLogged() {
        String account = "coverage-own-" + UUID.randomUUID().toString().substring(0, 8);
        accountStore.create(account, passwordEncoder.encode(ApiTestAccounts.PASSWORD), EnumSet.of(Role.ANALYST), null);
        String correlation = correlation();

        ApiClient.Response changed = ApiClient.as(port, account, ApiTestAccounts.PASSWORD)
                .with("X-Correlation-Id", correlation)
                .post(
                        "/api/account/password",
                        Map.of("currentPassword", ApiTestAccounts.PASSWORD, "newPassword", "a brand new password"));

        assertThat(changed.status()).as(changed.body()).isEqualTo(204);
        assertThat(logged(correlation))
                .containsExactly(new Logged(
                        account, "ANALYST", "PASSWORD_CHANGED", "POST /api/account/password", List.of(), account));
    }

    @Test
    void givenAView_whenAnAdministratorRebuildsItAndRetriesItsDeadLetters_thenBothAreLogged() {
        String rebuilt = correlation();
        String retried = correlation();

        assertThat(admin().with("X-Correlation-Id", rebuilt)
                        .post("/api/admin/projections/studies/rebuild", "")
                        .status())
                .isEqualTo(202);
        assertThat(admin().with("X-Correlation-Id", retried)
                        .post("/api/admin/projections/studies/dead-letters/retry", "")
                        .status())
                .isEqualTo(200);

        assertThat(logged(rebuilt))
                .containsExactly(act("VIEW_REBUILD_STARTED", "POST /api/admin/projections/{name}/rebuild", "studies"));
        assertThat(logged(retried))
                .containsExactly(act(
                        "DEAD_LETTERS_RETRIED", "POST /api/admin/projections/{name}/dead-letters/retry", "studies"));
        await().atMost(Duration.ofSeconds(60)).until(() -> viewCaughtUp("studies"));
    }

    @Test
    void givenADeadLetteredJourney_whenAnAdministratorDropsIt_thenDeadLetterDeletedIsLogged() {
        String stored = storeRegistrationPostgresRefuses();
        awaitViewsCaughtUp("journey-state", "caseload", "outcomes"); // each has handled or dead-lettered it
        assertThat(deadLettered("caseload")).contains(stored);
        String correlation = correlation();

        ApiClient.Response dropped = admin().with("X-Correlation-Id", correlation)
                .send("DELETE", "/api/admin/projections/caseload/dead-letters/" + stored, null, null);
        for (String view : List.of("journey-state", "outcomes")) { // the context is shared: none left behind
            if (deadLettered(view).contains(stored)) {
                admin().send("DELETE", "/api/admin/projections/" + view + "/dead-letters/" + stored, null, null);
            }
        }

        assertThat(dropped.status()).as(dropped.body()).isEqualTo(200);
        assertThat(logged(correlation))
                .containsExactly(act(
                        "DEAD_LETTER_DELETED",
                        "DELETE /api/admin/projections/{name}/dead-letters/{journeyId}",
                        "caseload " + stored));
    }

    @Test
    void givenAFailedSignIn_whenAnAdministratorLiftsTheAccountsLock_thenSignInLockLiftedIsLogged() {
        String account = "coverage-lock-" + UUID.randomUUID().toString().substring(0, 8);
        accountStore.create(account, passwordEncoder.encode(ApiTestAccounts.PASSWORD), EnumSet.of(Role.ANALYST), null);
        assertThat(ApiClient.as(port, account, "not the password at all")
                        .get("/api/studies")
                        .status())
                .isEqualTo(401);
        String correlation = correlation();

        ApiClient.Response lifted = admin().with("X-Correlation-Id", correlation)
                .send("DELETE", "/api/admin/sign-in-locks/accounts/" + account, null, null);

        assertThat(lifted.status()).as(lifted.body()).isEqualTo(204);
        assertThat(logged(correlation))
                .containsExactly(
                        act("SIGN_IN_LOCK_LIFTED", "DELETE /api/admin/sign-in-locks/accounts/{username}", account));
    }

    @Test
    void givenAnAnalyst_whenAStudyIsSaved_thenStudySavedIsLoggedWithTheStudy() {
        String correlation = correlation();

        ApiClient.Response saved =
                analyst().with("X-Correlation-Id", correlation).post("/api/studies", study("Täckning, sparad"));

        assertThat(saved.status()).as(saved.body()).isEqualTo(201);
        String study = saved.json().path("id").asString();
        assertThat(logged(correlation))
                .containsExactly(new Logged(
                        ApiTestAccounts.ANALYST, "ANALYST", "STUDY_SAVED", "POST /api/studies", List.of(), study));
    }

    // ---- The table itself

    @Test
    void givenTheAccessLogTable_whenAnEntryIsUpdatedDeletedOrTheTableTruncated_thenTheDatabaseRefusesAndKeepsIt() {
        String journey = register("Rut Malå");
        String correlation = correlation();
        assertThat(caseworkerApi()
                        .with("X-Correlation-Id", correlation)
                        .get("/api/journeys/" + journey)
                        .status())
                .isEqualTo(200);
        List<Logged> before = logged(correlation);
        assertThat(before).hasSize(1);

        for (String change : List.of(
                "update access_log set username = 'someone-else' where correlation_id = '" + correlation + "'",
                "delete from access_log where correlation_id = '" + correlation + "'",
                "truncate access_log")) {
            assertThatThrownBy(() -> jdbc.execute(change))
                    .as(change)
                    .isInstanceOf(DataAccessException.class)
                    .hasMessageContaining("access_log is append-only");
        }

        assertThat(logged(correlation)).isEqualTo(before);
    }

    // ---- Helpers

    private ApiClient caseworkerApi() {
        return ApiClient.as(port, CASEWORKER, ApiTestAccounts.PASSWORD);
    }

    private PageSession caseworkerPages() {
        return PageSession.signIn(port, CASEWORKER, ApiTestAccounts.PASSWORD);
    }

    private PageSession auditorPages() {
        return PageSession.signIn(port, ApiTestAccounts.AUDITOR, ApiTestAccounts.PASSWORD);
    }

    private static String correlation() {
        return "coverage-" + UUID.randomUUID();
    }

    /** The entries written for the request with this correlation id, in the order of the reads. */
    private List<Logged> logged(String correlation) {
        accessLog.flush();
        return jdbc.query(
                "select username, roles, action, resource, array_to_string(journey_ids, ',') as journeys, subject"
                        + " from access_log where correlation_id = ? order by at, id",
                (row, n) -> new Logged(
                        row.getString("username"),
                        row.getString("roles"),
                        row.getString("action"),
                        row.getString("resource"),
                        row.getString("journeys").isEmpty()
                                ? List.of()
                                : Arrays.asList(row.getString("journeys").split(",")),
                        row.getString("subject")),
                correlation);
    }

    private Logged single(String correlation) {
        List<Logged> entries = logged(correlation);
        assertThat(entries).hasSize(1);
        return entries.get(0);
    }

    private static Logged read(String username, String roles, String action, String resource, String journey) {
        return new Logged(username, roles, action, resource, List.of(journey), null);
    }

    private static Logged act(String action, String resource, String subject) {
        return new Logged(ApiTestAccounts.ADMIN, "ADMIN", action, resource, List.of(), subject);
    }

    private String register(String name) {
        return register(name, null);
    }

    /** Registers a journey in Malå as the administrator (which records no read). */
    private String register(String name, String identityNumber) {
        Map<String, Object> body =
                new HashMap<>(registration(today().minusDays(30).toString(), name, identityNumber));
        body.put("municipalityCode", MALA);
        ApiClient.Response created = admin().post("/api/journeys", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("journeyId").asString();
    }

    private static Map<String, Object> study(String title) {
        return Map.of(
                "title",
                title,
                "query",
                Map.of("kind", "TWO_YEARS_AFTER", "cohortYear", 2021, "municipalityCode", MALA));
    }

    private String saveStudy() {
        ApiClient.Response saved = analyst().post("/api/studies", study("Täckning"));
        assertThat(saved.status()).as(saved.body()).isEqualTo(201);
        return saved.json().path("id").asString();
    }

    private List<String> deadLettered(String view) {
        return admin().get("/api/admin/projections/" + view + "/dead-letters")
                .json()
                .findValuesAsString("journeyId");
    }

    /** A registration whose name PostgreSQL cannot store (a NUL), put straight into the event store. */
    private String storeRegistrationPostgresRefuses() {
        UUID journey = UUID.randomUUID();
        NewcomerRegistered registered = new NewcomerRegistered(
                journey,
                LocalDate.of(2024, 2, 1),
                MALA,
                ReceptionType.ASSIGNED,
                1990,
                Gender.FEMALE,
                "SY",
                EducationLevel.SECONDARY,
                new PersonalDetails("A\u0000B", null));
        transaction.executeWithoutResult(status ->
                eventStore.publish(new GenericDomainEventMessage<>("Journey", journey.toString(), 0, registered)));
        return journey.toString();
    }
}
