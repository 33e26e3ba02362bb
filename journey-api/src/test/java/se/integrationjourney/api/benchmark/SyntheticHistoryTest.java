package se.integrationjourney.api.benchmark;

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
import org.axonframework.modelling.command.AggregateAnnotationCommandHandler;
import org.axonframework.modelling.command.Repository;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.junit.jupiter.api.Test;
import se.integrationjourney.api.benchmark.SyntheticHistory.Entry;
import se.integrationjourney.api.benchmark.SyntheticHistory.JourneyHistory;
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
import se.integrationjourney.core.events.MilestoneEvent;
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
import se.integrationjourney.core.journey.Journey;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The synthetic history only holds what the real Journey aggregate accepts: each generated event is sent as the
 * command that records it, on a clock fixed at the history's "today", and must be recorded exactly as generated.
 */
class SyntheticHistoryTest {

    private static final long SEED = 42;
    private static final int JOURNEYS = 800;
    private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
    private static final Clock CLOCK = Clock.fixed(
            SyntheticHistory.TODAY.atTime(12, 0).atZone(STOCKHOLM).toInstant(), STOCKHOLM);
    private static final AggregateModel<Journey> MODEL = AnnotatedAggregateMetaModelFactory.inspectAggregate(
            Journey.class, MultiParameterResolverFactory.ordered(
                    ClasspathParameterResolverFactory.forClass(Journey.class),
                    new SimpleResourceParameterResolverFactory(Set.of(CLOCK))));

    @Test
    void everyGeneratedJourneyIsAcceptedByTheAggregateAsGenerated() {
        List<JourneyHistory> journeys = SyntheticHistory.journeys(SEED, JOURNEYS);

        for (JourneyHistory journey : journeys) {
            // A store per journey: the in-memory store scans all its events to load one aggregate.
            EventStore eventStore = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
            CommandGateway gateway = gateway(eventStore);
            Map<String, String> recordedIds = new HashMap<>();
            for (Entry entry : journey.entries()) {
                Recorded recorded = gateway.sendAndWait(command(entry.event(), recordedIds));
                recordedIds.put(entry.eventId(), recorded.eventId());
                assertThat(recorded.version()).isEqualTo(entry.sequence());
            }
            List<JourneyEvent> stored = eventStore.readEvents(journey.journeyId().toString()).asStream()
                    .map(message -> (JourneyEvent) message.getPayload()).toList();
            List<JourneyEvent> expected = journey.entries().stream()
                    .map(entry -> withRecordedIds(entry.event(), recordedIds)).toList();
            assertThat(stored).as("journey %s", journey.journeyId()).isEqualTo(expected);
        }
    }

    @Test
    void theHistoryLooksLikeJourneys() {
        List<JourneyHistory> journeys = SyntheticHistory.journeys(SEED, JOURNEYS);
        List<Entry> entries = journeys.stream().flatMap(journey -> journey.entries().stream()).toList();

        double perJourney = (double) entries.size() / journeys.size();
        long retractions = entries.stream().filter(entry -> entry.event() instanceof MilestoneRetracted).count();
        System.out.printf(java.util.Locale.ROOT, "synthetic history: %.1f events per journey, %.2f%% retractions%n",
                perJourney, 100.0 * retractions / entries.size());
        assertThat(perJourney).as("events per journey").isBetween(15.0, 25.0);
        assertThat((double) retractions / entries.size()).as("share of retractions").isBetween(0.01, 0.03);
        assertThat(entries).allSatisfy(entry -> assertThat(entry.recordedOn()).isBeforeOrEqualTo(SyntheticHistory.TODAY));
        assertThat(entries.stream().map(entry -> entry.event().getClass().getSimpleName()).collect(Collectors.toSet()))
                .as("every kind of event occurs")
                .hasSize(29);
        String names = entries.stream().filter(entry -> entry.event() instanceof NewcomerRegistered)
                .map(entry -> ((NewcomerRegistered) entry.event()).personalDetails().fullName())
                .collect(Collectors.joining(" "));
        assertThat(names).containsPattern("[åäöÅÄÖ]").containsPattern("\\p{IsArabic}")
                .containsPattern("\\p{IsEthiopic}");
    }

    @Test
    void theGlobalOrderKeepsEachJourneysSequenceAndIsTheSameForTheSameSeed() {
        List<DomainEventMessage<?>> events = SyntheticHistory.events(SEED, 20_000);
        List<DomainEventMessage<?>> again = SyntheticHistory.events(SEED, 20_000);

        assertThat(events).hasSize(20_000);
        Map<String, Long> next = new HashMap<>();
        LocalDate previousDay = LocalDate.MIN;
        for (DomainEventMessage<?> event : events) {
            assertThat(event.getSequenceNumber()).isEqualTo(next.getOrDefault(event.getAggregateIdentifier(), 0L));
            next.put(event.getAggregateIdentifier(), event.getSequenceNumber() + 1);
            LocalDate day = LocalDate.ofInstant(event.getTimestamp(), STOCKHOLM);
            assertThat(day).isAfterOrEqualTo(previousDay);
            previousDay = day;
        }
        assertThat(again.stream().map(DomainEventMessage::getIdentifier).toList())
                .isEqualTo(events.stream().map(DomainEventMessage::getIdentifier).toList());
    }

