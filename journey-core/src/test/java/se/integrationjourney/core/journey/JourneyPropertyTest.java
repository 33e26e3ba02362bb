package se.integrationjourney.core.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static se.integrationjourney.core.journey.JourneyEvents.CLOCK;
import static se.integrationjourney.core.journey.JourneyEvents.TODAY;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MultiParameterResolverFactory;
import org.axonframework.messaging.annotation.SimpleResourceParameterResolverFactory;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.AggregateAnnotationCommandHandler;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.modelling.command.Repository;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.junit.jupiter.api.Test;
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
import se.integrationjourney.core.commands.ReopenJourney;
import se.integrationjourney.core.commands.RetractMilestone;
import se.integrationjourney.core.commands.ReviseActionPlan;
import se.integrationjourney.core.commands.StartBusiness;
import se.integrationjourney.core.commands.StartEmployment;
import se.integrationjourney.core.commands.StartEstablishmentPlan;
import se.integrationjourney.core.commands.StartFinancialAssistance;
import se.integrationjourney.core.commands.StartInternship;
import se.integrationjourney.core.commands.StartStudies;
import se.integrationjourney.core.events.ActionPlanGoal;
import se.integrationjourney.core.events.ClosureReason;
import se.integrationjourney.core.events.EmploymentType;
import se.integrationjourney.core.events.EstablishmentEndReason;
import se.integrationjourney.core.events.FollowUpSource;
import se.integrationjourney.core.events.InternshipKind;
import se.integrationjourney.core.events.InternshipOutcome;
import se.integrationjourney.core.events.NewcomerRegistered;
import se.integrationjourney.core.events.OutcomeStatus;
import se.integrationjourney.core.events.PersonalDetails;
import se.integrationjourney.core.events.PersonalDetailsCorrected;
import se.integrationjourney.core.events.SelfSufficiencyBasis;
import se.integrationjourney.core.events.SfiLevel;
import se.integrationjourney.core.events.StudyLevel;
import se.integrationjourney.core.events.Tenure;

/**
 * Replays random command sequences through the real aggregate, kept live in a cache as in a running service, and
 * checks after every command that the state it decides with equals the state rebuilt from its stored events; that
 * commands the rules allow are accepted; and that a refused command records nothing. Seeded: a failure names its
 * seed, and {@code -Djourney.seed=<seed>} replays just that sequence.
 */
class JourneyPropertyTest {

    private static final long FIRST_SEED = 20_250_616L;
    private static final int SEQUENCES = 300;
    /** Inspected once: inspecting the aggregate per sequence would cost more than the sequences themselves. */
    private static final AggregateModel<Journey> MODEL = AnnotatedAggregateMetaModelFactory.inspectAggregate(
            Journey.class,
            MultiParameterResolverFactory.ordered(
                    ClasspathParameterResolverFactory.forClass(Journey.class),
                    new SimpleResourceParameterResolverFactory(Set.of(CLOCK))));

    @Test
    void givenRandomValidCommandSequences_whenReplayed_thenTheRebuiltStateEqualsTheStateDecidedWith() {
        String only = System.getProperty("journey.seed");
        if (only != null) {
            runSequence(Long.parseLong(only));
            return;
        }
        for (long seed = FIRST_SEED; seed < FIRST_SEED + SEQUENCES; seed++) {
            runSequence(seed);
        }
    }

    private static void runSequence(long seed) {
        Sequence sequence = new Sequence(seed);
        try {
            sequence.run();
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError(
                    "Sequence with seed " + seed + " failed at step " + sequence.step + " ("
                            + sequence.lastCommand + "); replay with -Djourney.seed=" + seed + ": " + e.getMessage()
                            + "\nHistory:\n" + sequence.history(),
                    e);
        }
    }

    /** One journey in its own in-memory event store, driven by random commands. */
    private static final class Sequence {

        private final Random random;
        private final UUID journeyId;
        private final EventStore eventStore = EmbeddedEventStore.builder()
                .storageEngine(new InMemoryEventStorageEngine())
                .build();
        private final Repository<Journey> live = EventSourcingRepository.builder(Journey.class)
                .eventStore(eventStore)
                .cache(new StrongCache())
                .aggregateModel(MODEL)
                .build();
        private final Repository<Journey> rebuilding = EventSourcingRepository.builder(Journey.class)
                .eventStore(eventStore)
                .aggregateModel(MODEL)
                .build();
        private final CommandGateway gateway;
        private LocalDate cursor;
        private int nextId;
        private int step;
        private Object lastCommand;
        private int accepted;

