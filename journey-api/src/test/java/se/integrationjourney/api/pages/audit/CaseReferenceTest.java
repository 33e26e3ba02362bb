package se.integrationjourney.api.pages.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What an auditor may type to open a case, and what each form of it is read as. */
class CaseReferenceTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 15);
    private static final String NUMBER = "199003012391";

    @ParameterizedTest
    @ValueSource(
            strings = {"19900301-2391", "199003012391", "900301-2391", "9003012391", " 900301-2391 ", "900301 2391"})
    void givenTheUsualForms_whenRead_thenEachIsTheSameTwelveDigits(String typed) {
        assertThat(CaseReference.read(typed, TODAY)).isEqualTo(new CaseReference.IdentityNumber(NUMBER));
    }

    @Test
    void givenTenDigitsWithPlus_whenRead_thenThePersonIsAHundredOrOlder() {
        String old = IdentityNumbersForTests.withCheckDigit("19200501123");

        assertThat(CaseReference.read("200501+" + old.substring(8), TODAY))
                .isEqualTo(new CaseReference.IdentityNumber(old));
    }

    @Test
    void givenTenDigitsOfAChild_whenRead_thenThisCentury() {
        String child = IdentityNumbersForTests.withCheckDigit("20150307456");

        assertThat(CaseReference.read(IdentityNumbersForTests.tenDigits(child), TODAY))
                .isEqualTo(new CaseReference.IdentityNumber(child));
    }

    @Test
    void givenTenDigitsOfABirthdayLaterThisYear_whenRead_thenTheLastCentury() {
        String born = IdentityNumbersForTests.withCheckDigit("19261224789");

        assertThat(CaseReference.read(IdentityNumbersForTests.tenDigits(born), TODAY))
                .isEqualTo(new CaseReference.IdentityNumber(born));
    }

    @Test
    void givenACoordinationNumber_whenRead_thenItsDayPlusSixtyIsAccepted() {
        String coordination = IdentityNumbersForTests.withCheckDigit("19900361321");

        assertThat(CaseReference.read(IdentityNumbersForTests.tenDigits(coordination), TODAY))
                .isEqualTo(new CaseReference.IdentityNumber(coordination));
    }

    @Test
    void givenAJourneyId_whenRead_thenItIsAnIdInEitherCase() {
        UUID id = UUID.randomUUID();

        assertThat(CaseReference.read(id.toString(), TODAY)).isEqualTo(new CaseReference.JourneyId(id));
        assertThat(CaseReference.read(id.toString().toUpperCase(), TODAY)).isEqualTo(new CaseReference.JourneyId(id));
    }

    @Test
    void givenAWrongCheckDigitOrNoDate_whenRead_thenTheNumberIsInvalid() {
        assertThat(CaseReference.read("19900301-2392", TODAY))
                .isEqualTo(new CaseReference.Unreadable("audit.lookup.invalidNumber"));
        assertThat(CaseReference.read(IdentityNumbersForTests.withCheckDigit("19901301123"), TODAY))
                .isEqualTo(new CaseReference.Unreadable("audit.lookup.invalidNumber"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Amal Haddad", "1990-03-01", "19900301-239", "405af2f9-21e0-4033-87d0", "12345678901234"})
    void givenNeitherAnIdNorANumber_whenRead_thenUnreadable(String typed) {
        assertThat(CaseReference.read(typed, TODAY)).isEqualTo(new CaseReference.Unreadable("audit.lookup.unreadable"));
    }

    @Test
    void givenNothingOrTooMuch_whenRead_thenRequiredOrUnreadable() {
        assertThat(CaseReference.read("  ", TODAY)).isEqualTo(new CaseReference.Unreadable("audit.lookup.required"));
        assertThat(CaseReference.read(null, TODAY)).isEqualTo(new CaseReference.Unreadable("audit.lookup.required"));
        assertThat(CaseReference.read("1".repeat(101), TODAY))
                .isEqualTo(new CaseReference.Unreadable("audit.lookup.unreadable"));
    }
}
