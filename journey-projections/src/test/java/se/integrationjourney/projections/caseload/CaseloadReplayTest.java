package se.integrationjourney.projections.caseload;

import static org.assertj.core.api.Assertions.assertThat;
import static se.integrationjourney.projections.caseload.CaseloadQueriesTest.registered;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import se.integrationjourney.core.events.CaseworkerAssigned;
import se.integrationjourney.core.events.ClosureReason;
import se.integrationjourney.core.events.EmploymentStarted;
import se.integrationjourney.core.events.EmploymentType;
import se.integrationjourney.core.events.EstablishmentPlanStarted;
import se.integrationjourney.core.events.FollowUpRecorded;
import se.integrationjourney.core.events.FollowUpSource;
import se.integrationjourney.core.events.HousingSecured;
import se.integrationjourney.core.events.JourneyClosed;
import se.integrationjourney.core.events.JourneyEvent;
import se.integrationjourney.core.events.MilestoneRetracted;
import se.integrationjourney.core.events.OutcomeStatus;
import se.integrationjourney.core.events.SfiEnrolled;
import se.integrationjourney.core.events.SfiLevel;
import se.integrationjourney.core.events.SfiLevelReached;
import se.integrationjourney.core.events.Tenure;
import se.integrationjourney.projections.runtime.ViewTables;
import se.integrationjourney.projections.testsupport.EventFeeder;
import se.integrationjourney.projections.testsupport.ViewDatabase;

/** The view rebuilt from scratch in one batch equals the view built live, one event at a time. */
class CaseloadReplayTest {

    @RegisterExtension
    static final ViewDatabase database = new ViewDatabase();

    /** A rebuild's copy, written by the live path's handlers (a rebuild that keeps nothing in memory). */
    private static final ViewTables REPLAY = ViewTables.rebuild(0);

    private static final String REPLAY_TABLE = REPLAY.of(CaseloadProjection.TABLE);

    @Test
    void givenAHistoryWithRetractions_whenReplayedInOneBatch_thenTheViewEqualsTheOneBuiltLive() {
        JdbcTemplate jdbc = database.jdbc();
        jdbc.execute("create table " + REPLAY_TABLE + " (like " + CaseloadProjection.TABLE + " including all)");
        List<DomainEventMessage<?>> history = history();

        Object live = new CaseloadProjection(jdbc, CaseloadThresholds.DEFAULTS).eventHandlers(ViewTables.LIVE);
        for (DomainEventMessage<?> message : history) {
            EventFeeder.deliver(live, List.of(message));
        }
        EventFeeder.deliver(new CaseloadProjection(jdbc, CaseloadThresholds.DEFAULTS).eventHandlers(REPLAY), history);

        String columns = "select journey_id, municipality_code, caseworker_id, full_name, arrival_date, closed,"
                + " establishment_start, establishment_end, measurement_point, "
                + String.join(", ", CaseloadProjection.WINDOW_COLUMNS) + ", due_for_good_since, case_file from ";
        List<Map<String, Object>> liveRows =
                jdbc.queryForList(columns + CaseloadProjection.TABLE + " order by journey_id");
        assertThat(liveRows).hasSize(3);
        assertThat(jdbc.queryForList(columns + REPLAY_TABLE + " order by journey_id"))
                .isEqualTo(liveRows);
    }

    private static List<DomainEventMessage<?>> history() {
        EventFeeder messages = new EventFeeder();
        List<DomainEventMessage<?>> history = new ArrayList<>();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID third = UUID.randomUUID();
        add(history, messages, registered(first, "0180", LocalDate.of(2021, 1, 5), "Amal Hassan"));
        add(history, messages, registered(second, "0181", LocalDate.of(2021, 2, 5), "Yonas Tesfay"));
        add(history, messages, registered(third, "0180", LocalDate.of(2021, 3, 5), "Sara Haile"));
        add(history, messages, new CaseworkerAssigned(first, LocalDate.of(2021, 1, 6), "cw-1"));
        String housing = add(history, messages, new HousingSecured(first, LocalDate.of(2021, 2, 1), Tenure.FIRST_HAND));
        add(history, messages, new SfiEnrolled(first, LocalDate.of(2021, 2, 1), 1));
        add(history, messages, new SfiLevelReached(first, LocalDate.of(2022, 2, 1), SfiLevel.D));
        add(history, messages, new EstablishmentPlanStarted(first, LocalDate.of(2021, 3, 1)));
        add(
                history,
                messages,
                new EmploymentStarted(
                        first, LocalDate.of(2022, 5, 1), "e1", EmploymentType.REGULAR, "care", BigDecimal.valueOf(38)));
        add(
                history,
                messages,
                new FollowUpRecorded(
                        first, LocalDate.of(2025, 3, 2), 24, OutcomeStatus.EMPLOYED, FollowUpSource.REGISTER));
        add(history, messages, new MilestoneRetracted(first, housing, "wrong contract"));
        String closing =
                add(history, messages, new JourneyClosed(second, LocalDate.of(2021, 6, 1), ClosureReason.MOVED_AWAY));
        add(history, messages, new MilestoneRetracted(second, closing, "did not move"));
        add(history, messages, new JourneyClosed(third, LocalDate.of(2021, 6, 1), ClosureReason.DECEASED));
        return history;
    }

    private static String add(List<DomainEventMessage<?>> history, EventFeeder messages, JourneyEvent event) {
        DomainEventMessage<?> message = messages.message(event);
        history.add(message);
        return message.getIdentifier();
    }
}
