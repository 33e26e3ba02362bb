package se.integrationjourney.benchmarks;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.context.ApplicationContext;
import se.integrationjourney.core.commands.AssignCaseworker;
import se.integrationjourney.core.commands.CloseBusiness;
import se.integrationjourney.core.commands.CloseJourney;
import se.integrationjourney.core.commands.CorrectPersonalDetails;
import se.integrationjourney.core.commands.EndEmployment;
import se.integrationjourney.core.commands.EndEstablishmentPlan;
import se.integrationjourney.core.commands.EndFinancialAssistance;
import se.integrationjourney.core.commands.EndInternship;
import se.integrationjourney.core.commands.EndStudies;
import se.integrationjourney.core.commands.EnrolInSfi;
import se.integrationjourney.core.commands.EstablishActionPlan;
import se.integrationjourney.core.commands.ProvideTemporaryHousing;
import se.integrationjourney.core.commands.RecordCivicOrientationCompleted;
import se.integrationjourney.core.commands.RecordFollowUp;
import se.integrationjourney.core.commands.RecordHousingSecured;
import se.integrationjourney.core.commands.RecordIntroductoryMeeting;
import se.integrationjourney.core.commands.RecordSelfSufficiencyLost;
import se.integrationjourney.core.commands.RecordSelfSufficiencyReached;
import se.integrationjourney.core.commands.RecordSfiLevelReached;
import se.integrationjourney.core.commands.Recorded;
import se.integrationjourney.core.commands.RegisterNewcomer;
import se.integrationjourney.core.commands.ReopenJourney;
import se.integrationjourney.core.commands.RetractMilestone;
import se.integrationjourney.core.commands.ReviseActionPlan;
import se.integrationjourney.core.commands.StartBusiness;
import se.integrationjourney.core.commands.StartEmployment;
import se.integrationjourney.core.commands.StartEstablishmentPlan;
import se.integrationjourney.core.commands.StartFinancialAssistance;
import se.integrationjourney.core.commands.StartInternship;
import se.integrationjourney.core.commands.StartStudies;
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

/**
 * Loads synthetic journeys through the command side, in-process: each event of a {@link SyntheticHistory} becomes
 * the command that records it, sent through Axon's {@link CommandGateway} and waited for, one event per command,
 * exactly as a request of the HTTP API would after authentication. The journey's rules therefore judge every
 * event again, the aggregate is loaded from the event store for every command (there are no snapshots) and every
 * command is its own transaction.
 *
 * <p>Journeys are handed out to {@code threads} workers; a worker sends one journey's events in order, then takes
 * the next journey. Retractions name the event id the command side returned for the retracted event, not the
 * synthetic one. Journeys keep their synthetic ids, so a journey can be loaded once per database.
 *
 * <p>Each command carries the metadata a caseworker's request would stamp on it (username, roles, municipality),
 * so that the rows written are the size they are in production.
 *
 * <p>Stopping early: {@link #stop()} (from any thread) makes every worker finish the command it is sending and
 * return; {@link #load} then returns what was recorded so far. A journey may be left part-way, which is still a
 * valid journey (every prefix of a journey's history is accepted by its rules). A loader stopped stays stopped.
 */
final class CommandSideLoader {

    private final CommandGateway commands;
    private final AtomicBoolean stopped = new AtomicBoolean();
    /** Nanoseconds between two commands over all workers; 0 sends as fast as the workers can. */
    private final long intervalNanos;

    private final AtomicLong nextSend = new AtomicLong(System.nanoTime());

    CommandSideLoader(ApplicationContext application) {
        this(application, 0);
    }

    /** A loader sending at most {@code eventsPerSecond} commands a second over all its workers (0: no limit). */
    CommandSideLoader(ApplicationContext application, double eventsPerSecond) {
        this.commands = application.getBean(CommandGateway.class);
        this.intervalNanos = eventsPerSecond > 0 ? Math.round(1e9 / eventsPerSecond) : 0;
    }

