package se.integrationjourney.projections.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.integrationjourney.core.events.ClosureReason;
import se.integrationjourney.core.events.EducationLevel;
import se.integrationjourney.core.events.EmploymentEnded;
import se.integrationjourney.core.events.EmploymentStarted;
import se.integrationjourney.core.events.EmploymentType;
import se.integrationjourney.core.events.EstablishmentEndReason;
import se.integrationjourney.core.events.EstablishmentPlanEnded;
import se.integrationjourney.core.events.EstablishmentPlanStarted;
import se.integrationjourney.core.events.FinancialAssistanceStarted;
import se.integrationjourney.core.events.Gender;
import se.integrationjourney.core.events.HousingSecured;
import se.integrationjourney.core.events.JourneyClosed;
import se.integrationjourney.core.events.JourneyEvent;
import se.integrationjourney.core.events.MilestoneRetracted;
import se.integrationjourney.core.events.NewcomerRegistered;
import se.integrationjourney.core.events.PersonalDetails;
import se.integrationjourney.core.events.ReceptionType;
import se.integrationjourney.core.events.SelfSufficiencyBasis;
import se.integrationjourney.core.events.SelfSufficiencyReached;
import se.integrationjourney.core.events.SfiEnrolled;
import se.integrationjourney.core.events.SfiLevel;
import se.integrationjourney.core.events.SfiLevelReached;
import se.integrationjourney.core.events.Tenure;

class CaseFileFoldTest {

    private final UUID journeyId = UUID.randomUUID();
    private final CaseFile file = CaseFile.of(journeyId);
    private long sequence;

    @Test
    void givenTheSealedEventHierarchy_whenComparedWithTheFold_thenEveryKindOfEventIsFolded() {
        List<Class<?>> events = new java.util.ArrayList<>();
        java.util.Deque<Class<?>> open = new java.util.ArrayDeque<>(List.of(JourneyEvent.class));
        while (!open.isEmpty()) {
            Class<?> type = open.pop();
            if (type.isSealed()) {
                open.addAll(List.of(type.getPermittedSubclasses()));
            } else {
                events.add(type);
            }
        }

        assertThat(events).hasSize(30);
        assertThat(CaseFileFold.foldedTypes())
                .containsExactlyInAnyOrderElementsOf(events.stream()
                        .map(type -> type.asSubclass(JourneyEvent.class))
                        .toList());
    }

    @Test
    void givenMilestones_whenFolded_thenTheDerivedFiguresFollowThem() {
        record(registered());
        record(new HousingSecured(journeyId, date(2021, 5, 1), Tenure.SECOND_HAND));
        record(new HousingSecured(journeyId, date(2021, 4, 1), Tenure.FIRST_HAND));
        record(new SfiEnrolled(journeyId, date(2021, 3, 1), 2));
        record(new SfiLevelReached(journeyId, date(2021, 9, 1), SfiLevel.B));
        record(new SfiLevelReached(journeyId, date(2022, 2, 1), SfiLevel.C));
        record(new EstablishmentPlanStarted(journeyId, date(2021, 2, 1)));
        record(new EmploymentStarted(
                journeyId, date(2022, 6, 1), "e1", EmploymentType.EXTRATJANST, "care", BigDecimal.valueOf(40)));

        assertThat(file.firstHousingSecured()).isEqualTo(date(2021, 4, 1));
        assertThat(file.sfiLevel()).isEqualTo(SfiLevel.C);
        assertThat(file.firstSfiLevelAtLeast(SfiLevel.B)).isEqualTo(date(2021, 9, 1));
        assertThat(file.establishmentEnd()).isEqualTo(date(2023, 2, 1));
        assertThat(file.measurementPoint()).isEqualTo(date(2025, 2, 1));
        assertThat(file.inWorkOrStudies()).isTrue();
        assertThat(file.inRegularEmployment()).isFalse();
        assertThat(file.version()).isEqualTo(7);
    }

    @Test
    void givenARetractedEnd_whenFolded_thenTheEpisodeIsOpenAgainAndARetractedStartRemovesIt() {
        record(registered());
        String start = record(
                new EmploymentStarted(journeyId, date(2021, 6, 1), "e1", EmploymentType.REGULAR, "it", BigDecimal.TEN));
        String end = record(new EmploymentEnded(journeyId, date(2021, 8, 1), "e1"));
        String planStart = record(new EstablishmentPlanStarted(journeyId, date(2021, 2, 1)));
        String planEnd = record(new EstablishmentPlanEnded(journeyId, date(2021, 10, 1), EstablishmentEndReason.WORK));
        assertThat(file.inWorkOrStudies()).isFalse();
        assertThat(file.establishmentEnd()).isEqualTo(date(2021, 10, 1));

        record(new MilestoneRetracted(journeyId, end, "wrong date"));
        record(new MilestoneRetracted(journeyId, planEnd, "not ended"));
        assertThat(file.inRegularEmployment()).isTrue();
        assertThat(file.establishmentEnd()).isEqualTo(date(2023, 2, 1));

        record(new MilestoneRetracted(journeyId, start, "never employed"));
        record(new MilestoneRetracted(journeyId, planStart, "never started"));
        assertThat(file.employments()).isEmpty();
        assertThat(file.firstInWorkOrStudies()).isNull();
        assertThat(file.establishmentStart()).isNull();
        assertThat(file.version()).isEqualTo(8);
    }

    @Test
    void givenARetractedLevel_whenFolded_thenTheLevelNoLongerCounts() {
        record(registered());
        String levelC = record(new SfiLevelReached(journeyId, date(2021, 9, 1), SfiLevel.C));
        record(new MilestoneRetracted(journeyId, levelC, "typo"));

        assertThat(file.sfiLevel()).isNull();
        assertThat(file.firstSfiLevelAtLeast(SfiLevel.B)).isNull();
    }

