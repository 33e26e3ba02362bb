package se.integrationjourney.api.pages.outcomes;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import se.integrationjourney.projections.outcomes.CountAndShare;

/**
 * The geometry of the analysts' charts, computed here so that templates/outcomes/charts.html only draws: inline
 * SVG rendered on the server, no charting script (the Content-Security-Policy allows none, and the page must work
 * without JavaScript). Every chart's numbers are also in a table on the same page. Shares are fractions 0 to 1;
 * the axes always run from 0 to 100 % so that charts side by side compare honestly. A share suppressed as a small
 * cell ({@code null}) is not drawn: no bar, no column, a gap in a line; its label says so as the tables do.
 */
public final class Charts {

    static final int WIDTH = 720;

    /** Narrower than the others: two fit side by side with a table, without shrinking their text much. */
    static final int BAR_CHART_WIDTH = 680;

    private static final int[] GRID_PERCENTS = {0, 25, 50, 75, 100};

    private Charts() {}

    /**
     * One value to draw: a label (a message key, or a literal such as a year), a count and its share; the share is
     * {@code null} when the count is suppressed.
     */
    public record Value(String labelKey, String label, long count, long denominator, BigDecimal share) {

        static Value keyed(String labelKey, long count, long denominator, BigDecimal share) {
            return new Value(labelKey, null, count, denominator, share);
        }

        static Value literal(String label, long count, long denominator, BigDecimal share) {
            return new Value(null, label, count, denominator, share);
        }

        /** A count and share of a response that may be suppressed (then the count, or the denominator, is null). */
        static Value keyed(String labelKey, CountAndShare measure, Long denominator) {
            return shown(measure, denominator)
                    ? keyed(labelKey, measure.count(), denominator, measure.share())
                    : new Value(labelKey, null, 0, 0, null);
        }

        /** As {@link #keyed(String, CountAndShare, Long)}, with a literal label. */
        static Value literal(String label, CountAndShare measure, Long denominator) {
            return shown(measure, denominator)
                    ? literal(label, measure.count(), denominator, measure.share())
                    : new Value(null, label, 0, 0, null);
        }

        public boolean suppressed() {
            return share == null;
        }

        public boolean measured() {
            return !suppressed() && denominator > 0;
        }

        private static boolean shown(CountAndShare measure, Long denominator) {
            return measure.count() != null && denominator != null;
        }
    }

    /** A vertical or horizontal line of the grid at a whole percentage, with where its label goes. */
    public record GridLine(int x1, int y1, int x2, int y2, int labelX, int labelY, String label) {}

    /** A horizontal bar with its label at the left and its value after its end. */
    public record Bar(Value value, String percent, int y, int barWidth, int textY, int valueX) {}

    /** Horizontal bars, one per group, with a shared 0–100 % axis. */
    public record BarChart(
            int width, int height, int plotX, int labelX, int barHeight, List<Bar> bars, List<GridLine> grid) {

        private static final int LABEL_WIDTH = 200;
        private static final int PLOT_WIDTH = 300;
        private static final int ROW = 32;
        private static final int BAR = 20;
        private static final int TOP = 8;

        static BarChart of(List<Value> values, Shares shares) {
            int plotX = LABEL_WIDTH + 10;
            List<Bar> bars = new ArrayList<>();
            for (int i = 0; i < values.size(); i++) {
                Value value = values.get(i);
                int rowTop = TOP + i * ROW;
                int barWidth = value.measured() ? scaled(value.share(), PLOT_WIDTH) : 0;
                bars.add(new Bar(
                        value,
                        shares.percentOf(value.share(), value.denominator()),
                        rowTop + (ROW - BAR) / 2,
                        barWidth,
                        rowTop + ROW / 2 + 4,
                        plotX + barWidth + 6));
            }
            int plotBottom = TOP + values.size() * ROW;
            List<GridLine> grid = new ArrayList<>();
            for (int percent : GRID_PERCENTS) {
                int x = plotX + PLOT_WIDTH * percent / 100;
                grid.add(new GridLine(x, TOP, x, plotBottom, x, plotBottom + 16, shares.wholePercent(percent)));
            }
            return new BarChart(
                    BAR_CHART_WIDTH, plotBottom + 26, plotX, LABEL_WIDTH, BAR, List.copyOf(bars), List.copyOf(grid));
        }
    }

    /** A vertical column with its label below and its value above. */
    public record Column(Value value, String percent, int x, int y, int columnWidth, int columnHeight, int centreX) {}