        Sequence(long seed) {
            random = new Random(seed);
            journeyId = new UUID(seed, random.nextLong());
            SimpleCommandBus commandBus = SimpleCommandBus.builder().build();
            AggregateAnnotationCommandHandler.<Journey>builder()
                    .aggregateType(Journey.class)
                    .repository(live)
                    .aggregateModel(MODEL)
                    .build()
                    .subscribe(commandBus);
            gateway = DefaultCommandGateway.builder().commandBus(commandBus).build();
        }

        void run() {
            cursor = TODAY.minusDays(200 + random.nextInt(1500));
            expectAccepted(JourneyEvents.registration(journeyId)
                    .withArrivalDate(cursor)
                    .withBirthYear(cursor.getYear() - 18 - random.nextInt(50))
                    .command());
            int steps = 10 + random.nextInt(30);
            for (step = 1; step <= steps; step++) {
                cursor = min(TODAY, cursor.plusDays(random.nextInt(20)));
                int dice = random.nextInt(100);
                if (dice < 8) {
                    retractSomething();
                } else if (dice < 14) {
                    expectRefusedWithoutRecording(impossibleCommand());
                } else if (dice < 17) {
                    expectConflict();
                } else {
                    expectAccepted(validCommand(facts()));
                }
            }
            assertThat(accepted).as("commands accepted").isGreaterThan(steps / 2);
        }

        private Object validCommand(RuleFacts facts) {
            Long version = random.nextBoolean() ? version() : null;
            if (facts.closed()) {
                return new ReopenJourney(journeyId, version, cursor);
            }
            List<Supplier<Object>> options = new ArrayList<>();
            options.add(() -> new AssignCaseworker(journeyId, version, cursor, "cw-" + random.nextInt(5)));
            options.add(() -> new RecordIntroductoryMeeting(journeyId, version, cursor));
            options.add(
                    () -> new EstablishActionPlan(journeyId, version, cursor, goals(), "plan " + random.nextInt(9)));
            if (facts.firstActionPlanOn() != null) {
                options.add(() -> new ReviseActionPlan(journeyId, version, cursor, goals(), "revised"));
            }
            if (facts.latestEpisode(EpisodeKind.ESTABLISHMENT_PLAN).isEmpty()) {
                // Up to two months back: before arrival too, which the plan alone may be.
                options.add(() -> new StartEstablishmentPlan(journeyId, version, cursor.minusDays(random.nextInt(60))));
            } else if (facts.latestEpisode(EpisodeKind.ESTABLISHMENT_PLAN).get().open()) {
                options.add(() ->
                        new EndEstablishmentPlan(journeyId, version, cursor, pick(EstablishmentEndReason.values())));
            }
            options.add(() -> new ProvideTemporaryHousing(journeyId, version, cursor));
            options.add(() -> new RecordHousingSecured(journeyId, version, cursor, pick(Tenure.values())));
            options.add(() -> new EnrolInSfi(journeyId, version, cursor, 1 + random.nextInt(3)));
            SfiLevel nextLevel = reachableSfiLevel(facts);
            if (nextLevel != null) {
                options.add(() -> new RecordSfiLevelReached(journeyId, version, cursor, nextLevel));
            }
            options.add(() -> new RecordCivicOrientationCompleted(
                    journeyId, version, cursor, 1 + random.nextInt(1000), "svenska"));
            options.add(() -> new StartInternship(
                    journeyId, version, cursor, "p-" + nextId++, pick(InternshipKind.values()), "retail"));
            options.add(() -> new StartEmployment(
                    journeyId,
                    version,
                    cursor,
                    "e-" + nextId++,
                    pick(EmploymentType.values()),
                    "care",
                    BigDecimal.valueOf(1 + random.nextInt(168))));
            options.add(() -> new StartStudies(journeyId, version, cursor, "s-" + nextId++, pick(StudyLevel.values())));
            for (PairedEpisode open :
                    facts.episodes().stream().filter(PairedEpisode::open).toList()) {
                switch (open.kind()) {
                    case INTERNSHIP ->
                        options.add(() -> new EndInternship(
                                journeyId, version, cursor, open.key(), pick(InternshipOutcome.values())));
                    case EMPLOYMENT -> options.add(() -> new EndEmployment(journeyId, version, cursor, open.key()));
                    case STUDIES -> options.add(() -> new EndStudies(journeyId, version, cursor, open.key()));
                    case BUSINESS -> options.add(() -> new CloseBusiness(journeyId, version, cursor));
                    case FINANCIAL_ASSISTANCE ->
                        options.add(() -> new EndFinancialAssistance(journeyId, version, cursor));
                    case SELF_SUFFICIENCY ->
                        options.add(() -> new RecordSelfSufficiencyLost(journeyId, version, cursor));
                    default -> {}
                }
            }
            if (facts.openEpisode(EpisodeKind.BUSINESS, "").isEmpty()) {
                options.add(() -> new StartBusiness(journeyId, version, cursor));
            }
            if (facts.openEpisode(EpisodeKind.FINANCIAL_ASSISTANCE, "").isEmpty()) {
                options.add(() -> new StartFinancialAssistance(journeyId, version, cursor));
            }
            if (!facts.selfSufficient()) {
                options.add(() -> new RecordSelfSufficiencyReached(
                        journeyId, version, cursor, pick(SelfSufficiencyBasis.values())));
            }
            options.add(() -> new RecordFollowUp(
                    journeyId,
                    version,
                    cursor,
                    12 * random.nextInt(3),
                    pick(OutcomeStatus.values()),
                    pick(FollowUpSource.values())));
            options.add(() -> new CorrectPersonalDetails(
                    journeyId,
                    version,
                    new PersonalDetails("Name " + random.nextInt(9), random.nextBoolean() ? null : "19121212-1212")));
            if (random.nextInt(10) == 0) {
                options.add(() -> new CloseJourney(journeyId, version, cursor, pick(ClosureReason.values())));
            }
            return options.get(random.nextInt(options.size())).get();
        }