    private static JourneyEvent withRecordedIds(JourneyEvent event, Map<String, String> recordedIds) {
        return event instanceof MilestoneRetracted e
                ? new MilestoneRetracted(e.journeyId(), recordedIds.get(e.retractedEventId()), e.reason())
                : event;
    }

    /** The command that records exactly this event. */
    private static Object command(JourneyEvent event, Map<String, String> recordedIds) {
        UUID id = event.journeyId();
        LocalDate on = event instanceof MilestoneEvent milestone ? milestone.occurredOn() : null;
        if (event instanceof NewcomerRegistered e) {
            return new RegisterNewcomer(id, e.occurredOn(), e.municipalityCode(), e.receptionType(), e.birthYear(),
                    e.gender(), e.countryOfBirth(), e.educationLevel(), e.personalDetails());
        } else if (event instanceof PersonalDetailsCorrected e) {
            return new CorrectPersonalDetails(id, null, e.personalDetails());
        } else if (event instanceof MilestoneRetracted e) {
            return new RetractMilestone(id, null, recordedIds.get(e.retractedEventId()), e.reason());
        } else if (event instanceof CaseworkerAssigned e) {
            return new AssignCaseworker(id, null, on, e.caseworkerId());
        } else if (event instanceof IntroductoryMeetingHeld) {
            return new RecordIntroductoryMeeting(id, null, on);
        } else if (event instanceof ActionPlanEstablished e) {
            return new EstablishActionPlan(id, null, on, e.goals(), e.summary());
        } else if (event instanceof ActionPlanRevised e) {
            return new ReviseActionPlan(id, null, on, e.goals(), e.summary());
        } else if (event instanceof EstablishmentPlanStarted) {
            return new StartEstablishmentPlan(id, null, on);
        } else if (event instanceof EstablishmentPlanEnded e) {
            return new EndEstablishmentPlan(id, null, on, e.reason());
        } else if (event instanceof TemporaryHousingProvided) {
            return new ProvideTemporaryHousing(id, null, on);
        } else if (event instanceof HousingSecured e) {
            return new RecordHousingSecured(id, null, on, e.tenure());
        } else if (event instanceof SfiEnrolled e) {
            return new EnrolInSfi(id, null, on, e.studyPath());
        } else if (event instanceof SfiLevelReached e) {
            return new RecordSfiLevelReached(id, null, on, e.level());
        } else if (event instanceof CivicOrientationCompleted e) {
            return new RecordCivicOrientationCompleted(id, null, on, e.hours(), e.language());
        } else if (event instanceof InternshipStarted e) {
            return new StartInternship(id, null, on, e.internshipId(), e.kind(), e.sector());
        } else if (event instanceof InternshipEnded e) {
            return new EndInternship(id, null, on, e.internshipId(), e.outcome());
        } else if (event instanceof EmploymentStarted e) {
            return new StartEmployment(id, null, on, e.employmentId(), e.employmentType(), e.sector(),
                    e.hoursPerWeek());
        } else if (event instanceof EmploymentEnded e) {
            return new EndEmployment(id, null, on, e.employmentId());
        } else if (event instanceof StudiesStarted e) {
            return new StartStudies(id, null, on, e.studyId(), e.level());
        } else if (event instanceof StudiesEnded e) {
            return new EndStudies(id, null, on, e.studyId());
        } else if (event instanceof BusinessStarted) {
            return new StartBusiness(id, null, on);
        } else if (event instanceof BusinessClosed) {
            return new CloseBusiness(id, null, on);
        } else if (event instanceof FinancialAssistanceStarted) {
            return new StartFinancialAssistance(id, null, on);
        } else if (event instanceof FinancialAssistanceEnded) {
            return new EndFinancialAssistance(id, null, on);
        } else if (event instanceof SelfSufficiencyReached e) {
            return new RecordSelfSufficiencyReached(id, null, on, e.basis());
        } else if (event instanceof SelfSufficiencyLost) {
            return new RecordSelfSufficiencyLost(id, null, on);
        } else if (event instanceof FollowUpRecorded e) {
            return new RecordFollowUp(id, null, on, e.monthsAfterEstablishment(), e.status(), e.source());
        } else if (event instanceof JourneyClosed e) {
            return new CloseJourney(id, null, on, e.reason());
        } else if (event instanceof JourneyReopened) {
            return new ReopenJourney(id, null, on);
        }
        throw new IllegalArgumentException("no command for " + event.getClass().getSimpleName());
    }

    private static CommandGateway gateway(EventStore eventStore) {
        Repository<Journey> repository = EventSourcingRepository.builder(Journey.class)
                .eventStore(eventStore).aggregateModel(MODEL).build();
        SimpleCommandBus commandBus = SimpleCommandBus.builder().build();
        AggregateAnnotationCommandHandler.<Journey>builder().aggregateType(Journey.class).repository(repository)
                .aggregateModel(MODEL).build().subscribe(commandBus);
        return DefaultCommandGateway.builder().commandBus(commandBus).build();
    }
}
