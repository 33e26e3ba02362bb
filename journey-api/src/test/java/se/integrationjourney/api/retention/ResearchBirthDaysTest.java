package se.integrationjourney.api.retention;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.integrationjourney.api.pages.audit.IdentityNumbersForTests;

/** Who retention keeps for research: born on the 5th, 15th or 25th by the identity number, and nobody else. */
class ResearchBirthDaysTest {

    @ParameterizedTest(name = "born {0}-{1}")
    @CsvSource({"1990-03, 05", "1990-03, 15", "1990-03, 25", "2001-12, 05", "1950-02, 25"})
    void givenAPersonalIdentityNumberOfThe5th15thOr25th_whenJudged_thenKeptForResearch(String yearMonth, String day) {
        String number = number(yearMonth, day);

        assertThat(ResearchBirthDays.keptForResearch(number)).isTrue();
    }

    @ParameterizedTest(name = "born {0}-{1}")
    @CsvSource({
        "1990-03, 01",
        "1990-03, 04",
        "1990-03, 06",
        "1990-03, 14",
        "1990-03, 16",
        "1990-03, 24",
        "1990-03, 26",
        "1990-03, 31",
        "1990-03, 10",
        "1990-03, 20",
        "1990-03, 30"
    })
    void givenAPersonalIdentityNumberOfAnotherDay_whenJudged_thenNotKept(String yearMonth, String day) {
        String number = number(yearMonth, day);

        assertThat(ResearchBirthDays.keptForResearch(number)).isFalse();
    }

    @ParameterizedTest(name = "coordination day {1}")
    @CsvSource({
        "1990-03, 65, true",
        "1990-03, 75, true",
        "1990-03, 85, true",
        "1990-03, 61, false",
        "1990-03, 66, false",
        "1990-03, 74, false",
        "1990-03, 91, false"
    })
    void givenACoordinationNumber_whenJudged_thenItsDayLess60Counts(String yearMonth, String day, boolean kept) {
        String number = number(yearMonth, day);

        assertThat(ResearchBirthDays.keptForResearch(number)).isEqualTo(kept);
    }

    @Test
    void givenNoIdentityNumber_whenJudged_thenTheBirthDayIsUnknownAndTheRecordIsNotKept() {
        assertThat(ResearchBirthDays.keptForResearch(null)).isFalse();
        assertThat(ResearchBirthDays.keptForResearch("")).isFalse();
    }

    @Test
    void givenSomethingThatIsNoStoredNumber_whenJudged_thenNoBirthDayIsReadFromIt() {
        assertThat(ResearchBirthDays.keptForResearch("19900315-1234")).isFalse();
        assertThat(ResearchBirthDays.keptForResearch("9003151234")).isFalse();
        assertThat(ResearchBirthDays.keptForResearch("erased")).isFalse();
    }

    /** A valid 12-digit number born on that day (a coordination number's day is 61 to 91). */
    private static String number(String yearMonth, String day) {
        return IdentityNumbersForTests.withCheckDigit(yearMonth.replace("-", "") + day + "123");
    }
}
