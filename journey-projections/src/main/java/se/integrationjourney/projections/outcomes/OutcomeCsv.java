package se.integrationjourney.projections.outcomes;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import se.integrationjourney.core.events.OutcomeStatus;

/**
 * Flat rows of the outcome responses for {@code Accept: text/csv}: a header row, then data rows, as strings
 * (a missing value is an empty string; shares with their 4 decimals). {@link #render} writes them as RFC 4180
 * text. The API decides the media type and headers; the figures and their order are fixed here.
 */
public final class OutcomeCsv {

    private OutcomeCsv() {}

    /**
     * The two-years-after outcome: one row for the whole cohort ({@code total}, {@code all}), one per gender and
     * one per age band; columns {@code dimension, key, denominator, pending, lostToFollowUp}, one count per status,
     * then {@code inWorkOrStudiesCount, inWorkOrStudiesShare, selfSufficientCount, selfSufficientShare}.
     */
    public static List<List<String>> rows(TwoYearsAfterOutcomeResponse outcome) {
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
                        outcome.selfSufficient())));
        outcome.byGender().forEach((gender, breakdown) -> rows.add(row("gender", gender.name(), breakdown)));
        outcome.byAgeBand().forEach((band, breakdown) -> rows.add(row("ageBand", band, breakdown)));
        return List.copyOf(rows);
    }

    /** The time to a milestone: a header row and one data row. */
    public static List<List<String>> rows(TimeToMilestoneResponse time) {
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
                        String.valueOf(time.cohortSize()),
                        String.valueOf(time.reached()),
                        text(time.medianDays()),
                        text(time.p25Days()),
                        text(time.p75Days()),
                        text(time.withinMonths()),
                        time.reachedWithin() == null
                                ? ""
                                : String.valueOf(time.reachedWithin().count()),
                        time.reachedWithin() == null
                                ? ""
                                : share(time.reachedWithin().share())));
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

    private static List<String> row(String dimension, String key, TwoYearsAfterOutcome.Breakdown breakdown) {
        List<String> row = new ArrayList<>(List.of(
                dimension,
                key,
                String.valueOf(breakdown.denominator()),
                String.valueOf(breakdown.pending()),
                String.valueOf(breakdown.lostToFollowUp())));
        Map<OutcomeStatus, Long> byStatus = breakdown.byStatus();
        for (OutcomeStatus status : OutcomeStatus.values()) {
            row.add(String.valueOf(byStatus.getOrDefault(status, 0L)));
        }
        row.add(String.valueOf(breakdown.inWorkOrStudies().count()));
        row.add(share(breakdown.inWorkOrStudies().share()));
        row.add(String.valueOf(breakdown.selfSufficient().count()));
        row.add(share(breakdown.selfSufficient().share()));
        return List.copyOf(row);
    }

    private static String share(BigDecimal share) {
        return share.toPlainString();
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
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
                month.cumulativeShare() == null ? "" : share(month.cumulativeShare()));
    }
}
