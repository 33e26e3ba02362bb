package se.integrationjourney.projections.outcomes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.integrationjourney.projections.outcomes.JourneyFacts.LifecycleEvent.Kind.CLOSED;
import static se.integrationjourney.projections.outcomes.JourneyFacts.LifecycleEvent.Kind.REOPENED;
import static se.integrationjourney.projections.outcomes.JourneyFacts.SelfSufficiencyChange.Direction.LOST;
import static se.integrationjourney.projections.outcomes.JourneyFacts.SelfSufficiencyChange.Direction.REACHED;
import static se.integrationjourney.projections.outcomes.JourneyFactsBuilder.date;

import java.math.BigDecimal;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.integrationjourney.core.events.BusinessClosed;
import se.integrationjourney.core.events.BusinessStarted;
import se.integrationjourney.core.events.CivicOrientationCompleted;
import se.integrationjourney.core.events.ClosureReason;
import se.integrationjourney.core.events.EducationLevel;
import se.integrationjourney.core.events.EmploymentEnded;
import se.integrationjourney.core.events.EmploymentStarted;
import se.integrationjourney.core.events.EmploymentType;
import se.integrationjourney.core.events.EstablishmentEndReason;
import se.integrationjourney.core.events.EstablishmentPlanEnded;
import se.integrationjourney.core.events.EstablishmentPlanStarted;
import se.integrationjourney.core.events.FinancialAssistanceEnded;
import se.integrationjourney.core.events.FinancialAssistanceStarted;
import se.integrationjourney.core.events.FollowUpRecorded;
import se.integrationjourney.core.events.FollowUpSource;
import se.integrationjourney.core.events.Gender;
import se.integrationjourney.core.events.HousingSecured;
import se.integrationjourney.core.events.InternshipEnded;
import se.integrationjourney.core.events.InternshipKind;
import se.integrationjourney.core.events.InternshipOutcome;
import se.integrationjourney.core.events.InternshipStarted;
import se.integrationjourney.core.events.JourneyClosed;
import se.integrationjourney.core.events.JourneyEvent;
import se.integrationjourney.core.events.JourneyReopened;
import se.integrationjourney.core.events.MilestoneRetracted;
import se.integrationjourney.core.events.NewcomerRegistered;
import se.integrationjourney.core.events.OutcomeStatus;
import se.integrationjourney.core.events.PersonalDetails;
import se.integrationjourney.core.events.ReceptionType;
import se.integrationjourney.core.events.SelfSufficiencyBasis;
import se.integrationjourney.core.events.SelfSufficiencyLost;
import se.integrationjourney.core.events.SelfSufficiencyReached;
import se.integrationjourney.core.events.SfiEnrolled;
import se.integrationjourney.core.events.SfiLevel;
import se.integrationjourney.core.events.SfiLevelReached;
import se.integrationjourney.core.events.StudiesEnded;
import se.integrationjourney.core.events.StudiesStarted;
import se.integrationjourney.core.events.StudyLevel;
import se.integrationjourney.core.events.Tenure;
import se.integrationjourney.projections.casefile.CaseFile;
import se.integrationjourney.projections.casefile.CaseFileFold;
import se.integrationjourney.projections.casefile.CaseFileJson;

class OutcomeFactsTest {

    private final UUID journeyId = UUID.randomUUID();
    private final CaseFile file = CaseFile.of(journeyId);
    private long sequence;

