package se.integrationjourney.core.events;

import java.time.LocalDate;

/**
 * A step in the person's life (as opposed to a correction of the record), dated by when it happened.
 * The time it was recorded is the event's timestamp, kept by Axon. Sealed: every milestone is listed here, so that
 * whatever folds events can be checked to handle each.
 */
public sealed interface MilestoneEvent extends JourneyEvent
        permits ActionPlanEstablished,
                ActionPlanRevised,
                BusinessClosed,
                BusinessStarted,
                CaseworkerAssigned,
                CivicOrientationCompleted,
                EmploymentEnded,
                EmploymentStarted,
                EstablishmentPlanEnded,
                EstablishmentPlanStarted,
                FinancialAssistanceEnded,
                FinancialAssistanceStarted,
                FollowUpRecorded,
                HousingSecured,
                InternshipEnded,
                InternshipStarted,
                IntroductoryMeetingHeld,
                JourneyClosed,
                JourneyReopened,
                NewcomerRegistered,
                SelfSufficiencyLost,
                SelfSufficiencyReached,
                SfiEnrolled,
                SfiLevelReached,
                StudiesEnded,
                StudiesStarted,
                TemporaryHousingProvided {

    /** The business date: the day it happened in the person's life, not the day it was recorded. */
    LocalDate occurredOn();
}
