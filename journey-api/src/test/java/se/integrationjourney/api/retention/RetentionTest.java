package se.integrationjourney.api.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.integrationjourney.api.pages.Browser.label;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import se.integrationjourney.api.accesslog.Actor;
import se.integrationjourney.api.commandhandling.CommandHandlingConfiguration;
import se.integrationjourney.api.pages.Browser;
import se.integrationjourney.api.pages.audit.IdentityNumbersForTests;
import se.integrationjourney.api.privacy.PersonalDataErasure;
import se.integrationjourney.api.testsupport.ApiClient;
import se.integrationjourney.api.testsupport.ApiTestAccounts;
import se.integrationjourney.api.web.ApiTestBase;
import se.integrationjourney.core.events.CaseworkerAssigned;
import se.integrationjourney.core.events.EducationLevel;
import se.integrationjourney.core.events.ErasureReason;
import se.integrationjourney.core.events.Gender;
import se.integrationjourney.core.events.JourneyEvent;
import se.integrationjourney.core.events.NewcomerRegistered;
import se.integrationjourney.core.events.PersonalDetails;
import se.integrationjourney.core.events.ReceptionType;
import se.integrationjourney.eventstore.AxonTables;

/**
 * Retention (gallring) with the service's clock fixed at {@link #NOW} (01:00 in Sweden on 10 March 2031, so the daily
 * run at 02:30 is next) and journeys whose events were stored at chosen moments around the five-year boundary. Which
 * journeys it chooses, through the dry run (API and page) and the run itself; the erasure is another part of the
 * service, so a {@link RecordedErasures} in this context records what the job asks of it. A context of its own (the
 * fixed clock), so its database holds only this class's journeys.
 */
