package se.integrationjourney.api.pages.outcomes;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import se.integrationjourney.projections.outcomes.CountAndShare;

/**
 * The charts' geometry: bars and columns in proportion to their shares on a 0–100 % axis, steps that only rise, and
 * nothing drawn for a suppressed share.
 */
class ChartsTest {

    private static final Shares SWEDISH = new Shares(Locale.forLanguageTag("sv"), "<5");

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

        assertThat(chart.segments()).hasSize(1);
        String[] points = chart.segments().get(0).split(" ");
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
        Shares english = new Shares(Locale.ENGLISH, "<5");

        assertThat(SWEDISH.percent(new BigDecimal("0.6667"))).isEqualTo("66,7\u00a0%");
        assertThat(SWEDISH.percent(new BigDecimal("0.1125"))).isEqualTo("11,3\u00a0%");
        assertThat(english.percent(new BigDecimal("0.1125"))).isEqualTo("11.3%");
        assertThat(english.percent(new BigDecimal("1.0000"))).isEqualTo("100.0%");
        assertThat(english.percentOf(new BigDecimal("0.0000"), 0L)).isEqualTo(Shares.NONE);
    }

    @Test
    void givenSuppressedFigures_whenFormatting_thenTheyShowTheMark() {
        assertThat(SWEDISH.percent(null)).isEqualTo("<5");
        assertThat(SWEDISH.percentOf(null, 20L)).isEqualTo("<5");
        assertThat(SWEDISH.percentOf(null, null)).isEqualTo("<5");
        assertThat(SWEDISH.count(null)).isEqualTo("<5");
        assertThat(SWEDISH.count(0L)).isEqualTo("0");
    }

    @Test
    void givenASuppressedShare_whenDrawingBarsAndColumns_thenNoBarNoColumnAndTheMark() {
        Charts.BarChart chart = Charts.BarChart.of(
                List.of(
                        Charts.Value.keyed("analyst.gender.FEMALE", CountAndShare.SUPPRESSED, 20L),
                        Charts.Value.keyed("analyst.gender.MALE", CountAndShare.of(3, 4), null),
                        Charts.Value.keyed("analyst.gender.OTHER", CountAndShare.of(5, 10), 10L)),
                SWEDISH);
        Charts.ColumnChart columns =
                Charts.ColumnChart.of(List.of(Charts.Value.literal("2019", CountAndShare.SUPPRESSED, 8L)), SWEDISH);

        assertThat(chart.bars().get(0).value().suppressed()).isTrue();
        assertThat(chart.bars().get(0).barWidth()).isZero();
        assertThat(chart.bars().get(0).percent()).isEqualTo("<5");
        assertThat(chart.bars().get(1).value().suppressed())
                .as("a count of a suppressed denominator")
                .isTrue();
        assertThat(chart.bars().get(1).barWidth()).isZero();
        assertThat(chart.bars().get(2).barWidth()).isPositive();
        assertThat(columns.columns().get(0).columnHeight()).isZero();
        assertThat(columns.columns().get(0).percent()).isEqualTo("<5");
    }

    @Test
    void givenSuppressedMonths_whenDrawingSteps_thenTheLineStopsAtEachAndGoesOnAtTheNextShownMonth() {
        List<BigDecimal> byMonth = new java.util.ArrayList<>(List.of(
                new BigDecimal("0.0000"),
                new BigDecimal("0.0000"),
                new BigDecimal("0.5000"),
                new BigDecimal("0.5000"),
                new BigDecimal("0.7500")));
        byMonth.set(1, null);
        byMonth.set(4, null);

        Charts.StepChart chart = Charts.StepChart.of(byMonth, SWEDISH);

        assertThat(chart.segments()).hasSize(2);
        String[] first = chart.segments().get(0).split(" ");
        String[] second = chart.segments().get(1).split(" ");
        int month = 17;
        int bottom = chart.plotBottom();
        int half = bottom - 100;
        assertThat(first)
                .as("month 0's level, up to where the hidden month 1 begins")
                .containsExactly(chart.plotX() + "," + bottom, (chart.plotX() + month) + "," + bottom);
        assertThat(second)
                .as("months 2 and 3, up to where the hidden month 4 begins; its rise is not drawn")
                .containsExactly(
                        (chart.plotX() + 2 * month) + "," + half,
                        (chart.plotX() + 3 * month) + "," + half,
                        (chart.plotX() + 3 * month) + "," + half,
                        (chart.plotX() + 4 * month) + "," + half);
    }
}
