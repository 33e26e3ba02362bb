package se.integrationjourney.api.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.Period;
import java.time.ZonedDateTime;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ReloadableResourceBundleMessageSource;

/** The retention settings: checked when bound, the next run in Swedish time, the period in words. */
class RetentionSettingsTest {

    private static final Locale SWEDISH = Locale.forLanguageTag("sv");

    @Test
    void givenAPeriodThatIsNotPositive_whenBound_thenRefusedNamingTheSetting() {
        for (Period period : new Period[] {Period.ZERO, Period.ofYears(-5), null}) {
            assertThatThrownBy(() -> new RetentionSettings(true, period, "02:30"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("journey.retention.keep-for");
        }
    }

    @Test
    void givenARunAtThatIsNeitherATimeNorACronExpression_whenBound_thenRefusedNamingTheSetting() {
        for (String runAt : new String[] {"", "24:00", "02:60", "half past two", "0 30 2 * *", null}) {
            assertThatThrownBy(() -> new RetentionSettings(true, Period.ofYears(5), runAt))
                    .as(runAt)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("journey.retention.run-at");
        }
    }

    @Test
    void givenATimeOfDay_whenAskedForTheNextRun_thenThatTimeInSwedenTodayOrTomorrow() {
        RetentionSettings settings = new RetentionSettings(true, Period.ofYears(5), "02:30");

        assertThat(settings.nextRunAfter(Instant.parse("2031-03-10T00:00:00Z")))
                .contains(ZonedDateTime.parse("2031-03-10T02:30+01:00[Europe/Stockholm]"));
        assertThat(settings.nextRunAfter(Instant.parse("2031-03-10T01:30:00Z")))
                .contains(ZonedDateTime.parse("2031-03-11T02:30+01:00[Europe/Stockholm]"));
        assertThat(settings.nextRunAfter(Instant.parse("2031-07-10T00:00:00Z")))
                .as("summer time")
                .contains(ZonedDateTime.parse("2031-07-10T02:30+02:00[Europe/Stockholm]"));
        assertThat(new RetentionSettings(true, Period.ofYears(5), "7:05")
                        .nextRunAfter(Instant.parse("2031-03-10T00:00:00Z")))
                .contains(ZonedDateTime.parse("2031-03-10T07:05+01:00[Europe/Stockholm]"));
    }

    @Test
    void givenTheNightTheClocksGoForward_whenAskedForTheNextRun_thenItRunsThatNightAfterTheGap() {
        RetentionSettings settings = new RetentionSettings(true, Period.ofYears(5), "02:30");

        // 2031-03-30: 02:00 becomes 03:00 in Sweden, so there is no 02:30 that night.
        ZonedDateTime next =
                settings.nextRunAfter(Instant.parse("2031-03-29T23:00:00Z")).orElseThrow();

        assertThat(next.toLocalDate()).hasToString("2031-03-30");
        assertThat(next.toInstant()).isAfterOrEqualTo(Instant.parse("2031-03-30T01:00:00Z"));
    }

    @Test
    void givenACronExpression_whenAskedForTheNextRun_thenItsNextTimeInSweden() {
        RetentionSettings settings = new RetentionSettings(true, Period.ofYears(5), "0 0 4 * * MON");

        assertThat(settings.nextRunAfter(Instant.parse("2031-03-12T12:00:00Z"))) // a Wednesday
                .contains(ZonedDateTime.parse("2031-03-17T04:00+01:00[Europe/Stockholm]"));
    }

    @Test
    void givenRetentionOff_whenAskedForTheNextRun_thenNone() {
        assertThat(new RetentionSettings(false, Period.ofYears(5), "02:30").nextRunAfter(Instant.now()))
                .isEmpty();
    }

    @Test
    void givenFiveYears_whenAskedForTheBoundary_thenTheSameSwedishDayAndTimeFiveYearsEarlier() {
        RetentionSettings settings = new RetentionSettings(true, Period.ofYears(5), "02:30");

        assertThat(settings.lastRecordedBefore(Instant.parse("2031-03-10T00:30:00Z")))
                .isEqualTo(Instant.parse("2026-03-10T00:30:00Z"));
        assertThat(settings.lastRecordedBefore(Instant.parse("2031-07-10T00:30:00Z")))
                .isEqualTo(Instant.parse("2026-07-10T00:30:00Z"));
    }

    @Test
    void givenPeriods_whenWrittenInWords_thenInTheReadersLanguage() {
        ReloadableResourceBundleMessageSource messages = new ReloadableResourceBundleMessageSource();
        messages.setBasenames("classpath:messages/retention");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);

        assertThat(words(Period.ofYears(5), messages, SWEDISH)).isEqualTo("5 år");
        assertThat(words(Period.ofYears(5), messages, Locale.ENGLISH)).isEqualTo("5 years");
        assertThat(words(Period.ofYears(1), messages, Locale.ENGLISH)).isEqualTo("1 year");
        assertThat(words(Period.of(1, 6, 0), messages, SWEDISH)).isEqualTo("1 år och 6 månader");
        assertThat(words(Period.of(2, 1, 10), messages, Locale.ENGLISH)).isEqualTo("2 years, 1 month and 10 days");
        assertThat(words(Period.ofDays(30), messages, SWEDISH)).isEqualTo("30 dagar");
    }

    private static String words(Period period, ReloadableResourceBundleMessageSource messages, Locale locale) {
        return new RetentionSettings(true, period, "02:30").keepForIn(messages, locale);
    }
}
