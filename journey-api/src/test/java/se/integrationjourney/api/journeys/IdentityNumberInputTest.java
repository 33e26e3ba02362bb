package se.integrationjourney.api.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** How the search page reads a typed personal identity number: every usual form, the century of the short ones. */
class IdentityNumberInputTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

    @Test
    void givenTheTwelveDigitForms_whenRead_thenTheSameNumber() {
        for (String typed : new String[] {"19121212-1212", "191212121212", " 19121212 1212 ", "19121212+1212"}) {
            assertThat(IdentityNumberInput.normalise(typed, TODAY)).as(typed).contains("191212121212");
        }
    }

    @Test
    void givenTheTenDigitForms_whenRead_thenTheLatestCenturyThatIsPastAndOneEarlierWithAPlus() {
        assertThat(IdentityNumberInput.normalise("121212-1212", TODAY)).contains("201212121212");
        assertThat(IdentityNumberInput.normalise("1212121212", TODAY)).contains("201212121212");
        assertThat(IdentityNumberInput.normalise("121212+1212", TODAY)).contains("191212121212");
        String tomorrow = withCheckDigit("261208123");
        assertThat(IdentityNumberInput.normalise(tomorrow.substring(0, 6) + "-" + tomorrow.substring(6), TODAY))
                .as("born tomorrow would be in the future: a century earlier")
                .contains("19" + tomorrow);
    }

    @Test
    void givenAWrongCheckDigitOrNoDate_whenRead_thenNotANumber() {
        assertThat(IdentityNumberInput.normalise("19121212-1213", TODAY)).isEmpty();
        assertThat(IdentityNumberInput.normalise("121312-1212", TODAY)).isEmpty();
        assertThat(IdentityNumberInput.normalise("12121-21212", TODAY)).isEmpty();
    }

    @Test
    void givenText_whenAskedWhetherItIsMeantAsANumber_thenOnlyDigitsAndSeparatorsAre() {
        assertThat(IdentityNumberInput.looksLikeNumber("19121212-1212")).isTrue();
        assertThat(IdentityNumberInput.looksLikeNumber("121212-12")).isTrue();
        assertThat(IdentityNumberInput.looksLikeNumber("Amal 1990")).isFalse();
        assertThat(IdentityNumberInput.looksLikeNumber("12-3")).isFalse();
    }

    /** Nine digits YYMMDDNNN with Skatteverket's check digit. */
    private static String withCheckDigit(String nine) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            int product = (nine.charAt(i) - '0') * (i % 2 == 0 ? 2 : 1);
            sum += product > 9 ? product - 9 : product;
        }
        return nine + (10 - sum % 10) % 10;
    }
}