        /** A command the rules must refuse, whatever the journey's state. */
        private Object impossibleCommand() {
            return switch (random.nextInt(5)) {
                case 0 -> new RecordIntroductoryMeeting(journeyId, null, TODAY.plusDays(1 + random.nextInt(30)));
                case 1 -> new EndEmployment(journeyId, null, cursor, "never-started");
                case 2 -> new RecordCivicOrientationCompleted(journeyId, null, cursor, 1001, "svenska");
                case 3 ->
                    new RetractMilestone(journeyId, null, UUID.randomUUID().toString(), "typo");
                default -> new RetractMilestone(journeyId, null, firstEventId(), "typo");
            };
        }

        private void retractSomething() {
            List<RecordedEvent> retractable = state().countingEvents().stream()
                    .filter(recorded -> !(recorded.event() instanceof NewcomerRegistered))
                    .filter(recorded -> !(recorded.event() instanceof PersonalDetailsCorrected))
                    .toList();
            if (retractable.isEmpty()) {
                return;
            }
            RecordedEvent target = retractable.get(random.nextInt(retractable.size()));
            lastCommand = new RetractMilestone(journeyId, version(), target.eventId(), "mistake");
            List<DomainEventMessage<?>> before = storedEvents();
            try {
                Recorded recorded = gateway.sendAndWait(lastCommand);
                accepted++;
                checkRecorded(recorded, before.size() + 1);
                assertThat(state().retracted(target.eventId())).isTrue();
            } catch (JourneyRuleViolation refused) {
                // Only a dependent end (or revision, or reopening) may hold a retraction back.
                assertThat(refused.rule()).isEqualTo(Rule.DEPENDENT_MILESTONE_RECORDED);
                assertThat(storedEvents()).hasSameSizeAs(before);
            }
            checkStateMatchesHistory();
        }

        private void expectAccepted(Object command) {
            lastCommand = command;
            int before = storedEvents().size();
            Recorded recorded;
            try {
                recorded = gateway.sendAndWait(command);
            } catch (JourneyRuleViolation refused) {
                throw new AssertionError("a command the rules allow was refused: " + refused.getMessage(), refused);
            }
            accepted++;
            checkRecorded(recorded, before + 1);
            checkStateMatchesHistory();
        }

