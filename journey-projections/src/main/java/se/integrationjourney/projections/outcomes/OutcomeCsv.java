package se.integrationjourney.projections.outcomes;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import se.integrationjourney.core.events.OutcomeStatus;

/**
 * Flat rows of the outcome responses for {@code Accept: text/csv}: a header row, then data rows, as strings
 * (a missing value is an empty string; shares with their 4 decimals; a figure suppressed as a small cell is
 * {@code <5} for a limit of 5, {@link SmallCells#mark}). {@link #render} writes them as RFC 4180 text. The API decides
 * the media type and headers; the figures and their order are fixed here.
 */
public final class OutcomeCsv {

    private OutcomeCsv() {}

    /**
     * The two-years-after outcome: one row for the whole cohort ({@code total}, {@code all}), one per gender and
     * one per age band; columns {@code dimension, key, denominator, pending, lostToFollowUp}, one count per status,
     * then {@code inWorkOrStudiesCount, inWorkOrStudiesShare, selfSufficientCount, selfSufficientShare}.
     */
    public static List<List<String>> rows(TwoYearsAfterOutcomeResponse outcome) {
        Figures figures = new Figures(outcome.minCellSize(), outcome.suppressed());
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("dimension", "key", "denominator", "pending", "lostToFollowUp"));
        for (OutcomeStatus status : OutcomeStatus.values()) {
            header.add(status.name());
        }
        header.addAll(
                List.of("inWorkOrStudiesCount", "inWorkOrStudiesShare", "selfSufficientCount", "selfSufficientShare"));
        rows.add(List.copyOf(header));
        rows.add(row(
                "total",
                "all",
                new TwoYearsAfterOutcome.Breakdown(
                        outcome.denominator(),
                        outcome.pending(),
                        outcome.lostToFollowUp(),
                        outcome.byStatus(),
                        outcome.inWorkOrStudies(),
                        outcome.selfSufficient()),
                figures.in("")));
        outcome.byGender()
                .forEach((gender, breakdown) -> rows.add(
                        row("gender", gender.name(), breakdown, figures.in("byGender." + gender.name() + "."))));
        outcome.byAgeBand()
                .forEach((band, breakdown) ->
                        rows.add(row("ageBand", band, breakdown, figures.in("byAgeBand." + band + "."))));
        return List.copyOf(rows);
    }

    /** The time to a milestone: a header row and one data row. */
    public static List<List<String>> rows(TimeToMilestoneResponse time) {
        Figures figures = new Figures(time.minCellSize(), time.suppressed());
        CountAndShare within = time.reachedWithin();
        return List.of(
                List.of(
                        "milestone",
                        "from",
                        "cohortSize",
                        "reached",
                        "medianDays",
                        "p25Days",
                        "p75Days",
                        "withinMonths",
                        "reachedWithinCount",
                        "reachedWithinShare"),
                List.of(
                        time.milestone().name(),
                        time.from().name(),
                        figures.text(time.cohortSize(), "cohortSize"),
                        figures.text(time.reached(), "reached"),
                        figures.text(time.medianDays(), "medianDays"),
                        figures.text(time.p25Days(), "p25Days"),
                        figures.text(time.p75Days(), "p75Days"),
                        figures.text(time.withinMonths(), "withinMonths"),
                        figures.text(within == null ? null : within.count(), "reachedWithin.count"),
                        figures.text(within == null ? null : within.share(), "reachedWithin.share")));
    }

    /** RFC 4180: comma-separated, CRLF after every row, fields with a comma, quote or line break quoted. */
    public static String render(List<List<String>> rows) {
        StringBuilder csv = new StringBuilder();
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                if (i > 0) {
                    csv.append(',');
                }
                csv.append(field(row.get(i)));
            }
            csv.append("\r\n");
        }
        return csv.toString();
    }

    private static List<String> row(
            String dimension, String key, TwoYearsAfterOutcome.Breakdown breakdown, Figures figures) {
        List<String> row = new ArrayList<>(List.of(
                dimension,
                key,
                figures.text(breakdown.denominator(), "denominator"),
                figures.text(breakdown.pending(), "pending"),
                figures.text(breakdown.lostToFollowUp(), "lostToFollowUp")));
        Map<OutcomeStatus, Long> byStatus = breakdown.byStatus();
        for (OutcomeStatus status : OutcomeStatus.values()) {
            row.add(figures.text(byStatus.get(status), "byStatus." + status.name()));
        }
        row.add(figures.text(breakdown.inWorkOrStudies().count(), "inWorkOrStudies.count"));
        row.add(figures.text(breakdown.inWorkOrStudies().share(), "inWorkOrStudies.share"));
        row.add(figures.text(breakdown.selfSufficient().count(), "selfSufficient.count"));
        row.add(figures.text(breakdown.selfSufficient().share(), "selfSufficient.share"));
        return List.copyOf(row);
    }

    /**
     * How the figures of one response (or one group of it: {@code prefix}) are written: a suppressed one as the mark,
     * a missing one as nothing, a share with its 4 decimals.
     */
    private record Figures(Integer minCellSize, Set<String> suppressed, String prefix) {

        Figures(Integer minCellSize, List<String> suppressed) {
            this(minCellSize, Set.copyOf(suppressed), "");
        }

        Figures in(String groupPrefix) {
            return new Figures(minCellSize, suppressed, groupPrefix);
        }

        String text(Object value, String path) {
            if (value != null) {
                return value instanceof BigDecimal share ? share.toPlainString() : value.toString();
            }
            return minCellSize != null && suppressed.contains(prefix + path) ? SmallCells.mark(minCellSize) : "";
        }
    }

    private static String field(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    /**
     * The cumulative reach: a header row, then one row per month for the whole cohort ({@code total}, {@code all}),
     * then the same for each gender; a month nobody is at risk in has an empty share.
     */
    public static List<List<String>> rows(CumulativeReachResponse reach) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("group", "key", "month", "atRisk", "reached", "censored", "cumulativeShare"));
        reach.months().forEach(month -> rows.add(row("total", "all", month)));
        reach.byGender()
                .forEach((gender, months) -> months.forEach(month -> rows.add(row("gender", gender.name(), month))));
        return List.copyOf(rows);
    }

    private static List<String> row(String group, String key, CumulativeReachMonth month) {
        return List.of(
                group,
                key,
                String.valueOf(month.month()),
                String.valueOf(month.atRisk()),
                String.valueOf(month.reached()),
                String.valueOf(month.censored()),
                month.cumulativeShare() == null ? "" : month.cumulativeShare().toPlainString());
    }
}
