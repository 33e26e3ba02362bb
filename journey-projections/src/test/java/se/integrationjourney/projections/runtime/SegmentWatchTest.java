package se.integrationjourney.projections.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the watch makes of segments that move between nodes. */
class SegmentWatchTest {

    private final SegmentWatch watch = new SegmentWatch(Duration.ofMinutes(1), Clock.systemUTC());

    @Test
    void givenAFailingSegment_whenAnotherNodeHoldsIt_thenThisNodeNoLongerReportsItsFailure() {
        watch.failed(0, "SQLException (SQL state 08006)", "HousingSecured of journey j at position 7");
        assertThat(watch.observe(Map.of(0, new SegmentWatch.Segment(6, "here", false)), 10))
                .singleElement()
                .satisfies(segment -> assertThat(segment.error()).isNotNull());

        assertThat(watch.observe(Map.of(0, new SegmentWatch.Segment(12, "there", true)), 12))
                .singleElement()
                .satisfies(segment -> {
                    assertThat(segment.owner()).isEqualTo("there");
                    assertThat(segment.position()).isEqualTo(12);
                    assertThat(segment.error()).isNull();
                    assertThat(segment.eventByEvent()).isFalse();
                });
        assertThat(watch.currentError()).isNull();
    }

    @Test
    void givenASegmentReleased_whenClaimedAgainAtAnEarlierPosition_thenItsPositionStartsThere() {
        watch.committed(1, 40);
        watch.released(1);

        watch.claimed(1, 25); // a rebuild swapped in meanwhile set the segment back

        assertThat(watch.position(1)).isEqualTo(25);
        watch.committed(1, 30);
        assertThat(watch.position(1)).isEqualTo(30);
    }

    @Test
    void givenASegmentNotReleased_whenAnOlderPositionIsReported_thenItsPositionDoesNotGoBack() {
        watch.committed(1, 40);

        watch.claimed(1, 25);

        assertThat(watch.position(1)).isEqualTo(40);
    }
}
