package se.integrationjourney.projections.casefile;

/**
 * The lowest and highest of a set of years, both inclusive: enough to find every journey that may belong to a cohort
 * year (a superset, which the caller then checks exactly).
 */
public record YearSpan(int low, int high) {

    public static YearSpan of(int year) {
        return new YearSpan(year, year);
    }

    /** This span widened to include {@code year}; {@code span} may be null (no year yet). */
    public static YearSpan including(YearSpan span, int year) {
        return span == null ? of(year) : new YearSpan(Math.min(span.low, year), Math.max(span.high, year));
    }

    public boolean contains(int year) {
        return low <= year && year <= high;
    }
}
