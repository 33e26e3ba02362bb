package se.integrationjourney.projections.outcomes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.integrationjourney.projections.outcomes.JourneyFactsBuilder.date;
import static se.integrationjourney.projections.outcomes.JourneyFactsBuilder.journey;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.integrationjourney.core.events.Gender;
import se.integrationjourney.core.events.OutcomeStatus;

class EstablishmentDatesTest {

    @Test
    void givenStartAndNoRecordedEnd_whenAskingForEstablishmentEnd_thenItIsStartPlus24Months() {
        JourneyFacts facts = journey().establishmentStarted(2021, 3, 15).build();

        assertThat(facts.establishmentEnd()).isEqualTo(date(2023, 3, 15));
    }

    @Test
    void givenRecordedEnd_whenAskingForEstablishmentEnd_thenTheRecordedEndIsUsed() {
        JourneyFacts facts = journey()
                .establishmentStarted(2021, 3, 15)
                .establishmentEnded(2022, 1, 10)
                .build();

        assertThat(facts.establishmentEnd()).isEqualTo(date(2022, 1, 10));
    }

    @Test
    void givenRecordedEndLaterThanTwoYears_whenAskingForEstablishmentEnd_thenTheRecordedEndIsStillUsed() {
        JourneyFacts facts = journey()
                .establishmentStarted(2021, 3, 15)
                .establishmentEnded(2023, 6, 1)
                .build();

        assertThat(facts.establishmentEnd()).isEqualTo(date(2023, 6, 1));
    }

    @Test
    void givenLeapDayStart_whenAskingForEstablishmentEnd_thenItIsTheLastDayOfFebruaryTwoYearsLater() {
        JourneyFacts facts = journey().establishmentStarted(2020, 2, 29).build();

        assertThat(facts.establishmentEnd()).isEqualTo(date(2022, 2, 28));
    }

    @Test
    void givenLeapDayStart_whenAskingForMeasurementPoint_thenItIsCountedFromTheEndNotTheStart() {
        JourneyFacts facts = journey().establishmentStarted(2020, 2, 29).build();

        // end 2022-02-28 + 24 months; start + 48 months would have been 2024-02-29
        assertThat(facts.measurementPoint()).isEqualTo(date(2024, 2, 28));
    }

    @Test
    void givenRecordedEnd_whenAskingForMeasurementPoint_thenItIsTheEndPlus24Months() {
        JourneyFacts facts = journey()
                .establishmentStarted(2021, 3, 15)
                .establishmentEnded(2022, 8, 31)
                .build();

        assertThat(facts.measurementPoint()).isEqualTo(date(2024, 8, 31));
    }

    @Test
    void givenNoRecordedEnd_whenAskingForMeasurementPoint_thenItIsStartPlus48Months() {
        JourneyFacts facts = journey().establishmentStarted(2021, 3, 15).build();

        assertThat(facts.measurementPoint()).isEqualTo(date(2025, 3, 15));
    }

    @Test
    void givenNoEstablishmentStart_whenAskingForEndAndMeasurementPoint_thenBothAreNull() {
        JourneyFacts facts = journey().build();

        assertThat(facts.establishmentEnd()).isNull();
        assertThat(facts.measurementPoint()).isNull();
    }

    @Test
    void givenAnEndButNoStart_whenAskingForEndAndMeasurementPoint_thenBothAreNull() {
        JourneyFacts facts = journey().establishmentEnded(2022, 1, 10).build();

        assertThat(facts.establishmentEnd()).isNull();
        assertThat(facts.measurementPoint()).isNull();
    }

    @Test
    void givenArrivalEarlyInTheYear_whenAskingForAgeAtArrival_thenItIsArrivalYearMinusBirthYear() {
        JourneyFacts facts = journey().born(1999).arrived(2019, 1, 2).build();

        assertThat(facts.ageAtArrival()).isEqualTo(20);
    }

    @Test
    void givenNullLists_whenBuildingFacts_thenTheyAreEmptyAndImmutable() {
        JourneyFacts facts = new JourneyFacts(
                UUID.randomUUID(),
                "1473",
                Gender.MALE,
                1990,
                date(2021, 1, 1),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);

        assertThat(facts.employments()).isEmpty();
        assertThat(facts.statusAt(date(2022, 1, 1), date(2022, 1, 1))).isEqualTo(OutcomeStatus.UNKNOWN);
        assertThatThrownBy(() -> facts.housingSecured().add(date(2021, 2, 1)))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
