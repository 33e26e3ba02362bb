package se.integrationjourney.projections.outcomes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class KnownAtTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final Duration MARGIN = Duration.ofSeconds(60);

    @Test
    void givenNoMoment_whenResolved_thenNowLessTheMarginAndSaysItWasMovedBack() {
        KnownAt knownAt = KnownAt.resolve(null, NOW, MARGIN);

        assertThat(knownAt.used()).isEqualTo(Instant.parse("2026-12-07T09:59:00Z"));
        assertThat(knownAt.requested()).isNull();
        assertThat(knownAt.movedBack()).isTrue();
    }

    @Test
    void givenAMomentWithinTheMarginOrInTheFuture_whenResolved_thenMovedBackToNowLessTheMargin() {
        assertThat(KnownAt.resolve(NOW.minusSeconds(59), NOW, MARGIN).used()).isEqualTo(NOW.minus(MARGIN));
        assertThat(KnownAt.resolve(NOW.plusSeconds(3600), NOW, MARGIN).used()).isEqualTo(NOW.minus(MARGIN));
        assertThat(KnownAt.resolve(NOW.plusSeconds(3600), NOW, MARGIN).movedBack())
                .isTrue();
    }

    @Test
    void givenAMomentAtOrBeforeNowLessTheMargin_whenResolved_thenUsedAsAsked() {
        KnownAt exactlySettled = KnownAt.resolve(NOW.minus(MARGIN), NOW, MARGIN);
        KnownAt earlier = KnownAt.resolve(Instant.parse("2025-06-30T12:00:00Z"), NOW, MARGIN);

        assertThat(exactlySettled.used()).isEqualTo(NOW.minus(MARGIN));
        assertThat(exactlySettled.movedBack()).isFalse();
        assertThat(earlier.used()).isEqualTo(Instant.parse("2025-06-30T12:00:00Z"));
        assertThat(earlier.movedBack()).isFalse();
    }

    @Test
    void givenAnEventStoredAtTheMoment_whenAsked_thenItIsKnownAndOneStoredAMillisecondLaterIsNot() {
        KnownAt knownAt = new KnownAt(null, NOW, false);

        assertThat(knownAt.knows(NOW)).isTrue();
        assertThat(knownAt.knows(NOW.plusMillis(1))).isFalse();
    }
}
