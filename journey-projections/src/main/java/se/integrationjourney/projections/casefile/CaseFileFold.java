package se.integrationjourney.projections.casefile;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import se.integrationjourney.core.events.ActionPlanEstablished;
import se.integrationjourney.core.events.ActionPlanRevised;
import se.integrationjourney.core.events.BusinessClosed;
import se.integrationjourney.core.events.BusinessStarted;
import se.integrationjourney.core.events.CaseworkerAssigned;
import se.integrationjourney.core.events.CivicOrientationCompleted;
import se.integrationjourney.core.events.EmploymentEnded;
import se.integrationjourney.core.events.EmploymentStarted;
import se.integrationjourney.core.events.EstablishmentPlanEnded;
import se.integrationjourney.core.events.EstablishmentPlanStarted;
import se.integrationjourney.core.events.FinancialAssistanceEnded;
import se.integrationjourney.core.events.FinancialAssistanceStarted;
import se.integrationjourney.core.events.FollowUpRecorded;
import se.integrationjourney.core.events.HousingSecured;
import se.integrationjourney.core.events.InternshipEnded;
import se.integrationjourney.core.events.InternshipStarted;
import se.integrationjourney.core.events.IntroductoryMeetingHeld;
import se.integrationjourney.core.events.JourneyClosed;
import se.integrationjourney.core.events.JourneyEvent;
import se.integrationjourney.core.events.JourneyReopened;
import se.integrationjourney.core.events.MilestoneRetracted;
import se.integrationjourney.core.events.NewcomerRegistered;
import se.integrationjourney.core.events.PersonalDataErased;
import se.integrationjourney.core.events.PersonalDetails;
import se.integrationjourney.core.events.PersonalDetailsCorrected;
import se.integrationjourney.core.events.SelfSufficiencyLost;
import se.integrationjourney.core.events.SelfSufficiencyReached;
import se.integrationjourney.core.events.SfiEnrolled;
import se.integrationjourney.core.events.SfiLevelReached;
import se.integrationjourney.core.events.StudiesEnded;
import se.integrationjourney.core.events.StudiesStarted;
import se.integrationjourney.core.events.TemporaryHousingProvided;
import se.integrationjourney.projections.casefile.CaseFileValues.ActionPlan;
import se.integrationjourney.projections.casefile.CaseFileValues.CivicOrientation;
import se.integrationjourney.projections.casefile.CaseFileValues.FollowUp;
import se.integrationjourney.projections.casefile.CaseFileValues.Lifecycle;
import se.integrationjourney.projections.casefile.CaseFileValues.SelfSufficiencyChange;

/**
 * Records one journey event in a case file. Events arrive in the journey's sequence order (the processors
 * keep each journey on one segment), and the aggregate has already refused anything impossible, so the fold
 * only records; it never judges.
 */
public final class CaseFileFold {

    private static final Map<Class<? extends JourneyEvent>, Folding<? extends JourneyEvent>> FOLDINGS = foldings();

    private CaseFileFold() {}

    /**
     * @param recordedAt the event's stored timestamp, which the case file keeps the newest of
     *                   ({@link CaseFile#recordedUntil()})
     */
    public static void apply(CaseFile file, JourneyEvent event, String eventId, long sequence, Instant recordedAt) {
        file.version = Math.max(file.version, sequence);
        file.recordedUntil = Math.max(file.recordedUntil, recordedAt.toEpochMilli());
        @SuppressWarnings("unchecked")
        Folding<JourneyEvent> folding = (Folding<JourneyEvent>) FOLDINGS.get(event.getClass());
        if (folding == null) {
            throw new IllegalArgumentException(
                    "A case file has no folding for " + event.getClass().getSimpleName());
        }
        folding.fold(file, event, eventId, sequence);
    }

    /** The event types a case file folds: every journey event (CaseFileFoldTest holds it to the sealed hierarchy). */
    static Set<Class<? extends JourneyEvent>> foldedTypes() {
        return FOLDINGS.keySet();
    }

    /** How one type of event changes a case file. */
    @FunctionalInterface
    private interface Folding<E extends JourneyEvent> {
        void fold(CaseFile file, E event, String eventId, long sequence);
    }

