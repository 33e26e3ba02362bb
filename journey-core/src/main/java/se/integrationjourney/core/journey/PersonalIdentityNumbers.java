package se.integrationjourney.core.journey;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Checks and normalises Swedish personal identity numbers (personnummer) and coordination numbers
 * (samordningsnummer), so that every stored number has one form and can be matched and erased.
 */
public final class PersonalIdentityNumbers {

    private static final int COORDINATION_DAY_OFFSET = 60;

    private PersonalIdentityNumbers() {}

    /**
     * @param number {@code YYYYMMDDNNNC} or {@code YYYYMMDD-NNNC}; {@code null} or blank means none given
     * @return the number as 12 digits without hyphen, or {@code null} when none was given
     * @throws JourneyRuleViolation INVALID_PERSONAL_IDENTITY_NUMBER; the message never repeats the number
     */
    public static String normalise(String number) {
        if (number == null || number.isBlank()) {
            return null;
        }
        String trimmed = number.strip();
        String digits = trimmed.length() == 13 && trimmed.charAt(8) == '-'
                ? trimmed.substring(0, 8) + trimmed.substring(9)
                : trimmed;
        if (digits.length() != 12 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw invalid("it is not 12 digits YYYYMMDDNNNC (a hyphen before the last four is allowed)");
        }
        if (!isRealDate(digits)) {
            throw invalid("its first eight digits are not a date (a coordination number adds 60 to the day)");
        }
        if (!hasValidCheckDigit(digits.substring(2))) {
            throw invalid("its check digit is wrong");
        }
        return digits;
    }

    private static boolean isRealDate(String digits) {
        int year = Integer.parseInt(digits.substring(0, 4));
        int month = Integer.parseInt(digits.substring(4, 6));
        int day = Integer.parseInt(digits.substring(6, 8));
        if (day > COORDINATION_DAY_OFFSET) {
            day -= COORDINATION_DAY_OFFSET;
        }
        try {
            LocalDate.of(year, month, day);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    /** Luhn over the ten digits YYMMDDNNNC, as Skatteverket computes it. */
    private static boolean hasValidCheckDigit(String tenDigits) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            int product = (tenDigits.charAt(i) - '0') * (i % 2 == 0 ? 2 : 1);
            sum += product > 9 ? product - 9 : product;
        }
        int check = (10 - sum % 10) % 10;
        return check == tenDigits.charAt(9) - '0';
    }

    private static JourneyRuleViolation invalid(String why) {
        return new JourneyRuleViolation(
                Rule.INVALID_PERSONAL_IDENTITY_NUMBER, "the personal identity number is invalid: " + why);
    }
}
