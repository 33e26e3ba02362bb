package se.integrationjourney.core.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PersonalIdentityNumbersTest {

    @ParameterizedTest
    @CsvSource({
        "191212121212, 191212121212",
        "19121212-1212, 191212121212",
        "' 19121212-1212 ', 191212121212",
        "199001752386, 199001752386",
        "200002290450, 200002290450"
    })
    void givenValidNumber_whenNormalised_thenTwelveDigitsWithoutHyphen(String given, String expected) {
        assertThat(PersonalIdentityNumbers.normalise(given)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void givenNoNumber_whenNormalised_thenNone(String given) {
        assertThat(PersonalIdentityNumbers.normalise(given)).isNull();
        assertThat(PersonalIdentityNumbers.normalise(null)).isNull();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "191212121213", // check digit
                "1212121212", // ten digits
                "191212-121212", // hyphen in the wrong place
                "19121212+1212", // plus is for the ten-digit form only
                "190002291212", // 1900 was not a leap year
                "199001002385", // day zero
                "199001922382", // coordination day 92 = 32
                "１９１２１２１２１２１２"
            }) // full-width digits are not digits here
    void givenInvalidNumber_whenNormalised_thenRefusedWithoutRepeatingIt(String given) {
        assertThatThrownBy(() -> PersonalIdentityNumbers.normalise(given))
                .isInstanceOfSatisfying(JourneyRuleViolation.class, violation -> {
                    assertThat(violation.rule()).isEqualTo(Rule.INVALID_PERSONAL_IDENTITY_NUMBER);
                    assertThat(violation.getMessage())
                            .doesNotContain(given.replace("-", "").substring(2, 8));
                });
    }

    @Test
    void givenCoordinationNumber_whenNormalised_thenTheDayPlusSixtyIsAccepted() {
        assertThat(PersonalIdentityNumbers.normalise("19900175-2386")).isEqualTo("199001752386");
    }
}
