package se.integrationjourney.projections.runtime;

/**
 * How a view's pooled streaming processor is sized.
 *
 * @param segments  how many parts the event stream is split into, by journey (fixed when a view's tokens are
 *                  first created)
 * @param threads   worker threads processing segments in parallel
 * @param batchSize events handled in one transaction; large batches make replays fast, since each
 *                  transaction costs a commit and a token update
 */
public record ProcessorTuning(int segments, int threads, int batchSize) {

    public ProcessorTuning {
        if (segments < 1 || threads < 1 || batchSize < 1) {
            throw new IllegalArgumentException("segments, threads and batch size must be positive");
        }
    }
}