    @Test
    void givenRegistration_whenMapped_thenTheJourneysDemographicsAndDatesAreTaken() {
        record(registered());
        record(new EstablishmentPlanStarted(journeyId, date(2021, 2, 1)));
        record(new EstablishmentPlanEnded(journeyId, date(2022, 10, 3), EstablishmentEndReason.WORK));

        JourneyFacts facts = OutcomeFacts.from(file);

        assertThat(facts.journeyId()).isEqualTo(journeyId);
        assertThat(facts.municipalityCode()).isEqualTo("1473");
        assertThat(facts.gender()).isEqualTo(Gender.MALE);
        assertThat(facts.birthYear()).isEqualTo(1985);
        assertThat(facts.arrivalDate()).isEqualTo(date(2021, 1, 15));
        assertThat(facts.establishmentStart()).isEqualTo(date(2021, 2, 1));
        assertThat(facts.establishmentEndRecorded()).isEqualTo(date(2022, 10, 3));
        assertThat(facts.establishmentEnd()).isEqualTo(date(2022, 10, 3));
    }

    @Test
    void givenNoEstablishmentPlan_whenMapped_thenNoStartNoEndAndEveryListEmpty() {
        record(registered());

        JourneyFacts facts = OutcomeFacts.from(file);

        assertThat(facts.establishmentStart()).isNull();
        assertThat(facts.establishmentEndRecorded()).isNull();
        assertThat(facts.employments()).isEmpty();
        assertThat(facts.businesses()).isEmpty();
        assertThat(facts.studies()).isEmpty();
        assertThat(facts.internships()).isEmpty();
        assertThat(facts.financialAssistance()).isEmpty();
        assertThat(facts.selfSufficiencyChanges()).isEmpty();
        assertThat(facts.followUps()).isEmpty();
        assertThat(facts.lifecycleEvents()).isEmpty();
        assertThat(facts.housingSecured()).isEmpty();
        assertThat(facts.sfiLevelsReached()).isEmpty();
        assertThat(facts.civicOrientationCompletions()).isEmpty();
    }

    @Test
    void givenAStartWithoutRecordedEnd_whenMapped_thenTheEndIsStartPlus24Months() {
        record(registered());
        record(new EstablishmentPlanStarted(journeyId, date(2021, 2, 1)));

        JourneyFacts facts = OutcomeFacts.from(file);

        assertThat(facts.establishmentEndRecorded()).isNull();
        assertThat(facts.establishmentEnd()).isEqualTo(file.establishmentEnd()).isEqualTo(date(2023, 2, 1));
    }

    @Test
    void givenEpisodes_whenMapped_thenEachBecomesItsFactWithTypeIdAndDates() {
        record(registered());
        record(new EmploymentStarted(
                journeyId, date(2021, 6, 1), "e1", EmploymentType.NYSTARTSJOBB, "care", BigDecimal.valueOf(40)));
        record(new EmploymentEnded(journeyId, date(2021, 12, 31), "e1"));
        record(new EmploymentStarted(journeyId, date(2022, 1, 10), "e2", EmploymentType.REGULAR, "it", BigDecimal.TEN));
        record(new BusinessStarted(journeyId, date(2022, 3, 1)));
        record(new BusinessClosed(journeyId, date(2022, 9, 1)));
        record(new StudiesStarted(journeyId, date(2021, 8, 20), "s1", StudyLevel.KOMVUX));
        record(new StudiesEnded(journeyId, date(2022, 6, 10), "s1"));
        record(new InternshipStarted(journeyId, date(2021, 4, 1), "i1", InternshipKind.PRAKTIK, "retail"));
        record(new InternshipEnded(journeyId, date(2021, 5, 1), "i1", InternshipOutcome.EMPLOYMENT_OFFERED));
        long assistanceSequence = record(new FinancialAssistanceStarted(journeyId, date(2021, 2, 1)));
        record(new FinancialAssistanceEnded(journeyId, date(2021, 7, 1)));

        JourneyFacts facts = OutcomeFacts.from(file);

        assertThat(facts.employments())
                .containsExactly(
                        new JourneyFacts.Employment(
                                "e1", EmploymentType.NYSTARTSJOBB, date(2021, 6, 1), date(2021, 12, 31)),
                        new JourneyFacts.Employment("e2", EmploymentType.REGULAR, date(2022, 1, 10), null));
        assertThat(facts.businesses()).containsExactly(new JourneyFacts.Business(date(2022, 3, 1), date(2022, 9, 1)));
        assertThat(facts.studies())
                .containsExactly(new JourneyFacts.Studies("s1", date(2021, 8, 20), date(2022, 6, 10)));
        assertThat(facts.internships())
                .containsExactly(new JourneyFacts.Internship("i1", date(2021, 4, 1), date(2021, 5, 1)));
        assertThat(facts.financialAssistance())
                .containsExactly(
                        new JourneyFacts.FinancialAssistance(date(2021, 2, 1), date(2021, 7, 1), assistanceSequence));
    }

