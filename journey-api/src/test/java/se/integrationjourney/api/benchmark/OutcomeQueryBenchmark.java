package se.integrationjourney.api.benchmark;

import java.util.List;

/** Placeholder: being written. */
final class OutcomeQueryBenchmark {

    private OutcomeQueryBenchmark() {
    }

    static List<Figure> run(BenchmarkContext context) throws Exception {
        return List.of();
    }
}
