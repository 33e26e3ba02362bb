package se.integrationjourney.api.pages.audit;

import java.util.concurrent.ThreadLocalRandom;

/** Valid Swedish personal identity numbers for tests: a real date, any serial, the right check digit. */
public final class IdentityNumbersForTests {

    private IdentityNumbersForTests() {}

    /** A random valid number, YYYYMMDDNNNC, born 1950–1999 (so the ten-digit form has one reading). */
    public static String random() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String prefix = String.format(
                "%04d%02d%02d%03d",
                random.nextInt(1950, 2000), random.nextInt(1, 13), random.nextInt(1, 29), random.nextInt(0, 1000));
        return withCheckDigit(prefix);
    }

    /** {@code elevenDigits} (YYYYMMDDNNN) with Skatteverket's check digit (Luhn over YYMMDDNNN) appended. */
    public static String withCheckDigit(String elevenDigits) {
        String nine = elevenDigits.substring(2);
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            int product = (nine.charAt(i) - '0') * (i % 2 == 0 ? 2 : 1);
            sum += product > 9 ? product - 9 : product;
        }
        return elevenDigits + (10 - sum % 10) % 10;
    }

    /** YYYYMMDD-NNNN */
    public static String withDash(String twelve) {
        return twelve.substring(0, 8) + "-" + twelve.substring(8);
    }

    /** YYMMDDNNNN */
    public static String tenDigits(String twelve) {
        return twelve.substring(2);
    }
}
