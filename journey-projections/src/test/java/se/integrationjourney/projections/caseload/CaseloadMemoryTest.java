package se.integrationjourney.projections.caseload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.integrationjourney.projections.caseload.CaseloadQueriesTest.registered;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import se.integrationjourney.core.events.CaseworkerAssigned;
import se.integrationjourney.core.events.ClosureReason;
import se.integrationjourney.core.events.JourneyClosed;
import se.integrationjourney.projections.runtime.Projection;
import se.integrationjourney.projections.runtime.ViewTables;
import se.integrationjourney.projections.testsupport.EventFeeder;
import se.integrationjourney.projections.testsupport.ViewDatabase;

/**
 * A node's copy of the caseload in memory follows the view's table: the live view's writes reach it when they
 * commit (and not when they are rolled back), a closed journey leaves it, a rebuild's swap reloads it, and after a
 * lost connection it listens and loads again, with what was written meanwhile.
 */
class CaseloadMemoryTest {

    @RegisterExtension
    static final ViewDatabase database = new ViewDatabase();

    private static final Duration LIMIT = Duration.ofSeconds(30);
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 1);
    private static final String MUNICIPALITY = "0190";

    private final EventFeeder events = new EventFeeder();
    private JdbcTemplate jdbc;
    private Object liveView;
    private CaseloadMemory memory;

    @BeforeEach
    void startMemory() {
        jdbc = database.jdbc();
        jdbc.update("delete from caseload");
        liveView = new CaseloadProjection(jdbc, CaseloadThresholds.DEFAULTS).eventHandlers(ViewTables.LIVE);
        memory = new CaseloadMemory(jdbc);
        memory.start();
        memory.sync(LIMIT);
    }

    @AfterEach
    void stopMemory() {
        memory.stop();
    }

    @Test
    void givenTheLiveViewWritesJourneys_whenTheyCommit_thenTheCopyListsThemAndDropsTheClosedOne() {
        UUID staying = UUID.randomUUID();
        UUID leaving = UUID.randomUUID();
        events.feed(liveView, registered(staying, MUNICIPALITY, LocalDate.of(2026, 1, 5), "Amal Hassan"));
        events.feed(liveView, registered(leaving, MUNICIPALITY, LocalDate.of(2026, 1, 6), "Yonas Tesfay"));
        memory.sync(LIMIT);
        assertThat(journeys()).containsExactlyInAnyOrder(staying, leaving);

        events.feed(liveView, new CaseworkerAssigned(staying, LocalDate.of(2026, 1, 7), "cw-1"));
        events.feed(liveView, new JourneyClosed(leaving, LocalDate.of(2026, 2, 1), ClosureReason.MOVED_AWAY));
        memory.sync(LIMIT);

        assertThat(journeys()).containsExactly(staying);
        assertThat(page().items().get(0).caseworkerId()).isEqualTo("cw-1");
        assertThat(memory.size()).isEqualTo(1);
        assertThat(page()).isEqualTo(fromDatabase());
    }

    @Test
    void givenAWriteRolledBack_whenTheCopyIsSynced_thenItIsNotThere() {
        UUID rolledBack = UUID.randomUUID();
        TransactionTemplate transaction =
                new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource()));
        transaction.executeWithoutResult(status -> {
            insertRow(rolledBack);
            CaseloadMemory.announce(jdbc, List.of(rolledBack));
            status.setRollbackOnly();
        });

        memory.sync(LIMIT);

        assertThat(journeys()).isEmpty();
    }

    @Test
    void givenRowsWrittenWithoutNotice_whenARebuildIsSwappedIn_thenTheCopyLoadsTheTableAgain() {
        UUID rebuilt = UUID.randomUUID();
        insertRow(rebuilt); // as a rebuild's swap brings rows no live write announced
        memory.sync(LIMIT);
        assertThat(journeys()).isEmpty();

        jdbc.query("select pg_notify(?, ?)", row -> {}, Projection.SWAPPED_CHANNEL, CaseloadProjection.NAME);
        memory.sync(LIMIT);

        assertThat(journeys()).containsExactly(rebuilt);
    }

    @Test
    void givenTheListeningConnectionIsLost_whenAJourneyIsWrittenMeanwhile_thenTheCopyComesBackWithIt() {
        UUID before = UUID.randomUUID();
        events.feed(liveView, registered(before, MUNICIPALITY, LocalDate.of(2026, 1, 5), "Sara Haile"));
        memory.sync(LIMIT);
        assertThat(memory.current()).isTrue();

        // The database ends every other session of this test's database: the listener's among them.
        jdbc.query(
                "select pg_terminate_backend(pid) from pg_stat_activity"
                        + " where datname = current_database() and pid <> pg_backend_pid()",
                row -> {});
        UUID meanwhile = UUID.randomUUID();
        events.feed(liveView, registered(meanwhile, MUNICIPALITY, LocalDate.of(2026, 1, 6), "Mona Said"));

        CaseloadQueries queries = CaseloadQueriesTest.queries(jdbc, TODAY);
        assertThat(queries.fromDatabase(query(), TODAY).items()).hasSize(2);
        await().atMost(LIMIT).until(memory::current);
        memory.sync(LIMIT);
        assertThat(journeys()).containsExactlyInAnyOrder(before, meanwhile);
    }

    private void insertRow(UUID journey) {
        jdbc.update(
                "insert into caseload (journey_id, municipality_code, full_name, arrival_date, closed, case_file)"
                        + " values (?, ?, 'Name', ?, false, '{}')",
                journey,
                MUNICIPALITY,
                LocalDate.of(2026, 1, 1));
    }

    private static GetCaseload query() {
        return new GetCaseload(null, MUNICIPALITY, false);
    }

    private Caseload page() {
        return memory.handle(query(), TODAY).orElseThrow();
    }

    private Caseload fromDatabase() {
        return CaseloadQueriesTest.queries(jdbc, TODAY).fromDatabase(query(), TODAY);
    }

    private List<UUID> journeys() {
        return page().items().stream().map(CaseloadItem::journeyId).toList();
    }
}
