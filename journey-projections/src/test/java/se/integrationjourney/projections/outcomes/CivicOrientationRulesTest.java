package se.integrationjourney.projections.outcomes;

import static org.assertj.core.api.Assertions.assertThat;
import static se.integrationjourney.projections.outcomes.JourneyFactsBuilder.date;

import org.junit.jupiter.api.Test;

class CivicOrientationRulesTest {

    @Test
    void givenADateBeforeFebruary2020_whenAskingTheLegalMinimum_thenItIs60Hours() {
        assertThat(CivicOrientationRules.legalMinimumHoursOn(date(2020, 1, 31))).isEqualTo(60);
        assertThat(CivicOrientationRules.legalMinimumHoursOn(date(2015, 6, 1))).isEqualTo(60);
    }

    @Test
    void givenADateFromFebruary2020_whenAskingTheLegalMinimum_thenItIs100Hours() {
        assertThat(CivicOrientationRules.legalMinimumHoursOn(date(2020, 2, 1))).isEqualTo(100);
        assertThat(CivicOrientationRules.legalMinimumHoursOn(date(2025, 6, 1))).isEqualTo(100);
    }

    @Test
    void givenHoursAroundTheOldMinimum_whenCheckedOnTheLastDayOfTheOldRule_then60MeetsItAnd59DoesNot() {
        assertThat(CivicOrientationRules.meetsLegalMinimum(60, date(2020, 1, 31)))
                .isTrue();
        assertThat(CivicOrientationRules.meetsLegalMinimum(59, date(2020, 1, 31)))
                .isFalse();
    }

    @Test
    void givenHoursAroundTheNewMinimum_whenCheckedOnTheFirstDayOfTheNewRule_then100MeetsItAnd99DoesNot() {
        assertThat(CivicOrientationRules.meetsLegalMinimum(100, date(2020, 2, 1)))
                .isTrue();
        assertThat(CivicOrientationRules.meetsLegalMinimum(99, date(2020, 2, 1)))
                .isFalse();
    }
}