@Import(RetentionTest.FixedClockAndRecordedErasures.class)
@TestPropertySource(
        properties = {
            "journey.retention.enabled=true",
            "journey.retention.keep-for=P5Y",
            "journey.retention.run-at=02:30"
        })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RetentionTest extends ApiTestBase {

    static final Instant NOW = Instant.parse("2031-03-10T00:00:00Z");
    /** Five years before {@link #NOW} in Swedish days. */
    static final Instant BOUNDARY = Instant.parse("2026-03-10T00:00:00Z");

    private static final String JOKKMOKK = "2510";
    private static final String RECORDED_BY = "cw-jokkmokk";

    @TestConfiguration(proxyBeanMethods = false)
    static class FixedClockAndRecordedErasures {

        /** The service's one clock, fixed: every "now" of this context is {@link #NOW}. */
        @Bean
        static BeanPostProcessor fixTheClock() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof Clock
                            ? Clock.fixed(NOW, CommandHandlingConfiguration.BUSINESS_TIME_ZONE)
                            : bean;
                }
            };
        }

        /** Before the service's own erasure: the job's choices are seen and can fail (RetentionErasesTest: real). */
        @Bean
        @Primary
        RecordedErasures recordedErasures() {
            return new RecordedErasures();
        }
    }

    /**
     * Stands in for the service's erasure: records each call, says a journey it was asked for before is already
     * erased, and fails for the journeys a test names.
     */
    static final class RecordedErasures implements PersonalDataErasure {

        record Call(UUID journeyId, ErasureReason reason, Actor actor) {}

        private final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
        private final Set<UUID> erased = Collections.synchronizedSet(new HashSet<>());
        private final Set<UUID> failing = Collections.synchronizedSet(new HashSet<>());

        @Override
        public boolean erase(UUID journeyId, ErasureReason reason, Actor actor) {
            calls.add(new Call(journeyId, reason, actor));
            if (failing.contains(journeyId)) {
                throw new IllegalStateException("could not erase");
            }
            return erased.add(journeyId);
        }

        List<Call> calls() {
            return List.copyOf(calls);
        }

        void forget() {
            calls.clear();
            erased.clear();
            failing.clear();
        }
    }

    @Autowired
    EventStore eventStore;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    RecordedErasures erasures;

    @Autowired
    RetentionJob job;

    @Autowired
    AxonTables tables;

    @Autowired
    DataSource dataSource;

    /** The journeys by what they are, their ids. */
    private final Map<String, String> journeys = new LinkedHashMap<>();

    private Browser browser;

    @BeforeAll
    void journeysAroundTheBoundary() {
        // Last recorded more than five years ago, born on the 3rd: goes.
        journeys.put(
                "old",
                journey(
                        "Amal Haddad",
                        bornOn("19900303"),
                        BOUNDARY.minus(Duration.ofDays(400)),
                        BOUNDARY.minus(Duration.ofDays(300))));
        // Born on the 15th and on the 25th (a coordination number: 85): kept for research.
        journeys.put("born15th", journey("Samir Nasser", bornOn("19850415"), BOUNDARY.minus(Duration.ofDays(800))));
        journeys.put(
                "coordination25th", journey("Hanna Berhane", bornOn("19920785"), BOUNDARY.minus(Duration.ofDays(700))));
        // No identity number: the birth day is unknown, so it goes.
        journeys.put("noNumber", journey("Yusuf Ali", null, BOUNDARY.minus(Duration.ofDays(500))));
        // A millisecond before the boundary goes; at it, it stays.
        journeys.put("justBefore", journey("Leyla Omar", bornOn("19880101"), BOUNDARY.minus(Duration.ofMillis(1))));
        journeys.put("atBoundary", journey("Omar Said", bornOn("19880102"), BOUNDARY));
        // Newer than five years: stays.
        journeys.put("newer", journey("Fatima Noor", bornOn("19950606"), BOUNDARY.plus(Duration.ofDays(10))));
        // Registered long ago with one recent entry: stays.
        journeys.put(
                "recentEntry",
                journey(
                        "Ahmed Jama",
                        bornOn("19800808"),
                        BOUNDARY.minus(Duration.ofDays(1100)),
                        NOW.minus(Duration.ofDays(10))));
        // No name and no number (never had them, or erased): nothing to erase.
        journeys.put("nothing", journey(null, null, BOUNDARY.minus(Duration.ofDays(900))));
        awaitViewsCaughtUp("journey-state");
        browser = Browser.open(port);
    }

    @AfterAll
    void closeBrowser() {
        browser.close();
    }

    @BeforeEach
    void noErasuresYet() {
        erasures.forget();
        browser.forgetSession();
    }

    @Test
    void givenJourneysAroundTheBoundary_whenTheDryRunIsAsked_thenOnlyThoseLastRecordedBeforeItAndNotKeptWouldGo() {
        List<String> actsBefore = acts("RETENTION_DRY_RUN", ApiTestAccounts.ADMIN, "GET /api/admin/retention/dry-run");

        ApiClient.Response dryRun = admin().get("/api/admin/retention/dry-run");

        assertThat(dryRun.status()).as(dryRun.body()).isEqualTo(200);
        assertThat(dryRun.json().path("asOf").asString()).isEqualTo(NOW.toString());
        assertThat(dryRun.json().path("day").asString()).isEqualTo("2031-03-10");
        assertThat(dryRun.json().path("keepFor").asString()).isEqualTo("P5Y");
        assertThat(dryRun.json().path("lastRecordedBefore").asString()).isEqualTo(BOUNDARY.toString());
        assertThat(dryRun.json().path("wouldErase").asInt()).isEqualTo(3);
        assertThat(dryRun.json().path("keptForResearch").asInt()).isEqualTo(2);
        assertThat(dryRun.json().path("nothingToErase").asInt()).isEqualTo(1);
        assertThat(dryRun.json().path("notInView").asInt()).isZero();
        assertThat(dryRun.json().path("journeys").findValuesAsString("journeyId"))
                .as("in journey id order")
                .containsExactlyElementsOf(sorted(ids("old", "noNumber", "justBefore")));
        assertThat(dryRun.json().path("journeys").findValuesAsString("municipalityCode"))
                .containsOnly(JOKKMOKK);
        assertThat(lastRecordedAtOf(dryRun, journeys.get("old")))
                .as("the newest of its two events")
                .isEqualTo(BOUNDARY.minus(Duration.ofDays(300)).toString());
        assertThat(dryRun.body())
                .doesNotContain("Amal", "Haddad", "Yusuf", "Leyla", "19900303")
                .doesNotContain(RECORDED_BY);
        List<String> actsAfter = acts("RETENTION_DRY_RUN", ApiTestAccounts.ADMIN, "GET /api/admin/retention/dry-run");
        assertThat(actsAfter).as("the dry run is an administrative act").hasSize(actsBefore.size() + 1);
        assertThat(actsAfter.get(0)).as("its subject the day").isEqualTo("2031-03-10");
        assertThat(erasures.calls()).as("a dry run erases nothing").isEmpty();
    }

    @Test
    void givenTheDryRun_whenPaged_thenThePagesTogetherAreTheWholeInJourneyIdOrderAndBadPagesAre400() {
        ApiClient.Response first = admin().get("/api/admin/retention/dry-run?page=0&size=2");
        ApiClient.Response second = admin().get("/api/admin/retention/dry-run?page=1&size=2");
        ApiClient.Response beyond = admin().get("/api/admin/retention/dry-run?page=5&size=2");

        List<String> paged = new ArrayList<>(first.json().path("journeys").findValuesAsString("journeyId"));
        paged.addAll(second.json().path("journeys").findValuesAsString("journeyId"));
        assertThat(paged).containsExactlyElementsOf(sorted(ids("old", "noNumber", "justBefore")));
        assertThat(first.json().path("wouldErase").asInt()).isEqualTo(3);
        assertThat(second.json().path("page").asInt()).isEqualTo(1);
        assertThat(beyond.json().path("journeys").isEmpty()).isTrue();
        for (String bad : List.of("page=-1", "size=0", "size=1001", "page=one")) {
            assertProblem(admin().get("/api/admin/retention/dry-run?" + bad), 400);
        }
    }

    @Test
    void givenAnyoneButAnAdministrator_whenAskingForTheDryRun_thenRefusedAndNothingRecorded() {
        long before = accessLogEntries();

        assertProblem(auditor().get("/api/admin/retention/dry-run"), 403);
        assertProblem(caseworker().get("/api/admin/retention/dry-run"), 403);
        assertProblem(analyst().get("/api/admin/retention/dry-run"), 403);
        assertProblem(anonymous().get("/api/admin/retention/dry-run"), 401);

        assertThat(accessLogEntries()).isEqualTo(before);
    }

    @Test
    void givenTheEventStore_whenItsJourneysAreReadOneAtATime_thenTheSameAsAllAtOnceInIdOrder() {
        List<String> all = List.copyOf(
                tables.lastRecordedBefore("Journey", BOUNDARY, "", 1000).keySet());
        List<String> oneByOne = new ArrayList<>();
        String after = "";
        Map<String, Instant> page;
        while (!(page = tables.lastRecordedBefore("Journey", BOUNDARY, after, 1)).isEmpty()) {
            after = page.keySet().iterator().next();
            oneByOne.add(after);
        }

        assertThat(all)
                .containsExactlyElementsOf(
                        sorted(ids("old", "born15th", "coordination25th", "noNumber", "justBefore", "nothing")));
        assertThat(oneByOne).isEqualTo(all);
        assertThat(tables.lastRecordedBefore("Study", NOW, "", 1000)).isEmpty();
    }

    @Test
    void givenTheDailyRun_whenItRuns_thenEachChosenJourneyIsErasedForRetentionAsTheJobAndTheDayIsNotRunAgain() {
        Optional<RetentionRuns.Run> run = job.runScheduled();

        assertThat(run).isPresent();
        assertThat(run.get().outcome()).isEqualTo(RetentionRuns.Outcome.FINISHED);
        assertThat(run.get().scheduled()).isTrue();
        assertThat(run.get().day()).isEqualTo(LocalDate.of(2031, 3, 10));
        assertThat(run.get().startedBy()).isEqualTo("retention-job");
        assertThat(run.get().lastRecordedBefore()).isEqualTo(BOUNDARY);
        assertThat(run.get().counts()).isEqualTo(new RetentionRuns.Counts(3, 0, 2, 1, 0, 0));
        assertThat(erasures.calls())
                .containsExactlyElementsOf(sorted(ids("old", "noNumber", "justBefore")).stream()
                        .map(id -> new RecordedErasures.Call(
                                UUID.fromString(id), ErasureReason.RETENTION, new Actor("retention-job", "SYSTEM")))
                        .toList());
        assertThat(acts("RETENTION_RUN", "retention-job", RetentionJob.SCHEDULED_RESOURCE))
                .containsExactly("2031-03-10");

        assertThat(job.runScheduled()).as("once a day, on whichever node").isEmpty();
        assertThat(erasures.calls()).hasSize(3);
    }

    @Test
    void givenAnotherNodeRunningRetention_whenThisOneTries_thenItDoesNothing() throws Exception {
        try (Connection otherNode = dataSource.getConnection()) {
            assertThat(advisory(otherNode, "select pg_try_advisory_lock(?)")).isTrue();
            try {
                assertThat(job.runScheduled()).isEmpty();
                RetentionRuns.Run now = job.runNow(ApiTestAccounts.ADMIN);
                assertThat(now.outcome()).isEqualTo(RetentionRuns.Outcome.BUSY);
                assertThat(now.counts()).isEqualTo(RetentionRuns.Counts.NONE);
                assertThat(erasures.calls()).isEmpty();
            } finally {
                assertThat(advisory(otherNode, "select pg_advisory_unlock(?)")).isTrue();
            }
        }
    }

    @Test
    void givenAnErasureThatFails_whenRunning_thenTheOthersAreErasedAndTheFailureCounted() {
        erasures.failing.add(UUID.fromString(journeys.get("noNumber")));

        RetentionRuns.Run run = job.runNow(ApiTestAccounts.ADMIN);

        assertThat(run.outcome()).isEqualTo(RetentionRuns.Outcome.FINISHED);
        assertThat(run.counts()).isEqualTo(new RetentionRuns.Counts(2, 0, 2, 1, 0, 1));
        assertThat(erasures.calls())
                .extracting(RecordedErasures.Call::journeyId)
                .hasSize(3);

        RetentionRuns.Run again = job.runNow(ApiTestAccounts.ADMIN);
        assertThat(again.counts().alreadyErased())
                .as("the erasure says which were erased before")
                .isEqualTo(2);
        assertThat(again.counts().failed()).isEqualTo(1);
    }

    @Test
    void givenTheRetentionPage_whenAnAdministratorRunsItNow_thenConfirmedStartedAndItsResultShown() {
        browser.signIn(ApiTestAccounts.ADMIN, ApiTestAccounts.ADMIN_PASSWORD);
        browser.follow(label("admin.overview.toRetention"));

        assertThat(browser.path()).isEqualTo("/admin/retention");
        assertThat(browser.heading()).isEqualTo(label("admin.retention.title"));
        assertThat(browser.mainText())
                .contains("5 år", "P5Y", "02:30", "2031-03-10 02:30")
                .contains("2026-03-10 01:00:00")
                .doesNotContain(label("admin.retention.noErasure"));
        assertThat(browser.find(By.id("would-erase")).getText()).isEqualTo("3");
        assertThat(browser.find(By.id("kept-for-research")).getText()).isEqualTo("2");
        List<WebElement> rows = browser.findAll(By.cssSelector("#retention-journeys tbody tr"));
        assertThat(rows)
                .extracting(row -> row.findElement(By.tagName("th")).getText())
                .containsExactlyElementsOf(sorted(ids("old", "noNumber", "justBefore")));
        assertThat(rows.get(0).getText()).contains("Jokkmokk (2510)");
        assertThat(browser.mainText()).doesNotContain("Amal", "Yusuf", "Leyla");
        assertThat(acts("RETENTION_DRY_RUN", ApiTestAccounts.ADMIN, "GET /admin/retention"))
                .contains("2031-03-10");
        browser.assertGoodPage();

        browser.follow(label("admin.retention.runNow"));
        assertThat(browser.heading()).isEqualTo(label("admin.retention.confirm.title"));
        assertThat(erasures.calls()).as("not before it is confirmed").isEmpty();
        browser.assertGoodPage();
        browser.screenshotForDocs("admin-retention-confirm");
        browser.press(label("admin.retention.confirm.submit"));

        assertThat(browser.path()).isEqualTo("/admin/retention");
        assertThat(browser.mainText()).contains(label("admin.retention.done.started"));
        await().atMost(Duration.ofSeconds(60)).until(() -> erasures.calls().size() == 3);
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            browser.go("/admin/retention");
            return browser.find(By.id("last-run")).getText().contains(label("admin.retention.outcome.FINISHED"));
        });
        assertThat(browser.find(By.id("last-run")).getText()).contains(ApiTestAccounts.ADMIN);
        assertThat(browser.find(By.id("last-run-erased")).getText()).isEqualTo("3");
        browser.assertGoodPage();
        browser.screenshotForDocs("admin-retention");
        assertThat(acts("RETENTION_RUN", ApiTestAccounts.ADMIN, "POST /admin/retention/run"))
                .containsExactly("2031-03-10");
        assertThat(erasures.calls())
                .extracting(RecordedErasures.Call::actor)
                .as("retention's erasures are the job's, whoever started it")
                .containsOnly(RetentionJob.ACTOR);
    }

    @Test
    void givenSomeoneWhoIsNoAdministrator_whenOpeningTheRetentionPage_thenForbiddenAndNothingRecorded() {
        long before = accessLogEntries();
        browser.signIn(ApiTestAccounts.AUDITOR, ApiTestAccounts.PASSWORD).go("/admin/retention");

        assertThat(browser.heading()).isEqualTo(label("forbidden.title"));
        assertThat(accessLogEntries()).isEqualTo(before);
    }

    /** Stores a journey of Jokkmokk: registered at the first moment, then a caseworker assigned at each later one. */
    private String journey(String name, String number, Instant registeredAt, Instant... laterEntries) {
        UUID id = UUID.randomUUID();
        List<GenericDomainEventMessage<?>> events = new ArrayList<>();
        LocalDate arrival = registeredAt
                .atZone(CommandHandlingConfiguration.BUSINESS_TIME_ZONE)
                .toLocalDate();
        events.add(stored(
                id,
                0,
                registeredAt,
                new NewcomerRegistered(
                        id,
                        arrival,
                        JOKKMOKK,
                        ReceptionType.ASSIGNED,
                        1990,
                        Gender.FEMALE,
                        "SY",
                        EducationLevel.SECONDARY,
                        new PersonalDetails(name, number))));
        for (int i = 0; i < laterEntries.length; i++) {
            LocalDate on = laterEntries[i]
                    .atZone(CommandHandlingConfiguration.BUSINESS_TIME_ZONE)
                    .toLocalDate();
            events.add(stored(id, i + 1, laterEntries[i], new CaseworkerAssigned(id, on, RECORDED_BY)));
        }
        transaction.executeWithoutResult(status -> eventStore.publish(events));
        return id.toString();
    }

    private static GenericDomainEventMessage<JourneyEvent> stored(
            UUID journeyId, long sequence, Instant at, JourneyEvent event) {
        return new GenericDomainEventMessage<>(
                "Journey",
                journeyId.toString(),
                sequence,
                event,
                MetaData.with("username", RECORDED_BY),
                UUID.randomUUID().toString(),
                at);
    }

    /** A valid identity number of someone born on that day (YYYYMMDD; a coordination number's day is 61 to 91). */
    private static String bornOn(String yyyymmdd) {
        return IdentityNumbersForTests.withCheckDigit(yyyymmdd + "246");
    }

    private List<String> ids(String... kinds) {
        return java.util.Arrays.stream(kinds).map(journeys::get).toList();
    }

    private static List<String> sorted(List<String> ids) {
        return ids.stream().sorted().toList();
    }

    private static String lastRecordedAtOf(ApiClient.Response dryRun, String journeyId) {
        for (tools.jackson.databind.JsonNode journey : dryRun.json().path("journeys")) {
            if (journey.path("journeyId").asString().equals(journeyId)) {
                return journey.path("lastRecordedAt").asString();
            }
        }
        throw new AssertionError("not in the dry run: " + journeyId);
    }

    /** The subjects of the access log's acts of this kind by this user at this resource, newest first. */
    private List<String> acts(String action, String username, String resource) {
        return jdbc.queryForList(
                "select subject from access_log where action = ? and username = ? and resource = ?"
                        + " and cardinality(journey_ids) = 0 order by id desc",
                String.class,
                action,
                username,
                resource);
    }

    private long accessLogEntries() {
        return jdbc.queryForObject("select count(*) from access_log", Long.class);
    }

    /** Takes or releases retention's advisory lock on this connection, as another node's run would. */
    private static boolean advisory(Connection connection, String sql) throws java.sql.SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, RetentionJob.LOCK);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }
}
