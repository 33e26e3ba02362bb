package se.integrationjourney.benchmarks;

import java.util.Locale;

/**
 * One line of the benchmark table: a measured figure and the baseline measured in the same run, so that the
 * ratio, not the absolute number, carries the meaning on a shared, noisy machine.
 *
 * @param benchmark     which benchmark (e.g. "append, in-process")
 * @param figure        what was measured (e.g. "events/s", "p99 ms")
 * @param value         the measured value
 * @param baseline      what the baseline is (e.g. "batched JDBC inserts")
 * @param baselineValue the baseline's value of the same figure, measured in the same run
 * @param target        the target in words (e.g. "≥ 5,000"), or "" when none
 * @param met           whether the target was met; null when there is no target
 */
record Figure(
        String benchmark,
        String figure,
        double value,
        String baseline,
        double baselineValue,
        String target,
        Boolean met) {

    /** value / baseline value. */
    double ratio() {
        return baselineValue == 0 ? Double.NaN : value / baselineValue;
    }

    String markdownRow() {
        return String.format(
                Locale.ROOT,
                "| %s | %s | %s | %s | %s | %s | %s | %s |",
                benchmark,
                figure,
                number(value),
                baseline,
                number(baselineValue),
                Double.isNaN(ratio()) ? "–" : String.format(Locale.ROOT, "%.2f×", ratio()),
                target.isEmpty() ? "–" : target,
                met == null ? "–" : met ? "yes" : "**no**");
    }

    static String markdownHeader() {
        return "| benchmark | figure | value | baseline | baseline value | value / baseline | target | met |\n"
                + "|---|---|---|---|---|---|---|---|";
    }

    private static String number(double value) {
        if (Double.isNaN(value)) {
            return "–";
        }
        return Math.abs(value) >= 100
                ? String.format(Locale.ROOT, "%,.0f", value)
                : String.format(Locale.ROOT, "%.2f", value);
    }
}
