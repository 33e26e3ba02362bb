package se.integrationjourney.api.pages.audit;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import se.integrationjourney.core.journey.JourneyRuleViolation;
import se.integrationjourney.core.journey.PersonalIdentityNumbers;

/**
 * What an auditor typed to open a case: a journey id, or a personal identity number in one of the forms people
 * write it (YYYYMMDD-NNNN, YYMMDD-NNNN, with or without the dash, {@code +} for someone 100 or older). A ten-digit
 * number gets its century as Skatteverket's rule gives it; the twelve digits are then checked and normalised by the
 * core's {@link PersonalIdentityNumbers}, the same rule registration uses.
 */
sealed interface CaseReference {

    /** The longest input read at all: anything longer is neither an id nor a number. */
    int MAX_LENGTH = 100;

    record JourneyId(UUID id) implements CaseReference {}

    /** @param number twelve digits, as stored */
    record IdentityNumber(String number) implements CaseReference {}

    /** @param messageKey why it is neither, for the field's message */
    record Unreadable(String messageKey) implements CaseReference {}

    Pattern TEN_DIGITS = Pattern.compile("(\\d{6})([-+]?)(\\d{4})");
    Pattern TWELVE_DIGITS = Pattern.compile("(\\d{8})-?(\\d{4})");
    Pattern JOURNEY_ID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    static CaseReference read(String typed, LocalDate today) {
        String input = typed == null ? "" : typed.strip().replace(" ", "");
        if (input.isEmpty()) {
            return new Unreadable("audit.lookup.required");
        }
        if (input.length() > MAX_LENGTH) {
            return new Unreadable("audit.lookup.unreadable");
        }
        if (JOURNEY_ID.matcher(input).matches()) {
            return new JourneyId(UUID.fromString(input));
        }
        String twelve;
        Matcher ten = TEN_DIGITS.matcher(input);
        Matcher full = TWELVE_DIGITS.matcher(input);
        if (full.matches()) {
            twelve = full.group(1) + full.group(2);
        } else if (ten.matches()) {
            twelve = withCentury(ten.group(1), "+".equals(ten.group(2)), today) + ten.group(3);
        } else {
            return new Unreadable("audit.lookup.unreadable");
        }
        try {
            return new IdentityNumber(PersonalIdentityNumbers.normalise(twelve));
        } catch (JourneyRuleViolation invalid) {
            return new Unreadable("audit.lookup.invalidNumber");
        }
    }

    /**
     * YYMMDD with its century: the latest date not after today (a coordination number's day is 60 more), or a century
     * earlier when written with {@code +} (100 years or older). A date that is no date gets the latest such year;
     * the core's check then refuses it.
     */
    private static String withCentury(String yymmdd, boolean hundredOrOlder, LocalDate today) {
        int yy = Integer.parseInt(yymmdd.substring(0, 2));
        int month = Integer.parseInt(yymmdd.substring(2, 4));
        int day = Integer.parseInt(yymmdd.substring(4, 6));
        int year = today.getYear() - Math.floorMod(today.getYear() - yy, 100);
        try {
            if (LocalDate.of(year, month, day > 60 ? day - 60 : day).isAfter(today)) {
                year -= 100;
            }
        } catch (DateTimeException notADate) {
            // left to PersonalIdentityNumbers, which says the number is invalid
        }
        if (hundredOrOlder) {
            year -= 100;
        }
        return String.format("%04d", year) + yymmdd.substring(2);
    }
}
