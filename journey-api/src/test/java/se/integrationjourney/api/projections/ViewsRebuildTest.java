package se.integrationjourney.api.projections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import se.integrationjourney.core.commands.AssignCaseworker;
import se.integrationjourney.core.commands.CloseJourney;
import se.integrationjourney.core.commands.EndEmployment;
import se.integrationjourney.core.commands.EnrolInSfi;
import se.integrationjourney.core.commands.RecordFollowUp;
import se.integrationjourney.core.commands.RecordHousingSecured;
import se.integrationjourney.core.commands.RecordResearchExtract;
import se.integrationjourney.core.commands.RecordSelfSufficiencyReached;
import se.integrationjourney.core.commands.RecordSfiLevelReached;
import se.integrationjourney.core.commands.Recorded;
import se.integrationjourney.core.commands.RegisterNewcomer;
import se.integrationjourney.core.commands.RetractMilestone;
import se.integrationjourney.core.commands.SaveStudy;
import se.integrationjourney.core.commands.StartEmployment;
import se.integrationjourney.core.commands.StartEstablishmentPlan;
import se.integrationjourney.core.events.ClosureReason;
import se.integrationjourney.core.events.EducationLevel;
import se.integrationjourney.core.events.EmploymentType;
import se.integrationjourney.core.events.FollowUpSource;
import se.integrationjourney.core.events.Gender;
import se.integrationjourney.core.events.OutcomeStatus;
import se.integrationjourney.core.events.PersonalDetails;
import se.integrationjourney.core.events.ReceptionType;
import se.integrationjourney.core.events.SelfSufficiencyBasis;
import se.integrationjourney.core.events.SfiLevel;
import se.integrationjourney.core.events.StudyQuery;
import se.integrationjourney.core.events.StudySaved;
import se.integrationjourney.core.events.Tenure;
import se.integrationjourney.projections.runtime.Projection;
import se.integrationjourney.projections.runtime.ProjectionRunner;
import se.integrationjourney.projections.runtime.ProjectionStatus;

/**
 * For every view: the view rebuilt from the first event equals the view built live, event by event, also
 * after retractions. Journeys are recorded through the real command side.
 */
@SpringBootTest
class ViewsRebuildTest {

    private static final Duration DEADLINE = Duration.ofSeconds(90);

    @Autowired
    CommandGateway commands;

    @Autowired
    ProjectionRunner runner;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    List<Projection> projections;

    @BeforeEach
    void recordHistory() {
        // One history serves every test of the class, and the other classes sharing this context and its database.
        if (jdbc.queryForObject("select count(*) from domain_event_entry", Long.class) == 0) {
            for (int i = 0; i < 12; i++) {
                recordJourney(i);
            }
        }
        if (jdbc.queryForObject(
                        "select count(*) from domain_event_entry where payload_type like ?",
                        Long.class,
                        "%." + StudySaved.class.getSimpleName())
                > 0) {
            return;
        }
        // A saved study among the journeys: the studies view has rows to compare, the journey views none from it.
        UUID study = UUID.randomUUID();
        send(new SaveStudy(
                study,
                "Rebuilt like the others",
                StudyQuery.twoYearsAfter(2021, "1473"),
                LocalDate.of(2025, 6, 30),
                Instant.parse("2025-07-01T08:00:00Z"),
                "{\"denominator\":0}",
                "analyst",
                "0".repeat(64)));
        send(new RecordResearchExtract(study, "analyst", 3));
    }

    @Test
    void everyViewRebuiltFromScratchEqualsTheViewBuiltLive() {
        awaitAllCaughtUp();
        assertThat(runner.names()).as("every view of the service is checked").contains("journey-state");

        for (String view : runner.names()) {
            Map<String, List<String>> live = contentsOf(view);
            assertThat(live.values())
                    .as(view + " has rows to compare")
                    .allSatisfy(rows -> assertThat(rows).isNotEmpty());

            assertThat(runner.rebuild(view)).isTrue();
            awaitAllCaughtUp();

            assertThat(contentsOf(view)).as(view).isEqualTo(live);
        }
    }

