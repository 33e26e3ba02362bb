package se.integrationjourney.api.retention;

import java.time.Instant;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.scheduling.support.CronExpression;

/**
 * The retention job's settings, {@code journey.retention.*} (the defaults are application.yml's), checked when bound
 * (docs/operations.md, "Retention (gallring)").
 *
 * @param enabled whether the job runs by itself each day; an administrator may run it at any time either way
 * @param keepFor how long after a journey's last recorded entry its personal data is kept: a positive period, e.g.
 *                {@code P5Y}
 * @param runAt   when in Swedish time the job runs: {@code HH:MM} once a day, or a cron expression of six fields
 *                (second, minute, hour, day of month, month, day of week), e.g. {@code 0 30 2 * * MON-FRI}
 */
@ConfigurationProperties("journey.retention")
public record RetentionSettings(boolean enabled, Period keepFor, String runAt) {

    /** The job's days and times are Swedish ones, whatever the server's zone. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Stockholm");

    private static final Pattern TIME_OF_DAY = Pattern.compile("(\\d{1,2}):(\\d{2})");

    public RetentionSettings {
        if (keepFor == null || keepFor.isNegative() || keepFor.isZero()) {
            throw new IllegalArgumentException(
                    "journey.retention.keep-for must be a positive period, e.g. P5Y (five years) or P18M");
        }
        runAt = runAt == null ? "" : runAt.strip();
        check(runAt);
    }

    /** When the job runs next after {@code now}, in Swedish time; empty when it does not run by itself. */
    public Optional<ZonedDateTime> nextRunAfter(Instant now) {
        return enabled ? Optional.ofNullable(nextAfter(now)) : Optional.empty();
    }

    /**
     * When {@code run-at} comes next after {@code now}, in Swedish time. A time of day that the clocks skip that night
     * (02:30 when summer time begins) is the same moment an hour later, so the daily run is never left out; a cron
     * expression's such times are skipped, as Spring's cron does.
     */
    ZonedDateTime nextAfter(Instant now) {
        ZonedDateTime here = now.atZone(ZONE);
        Matcher time = TIME_OF_DAY.matcher(runAt);
        if (!time.matches()) {
            return CronExpression.parse(runAt).next(here);
        }
        LocalTime at = LocalTime.of(Integer.parseInt(time.group(1)), Integer.parseInt(time.group(2)));
        ZonedDateTime today = ZonedDateTime.of(here.toLocalDate(), at, ZONE);
        return today.isAfter(here) ? today : ZonedDateTime.of(here.toLocalDate().plusDays(1), at, ZONE);
    }

    /**
     * The moment a journey's last entry must have been recorded before for its personal data to go: {@code now}
     * less the period, counted in Swedish calendar days (five years before 7 December is 7 December).
     */
    public Instant lastRecordedBefore(Instant now) {
        return now.atZone(ZONE).minus(keepFor).toInstant();
    }

    /** The period in words in the reader's language, e.g. "5 år" or "1 year and 6 months". */
    public String keepForIn(MessageSource messages, Locale locale) {
        List<String> parts = new ArrayList<>();
        if (keepFor.getYears() != 0) {
            parts.add(messages.getMessage("retention.period.years", new Object[] {keepFor.getYears()}, locale));
        }
        if (keepFor.getMonths() != 0) {
            parts.add(messages.getMessage("retention.period.months", new Object[] {keepFor.getMonths()}, locale));
        }
        if (keepFor.getDays() != 0) {
            parts.add(messages.getMessage("retention.period.days", new Object[] {keepFor.getDays()}, locale));
        }
        if (parts.size() == 1) {
            return parts.get(0);
        }
        String and = messages.getMessage("retention.period.and", null, locale);
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " " + and + " " + parts.get(parts.size() - 1);
    }

    /** @throws IllegalArgumentException when {@code runAt} is neither a time of day nor a cron expression */
    private static void check(String runAt) {
        Matcher time = TIME_OF_DAY.matcher(runAt);
        boolean valid = time.matches()
                ? Integer.parseInt(time.group(1)) <= 23 && Integer.parseInt(time.group(2)) <= 59
                : CronExpression.isValidExpression(runAt);
        if (!valid) {
            throw invalidRunAt();
        }
    }

    private static IllegalArgumentException invalidRunAt() {
        return new IllegalArgumentException("journey.retention.run-at must be a time of day in Swedish time (HH:MM,"
                + " e.g. 02:30) or a cron expression of six fields (e.g. 0 30 2 * * *)");
    }
}
