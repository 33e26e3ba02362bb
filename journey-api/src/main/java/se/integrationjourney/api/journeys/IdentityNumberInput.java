package se.integrationjourney.api.journeys;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import se.integrationjourney.core.journey.JourneyRuleViolation;
import se.integrationjourney.core.journey.PersonalIdentityNumbers;

/**
 * A personal identity number as people type it into a search (the caseworker's, the auditor's): {@code YYYYMMDD-NNNN}, {@code YYMMDD-NNNN}, with or
 * without the dash, and with {@code +} for someone aged 100 or more (Skatteverket's form of the ten-digit number).
 * The ten-digit forms get their century from today: the latest birth day that is not in the future, a hundred
 * years earlier with {@code +}. The twelve digits are then checked by the core's normaliser (date, check digit).
 */
public final class IdentityNumberInput {

    /** What looks like a number rather than a name: digits, perhaps one dash or plus before the last four. */
    private static final Pattern NUMBER = Pattern.compile("(\\d{6}|\\d{8})([-+]?)(\\d{4})");

    private static final Pattern DIGITS_AND_SEPARATORS = Pattern.compile("[\\d\\s+-]+");

    private IdentityNumberInput() {}

    /** Whether the text is meant as a number (only digits, spaces, dashes and pluses), valid or not. */
    public static boolean looksLikeNumber(String text) {
        return DIGITS_AND_SEPARATORS.matcher(text).matches()
                && text.chars().filter(Character::isDigit).count() >= 6;
    }

    /** Whether the text is written in one of the forms above (valid or not). */
    public static boolean inNumberForm(String text) {
        return NUMBER.matcher(text.replaceAll("\\s", "")).matches();
    }

    /** The number as 12 digits, or empty when it is not a valid personal identity or coordination number. */
    public static Optional<String> normalise(String text, LocalDate today) {
        Matcher number = NUMBER.matcher(text.replaceAll("\\s", ""));
        if (!number.matches()) {
            return Optional.empty();
        }
        String date = number.group(1);
        boolean hundredOrOlder = "+".equals(number.group(2));
        String twelve;
        if (date.length() == 8) {
            twelve = date + number.group(3);
        } else {
            Integer year = fullYear(date, hundredOrOlder, today);
            if (year == null) {
                return Optional.empty();
            }
            twelve = year + date.substring(2) + number.group(3);
        }
        try {
            return Optional.ofNullable(PersonalIdentityNumbers.normalise(twelve));
        } catch (JourneyRuleViolation invalid) {
            return Optional.empty();
        }
    }

    /** The year of a YYMMDD birth date: the latest not after today, or a hundred years before that with a plus. */
    private static Integer fullYear(String yymmdd, boolean hundredOrOlder, LocalDate today) {
        int twoDigits = Integer.parseInt(yymmdd.substring(0, 2));
        int month = Integer.parseInt(yymmdd.substring(2, 4));
        int day = Integer.parseInt(yymmdd.substring(4, 6));
        if (day > 60) {
            day -= 60; // a coordination number's day
        }
        int year = today.getYear() - today.getYear() % 100 + twoDigits;
        try {
            if (LocalDate.of(year, month, Math.min(day, 28)).withDayOfMonth(day).isAfter(today)) {
                year -= 100;
            }
        } catch (DateTimeException notADate) {
            return null;
        }
        return hundredOrOlder ? year - 100 : year;
    }
}