    @Test
    void allViewsRebuiltTogetherInOnePassEqualTheViewsBuiltLive() {
        awaitAllCaughtUp();
        Map<String, Map<String, List<String>>> live = new LinkedHashMap<>();
        runner.names().forEach(view -> live.put(view, contentsOf(view)));

        assertThat(runner.rebuildAll()).containsExactlyInAnyOrderElementsOf(runner.names());
        awaitAllCaughtUp();

        runner.names().forEach(view -> assertThat(contentsOf(view)).as(view).isEqualTo(live.get(view)));
        for (String view : runner.names()) {
            for (String table : tablesOf(view)) {
                // Analyzed (row count known) and vacuumed (pages all-visible): index-only scans work from the start.
                Map<String, Object> planner = jdbc.queryForMap(
                        "select reltuples, relallvisible from pg_class" + " where oid = ?::regclass", table);
                assertThat(((Number) planner.get("reltuples")).doubleValue())
                        .as(table)
                        .isPositive();
                assertThat(((Number) planner.get("relallvisible")).intValue())
                        .as(table)
                        .isPositive();
            }
        }
    }

    private void recordJourney(int i) {
        UUID journey = UUID.randomUUID();
        LocalDate arrival = LocalDate.of(2019, 1, 10).plusMonths(i * 2L);
        String municipality = i % 3 == 0 ? "1473" : "1287";
        send(new RegisterNewcomer(
                journey,
                arrival,
                municipality,
                ReceptionType.ASSIGNED,
                1980 + i,
                i % 2 == 0 ? Gender.FEMALE : Gender.MALE,
                "ER",
                EducationLevel.SECONDARY,
                new PersonalDetails("Testperson " + i + " Åberg", null)));
        send(new AssignCaseworker(journey, null, arrival.plusDays(2), "cw-" + (i % 4)));
        send(new StartEstablishmentPlan(journey, null, arrival.plusDays(20)));
        Recorded housing = send(new RecordHousingSecured(journey, null, arrival.plusDays(40), Tenure.FIRST_HAND));
        send(new EnrolInSfi(journey, null, arrival.plusDays(25), 1));
        Recorded level = send(new RecordSfiLevelReached(journey, null, arrival.plusMonths(6), SfiLevel.B));
        Recorded employment = send(new StartEmployment(
                journey,
                null,
                arrival.plusMonths(10),
                "e" + i,
                i % 2 == 0 ? EmploymentType.REGULAR : EmploymentType.NYSTARTSJOBB,
                "care",
                new BigDecimal("37.5")));
        if (i % 3 == 1) {
            Recorded ended = send(new EndEmployment(journey, null, arrival.plusMonths(14), "e" + i));
            send(new RetractMilestone(journey, null, ended.eventId(), "ended by mistake"));
        }
        if (i % 4 == 0) {
            send(new RetractMilestone(journey, null, housing.eventId(), "wrong journey"));
            send(new RetractMilestone(journey, null, level.eventId(), "course not passed"));
        }
        send(new RecordSelfSufficiencyReached(journey, null, arrival.plusMonths(11), SelfSufficiencyBasis.EMPLOYMENT));
        if (i % 5 == 2) {
            send(new RecordFollowUp(
                    journey,
                    null,
                    arrival.plusDays(20).plusMonths(48),
                    24,
                    OutcomeStatus.EMPLOYED,
                    FollowUpSource.REGISTER));
        }
        if (i % 6 == 3) {
            Recorded closed = send(new CloseJourney(journey, null, arrival.plusMonths(30), ClosureReason.MOVED_AWAY));
            if (i == 9) {
                send(new RetractMilestone(journey, null, closed.eventId(), "did not move"));
            }
        }
        assertThat(employment.version()).isPositive();
    }

    private Recorded send(Object command) {
        return commands.sendAndWait(command);
    }

    private void awaitAllCaughtUp() {
        await().atMost(DEADLINE).until(() -> runner.status().stream().allMatch(ProjectionStatus::caughtUp));
    }

    /** Every row of every table of the view, as JSON text, in a stable order. */
    private Map<String, List<String>> contentsOf(String view) {
        Map<String, List<String>> contents = new LinkedHashMap<>();
        for (String table : tablesOf(view)) {
            contents.put(
                    table, jdbc.queryForList("select to_jsonb(t)::text from " + table + " t order by 1", String.class));
        }
        return contents;
    }

    private List<String> tablesOf(String view) {
        return projections.stream()
                .filter(projection -> projection.name().equals(view))
                .findFirst()
                .orElseThrow()
                .tables();
    }
}
