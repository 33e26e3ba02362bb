package se.integrationjourney.api.pages.outcomes;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The charts' geometry: bars and columns in proportion to their shares on a 0–100 % axis, steps that only rise. */
class ChartsTest {

    private static final Shares SWEDISH = new Shares(Locale.forLanguageTag("sv"));

    @Test
    void givenSharesOfHalfAndAll_whenDrawingBars_thenTheFullBarIsTwiceTheHalfAndBothStartAtTheAxis() {
        Charts.BarChart chart = Charts.BarChart.of(
                List.of(
                        Charts.Value.keyed("analyst.gender.FEMALE", 1, 2, new BigDecimal("0.5000")),
                        Charts.Value.keyed("analyst.gender.MALE", 2, 2, new BigDecimal("1.0000"))),
                SWEDISH);

        assertThat(chart.bars().get(1).barWidth())
                .isEqualTo(2 * chart.bars().get(0).barWidth());
        assertThat(chart.grid().get(4).x1() - chart.plotX())
                .as("the 100 % line ends where the full bar ends")
                .isEqualTo(chart.bars().get(1).barWidth());
        assertThat(chart.bars().get(0).percent()).isEqualTo("50,0\u00a0%");
        assertThat(chart.bars().get(1).y()).isGreaterThan(chart.bars().get(0).y());
        assertThat(chart.height()).isGreaterThan(chart.bars().get(1).y() + chart.barHeight());
    }

    @Test
    void givenAGroupNobodyInWasMeasured_whenDrawing_thenNoBarAndADashRatherThanZeroPercent() {
        Charts.BarChart chart = Charts.BarChart.of(
                List.of(Charts.Value.keyed("analyst.gender.OTHER", 0, 0, new BigDecimal("0.0000"))), SWEDISH);
        Charts.ColumnChart columns =
                Charts.ColumnChart.of(List.of(Charts.Value.literal("2019", 0, 0, new BigDecimal("0.0000"))), SWEDISH);

        assertThat(chart.bars().get(0).barWidth()).isZero();
        assertThat(chart.bars().get(0).percent()).isEqualTo(Shares.NONE);
        assertThat(columns.columns().get(0).columnHeight()).isZero();
        assertThat(columns.columns().get(0).percent()).isEqualTo(Shares.NONE);
    }

    @Test
    void givenCohortYears_whenDrawingColumns_thenHeightsFollowTheSharesAndStandOnTheAxis() {
        Charts.ColumnChart chart = Charts.ColumnChart.of(
                List.of(
                        Charts.Value.literal("2020", 1, 4, new BigDecimal("0.2500")),
                        Charts.Value.literal("2021", 3, 4, new BigDecimal("0.7500"))),
                SWEDISH);

        Charts.Column first = chart.columns().get(0);
        Charts.Column second = chart.columns().get(1);
        assertThat(second.columnHeight()).isEqualTo(3 * first.columnHeight());
        assertThat(first.y() + first.columnHeight()).isEqualTo(chart.plotBottom());
        assertThat(second.y() + second.columnHeight()).isEqualTo(chart.plotBottom());
        assertThat(second.x()).isGreaterThan(first.x() + first.columnWidth());
    }

    @Test
    void givenACumulativeShare_whenDrawingSteps_thenTheLineGoesRightAndNeverDown() {
        List<BigDecimal> byMonth = List.of(
                new BigDecimal("0.0000"), new BigDecimal("0.2000"), new BigDecimal("0.2000"), new BigDecimal("0.6000"));

        Charts.StepChart chart = Charts.StepChart.of(byMonth, SWEDISH);

        String[] points = chart.points().split(" ");
        assertThat(points).hasSize(1 + 2 * 3);
        int previousX = Integer.MIN_VALUE;
        int previousY = Integer.MAX_VALUE;
        for (String point : points) {
            int x = Integer.parseInt(point.split(",")[0]);
            int y = Integer.parseInt(point.split(",")[1]);
            assertThat(x).isGreaterThanOrEqualTo(previousX);
            assertThat(y)
                    .as("SVG's y grows downwards: a rising share never has a larger y")
                    .isLessThanOrEqualTo(previousY);
            previousX = x;
            previousY = y;
        }
        assertThat(points[0]).isEqualTo(chart.plotX() + "," + chart.plotBottom());
        assertThat(chart.ticks()).extracting(Charts.Tick::month).containsExactly(0);
    }

    @Test
    void givenSharesToFormat_whenInSwedishAndEnglish_thenOneDecimalRoundedHalfUp() {
        Shares english = new Shares(Locale.ENGLISH);

        assertThat(SWEDISH.percent(new BigDecimal("0.6667"))).isEqualTo("66,7\u00a0%");
        assertThat(SWEDISH.percent(new BigDecimal("0.1125"))).isEqualTo("11,3\u00a0%");
        assertThat(english.percent(new BigDecimal("0.1125"))).isEqualTo("11.3%");
        assertThat(english.percent(new BigDecimal("1.0000"))).isEqualTo("100.0%");
        assertThat(english.percentOf(new BigDecimal("0.0000"), 0)).isEqualTo(Shares.NONE);
    }
}