    @Test
    void givenChangesFollowUpsAndLifecycle_whenMapped_thenTheirSequenceNumbersAreTheRecordingOrder() {
        record(registered());
        long reached = record(new SelfSufficiencyReached(journeyId, date(2022, 1, 1), SelfSufficiencyBasis.EMPLOYMENT));
        long lost = record(new SelfSufficiencyLost(journeyId, date(2022, 5, 1)));
        long followUp = record(new FollowUpRecorded(
                journeyId, date(2023, 1, 1), 24, OutcomeStatus.STUDYING, FollowUpSource.INTERVIEW));
        long closed = record(new JourneyClosed(journeyId, date(2023, 2, 1), ClosureReason.MOVED_AWAY));
        long reopened = record(new JourneyReopened(journeyId, date(2023, 3, 1)));

        JourneyFacts facts = OutcomeFacts.from(file);

        assertThat(facts.selfSufficiencyChanges())
                .containsExactly(
                        new JourneyFacts.SelfSufficiencyChange(date(2022, 1, 1), REACHED, reached),
                        new JourneyFacts.SelfSufficiencyChange(date(2022, 5, 1), LOST, lost));
        assertThat(facts.followUps())
                .containsExactly(new JourneyFacts.FollowUp(date(2023, 1, 1), 24, OutcomeStatus.STUDYING, followUp));
        assertThat(facts.lifecycleEvents())
                .containsExactly(
                        new JourneyFacts.LifecycleEvent(date(2023, 2, 1), CLOSED, ClosureReason.MOVED_AWAY, closed),
                        new JourneyFacts.LifecycleEvent(date(2023, 3, 1), REOPENED, null, reopened));
    }

    @Test
    void givenHousingLanguageAndCivicOrientation_whenMapped_thenTheirDatesLevelsAndHoursAreTaken() {
        record(registered());
        record(new HousingSecured(journeyId, date(2021, 5, 1), Tenure.SECOND_HAND));
        record(new HousingSecured(journeyId, date(2021, 4, 1), Tenure.FIRST_HAND));
        record(new SfiEnrolled(journeyId, date(2021, 3, 1), 1));
        record(new SfiLevelReached(journeyId, date(2021, 6, 1), SfiLevel.A));
        record(new SfiLevelReached(journeyId, date(2021, 9, 1), SfiLevel.B));
        record(new CivicOrientationCompleted(journeyId, date(2021, 11, 1), 100, "ar"));

        JourneyFacts facts = OutcomeFacts.from(file);

        assertThat(facts.housingSecured()).containsExactly(date(2021, 5, 1), date(2021, 4, 1));
        assertThat(facts.sfiLevelsReached())
                .containsExactly(
                        new JourneyFacts.SfiLevelReached(date(2021, 6, 1), SfiLevel.A),
                        new JourneyFacts.SfiLevelReached(date(2021, 9, 1), SfiLevel.B));
        assertThat(facts.civicOrientationCompletions())
                .containsExactly(new JourneyFacts.CivicOrientationCompletion(date(2021, 11, 1), 100));
        assertThat(facts.milestoneDate(Milestone.HOUSING_SECURED)).contains(date(2021, 4, 1));
        assertThat(facts.milestoneDate(Milestone.SFI_LEVEL_B)).contains(date(2021, 9, 1));
    }

