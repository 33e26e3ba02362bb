package se.integrationjourney.projections.caseload;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import se.integrationjourney.projections.runtime.ViewTables;
import se.integrationjourney.projections.testsupport.EventFeeder;
import se.integrationjourney.projections.testsupport.ViewDatabase;

/**
 * One caseload read sees one snapshot, asked for inside its transaction: the page and the total agree even when a
 * journey arrives between its statements, and the driver is never asked to change the connection's isolation
 * (three extra round trips per request).
 */
class CaseloadSnapshotTest {

    @RegisterExtension
    static final ViewDatabase database = new ViewDatabase();

    private static final LocalDate TODAY = LocalDate.of(2024, 6, 1);
    private static final String MUNICIPALITY = "2999";

    private final EventFeeder feeder = new EventFeeder();
    private final Object handlers =
            new CaseloadProjection(database.jdbc(), CaseloadThresholds.DEFAULTS).eventHandlers(ViewTables.LIVE);

    @Test
    void givenAJourneyArrivingBetweenTheStatementsOfARead_whenRead_thenPageAndTotalAgreeWithoutIt() {
        List<UUID> before = List.of(register(), register(), register());
        List<String> calls = new ArrayList<>();
        boolean[] arrived = {false};
        RecordingDataSource recording = new RecordingDataSource(database.jdbc().getDataSource(), call -> {
            calls.add(call);
            if (call.startsWith("select count(*)") && !arrived[0]) {
                arrived[0] = true; // committed on another connection, after the page was read and before the total
                register();
            }
        });

        Caseload caseload = CaseloadQueriesTest.queries(new JdbcTemplate(recording), TODAY)
                .handle(new GetCaseload(null, MUNICIPALITY, false));

        assertThat(arrived[0])
                .as("the total is counted in a statement of its own")
                .isTrue();
        assertThat(caseload.items()).extracting(CaseloadItem::journeyId).containsExactlyInAnyOrderElementsOf(before);
        assertThat(caseload.total()).as("the total of the page's snapshot").isEqualTo(before.size());
        assertThat(CaseloadQueriesTest.queries(database.jdbc(), TODAY)
                        .handle(new GetCaseload(null, MUNICIPALITY, false))
                        .total())
                .isEqualTo(before.size() + 1);
        List<String> statements = calls.stream()
                .filter(call -> !call.matches("set[A-Z]\\w*\\(.*\\)"))
                .toList();
        assertThat(statements.get(0)).as("first in the transaction").isEqualTo(CaseloadQueries.SNAPSHOT_ISOLATION);
        assertThat(calls).containsSubsequence("setAutoCommit(false)", CaseloadQueries.SNAPSHOT_ISOLATION);
        assertThat(calls).noneMatch(call -> call.contains("TransactionIsolation"));
    }

    private UUID register() {
        UUID journey = UUID.randomUUID();
        feeder.feedOne(handlers, CaseloadQueriesTest.registered(journey, MUNICIPALITY, TODAY.minusDays(5), "Sara"));
        return journey;
    }

    /** Tells {@code calls} each SQL statement and each change of transaction settings, before it is made. */
    private static final class RecordingDataSource extends DelegatingDataSource {

        private final Consumer<String> calls;

        RecordingDataSource(DataSource target, Consumer<String> calls) {
            super(target);
            this.calls = calls;
        }

        @Override
        public Connection getConnection() throws java.sql.SQLException {
            Connection connection = super.getConnection();
            return proxy(Connection.class, connection, (self, method, args) -> {
                String name = method.getName();
                if (name.equals("prepareStatement")) {
                    calls.accept((String) args[0]);
                } else if (name.startsWith("set") || name.equals("getTransactionIsolation")) {
                    calls.accept(name + "(" + (args == null ? "" : args[0]) + ")");
                }
                Object result = invoke(method, connection, args);
                if (name.equals("createStatement")) {
                    Statement statement = (Statement) result;
                    return proxy(Statement.class, statement, (s, m, a) -> {
                        if (m.getName().startsWith("execute") && a != null && a[0] instanceof String sql) {
                            calls.accept(sql);
                        }
                        return invoke(m, statement, a);
                    });
                }
                return result;
            });
        }

        private static <T> T proxy(Class<T> type, T target, InvocationHandler handler) {
            return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
        }

        private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}
