package se.integrationjourney.projections.outcomes;

import static org.assertj.core.api.Assertions.assertThat;
import static se.integrationjourney.core.events.EmploymentType.NYSTARTSJOBB;
import static se.integrationjourney.core.events.EmploymentType.REGULAR;
import static se.integrationjourney.core.events.OutcomeStatus.EMPLOYED;
import static se.integrationjourney.core.events.OutcomeStatus.FINANCIAL_ASSISTANCE;
import static se.integrationjourney.core.events.OutcomeStatus.SELF_EMPLOYED;
import static se.integrationjourney.core.events.OutcomeStatus.STUDYING;
import static se.integrationjourney.core.events.OutcomeStatus.SUBSIDISED_EMPLOYMENT;
import static se.integrationjourney.core.events.OutcomeStatus.UNKNOWN;
import static se.integrationjourney.projections.outcomes.JourneyFactsBuilder.date;
import static se.integrationjourney.projections.outcomes.JourneyFactsBuilder.journey;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import se.integrationjourney.core.events.EmploymentType;
import se.integrationjourney.core.events.OutcomeStatus;

class StatusAtTest {

    private static final LocalDate D = date(2024, 6, 1);

    // --- follow-ups

    @Test
    void givenA24MonthFollowUpAndAnActiveRegularEmployment_whenStatusAt_thenTheFollowUpWins() {
        JourneyFacts facts = journey()
                .employed(REGULAR, date(2023, 1, 1), null)
                .followUp(D, 24, STUDYING)
                .build();

        assertThat(facts.statusAt(D, D)).isEqualTo(STUDYING);
    }

    @Test
    void givenA24MonthFollowUpOfUnknown_whenAnEmploymentIsActive_thenTheStatusIsUnknown() {
        JourneyFacts facts = journey()
                .employed(REGULAR, date(2023, 1, 1), null)
                .followUp(D, 24, UNKNOWN)
                .build();

        assertThat(facts.statusAt(D, D)).isEqualTo(UNKNOWN);
    }

    @Test
    void givenSeveral24MonthFollowUps_whenStatusAt_thenTheLastRecordedWinsEvenIfItsBusinessDateIsEarlier() {
        JourneyFacts facts = journey()
                .followUp(date(2024, 5, 20), 24, FINANCIAL_ASSISTANCE)
                .followUp(date(2024, 5, 1), 24, SELF_EMPLOYED)
                .build();

        assertThat(facts.statusAt(D, D)).isEqualTo(SELF_EMPLOYED);
    }

    @Test
    void givenA12MonthFollowUp_whenStatusAt_thenItIsIgnoredAndEpisodesDecide() {
        JourneyFacts facts = journey()
                .studying(date(2023, 1, 1), null)
                .followUp(date(2024, 5, 1), 12, EMPLOYED)
                .build();

        assertThat(facts.statusAt(D, D)).isEqualTo(STUDYING);
    }

    @Test
    void givenA24MonthFollowUpDatedAfterTheAsOfDate_whenStatusAt_thenItIsIgnored() {
        JourneyFacts facts = journey()
                .studying(date(2023, 1, 1), null)
                .followUp(D.plusDays(1), 24, EMPLOYED)
                .build();

        assertThat(facts.statusAt(D, D)).isEqualTo(STUDYING);
    }

    @Test
    void givenA24MonthFollowUpDatedWeeksAfterThePoint_whenStatusAtThePointAsOfLater_thenItGivesTheStatus() {
        JourneyFacts facts = journey()
                .studying(date(2023, 1, 1), null)
                .followUp(D.plusWeeks(5), 24, EMPLOYED)
                .build();

        assertThat(facts.statusAt(D, D.plusWeeks(5))).isEqualTo(EMPLOYED);
        assertThat(facts.statusAt(D, D.plusWeeks(5).minusDays(1)))
                .as("not yet recorded as of then")
                .isEqualTo(STUDYING);
    }

