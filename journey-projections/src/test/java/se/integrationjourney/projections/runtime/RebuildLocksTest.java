package se.integrationjourney.projections.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import se.integrationjourney.projections.testsupport.ViewDatabase;

/** Two nodes' rebuild locks on one database: a view is taken by one node at a time, and a lost lock is noticed. */
class RebuildLocksTest {

    @RegisterExtension
    static final ViewDatabase database = new ViewDatabase();

    private static final List<String> VIEWS = List.of("journey-state", "caseload", "outcomes");

    private final RebuildLocks nodeA = locks();
    private final RebuildLocks nodeB = locks();

    @AfterEach
    void release() {
        nodeA.releaseAll();
        nodeB.releaseAll();
    }

    @Test
    void givenViewsOneNodeRebuilds_whenAnotherAsksForEveryView_thenItGetsOnlyTheOthers() {
        assertThat(nodeA.take(List.of("journey-state", "caseload"))).containsExactly("journey-state", "caseload");

        assertThat(nodeB.take(VIEWS)).containsExactly("outcomes");
        assertThat(nodeA.take(VIEWS)).as("what it holds is not taken twice").isEmpty();
        assertThat(nodeB.heldAnywhere(VIEWS)).containsExactlyInAnyOrderElementsOf(VIEWS);
        assertThat(nodeA.stillHeld(List.of("journey-state", "caseload"))).isTrue();
        assertThat(nodeA.stillHeld(List.of("outcomes"))).isFalse();

        nodeA.release(List.of("caseload"));

        assertThat(nodeB.take(VIEWS)).containsExactly("caseload");
        nodeA.releaseAll();
        nodeB.releaseAll();
        assertThat(nodeA.heldAnywhere(VIEWS)).isEmpty();
    }

    @Test
    void givenAHeldLock_whenItsConnectionEnds_thenTheRebuildKnowsItNoLongerHoldsItAndAnotherNodeMayTakeIt() {
        nodeA.take(List.of("caseload"));

        database.jdbc()
                .queryForList(
                        "select pg_terminate_backend(pid) from pg_locks where locktype = 'advisory'"
                                + " and classid::bigint = ? and objsubid = 2",
                        Boolean.class,
                        (long) RebuildLocks.VIEW_REBUILD);

        assertThat(nodeA.stillHeld(List.of("caseload"))).isFalse();
        assertThat(nodeB.take(List.of("caseload"))).containsExactly("caseload");
    }

    private static RebuildLocks locks() {
        DataSource dataSource = database.jdbc().getDataSource();
        return new RebuildLocks(dataSource, database.jdbc(), VIEWS);
    }
}