    /** Vertical columns, one per cohort year, on a 0–100 % axis. */
    public record ColumnChart(
            int width, int height, int plotX, int plotBottom, int labelY, List<Column> columns, List<GridLine> grid) {

        private static final int PLOT_X = 64;
        private static final int PLOT_WIDTH = 620;
        private static final int PLOT_TOP = 24;
        private static final int PLOT_HEIGHT = 180;

        static ColumnChart of(List<Value> values, Shares shares) {
            int slot = PLOT_WIDTH / Math.max(1, values.size());
            int columnWidth = Math.min(64, slot * 3 / 5);
            int plotBottom = PLOT_TOP + PLOT_HEIGHT;
            List<Column> columns = new ArrayList<>();
            for (int i = 0; i < values.size(); i++) {
                Value value = values.get(i);
                int height = value.measured() ? scaled(value.share(), PLOT_HEIGHT) : 0;
                int x = PLOT_X + i * slot + (slot - columnWidth) / 2;
                columns.add(new Column(
                        value,
                        shares.percentOf(value.share(), value.denominator()),
                        x,
                        plotBottom - height,
                        columnWidth,
                        height,
                        x + columnWidth / 2));
            }
            return new ColumnChart(
                    WIDTH,
                    plotBottom + 34,
                    PLOT_X,
                    plotBottom,
                    plotBottom + 20,
                    List.copyOf(columns),
                    horizontalGrid(PLOT_X, PLOT_X + PLOT_WIDTH, PLOT_TOP, PLOT_HEIGHT, shares));
        }
    }

    /** A tick on the month axis of a step chart. */
    public record Tick(int x, int month) {}

    /**
     * A cumulative share by month, drawn as steps (a share can only grow from one month to the next): each month's
     * share is a level from its month to the next, joined to the next month's by a rise. A suppressed month is a gap:
     * the line stops at its start and goes on at the next month shown, so {@code segments} are separate polylines.
     */
    public record StepChart(
            int width,
            int height,
            int plotX,
            int plotRight,
            int plotBottom,
            List<String> segments,
            List<Tick> ticks,
            List<GridLine> grid) {

        private static final int PLOT_X = 64;
        private static final int MONTH_WIDTH = 17;
        private static final int PLOT_TOP = 16;
        private static final int PLOT_HEIGHT = 200;

        /** @param byMonth the share reaching the milestone within month 0, 1, 2 …; {@code null} where suppressed */
        static StepChart of(List<BigDecimal> byMonth, Shares shares) {
            int plotBottom = PLOT_TOP + PLOT_HEIGHT;
            int months = byMonth.size() - 1;
            List<String> segments = new ArrayList<>();
            StringBuilder points = new StringBuilder();
            int previousY = 0;
            for (int month = 0; month <= months; month++) {
                if (byMonth.get(month) == null) {
                    continue;
                }
                int x = PLOT_X + month * MONTH_WIDTH;
                int y = plotBottom - scaled(byMonth.get(month), PLOT_HEIGHT);
                if (points.isEmpty()) {
                    points.append(x).append(',').append(y);
                } else {
                    points.append(' ').append(x).append(',').append(previousY);
                    points.append(' ').append(x).append(',').append(y);
                }
                previousY = y;
                if (month < months && byMonth.get(month + 1) == null) {
                    points.append(' ').append(x + MONTH_WIDTH).append(',').append(y);
                    segments.add(points.toString());
                    points.setLength(0);
                }
            }
            if (!points.isEmpty()) {
                segments.add(points.toString());
            }
            List<Tick> ticks = new ArrayList<>();
            for (int month = 0; month <= months; month += 6) {
                ticks.add(new Tick(PLOT_X + month * MONTH_WIDTH, month));
            }
            int plotRight = PLOT_X + months * MONTH_WIDTH;
            return new StepChart(
                    WIDTH,
                    plotBottom + 44,
                    PLOT_X,
                    plotRight,
                    plotBottom,
                    List.copyOf(segments),
                    List.copyOf(ticks),
                    horizontalGrid(PLOT_X, plotRight, PLOT_TOP, PLOT_HEIGHT, shares));
        }
    }

    private static List<GridLine> horizontalGrid(int left, int right, int top, int height, Shares shares) {
        List<GridLine> grid = new ArrayList<>();
        for (int percent : GRID_PERCENTS) {
            int y = top + height - height * percent / 100;
            grid.add(new GridLine(left, y, right, y, left - 8, y + 4, shares.wholePercent(percent)));
        }
        return List.copyOf(grid);
    }

    /** A share of {@code length} pixels, rounded; shares outside 0–1 are clamped. */
    static int scaled(BigDecimal share, int length) {
        double fraction = Math.max(0, Math.min(1, share.doubleValue()));
        return (int) Math.round(fraction * length);
    }
}