    @Test
    void givenRetractedFacts_whenMapped_thenTheyAreNotThereAndARetractedEndReopensTheEpisode() {
        record(registered());
        String employment = recordId(
                new EmploymentStarted(journeyId, date(2021, 6, 1), "e1", EmploymentType.REGULAR, "it", BigDecimal.TEN));
        record(new StudiesStarted(journeyId, date(2021, 8, 20), "s1", StudyLevel.KOMVUX));
        String studiesEnd = recordId(new StudiesEnded(journeyId, date(2022, 6, 10), "s1"));
        record(new EstablishmentPlanStarted(journeyId, date(2021, 2, 1)));
        String planEnd = recordId(new EstablishmentPlanEnded(journeyId, date(2022, 1, 1), EstablishmentEndReason.WORK));
        record(new MilestoneRetracted(journeyId, employment, "wrong journey"));
        record(new MilestoneRetracted(journeyId, studiesEnd, "still studying"));
        record(new MilestoneRetracted(journeyId, planEnd, "not ended"));

        JourneyFacts facts = OutcomeFacts.from(file);

        assertThat(facts.employments()).isEmpty();
        assertThat(facts.studies()).containsExactly(new JourneyFacts.Studies("s1", date(2021, 8, 20), null));
        assertThat(facts.establishmentEndRecorded()).isNull();
        assertThat(facts.establishmentEnd()).isEqualTo(date(2023, 2, 1));
    }

    @Test
    void givenTheStoredCopyWithoutPersonalData_whenMapped_thenTheFactsAreTheSame() {
        record(registered());
        record(new EstablishmentPlanStarted(journeyId, date(2021, 2, 1)));
        record(new EmploymentStarted(
                journeyId, date(2021, 6, 1), "e1", EmploymentType.EXTRATJANST, "care", new BigDecimal("37.5")));
        record(new FinancialAssistanceStarted(journeyId, date(2021, 2, 1)));
        record(new SelfSufficiencyReached(journeyId, date(2022, 1, 1), SelfSufficiencyBasis.EMPLOYMENT));
        record(new FollowUpRecorded(journeyId, date(2025, 2, 1), 24, OutcomeStatus.EMPLOYED, FollowUpSource.REGISTER));
        record(new JourneyClosed(journeyId, date(2025, 3, 1), ClosureReason.FOLLOW_UP_COMPLETE));

        CaseFile stored = CaseFileJson.read(CaseFileJson.write(file.withoutPersonalData()));

        assertThat(stored.personalDetails()).isNull();
        assertThat(OutcomeFacts.from(stored)).isEqualTo(OutcomeFacts.from(file));
    }

    @Test
    void givenAnUnregisteredJourney_whenMapped_thenRefused() {
        record(new EstablishmentPlanStarted(journeyId, date(2021, 2, 1)));

        assertThatThrownBy(() -> OutcomeFacts.from(file)).isInstanceOf(IllegalArgumentException.class);
    }

    private NewcomerRegistered registered() {
        return new NewcomerRegistered(
                journeyId,
                date(2021, 1, 15),
                "1473",
                ReceptionType.ASSIGNED,
                1985,
                Gender.MALE,
                "ER",
                EducationLevel.PRIMARY,
                new PersonalDetails("Yonas Tesfay", "198501011239"));
    }

    /** Records the event and returns its sequence number. */
    private long record(JourneyEvent event) {
        CaseFileFold.apply(
                file, event, UUID.randomUUID().toString(), sequence, java.time.Instant.EPOCH.plusSeconds(sequence));
        return sequence++;
    }

    /** Records the event and returns its event id, to retract it. */
    private String recordId(JourneyEvent event) {
        String eventId = UUID.randomUUID().toString();
        CaseFileFold.apply(file, event, eventId, sequence++, java.time.Instant.EPOCH.plusSeconds(sequence));
        return eventId;
    }
}
