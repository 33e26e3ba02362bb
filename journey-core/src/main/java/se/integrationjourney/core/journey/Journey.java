package se.integrationjourney.core.journey;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventsourcing.conflictresolution.ConflictResolver;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
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
import se.integrationjourney.core.commands.ErasePersonalData;
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
import se.integrationjourney.core.events.JourneyEvent;

/**
 * One newcomer's integration journey in one municipality: the event-sourced aggregate that decides what may be
 * recorded. A thin shell around {@link DecisionBasis} and {@link JourneyDecisions}: it hands each command with the
 * state and today's date (from the injected {@link Clock}) to the rules, applies the event they return, and answers
 * with the event's id and the journey's new version.
 * <p>Registered by the application (no framework annotation here, so the core stays free of Spring).
 */
public class Journey {

    @AggregateIdentifier
    private UUID journeyId;

    private DecisionBasis state = DecisionBasis.EMPTY;
    private String lastEventId;
    private long version = -1;

    /** For Axon, which rebuilds the journey from its events. */
    protected Journey() {}

    /**
     * Registers the journey. Create-if-missing rather than always-create, so that a repeated registration reaches
     * the existing journey and is refused by a rule instead of failing in the event store.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Recorded handle(RegisterNewcomer command, Clock clock) {
        return record(decisions(clock).register(command));
    }

    @CommandHandler
    public Recorded handle(CorrectPersonalDetails command, Clock clock, ConflictResolver conflicts) {
        refuseIfStale(conflicts);
        return record(decisions(clock).correctPersonalDetails(command));
    }

    @CommandHandler
    public Recorded handle(ErasePersonalData command, Clock clock) {
        return record(decisions(clock).erasePersonalData(command));
    }

    @CommandHandler
    public Recorded handle(AssignCaseworker command, Clock clock, ConflictResolver conflicts) {
        refuseIfStale(conflicts);
        return record(decisions(clock).assignCaseworker(command));
    }

    @CommandHandler
    public Recorded handle(RecordIntroductoryMeeting command, Clock clock, ConflictResolver conflicts) {
        refuseIfStale(conflicts);
        return record(decisions(clock).recordIntroductoryMeeting(command));
    }

    @CommandHandler
    public Recorded handle(EstablishActionPlan command, Clock clock, ConflictResolver conflicts) {
        refuseIfStale(conflicts);
        return record(decisions(clock).establishActionPlan(command));
    }

    @CommandHandler
    public Recorded handle(ReviseActionPlan command, Clock clock, ConflictResolver conflicts) {
        refuseIfStale(conflicts);
        return record(decisions(clock).reviseActionPlan(command));
    }

    @CommandHandler
    public Recorded handle(StartEstablishmentPlan command, Clock clock, ConflictResolver conflicts) {
        refuseIfStale(conflicts);
        return record(decisions(clock).startEstablishmentPlan(command));
    }

    @CommandHandler
    public Recorded handle(EndEstablishmentPlan command, Clock clock, ConflictResolver conflicts) {
        refuseIfStale(conflicts);
        return record(decisions(clock).endEstablishmentPlan(command));
    }

    @CommandHandler
    public Recorded handle(ProvideTemporaryHousing command, Clock clock, ConflictResolver conflicts) {
        refuseIfStale(conflicts);
        return record(decisions(clock).provideTemporaryHousing(command));
    }

    @CommandHandler
    public Recorded handle(RecordHousingSecured command, Clock clock, ConflictResolver conflicts) {
        refuseIfStale(conflicts);
        return record(decisions(clock).recordHousingSecured(command));
    }

    @CommandHandler
    public Recorded handle(EnrolInSfi command, Clock clock, ConflictResolver conflicts) {
        refuseIfStale(conflicts);
        return record(decisions(clock).enrolInSfi(command));
    }

    @CommandHandler
    public Recorded handle(RecordSfiLevelReached command, Clock clock, ConflictResolver conflicts) {
        refuseIfStale(conflicts);
        return record(decisions(clock).recordSfiLevelReached(command));
    }

    @CommandHandler
    public Recorded handle(RecordCivicOrientationCompleted command, Clock clock, ConflictResolver conflicts) {
        refuseIfStale(conflicts);
        return record(decisions(clock).recordCivicOrientationCompleted(command));
    }

    @CommandHandler
    public Recorded handle(StartInternship command, Clock clock, ConflictResolver conflicts) {
        refuseIfStale(conflicts);
        return record(decisions(clock).startInternship(command));
    }

    @CommandHandler
    public Recorded handle(EndInternship command, Clock clock, ConflictResolver conflicts) {
        refuseIfStale(conflicts);
        return record(decisions(clock).endInternship(command));
    }

    @CommandHandler
    public Recorded handle(StartEmployment command, Clock clock, ConflictResolver conflicts) {
        refuseIfStale(conflicts);
        return record(decisions(clock).startEmployment(command));
    }

    @CommandHandler
    public Recorded handle(EndEmployment command, Clock clock, ConflictResolver conflicts) {
        refuseIfStale(conflicts);
        return record(decisions(clock).endEmployment(command));
    }

    @CommandHandler
    public Recorded handle(StartBusiness command, Clock clock, ConflictResolver conflicts) {
        refuseIfStale(conflicts);
        return record(decisions(clock).startBusiness(command));
    }

    @CommandHandler
    public Recorded handle(CloseBusiness command, Clock clock, ConflictResolver conflicts) {
        refuseIfStale(conflicts);
        return record(decisions(clock).closeBusiness(command));
    }

    @CommandHandler
    public Recorded handle(StartStudies command, Clock clock, ConflictResolver conflicts) {
        refuseIfStale(conflicts);
        return record(decisions(clock).startStudies(command));
    }

    @CommandHandler
    public Recorded handle(EndStudies command, Clock clock, ConflictResolver conflicts) {
        refuseIfStale(conflicts);
        return record(decisions(clock).endStudies(command));
    }

    @CommandHandler
    public Recorded handle(StartFinancialAssistance command, Clock clock, ConflictResolver conflicts) {
        refuseIfStale(conflicts);
        return record(decisions(clock).startFinancialAssistance(command));
    }

    @CommandHandler
    public Recorded handle(EndFinancialAssistance command, Clock clock, ConflictResolver conflicts) {
        refuseIfStale(conflicts);
        return record(decisions(clock).endFinancialAssistance(command));
    }

    @CommandHandler
    public Recorded handle(RecordSelfSufficiencyReached command, Clock clock, ConflictResolver conflicts) {
        refuseIfStale(conflicts);
        return record(decisions(clock).recordSelfSufficiencyReached(command));
    }

    @CommandHandler
    public Recorded handle(RecordSelfSufficiencyLost command, Clock clock, ConflictResolver conflicts) {
        refuseIfStale(conflicts);
        return record(decisions(clock).recordSelfSufficiencyLost(command));
    }

    @CommandHandler
    public Recorded handle(RecordFollowUp command, Clock clock, ConflictResolver conflicts) {
        refuseIfStale(conflicts);
        return record(decisions(clock).recordFollowUp(command));
    }

    @CommandHandler
    public Recorded handle(CloseJourney command, Clock clock, ConflictResolver conflicts) {
        refuseIfStale(conflicts);
        return record(decisions(clock).closeJourney(command));
    }

    @CommandHandler
    public Recorded handle(ReopenJourney command, Clock clock, ConflictResolver conflicts) {
        refuseIfStale(conflicts);
        return record(decisions(clock).reopenJourney(command));
    }

    @CommandHandler
    public Recorded handle(RetractMilestone command, Clock clock, ConflictResolver conflicts) {
        refuseIfStale(conflicts);
        return record(decisions(clock).retract(command));
    }

    @EventSourcingHandler
    void on(JourneyEvent event, @MessageIdentifier String eventId, @SequenceNumber long sequence) {
        journeyId = event.journeyId();
        state = state.with(new RecordedEvent(eventId, sequence, event));
        lastEventId = eventId;
        version = sequence;
    }

    /** The state decisions are made with; for tests that compare it with the state rebuilt from the store. */
    DecisionBasis state() {
        return state;
    }

    private JourneyDecisions decisions(Clock clock) {
        return new JourneyDecisions(state, LocalDate.now(clock));
    }

    /**
     * Refuses a command that was sent against an older version than the current one, before any rule is checked:
     * the caller decided on a state that no longer holds, so its answer is "look again", not a rule violation.
     * Without an expected version (or with the current one) Axon passes a resolver that finds no conflict.
     */
    private static void refuseIfStale(ConflictResolver conflicts) {
        conflicts.detectConflicts(unseenEvents -> !unseenEvents.isEmpty());
    }

    private Recorded record(JourneyEvent event) {
        // apply() runs the event-sourcing handler at once, which stores the id and sequence Axon gave the event.
        apply(event);
        return new Recorded(lastEventId, version);
    }
}