    /**
     * What a load did.
     *
     * @param events    events recorded (commands that succeeded)
     * @param nanos     wall-clock time of the whole load
     * @param latencies each command's (or request's) time from sending to its answer
     */
    record LoadResult(long events, long nanos, Latencies latencies) {

        double eventsPerSecond() {
            return nanos == 0 ? Double.NaN : events / (nanos / 1e9);
        }
    }

    /** Makes a running (or later) {@link #load} return after the commands being sent now. */
    void stop() {
        stopped.set(true);
    }

    /**
     * Sends every event of the journeys as its command, journeys spread over {@code threads} workers; returns
     * when all are recorded or the loader was {@linkplain #stop() stopped}. The first command that fails stops
     * the load and is rethrown.
     */
    LoadResult load(List<SyntheticHistory.JourneyHistory> journeys, int threads) {
        Latencies latencies = new Latencies();
        ParallelJourneys.Outcome outcome =
                ParallelJourneys.run(journeys, threads, stopped, journey -> loadJourney(journey, latencies));
        return new LoadResult(outcome.events(), outcome.nanos(), latencies);
    }

    private long loadJourney(SyntheticHistory.JourneyHistory journey, Latencies latencies) {
        Map<String, Object> recordedBy = Map.of(
                "username",
                "benchmark-" + journey.municipalityCode(),
                "roles",
                "CASEWORKER",
                "municipalityCode",
                journey.municipalityCode());
        Map<String, String> recordedIds = new HashMap<>();
        long recorded = 0;
        for (SyntheticHistory.Entry entry : journey.entries()) {
            if (stopped.get()) {
                break;
            }
            Object command = commandFor(entry.event(), recordedIds);
            awaitTurn();
            long sending = System.nanoTime();
            Recorded answer;
            try {
                answer = commands.sendAndWait(
                        GenericCommandMessage.asCommandMessage(command).andMetaData(recordedBy));
            } catch (RuntimeException e) {
                throw new IllegalStateException(
                        "command " + command.getClass().getSimpleName() + " (event " + entry.sequence() + " of journey "
                                + journey.journeyId() + ") failed",
                        e);
            }
            latencies.record(System.nanoTime() - sending);
            recordedIds.put(entry.eventId(), answer.eventId());
            recorded++;
        }
        return recorded;
    }

    /**
     * Waits for this command's turn when the loader is paced: turns are {@code intervalNanos} apart over all
     * workers, and a worker that fell behind takes the next turn from now, so a slow moment is not made up in a burst.
     */
    private void awaitTurn() {
        if (intervalNanos == 0) {
            return;
        }
        long now = System.nanoTime();
        long turn = Math.max(now, nextSend.getAndAccumulate(now, (next, at) -> Math.max(next, at) + intervalNanos));
        if (turn > now) {
            LockSupport.parkNanos(turn - now);
        }
    }

