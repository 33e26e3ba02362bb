package se.integrationjourney.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProcessingNodeTest {

    @Test
    void givenTheDefaultClaimTimeout_whenTheClaimIntervalIsAsked_thenItIsAxonsOwnFiveSeconds() {
        assertThat(new ProcessingNode("a", Duration.ofSeconds(30)).claimInterval())
                .isEqualTo(Duration.ofSeconds(5));
        assertThat(new ProcessingNode("a", Duration.ofMinutes(5)).claimInterval())
                .as("at most Axon's, so that a node joining is given its share soon")
                .isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void givenAShortClaimTimeout_whenTheClaimIntervalIsAsked_thenItIsASixthOfIt() {
        assertThat(new ProcessingNode("a", Duration.ofSeconds(3)).claimInterval())
                .isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void givenNoNameOrATooShortTimeout_whenMade_thenItIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> new ProcessingNode(" ", Duration.ofSeconds(30)))
                .isInstanceOf(MisconfiguredStorageException.class)
                .hasMessageContaining("journey.node.name");
        assertThatThrownBy(() -> new ProcessingNode("a".repeat(256), Duration.ofSeconds(30)))
                .isInstanceOf(MisconfiguredStorageException.class);
        assertThatThrownBy(() -> new ProcessingNode("a", Duration.ofMillis(999)))
                .isInstanceOf(MisconfiguredStorageException.class)
                .hasMessageContaining("journey.processing.claim-timeout");
    }

    @Test
    void givenAPort_whenTheDefaultNameIsMade_thenItIsTheHostAndThePort() {
        assertThat(ProcessingNode.defaultName(8081)).endsWith(":8081").doesNotStartWith(":");
        assertThat(ProcessingNode.defaultName(0))
                .endsWith(":pid" + ProcessHandle.current().pid());
    }
}