    @Test
    void givenA24MonthFollowUpDatedOnD_whenStatusAt_thenItCounts() {
        JourneyFacts facts = journey().followUp(D, 24, EMPLOYED).build();

        assertThat(facts.statusAt(D, D)).isEqualTo(EMPLOYED);
    }

    @Test
    void givenOneFollowUpOnThePointAndALaterRecordedOneDatedAfterIt_whenStatusAt_thenTheLastRecordedWins() {
        JourneyFacts facts = journey()
                .followUp(D, 24, STUDYING)
                .followUp(D.plusDays(3), 24, EMPLOYED)
                .build();

        assertThat(facts.statusAt(D, D.plusDays(3))).isEqualTo(EMPLOYED);
        assertThat(facts.statusAt(D, D.plusDays(2))).isEqualTo(STUDYING);
    }

    @Test
    void givenALaterRecordedFollowUpDatedAfterTheAsOfDate_whenStatusAt_thenTheLastOneDatedInTimeWins() {
        JourneyFacts facts = journey()
                .followUp(D.plusDays(10), 24, STUDYING)
                .followUp(D.plusDays(40), 24, EMPLOYED)
                .build();

        assertThat(facts.statusAt(D, D.plusDays(20))).isEqualTo(STUDYING);
    }

    // --- employment

    @Test
    void givenRegularAndSubsidisedEmploymentsBothActive_whenStatusAt_thenEmployed() {
        JourneyFacts facts = journey()
                .employed(NYSTARTSJOBB, date(2023, 1, 1), null)
                .employed(REGULAR, date(2024, 1, 1), null)
                .build();

        assertThat(facts.statusAt(D, D)).isEqualTo(EMPLOYED);
    }

    @ParameterizedTest
    @EnumSource(
            value = EmploymentType.class,
            names = {"NYSTARTSJOBB", "EXTRATJANST", "INTRODUKTIONSJOBB", "OTHER_SUBSIDISED"})
    void givenOnlyASubsidisedEmploymentActive_whenStatusAt_thenSubsidisedEmployment(EmploymentType type) {
        JourneyFacts facts = journey().employed(type, date(2023, 1, 1), null).build();

        assertThat(facts.statusAt(D, D)).isEqualTo(SUBSIDISED_EMPLOYMENT);
    }

    @Test
    void givenSubsidisedActiveAndRegularEnded_whenStatusAt_thenSubsidisedEmployment() {
        JourneyFacts facts = journey()
                .employed(REGULAR, date(2023, 1, 1), date(2024, 1, 1))
                .employed(NYSTARTSJOBB, date(2024, 2, 1), null)
                .build();

        assertThat(facts.statusAt(D, D)).isEqualTo(SUBSIDISED_EMPLOYMENT);
    }

    // --- precedence among the other episodes

    @Test
    void givenSubsidisedEmploymentAndBusinessActive_whenStatusAt_thenSubsidisedEmployment() {
        JourneyFacts facts = journey()
                .selfEmployed(date(2023, 1, 1), null)
                .employed(NYSTARTSJOBB, date(2023, 1, 1), null)
                .build();

        assertThat(facts.statusAt(D, D)).isEqualTo(SUBSIDISED_EMPLOYMENT);
    }

    @Test
    void givenBusinessStudiesAndFinancialAssistanceActive_whenStatusAt_thenSelfEmployed() {
        JourneyFacts facts = journey()
                .financialAssistance(date(2023, 1, 1), null)
                .studying(date(2023, 1, 1), null)
                .selfEmployed(date(2023, 1, 1), null)
                .build();

        assertThat(facts.statusAt(D, D)).isEqualTo(SELF_EMPLOYED);
    }

    @Test
    void givenStudiesAndFinancialAssistanceActive_whenStatusAt_thenStudying() {
        JourneyFacts facts = journey()
                .financialAssistance(date(2023, 1, 1), null)
                .studying(date(2023, 1, 1), null)
                .build();

        assertThat(facts.statusAt(D, D)).isEqualTo(STUDYING);
    }

