package se.integrationjourney.api.accesslog;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * A period to ask the access log about, from (inclusive) to (exclusive), as auditors type it: each end an instant with
 * its offset ({@code 2026-01-31T12:00:00Z}) or a date, meaning Swedish days: {@code from} a date is the start of that
 * day, {@code to} a date is the whole of that day. Left out, {@code to} is now and {@code from} is
 * {@value #DEFAULT_DAYS} days before {@code to}.
 */
public record AuditPeriod(Instant from, Instant to) {

    public static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");
    public static final int DEFAULT_DAYS = 30;

    /** The longest text read as an end at all. */
    private static final int MAX_LENGTH = 64;

    /** Why an end cannot be read. */
    public enum Problem {
        /** Neither an instant with its offset nor a date. */
        UNREADABLE,
        /** {@code from} is not before {@code to}. */
        NOT_BEFORE_TO
    }

    /** An end that cannot be read, by the parameter's name ({@code from} or {@code to}). */
    public static final class Invalid extends RuntimeException {

        private final String parameter;
        private final Problem problem;

        Invalid(String parameter, Problem problem) {
            super(parameter + ": " + problem, null, false, false);
            this.parameter = parameter;
            this.problem = problem;
        }

        public String parameter() {
            return parameter;
        }

        public Problem problem() {
            return problem;
        }

        /** What is wrong, in English, naming no value typed. */
        public String explanation() {
            return problem == Problem.NOT_BEFORE_TO
                    ? "from must be before to"
                    : parameter + " must be an instant with its offset, such as 2026-01-31T12:00:00Z, or a date, such"
                            + " as 2026-01-31 (a day in Sweden)";
        }
    }

    /** @throws Invalid naming the end that cannot be read, or {@code from} when it is not before {@code to} */
    public static AuditPeriod read(String from, String to, Instant now) {
        Instant end = blank(to) ? now : moment(to.strip(), "to");
        Instant start = blank(from)
                ? end.atZone(SWEDEN).minus(Period.ofDays(DEFAULT_DAYS)).toInstant()
                : moment(from.strip(), "from");
        if (!start.isBefore(end)) {
            throw new Invalid("from", Problem.NOT_BEFORE_TO);
        }
        return new AuditPeriod(start, end);
    }

    private static Instant moment(String text, String parameter) {
        if (text.length() > MAX_LENGTH) {
            throw new Invalid(parameter, Problem.UNREADABLE);
        }
        try {
            if (text.length() == 10) {
                LocalDate day = LocalDate.parse(text);
                return (parameter.equals("to") ? day.plusDays(1) : day)
                        .atStartOfDay(SWEDEN)
                        .toInstant();
            }
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException unreadable) {
            throw new Invalid(parameter, Problem.UNREADABLE);
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
