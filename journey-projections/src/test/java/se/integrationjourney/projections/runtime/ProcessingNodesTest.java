package se.integrationjourney.projections.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import se.integrationjourney.eventstore.MisconfiguredStorageException;
import se.integrationjourney.eventstore.ProcessingNode;
import se.integrationjourney.projections.testsupport.ViewDatabase;

/**
 * The nodes' registrations on one database: each counts the others and takes its share of a view's segments, a node
 * that leaves is counted out, a name another running node renews is refused, and a name whose last run died is taken
 * once its row has expired. A claim timeout of a second keeps the waits short.
 */
class ProcessingNodesTest {

    @RegisterExtension
    static final ViewDatabase database = new ViewDatabase();

    private static final Duration CLAIM_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    private final List<ProcessingNodes> joined = new ArrayList<>();

    @AfterEach
    void leave() {
        joined.forEach(ProcessingNodes::leave);
        database.jdbc().update("delete from processing_node");
    }

    @Test
    void givenTwoNodes_whenBothHaveJoined_thenEachCountsBothAndTakesHalfOfASegmentCount() {
        ProcessingNodes a = join("a");
        ProcessingNodes b = join("b");

        await().atMost(DEADLINE).until(() -> a.alive().equals(List.of("a", "b")));
        assertThat(b.alive()).containsExactly("a", "b");
        assertThat(a.fairShare(2)).isEqualTo(1);
        assertThat(a.fairShare(3)).as("rounded up").isEqualTo(2);

        b.leave();
        joined.remove(b);

        await().atMost(DEADLINE).until(() -> a.alive().equals(List.of("a")));
        assertThat(a.fairShare(2)).isEqualTo(2);
    }

    @Test
    void givenARunningNode_whenAnotherJoinsUnderItsName_thenItIsRefused() {
        join("twin");

        assertThatThrownBy(() -> new ProcessingNodes(database.jdbc(), node("twin")).join())
                .isInstanceOf(MisconfiguredStorageException.class)
                .hasMessageContaining("twin")
                .hasMessageContaining("JOURNEY_NODE_NAME");
    }

    @Test
    void givenTheRowOfARunThatDied_whenTheNodeStartsAgain_thenItJoinsOnceTheRowHasExpired() {
        database.jdbc()
                .update(
                        "insert into processing_node (node_name, instance, seen_at) values (?, ?, now())",
                        "restarted",
                        UUID.randomUUID());

        ProcessingNodes restarted = join("restarted");

        assertThat(restarted.alive()).containsExactly("restarted");
    }

    private ProcessingNodes join(String name) {
        ProcessingNodes nodes = new ProcessingNodes(database.jdbc(), node(name));
        nodes.join();
        joined.add(nodes);
        return nodes;
    }

    private static ProcessingNode node(String name) {
        return new ProcessingNode(name, CLAIM_TIMEOUT);
    }
}