    @Test
    void givenFinancialAssistanceAfterReachingSelfSufficiency_whenFolded_thenNotSelfSufficient() {
        record(registered());
        record(new SelfSufficiencyReached(journeyId, date(2022, 1, 1), SelfSufficiencyBasis.EMPLOYMENT));
        assertThat(file.selfSufficient()).isTrue();

        record(new FinancialAssistanceStarted(journeyId, date(2022, 1, 1)));

        assertThat(file.selfSufficient()).as("same day, recorded later").isFalse();
    }

    @Test
    void givenAClosingThenItsRetraction_whenFolded_thenTheJourneyIsOpen() {
        record(registered());
        String closing = record(new JourneyClosed(journeyId, date(2022, 1, 1), ClosureReason.MOVED_AWAY));
        assertThat(file.closed()).isTrue();

        record(new MilestoneRetracted(journeyId, closing, "did not move"));

        assertThat(file.closed()).isFalse();
    }

    @Test
    void givenAFullCaseFile_whenWrittenAndReadBack_thenNothingIsLostAndPersonalDataCanBeLeftOut() {
        record(registered());
        record(new EmploymentStarted(
                journeyId, date(2021, 6, 1), "e1", EmploymentType.REGULAR, "it", new BigDecimal("37.5")));
        record(new SelfSufficiencyReached(journeyId, date(2022, 1, 1), SelfSufficiencyBasis.EMPLOYMENT));

        String json = CaseFileJson.write(file);
        CaseFile read = CaseFileJson.read(json);

        assertThat(CaseFileJson.write(read)).isEqualTo(json);
        assertThat(read.employments().get(0).hoursPerWeek()).isEqualByComparingTo("37.5");
        assertThat(read.personalDetails().fullName()).isEqualTo("Åsa Öberg");
        assertThat(CaseFileJson.write(file.withoutPersonalData()))
                .doesNotContain("Åsa")
                .doesNotContain("1980");
        String withoutPersonalData = CaseFileJson.writeWithoutPersonalData(file);
        assertThat(withoutPersonalData)
                .doesNotContain("Åsa")
                .doesNotContain("1980")
                .doesNotContain("personalDetails");
        CaseFile stripped = CaseFileJson.read(withoutPersonalData);
        assertThat(stripped.personalDetails()).isNull();
        assertThat(CaseFileJson.write(stripped))
                .as("everything else kept")
                .isEqualTo(CaseFileJson.write(file.withoutPersonalData()));
        assertThat(file.personalDetails()).as("the original keeps its details").isNotNull();
    }

    @Test
    void givenAnErasure_whenFolded_thenTheCaseFileKeepsNoNameNorNumberAndEverythingElse() {
        record(registered());
        record(new EmploymentStarted(
                journeyId, date(2021, 6, 1), "e1", EmploymentType.REGULAR, "it", new BigDecimal("37.5")));
        String before = CaseFileJson.writeWithoutPersonalData(file);

        record(new se.integrationjourney.core.events.PersonalDataErased(
                journeyId, se.integrationjourney.core.events.ErasureReason.RETENTION));

        assertThat(file.personalDetails()).isEqualTo(PersonalDetails.ERASED);
        assertThat(CaseFileJson.write(file)).doesNotContain("Åsa").doesNotContain("198001011234");
        assertThat(withoutVersion(CaseFileJson.writeWithoutPersonalData(file))).isEqualTo(withoutVersion(before));
    }

    @Test
    void givenACaseFile_whenWrittenOnceForBothForms_thenEachReadsAsItsOwnSerialization() {
        record(registered());
        record(new EmploymentStarted(
                journeyId, date(2021, 6, 1), "e1", EmploymentType.REGULAR, "it", new BigDecimal("37.5")));

        CaseFileJson.Documents documents = CaseFileJson.documents(file);

        String whole = new String(documents.whole(), StandardCharsets.UTF_8);
        String withoutPersonalData = new String(documents.withoutPersonalData(), StandardCharsets.UTF_8);
        assertThat(CaseFileJson.write(CaseFileJson.read(whole))).isEqualTo(CaseFileJson.write(file));
        assertThat(withoutPersonalData).isEqualTo(CaseFileJson.writeWithoutPersonalData(file));
        assertThat(whole).contains("Åsa Öberg");

        CaseFile withoutDetails = CaseFile.of(UUID.randomUUID());
        String noDetails = new String(CaseFileJson.documents(withoutDetails).whole(), StandardCharsets.UTF_8);
        assertThat(CaseFileJson.write(CaseFileJson.read(noDetails))).isEqualTo(CaseFileJson.write(withoutDetails));
    }

    private static String withoutVersion(String json) {
        return json.replaceAll("\"(version|recordedUntil)\":\\d+", "");
    }

    private NewcomerRegistered registered() {
        return new NewcomerRegistered(
                journeyId,
                date(2021, 1, 15),
                "0180",
                ReceptionType.ASSIGNED,
                1990,
                Gender.FEMALE,
                "SY",
                EducationLevel.SECONDARY,
                new PersonalDetails("Åsa Öberg", "198001011234"));
    }

    private String record(JourneyEvent event) {
        String eventId = UUID.randomUUID().toString();
        CaseFileFold.apply(file, event, eventId, sequence++, java.time.Instant.EPOCH.plusSeconds(sequence));
        return eventId;
    }

    private static LocalDate date(int year, int month, int day) {
        return LocalDate.of(year, month, day);
    }
}
