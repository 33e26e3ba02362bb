package se.integrationjourney.eventstore;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.common.DateTimeUtils;

/**
 * Reads the event store's {@code time_stamp} column. Axon writes it as {@code 2026-11-23T20:41:00.615Z}, always
 * that shape ({@link DateTimeUtils#formatInstant}), and reads it back with {@code DateTimeFormatter}
 * (ISO_OFFSET_DATE_TIME), which builds maps of parsed fields for each value: a quarter of a rebuild's CPU, twice per
 * event (docs/benchmark-notes.md). This reads Axon's shape directly and leaves anything else (an offset, more fraction
 * digits) to Axon's parser, so it accepts exactly what Axon accepts.
 */
public final class StoredTimestamps {

    private static final int LENGTH = "2026-11-23T20:41:00.615Z".length();

    private StoredTimestamps() {}

    public static Instant parse(String timestamp) {
        if (timestamp.length() != LENGTH || !punctuatedAsAxonWrites(timestamp)) {
            return DateTimeUtils.parseInstant(timestamp);
        }
        int year = digits(timestamp, 0, 4);
        int month = digits(timestamp, 5, 7);
        int day = digits(timestamp, 8, 10);
        int hour = digits(timestamp, 11, 13);
        int minute = digits(timestamp, 14, 16);
        int second = digits(timestamp, 17, 19);
        int millis = digits(timestamp, 20, 23);
        if (year < 0
                || month < 1
                || month > 12
                || day < 1
                || day > 31
                || hour < 0
                || hour > 23
                || minute < 0
                || minute > 59
                || second < 0
                || second > 59
                || millis < 0) {
            return DateTimeUtils.parseInstant(timestamp); // not a plain value: Axon's parser decides (and explains)
        }
        long epochDay = LocalDate.of(year, month, day).toEpochDay(); // checks the day exists in that month
        long epochSecond = epochDay * 86_400 + hour * 3_600L + minute * 60L + second;
        return Instant.ofEpochSecond(epochSecond, millis * 1_000_000L);
    }

    private static boolean punctuatedAsAxonWrites(String s) {
        return s.charAt(4) == '-'
                && s.charAt(7) == '-'
                && s.charAt(10) == 'T'
                && s.charAt(13) == ':'
                && s.charAt(16) == ':'
                && s.charAt(19) == '.'
                && s.charAt(23) == 'Z';
    }

    /** The decimal number in {@code [from, to)}, or -1 if a character is not a digit. */
    private static int digits(String s, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            int digit = s.charAt(i) - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }
}