    @Test
    void givenOnlyFinancialAssistanceActive_whenStatusAt_thenFinancialAssistance() {
        JourneyFacts facts =
                journey().financialAssistance(date(2023, 1, 1), null).build();

        assertThat(facts.statusAt(D, D)).isEqualTo(FINANCIAL_ASSISTANCE);
    }

    @Test
    void givenNothingActive_whenStatusAt_thenUnknown() {
        JourneyFacts facts = journey()
                .employed(REGULAR, date(2022, 1, 1), date(2023, 1, 1))
                .financialAssistance(date(2023, 1, 1), date(2023, 6, 1))
                .build();

        assertThat(facts.statusAt(D, D)).isEqualTo(UNKNOWN);
    }

    @Test
    void givenOnlyAnActiveInternship_whenStatusAt_thenUnknown() {
        JourneyFacts facts = journey().internship(date(2024, 1, 1), null).build();

        assertThat(facts.statusAt(D, D)).isEqualTo(UNKNOWN);
    }

    // --- active at D

    @Test
    void givenEpisodeStartingOnD_whenStatusAt_thenItIsActive() {
        JourneyFacts facts = journey().employed(REGULAR, D, null).build();

        assertThat(facts.statusAt(D, D)).isEqualTo(EMPLOYED);
    }

    @Test
    void givenEpisodeEndingOnD_whenStatusAt_thenItIsNotActive() {
        JourneyFacts facts = journey().employed(REGULAR, date(2023, 1, 1), D).build();

        assertThat(facts.statusAt(D, D)).isEqualTo(UNKNOWN);
    }

    @Test
    void givenEpisodeEndingTheDayAfterD_whenStatusAt_thenItIsActive() {
        JourneyFacts facts =
                journey().employed(REGULAR, date(2023, 1, 1), D.plusDays(1)).build();

        assertThat(facts.statusAt(D, D)).isEqualTo(EMPLOYED);
    }

    @Test
    void givenEpisodeStartingAfterD_whenStatusAt_thenItIsNotActive() {
        JourneyFacts facts = journey().employed(REGULAR, D.plusDays(1), null).build();

        assertThat(facts.statusAt(D, D)).isEqualTo(UNKNOWN);
    }

    @Test
    void givenOpenEndedEpisode_whenStatusAtAnyLaterDate_thenItIsActive() {
        JourneyFacts facts = journey().selfEmployed(date(2015, 1, 1), null).build();

        assertThat(facts.statusAt(date(2040, 12, 31), date(2040, 12, 31))).isEqualTo(SELF_EMPLOYED);
    }

    @Test
    void givenOneDayEpisode_whenStatusAtItsStartAndEnd_thenActiveOnlyOnTheStart() {
        JourneyFacts facts = journey().studying(D, D.plusDays(1)).build();

        assertThat(facts.statusAt(D, D)).isEqualTo(STUDYING);
        assertThat(facts.statusAt(D.plusDays(1), D.plusDays(1))).isEqualTo(UNKNOWN);
        assertThat(facts.statusAt(D.minusDays(1), D.minusDays(1))).isEqualTo(UNKNOWN);
    }

    // --- in work or studies

    @ParameterizedTest
    @EnumSource(
            value = OutcomeStatus.class,
            names = {"EMPLOYED", "SUBSIDISED_EMPLOYMENT", "SELF_EMPLOYED", "STUDYING"})
    void givenAWorkOrStudiesStatus_whenAskingInWorkOrStudies_thenTrue(OutcomeStatus status) {
        JourneyFacts facts = journey().followUp(D, 24, status).build();

        assertThat(facts.isInWorkOrStudiesAt(D, D)).isTrue();
    }

    @ParameterizedTest
    @EnumSource(
            value = OutcomeStatus.class,
            names = {"FINANCIAL_ASSISTANCE", "UNKNOWN"})
    void givenANonWorkStatus_whenAskingInWorkOrStudies_thenFalse(OutcomeStatus status) {
        JourneyFacts facts = journey().followUp(D, 24, status).build();

        assertThat(facts.isInWorkOrStudiesAt(D, D)).isFalse();
    }
}
