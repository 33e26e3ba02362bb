package se.integrationjourney.projections.outcomes;

import static org.assertj.core.api.Assertions.assertThat;
import static se.integrationjourney.projections.outcomes.JourneyFactsBuilder.date;
import static se.integrationjourney.projections.outcomes.JourneyFactsBuilder.journey;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import se.integrationjourney.core.events.EmploymentType;

class SelfSufficiencyTest {

    private static final LocalDate D = date(2024, 6, 1);

    @Test
    void givenNoSelfSufficiencyReached_whenAskingAtD_thenNotSelfSufficient() {
        JourneyFacts facts = journey()
                .employed(EmploymentType.REGULAR, date(2023, 1, 1), null)
                .build();

        assertThat(facts.isSelfSufficientAt(D)).isFalse();
    }

    @Test
    void givenReachedOnD_whenAskingAtD_thenSelfSufficient() {
        JourneyFacts facts = journey().selfSufficiencyReached(D).build();

        assertThat(facts.isSelfSufficientAt(D)).isTrue();
    }

    @Test
    void givenReachedAfterD_whenAskingAtD_thenNotSelfSufficient() {
        JourneyFacts facts = journey().selfSufficiencyReached(D.plusDays(1)).build();

        assertThat(facts.isSelfSufficientAt(D)).isFalse();
    }

    @Test
    void givenReachedThenLost_whenAskingAtD_thenNotSelfSufficient() {
        JourneyFacts facts = journey()
                .selfSufficiencyReached(date(2023, 1, 1))
                .selfSufficiencyLost(date(2024, 1, 1))
                .build();

        assertThat(facts.isSelfSufficientAt(D)).isFalse();
    }

    @Test
    void givenReachedAndLostAfterD_whenAskingAtD_thenStillSelfSufficient() {
        JourneyFacts facts = journey()
                .selfSufficiencyReached(date(2023, 1, 1))
                .selfSufficiencyLost(D.plusDays(1))
                .build();

        assertThat(facts.isSelfSufficientAt(D)).isTrue();
    }

    @Test
    void givenReachedThenFinancialAssistanceStarted_whenAskingAtD_thenNotSelfSufficient() {
        JourneyFacts facts = journey()
                .selfSufficiencyReached(date(2023, 1, 1))
                .financialAssistance(date(2024, 1, 1), null)
                .build();

        assertThat(facts.isSelfSufficientAt(D)).isFalse();
    }

    @Test
    void givenReachedThenFinancialAssistanceStartedAndEndedBeforeD_whenAskingAtD_thenStillNotSelfSufficient() {
        JourneyFacts facts = journey()
                .selfSufficiencyReached(date(2023, 1, 1))
                .financialAssistance(date(2023, 6, 1), date(2023, 9, 1))
                .build();

        assertThat(facts.isSelfSufficientAt(D)).isFalse();
    }

    @Test
    void givenReachedAndFinancialAssistanceStartingAfterD_whenAskingAtD_thenSelfSufficient() {
        JourneyFacts facts = journey()
                .selfSufficiencyReached(date(2023, 1, 1))
                .financialAssistance(D.plusDays(1), null)
                .build();

        assertThat(facts.isSelfSufficientAt(D)).isTrue();
    }

    @Test
    void givenFinancialAssistanceStillRunningButStartedBeforeTheReach_whenAskingAtD_thenSelfSufficient() {
        JourneyFacts facts = journey()
                .financialAssistance(date(2022, 1, 1), null)
                .selfSufficiencyReached(date(2023, 1, 1))
                .build();

        assertThat(facts.isSelfSufficientAt(D)).isTrue();
    }

    @Test
    void givenReachedLostAndReachedAgain_whenAskingAtD_thenSelfSufficient() {
        JourneyFacts facts = journey()
                .selfSufficiencyReached(date(2022, 1, 1))
                .selfSufficiencyLost(date(2023, 1, 1))
                .selfSufficiencyReached(date(2024, 1, 1))
                .build();

        assertThat(facts.isSelfSufficientAt(D)).isTrue();
        assertThat(facts.isSelfSufficientAt(date(2023, 6, 1))).isFalse();
    }

    @Test
    void givenEarlierHistoryRecordedAfterTheLatestReach_whenAskingAtD_thenTheLatestByBusinessDateDecides() {
        // the March reach was recorded first; the January reach and February loss were back-filled later
        JourneyFacts facts = journey()
                .selfSufficiencyReached(date(2023, 3, 1))
                .selfSufficiencyLost(date(2023, 2, 1))
                .selfSufficiencyReached(date(2023, 1, 1))
                .build();

        assertThat(facts.isSelfSufficientAt(D)).isTrue();
    }

    @Test
    void givenReachedAndLostOnTheSameDateLostRecordedLater_whenAskingAtD_thenNotSelfSufficient() {
        JourneyFacts facts = journey()
                .selfSufficiencyReached(date(2024, 1, 1))
                .selfSufficiencyLost(date(2024, 1, 1))
                .build();

        assertThat(facts.isSelfSufficientAt(D)).isFalse();
    }

    @Test
    void givenLostAndReachedOnTheSameDateReachedRecordedLater_whenAskingAtD_thenSelfSufficient() {
        JourneyFacts facts = journey()
                .selfSufficiencyLost(date(2024, 1, 1))
                .selfSufficiencyReached(date(2024, 1, 1))
                .build();

        assertThat(facts.isSelfSufficientAt(D)).isTrue();
    }

    @Test
    void
            givenReachedAndFinancialAssistanceStartedOnTheSameDateAssistanceRecordedLater_whenAskingAtD_thenNotSelfSufficient() {
        JourneyFacts facts = journey()
                .selfSufficiencyReached(date(2024, 1, 1))
                .financialAssistance(date(2024, 1, 1), null)
                .build();

        assertThat(facts.isSelfSufficientAt(D)).isFalse();
    }

    @Test
    void givenFinancialAssistanceStartedAndReachedOnTheSameDateReachRecordedLater_whenAskingAtD_thenSelfSufficient() {
        JourneyFacts facts = journey()
                .financialAssistance(date(2024, 1, 1), null)
                .selfSufficiencyReached(date(2024, 1, 1))
                .build();

        assertThat(facts.isSelfSufficientAt(D)).isTrue();
    }

    @Test
    void givenOnlyALoss_whenAskingAtD_thenNotSelfSufficient() {
        JourneyFacts facts = journey().selfSufficiencyLost(date(2024, 1, 1)).build();

        assertThat(facts.isSelfSufficientAt(D)).isFalse();
    }
}
