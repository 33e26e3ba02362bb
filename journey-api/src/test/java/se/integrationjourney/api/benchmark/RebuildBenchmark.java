package se.integrationjourney.api.benchmark;

import java.util.List;

/** Placeholder: being written. */
final class RebuildBenchmark {

    private RebuildBenchmark() {
    }

    static List<Figure> run(BenchmarkContext context) throws Exception {
        return List.of();
    }
}