    private static Map<Class<? extends JourneyEvent>, Folding<? extends JourneyEvent>> foldings() {
        Map<Class<? extends JourneyEvent>, Folding<? extends JourneyEvent>> foldings = new HashMap<>();
        on(foldings, NewcomerRegistered.class, (file, e, eventId, sequence) -> {
            file.municipalityCode = e.municipalityCode();
            file.arrivalDate = e.occurredOn();
            file.receptionType = e.receptionType();
            file.birthYear = e.birthYear();
            file.gender = e.gender();
            file.countryOfBirth = e.countryOfBirth();
            file.educationLevel = e.educationLevel();
            file.personalDetails = e.personalDetails();
        });
        on(foldings, PersonalDetailsCorrected.class, (file, e, eventId, sequence) -> {
            file.personalDetails = e.personalDetails();
        });
        on(foldings, PersonalDataErased.class, (file, e, eventId, sequence) -> {
            // Views keep no plain text of an erased journey, for display or search.
            file.personalDetails = PersonalDetails.ERASED;
        });
        on(foldings, MilestoneRetracted.class, (file, e, eventId, sequence) -> {
            retract(file, e.retractedEventId());
        });
        on(foldings, CaseworkerAssigned.class, (file, e, eventId, sequence) -> {
            file.caseworkers.add(new Fact<>(eventId, sequence, e.occurredOn(), e.caseworkerId()));
        });
        on(foldings, IntroductoryMeetingHeld.class, (file, e, eventId, sequence) -> {
            file.introductoryMeetings.add(new Fact<>(eventId, sequence, e.occurredOn(), true));
        });
        on(foldings, ActionPlanEstablished.class, (file, e, eventId, sequence) -> {
            file.actionPlans.add(
                    new Fact<>(eventId, sequence, e.occurredOn(), new ActionPlan(e.goals(), e.summary(), false)));
        });
        on(foldings, ActionPlanRevised.class, (file, e, eventId, sequence) -> {
            file.actionPlans.add(
                    new Fact<>(eventId, sequence, e.occurredOn(), new ActionPlan(e.goals(), e.summary(), true)));
        });
        on(foldings, EstablishmentPlanStarted.class, (file, e, eventId, sequence) -> {
            file.establishmentPlans.add(Episode.started(null, eventId, sequence, e.occurredOn(), null, null, null));
            file.establishmentStartYears = YearSpan.including(
                    file.establishmentStartYears, e.occurredOn().getYear());
            file.establishmentEndYears = YearSpan.including(
                    file.establishmentEndYears,
                    e.occurredOn().plusMonths(CaseFile.ESTABLISHMENT_MONTHS).getYear());
        });
        on(foldings, EstablishmentPlanEnded.class, (file, e, eventId, sequence) -> {
            file.establishmentEndYears = YearSpan.including(
                    file.establishmentEndYears, e.occurredOn().getYear());
            end(
                    file.establishmentPlans,
                    Episode::open,
                    eventId,
                    e.occurredOn(),
                    e.reason().name());
        });
        on(foldings, TemporaryHousingProvided.class, (file, e, eventId, sequence) -> {
            file.temporaryHousing.add(new Fact<>(eventId, sequence, e.occurredOn(), true));
        });
        on(foldings, HousingSecured.class, (file, e, eventId, sequence) -> {
            file.housingSecured.add(new Fact<>(eventId, sequence, e.occurredOn(), e.tenure()));
        });
        on(foldings, SfiEnrolled.class, (file, e, eventId, sequence) -> {
            file.sfiEnrolments.add(new Fact<>(eventId, sequence, e.occurredOn(), e.studyPath()));
        });
        on(foldings, SfiLevelReached.class, (file, e, eventId, sequence) -> {
            file.sfiLevels.add(new Fact<>(eventId, sequence, e.occurredOn(), e.level()));
        });
        on(foldings, CivicOrientationCompleted.class, (file, e, eventId, sequence) -> {
            file.civicOrientations.add(
                    new Fact<>(eventId, sequence, e.occurredOn(), new CivicOrientation(e.hours(), e.language())));
        });
        on(foldings, InternshipStarted.class, (file, e, eventId, sequence) -> {
            file.internships.add(Episode.started(
                    e.internshipId(),
                    eventId,
                    sequence,
                    e.occurredOn(),
                    e.kind().name(),
                    e.sector(),
                    null));
        });
        on(foldings, InternshipEnded.class, (file, e, eventId, sequence) -> {
            end(
                    file.internships,
                    openWithId(e.internshipId()),
                    eventId,
                    e.occurredOn(),
                    e.outcome().name());
        });
        on(foldings, EmploymentStarted.class, (file, e, eventId, sequence) -> {
            file.employments.add(Episode.started(
                    e.employmentId(),
                    eventId,
                    sequence,
                    e.occurredOn(),
                    e.employmentType().name(),
                    e.sector(),
                    e.hoursPerWeek()));
        });
        on(foldings, EmploymentEnded.class, (file, e, eventId, sequence) -> {
            end(file.employments, openWithId(e.employmentId()), eventId, e.occurredOn(), null);
        });
        on(foldings, StudiesStarted.class, (file, e, eventId, sequence) -> {
            file.studies.add(Episode.started(
                    e.studyId(), eventId, sequence, e.occurredOn(), e.level().name(), null, null));
        });
        on(foldings, StudiesEnded.class, (file, e, eventId, sequence) -> {
            end(file.studies, openWithId(e.studyId()), eventId, e.occurredOn(), null);
        });
        on(foldings, BusinessStarted.class, (file, e, eventId, sequence) -> {
            file.businesses.add(Episode.started(null, eventId, sequence, e.occurredOn(), null, null, null));
        });
        on(foldings, BusinessClosed.class, (file, e, eventId, sequence) -> {
            end(file.businesses, Episode::open, eventId, e.occurredOn(), null);
        });
        on(foldings, FinancialAssistanceStarted.class, (file, e, eventId, sequence) -> {
            file.financialAssistance.add(Episode.started(null, eventId, sequence, e.occurredOn(), null, null, null));
        });
        on(foldings, FinancialAssistanceEnded.class, (file, e, eventId, sequence) -> {
            end(file.financialAssistance, Episode::open, eventId, e.occurredOn(), null);
        });
        on(foldings, SelfSufficiencyReached.class, (file, e, eventId, sequence) -> {
            file.selfSufficiency.add(
                    new Fact<>(eventId, sequence, e.occurredOn(), new SelfSufficiencyChange(true, e.basis())));
        });
        on(foldings, SelfSufficiencyLost.class, (file, e, eventId, sequence) -> {
            file.selfSufficiency.add(
                    new Fact<>(eventId, sequence, e.occurredOn(), new SelfSufficiencyChange(false, null)));
        });
        on(foldings, FollowUpRecorded.class, (file, e, eventId, sequence) -> {
            file.followUps.add(new Fact<>(
                    eventId,
                    sequence,
                    e.occurredOn(),
                    new FollowUp(e.monthsAfterEstablishment(), e.status(), e.source())));
        });
        on(foldings, JourneyClosed.class, (file, e, eventId, sequence) -> {
            file.lifecycle.add(new Fact<>(eventId, sequence, e.occurredOn(), new Lifecycle(true, e.reason())));
        });
        on(foldings, JourneyReopened.class, (file, e, eventId, sequence) -> {
            file.lifecycle.add(new Fact<>(eventId, sequence, e.occurredOn(), new Lifecycle(false, null)));
        });
        return Map.copyOf(foldings);
    }

