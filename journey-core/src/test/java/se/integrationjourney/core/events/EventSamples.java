package se.integrationjourney.core.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One representative instance of every event, each field filled (a null would hide a renamed field), texts in more
 * than one script. The golden JSON under {@code golden-events/} is what Axon wrote for exactly these.
 */
final class EventSamples {

    static final UUID JOURNEY = UUID.fromString("6c1f0e52-4b7a-4d1e-9a53-0f3c2b9d8e71");
    static final UUID STUDY = UUID.fromString("9d3e5b7a-1c2f-4e8d-b6a0-7f1e2d3c4b5a");
    static final LocalDate ON = LocalDate.of(2024, 3, 15);
    private static final String EVENT_ID = "0b6f3a1e-2c4d-4e5f-8a9b-1c2d3e4f5a6b";

    private EventSamples() {}

    static Map<Class<?>, Object> all() {
        List<Object> samples = List.of(
                new NewcomerRegistered(
                        JOURNEY,
                        ON,
                        "1473",
                        ReceptionType.ASSIGNED,
                        1990,
                        Gender.FEMALE,
                        "ER",
                        EducationLevel.POST_SECONDARY,
                        new PersonalDetails("ሳባ ተስፋይ Åström", "191212121212")),
                new PersonalDetailsCorrected(JOURNEY, new PersonalDetails("سارة العلي Öberg", "199001752386")),
                new PersonalDataErased(JOURNEY, ErasureReason.RETENTION),
                new CaseworkerAssigned(JOURNEY, ON, "cw-17"),
                new IntroductoryMeetingHeld(JOURNEY, ON),
                new ActionPlanEstablished(
                        JOURNEY,
                        ON,
                        goals(ActionPlanGoal.WORK, ActionPlanGoal.LANGUAGE),
                        "SFI på förmiddagar, praktik i äldreomsorgen"),
                new ActionPlanRevised(
                        JOURNEY,
                        ON,
                        goals(ActionPlanGoal.STUDIES, ActionPlanGoal.HOUSING),
                        "Komvux från hösten; bostad söks"),
                new EstablishmentPlanStarted(JOURNEY, ON),
                new EstablishmentPlanEnded(JOURNEY, ON, EstablishmentEndReason.WORK),
                new TemporaryHousingProvided(JOURNEY, ON),
                new HousingSecured(JOURNEY, ON, Tenure.MUNICIPAL_TRANSITIONAL),
                new SfiEnrolled(JOURNEY, ON, 2),
                new SfiLevelReached(JOURNEY, ON, SfiLevel.C),
                new CivicOrientationCompleted(JOURNEY, ON, 100, "tigrinska"),
                new InternshipStarted(JOURNEY, ON, "p-1", InternshipKind.ARBETSTRANING, "äldreomsorg"),
                new InternshipEnded(JOURNEY, ON, "p-1", InternshipOutcome.EMPLOYMENT_OFFERED),
                new EmploymentStarted(
                        JOURNEY, ON, "e-1", EmploymentType.NYSTARTSJOBB, "health care", new BigDecimal("37.50")),
                new EmploymentEnded(JOURNEY, ON, "e-1"),
                new BusinessStarted(JOURNEY, ON),
                new BusinessClosed(JOURNEY, ON),
                new StudiesStarted(JOURNEY, ON, "s-1", StudyLevel.FOLKHOGSKOLA),
                new StudiesEnded(JOURNEY, ON, "s-1"),
                new FinancialAssistanceStarted(JOURNEY, ON),
                new FinancialAssistanceEnded(JOURNEY, ON),
                new SelfSufficiencyReached(JOURNEY, ON, SelfSufficiencyBasis.STUDIES_WITH_STUDENT_FINANCE),
                new SelfSufficiencyLost(JOURNEY, ON),
                new FollowUpRecorded(JOURNEY, ON, 24, OutcomeStatus.SUBSIDISED_EMPLOYMENT, FollowUpSource.REGISTER),
                new JourneyClosed(JOURNEY, ON, ClosureReason.FOLLOW_UP_COMPLETE),
                new JourneyReopened(JOURNEY, ON),
                new MilestoneRetracted(JOURNEY, EVENT_ID, "fel person, registrerad på fel resa"),
                new StudySaved(
                        STUDY,
                        "Tid till arbete, Luleå 2020 – ሰዓት ናብ ስራሕ",
                        StudyQuery.timeTo("EMPLOYMENT_STARTED", "ESTABLISHMENT_START", 2020, 24, "2580"),
                        LocalDate.of(2025, 6, 30),
                        Instant.parse("2025-07-01T08:15:30.123Z"),
                        "{\"milestone\":\"EMPLOYMENT_STARTED\",\"cohortSize\":0}",
                        "analytiker.åsa",
                        "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"),
                new ResearchExtractMade(STUDY, "analytiker.åsa", 152));
        Map<Class<?>, Object> byClass = new LinkedHashMap<>();
        samples.forEach(sample -> byClass.put(sample.getClass(), sample));
        return byClass;
    }

    /** Enum order, so the JSON array has one order and can be compared as written. */
    private static java.util.Set<ActionPlanGoal> goals(ActionPlanGoal first, ActionPlanGoal... rest) {
        return Collections.unmodifiableSet(EnumSet.of(first, rest));
    }
}
