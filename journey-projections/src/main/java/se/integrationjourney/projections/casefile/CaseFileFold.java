package se.integrationjourney.projections.casefile;

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

import java.time.LocalDate;
import java.util.List;
import java.util.function.Predicate;

/**
 * Records one journey event in a case file. Events arrive in the journey's sequence order (the processors
 * keep each journey on one segment), and the aggregate has already refused anything impossible, so the fold
 * only records; it never judges.
 */
public final class CaseFileFold {

    private CaseFileFold() {
    }

    public static void apply(CaseFile file, JourneyEvent event, String eventId, long sequence) {
        file.version = Math.max(file.version, sequence);
        if (event instanceof NewcomerRegistered e) {
            file.municipalityCode = e.municipalityCode();
            file.arrivalDate = e.occurredOn();
            file.receptionType = e.receptionType();
            file.birthYear = e.birthYear();
            file.gender = e.gender();
            file.countryOfBirth = e.countryOfBirth();
            file.educationLevel = e.educationLevel();
            file.personalDetails = e.personalDetails();
        } else if (event instanceof PersonalDetailsCorrected e) {
            file.personalDetails = e.personalDetails();
        } else if (event instanceof MilestoneRetracted e) {
            retract(file, e.retractedEventId());
        } else if (event instanceof CaseworkerAssigned e) {
            file.caseworkers.add(new Fact<>(eventId, sequence, e.occurredOn(), e.caseworkerId()));
        } else if (event instanceof IntroductoryMeetingHeld e) {
            file.introductoryMeetings.add(new Fact<>(eventId, sequence, e.occurredOn(), true));
        } else if (event instanceof ActionPlanEstablished e) {
            file.actionPlans.add(new Fact<>(eventId, sequence, e.occurredOn(), new ActionPlan(e.goals(), e.summary(), false)));
        } else if (event instanceof ActionPlanRevised e) {
            file.actionPlans.add(new Fact<>(eventId, sequence, e.occurredOn(), new ActionPlan(e.goals(), e.summary(), true)));
        } else if (event instanceof EstablishmentPlanStarted e) {
            file.establishmentPlans.add(Episode.started(null, eventId, sequence, e.occurredOn(), null, null, null));
        } else if (event instanceof EstablishmentPlanEnded e) {
            end(file.establishmentPlans, Episode::open, eventId, e.occurredOn(), e.reason().name());
        } else if (event instanceof TemporaryHousingProvided e) {
            file.temporaryHousing.add(new Fact<>(eventId, sequence, e.occurredOn(), true));
        } else if (event instanceof HousingSecured e) {
            file.housingSecured.add(new Fact<>(eventId, sequence, e.occurredOn(), e.tenure()));
        } else if (event instanceof SfiEnrolled e) {
            file.sfiEnrolments.add(new Fact<>(eventId, sequence, e.occurredOn(), e.studyPath()));
        } else if (event instanceof SfiLevelReached e) {
            file.sfiLevels.add(new Fact<>(eventId, sequence, e.occurredOn(), e.level()));
        } else if (event instanceof CivicOrientationCompleted e) {
            file.civicOrientations.add(new Fact<>(eventId, sequence, e.occurredOn(),
                    new CivicOrientation(e.hours(), e.language())));
        } else if (event instanceof InternshipStarted e) {
            file.internships.add(Episode.started(e.internshipId(), eventId, sequence, e.occurredOn(), e.kind().name(),
                    e.sector(), null));
        } else if (event instanceof InternshipEnded e) {
            end(file.internships, openWithId(e.internshipId()), eventId, e.occurredOn(), e.outcome().name());
        } else if (event instanceof EmploymentStarted e) {
            file.employments.add(Episode.started(e.employmentId(), eventId, sequence, e.occurredOn(),
                    e.employmentType().name(), e.sector(), e.hoursPerWeek()));
        } else if (event instanceof EmploymentEnded e) {
            end(file.employments, openWithId(e.employmentId()), eventId, e.occurredOn(), null);
        } else if (event instanceof StudiesStarted e) {
            file.studies.add(Episode.started(e.studyId(), eventId, sequence, e.occurredOn(), e.level().name(), null, null));
        } else if (event instanceof StudiesEnded e) {
            end(file.studies, openWithId(e.studyId()), eventId, e.occurredOn(), null);
        } else if (event instanceof BusinessStarted e) {
            file.businesses.add(Episode.started(null, eventId, sequence, e.occurredOn(), null, null, null));
        } else if (event instanceof BusinessClosed e) {
            end(file.businesses, Episode::open, eventId, e.occurredOn(), null);
        } else if (event instanceof FinancialAssistanceStarted e) {
            file.financialAssistance.add(Episode.started(null, eventId, sequence, e.occurredOn(), null, null, null));
        } else if (event instanceof FinancialAssistanceEnded e) {
            end(file.financialAssistance, Episode::open, eventId, e.occurredOn(), null);
        } else if (event instanceof SelfSufficiencyReached e) {
            file.selfSufficiency.add(new Fact<>(eventId, sequence, e.occurredOn(),
                    new SelfSufficiencyChange(true, e.basis())));
        } else if (event instanceof SelfSufficiencyLost e) {
            file.selfSufficiency.add(new Fact<>(eventId, sequence, e.occurredOn(), new SelfSufficiencyChange(false, null)));
        } else if (event instanceof FollowUpRecorded e) {
            file.followUps.add(new Fact<>(eventId, sequence, e.occurredOn(),
                    new FollowUp(e.monthsAfterEstablishment(), e.status(), e.source())));
        } else if (event instanceof JourneyClosed e) {
            file.lifecycle.add(new Fact<>(eventId, sequence, e.occurredOn(), new Lifecycle(true, e.reason())));
        } else if (event instanceof JourneyReopened e) {
            file.lifecycle.add(new Fact<>(eventId, sequence, e.occurredOn(), new Lifecycle(false, null)));
        }
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
        for (List<Episode> episodes : List.of(file.establishmentPlans, file.internships, file.employments,
                file.studies, file.businesses, file.financialAssistance)) {
            if (removed) {
                return;
            }
            removed = CaseFile.removeEpisodeEvent(episodes, eventId);
        }
    }

    private static void end(List<Episode> episodes, Predicate<Episode> which, String eventId, LocalDate on,
                            String outcome) {
        CaseFile.indexOf(episodes, which).ifPresent(index ->
                episodes.set(index, episodes.get(index).endedBy(eventId, on, outcome)));
    }

    private static Predicate<Episode> openWithId(String id) {
        return episode -> episode.open() && id.equals(episode.id());
    }
}