    private static <E extends JourneyEvent> void on(
            Map<Class<? extends JourneyEvent>, Folding<? extends JourneyEvent>> foldings,
            Class<E> type,
            Folding<E> folding) {
        foldings.put(type, folding);
    }

    /** Removes the fact the retracted event recorded, wherever it is; an episode's end un-ends it. */
    private static void retract(CaseFile file, String eventId) {
        boolean removed = CaseFile.removeFact(file.caseworkers, eventId)
                || CaseFile.removeFact(file.introductoryMeetings, eventId)
                || CaseFile.removeFact(file.actionPlans, eventId)
                || CaseFile.removeFact(file.temporaryHousing, eventId)
                || CaseFile.removeFact(file.housingSecured, eventId)
                || CaseFile.removeFact(file.sfiEnrolments, eventId)
                || CaseFile.removeFact(file.sfiLevels, eventId)
                || CaseFile.removeFact(file.civicOrientations, eventId)
                || CaseFile.removeFact(file.selfSufficiency, eventId)
                || CaseFile.removeFact(file.followUps, eventId)
                || CaseFile.removeFact(file.lifecycle, eventId);
        for (List<Episode> episodes : List.of(
                file.establishmentPlans,
                file.internships,
                file.employments,
                file.studies,
                file.businesses,
                file.financialAssistance)) {
            if (removed) {
                return;
            }
            removed = CaseFile.removeEpisodeEvent(episodes, eventId);
        }
    }

    private static void end(
            List<Episode> episodes, Predicate<Episode> which, String eventId, LocalDate on, String outcome) {
        CaseFile.indexOf(episodes, which)
                .ifPresent(index -> episodes.set(index, episodes.get(index).endedBy(eventId, on, outcome)));
    }

    private static Predicate<Episode> openWithId(String id) {
        return episode -> episode.open() && id.equals(episode.id());
    }
}