    /**
     * The command that records {@code event}, without an expected version; a retraction names the recorded id of
     * the retracted event ({@code recordedIds}: synthetic id to the id the command side gave it).
     */
    static Object commandFor(JourneyEvent event, Map<String, String> recordedIds) {
        UUID id = event.journeyId();
        if (event instanceof NewcomerRegistered e) {
            return new RegisterNewcomer(
                    id,
                    e.occurredOn(),
                    e.municipalityCode(),
                    e.receptionType(),
                    e.birthYear(),
                    e.gender(),
                    e.countryOfBirth(),
                    e.educationLevel(),
                    e.personalDetails());
        } else if (event instanceof PersonalDetailsCorrected e) {
            return new CorrectPersonalDetails(id, null, e.personalDetails());
        } else if (event instanceof MilestoneRetracted e) {
            String retracted = recordedIds.get(e.retractedEventId());
            if (retracted == null) {
                throw new IllegalStateException("a retraction of an event this load did not record");
            }
            return new RetractMilestone(id, null, retracted, e.reason());
        } else if (event instanceof CaseworkerAssigned e) {
            return new AssignCaseworker(id, null, e.occurredOn(), e.caseworkerId());
        } else if (event instanceof IntroductoryMeetingHeld e) {
            return new RecordIntroductoryMeeting(id, null, e.occurredOn());
        } else if (event instanceof ActionPlanEstablished e) {
            return new EstablishActionPlan(id, null, e.occurredOn(), e.goals(), e.summary());
        } else if (event instanceof ActionPlanRevised e) {
            return new ReviseActionPlan(id, null, e.occurredOn(), e.goals(), e.summary());
        } else if (event instanceof EstablishmentPlanStarted e) {
            return new StartEstablishmentPlan(id, null, e.occurredOn());
        } else if (event instanceof EstablishmentPlanEnded e) {
            return new EndEstablishmentPlan(id, null, e.occurredOn(), e.reason());
        } else if (event instanceof TemporaryHousingProvided e) {
            return new ProvideTemporaryHousing(id, null, e.occurredOn());
        } else if (event instanceof HousingSecured e) {
            return new RecordHousingSecured(id, null, e.occurredOn(), e.tenure());
        } else if (event instanceof SfiEnrolled e) {
            return new EnrolInSfi(id, null, e.occurredOn(), e.studyPath());
        } else if (event instanceof SfiLevelReached e) {
            return new RecordSfiLevelReached(id, null, e.occurredOn(), e.level());
        } else if (event instanceof CivicOrientationCompleted e) {
            return new RecordCivicOrientationCompleted(id, null, e.occurredOn(), e.hours(), e.language());
        } else if (event instanceof InternshipStarted e) {
            return new StartInternship(id, null, e.occurredOn(), e.internshipId(), e.kind(), e.sector());
        } else if (event instanceof InternshipEnded e) {
            return new EndInternship(id, null, e.occurredOn(), e.internshipId(), e.outcome());
        } else if (event instanceof EmploymentStarted e) {
            return new StartEmployment(
                    id, null, e.occurredOn(), e.employmentId(), e.employmentType(), e.sector(), e.hoursPerWeek());
        } else if (event instanceof EmploymentEnded e) {
            return new EndEmployment(id, null, e.occurredOn(), e.employmentId());
        } else if (event instanceof BusinessStarted e) {
            return new StartBusiness(id, null, e.occurredOn());
        } else if (event instanceof BusinessClosed e) {
            return new CloseBusiness(id, null, e.occurredOn());
        } else if (event instanceof StudiesStarted e) {
            return new StartStudies(id, null, e.occurredOn(), e.studyId(), e.level());
        } else if (event instanceof StudiesEnded e) {
            return new EndStudies(id, null, e.occurredOn(), e.studyId());
        } else if (event instanceof FinancialAssistanceStarted e) {
            return new StartFinancialAssistance(id, null, e.occurredOn());
        } else if (event instanceof FinancialAssistanceEnded e) {
            return new EndFinancialAssistance(id, null, e.occurredOn());
        } else if (event instanceof SelfSufficiencyReached e) {
            return new RecordSelfSufficiencyReached(id, null, e.occurredOn(), e.basis());
        } else if (event instanceof SelfSufficiencyLost e) {
            return new RecordSelfSufficiencyLost(id, null, e.occurredOn());
        } else if (event instanceof FollowUpRecorded e) {
            return new RecordFollowUp(id, null, e.occurredOn(), e.monthsAfterEstablishment(), e.status(), e.source());
        } else if (event instanceof JourneyClosed e) {
            return new CloseJourney(id, null, e.occurredOn(), e.reason());
        } else if (event instanceof JourneyReopened e) {
            return new ReopenJourney(id, null, e.occurredOn());
        }
        throw new IllegalArgumentException(
                "no command records a " + event.getClass().getSimpleName());
    }
}
