package se.integrationjourney.projections.runtime;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * How a view's pooled streaming processor is sized: {@code journey.projections.*}, checked when bound (the
 * defaults are application.yml's).
 *
 * @param segments  how many parts the event stream is split into, by journey (fixed when a view's tokens are
 *                  first created)
 * @param threads   worker threads processing segments in parallel
 * @param batchSize events handled in one transaction; large batches make replays fast, since each
 *                  transaction costs a commit and a token update
 * @param rebuildRetainedJourneys how many journeys' results a rebuild keeps in memory per segment before it
 *                  writes them out and starts afresh ({@link RetainedResults}); bounds a rebuild's memory. 0: a
 *                  rebuild runs each view's live handlers in a processor of its own, writing every batch
 * @param stallAfter how long events may wait for a segment whose position does not move before the view counts
 *                  as stalled (the health check then says DOWN)
 */
@ConfigurationProperties("journey.projections")
public record ProcessorTuning(
        int segments, int threads, int batchSize, int rebuildRetainedJourneys, Duration stallAfter) {

    /** A minute's patience before a view counts as stalled. */
    public static final Duration DEFAULT_STALL_AFTER = Duration.ofMinutes(1);

    @ConstructorBinding
    public ProcessorTuning {
        if (segments < 1 || threads < 1 || batchSize < 1 || rebuildRetainedJourneys < 0) {
            throw new IllegalArgumentException(
                    "segments, threads and batch size must be positive, retained journeys not negative");
        }
        if (stallAfter == null || stallAfter.isNegative() || stallAfter.isZero()) {
            throw new IllegalArgumentException("the stall time must be positive");
        }
    }

    public ProcessorTuning(int segments, int threads, int batchSize, int rebuildRetainedJourneys) {
        this(segments, threads, batchSize, rebuildRetainedJourneys, DEFAULT_STALL_AFTER);
    }
}