        private void expectRefusedWithoutRecording(Object command) {
            lastCommand = command;
            DecisionBasis before = state();
            int stored = storedEvents().size();
            try {
                gateway.sendAndWait(command);
                fail("an impossible command was accepted");
            } catch (JourneyRuleViolation expected) {
                assertThat(storedEvents()).hasSize(stored);
                assertThat(state()).isEqualTo(before);
            }
            checkStateMatchesHistory();
        }

        private void expectConflict() {
            if (version() == 0) {
                return;
            }
            Object command =
                    new RecordIntroductoryMeeting(journeyId, version() - 1 - random.nextInt((int) version()), cursor);
            lastCommand = command;
            int stored = storedEvents().size();
            try {
                gateway.sendAndWait(command);
                fail("a command with a stale version was accepted");
            } catch (ConflictingAggregateVersionException expected) {
                assertThat(storedEvents()).hasSize(stored);
            }
            checkStateMatchesHistory();
        }

        private void checkRecorded(Recorded recorded, int expectedEventCount) {
            List<DomainEventMessage<?>> events = storedEvents();
            assertThat(events).hasSize(expectedEventCount);
            DomainEventMessage<?> last = events.get(events.size() - 1);
            assertThat(recorded).isEqualTo(new Recorded(last.getIdentifier(), last.getSequenceNumber()));
        }

        /** The property: the state the live aggregate decides with is exactly what its stored events rebuild. */
        private void checkStateMatchesHistory() {
            DecisionBasis decidedWith = state();
            DecisionBasis rebuilt = load(rebuilding).state();
            assertThat(decidedWith).isEqualTo(rebuilt);
            assertThat(decidedWith.history()).hasSize(storedEvents().size());
            assertThat(decidedWith.facts()).isEqualTo(rebuilt.facts());
            assertThat(decidedWith.facts().inconsistentEventIds())
                    .as("events the rules would refuse")
                    .isEmpty();
        }

        String history() {
            StringBuilder lines = new StringBuilder();
            storedEvents()
                    .forEach(event -> lines.append(event.getSequenceNumber())
                            .append(' ')
                            .append(event.getIdentifier())
                            .append(' ')
                            .append(event.getPayload())
                            .append('\n'));
            return lines.toString();
        }

        private DecisionBasis state() {
            return load(live).state();
        }

        private RuleFacts facts() {
            return state().facts();
        }

        private long version() {
            return state().history().size() - 1L;
        }

        private String firstEventId() {
            return state().history().get(0).eventId();
        }

        private Journey load(Repository<Journey> repository) {
            return DefaultUnitOfWork.startAndGet(null)
                    .executeWithResult(
                            () -> repository.load(journeyId.toString()).invoke(journey -> journey))
                    .getPayload();
        }

        private List<DomainEventMessage<?>> storedEvents() {
            return eventStore
                    .readEvents(journeyId.toString())
                    .asStream()
                    .<DomainEventMessage<?>>map(event -> event)
                    .toList();
        }

        private SfiLevel reachableSfiLevel(RuleFacts facts) {
            if (facts.sfiStudyPath() == null) {
                return null;
            }
            int lowest = facts.sfiStudyPath() - 1;
            int above = facts.highestSfiLevel() == null
                    ? 0
                    : facts.highestSfiLevel().ordinal() + 1;
            int from = Math.max(lowest, above);
            if (from >= SfiLevel.values().length) {
                return null;
            }
            return SfiLevel.values()[from + random.nextInt(SfiLevel.values().length - from)];
        }

        private Set<ActionPlanGoal> goals() {
            Set<ActionPlanGoal> goals = new HashSet<>();
            goals.add(pick(ActionPlanGoal.values()));
            goals.add(pick(ActionPlanGoal.values()));
            return goals;
        }

        private <T> T pick(T[] values) {
            return values[random.nextInt(values.length)];
        }

        private static LocalDate min(LocalDate a, LocalDate b) {
            return a.isBefore(b) ? a : b;
        }
    }
}
