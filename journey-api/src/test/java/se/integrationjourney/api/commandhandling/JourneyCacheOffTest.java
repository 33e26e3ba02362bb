package se.integrationjourney.api.commandhandling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.transaction.support.TransactionTemplate;
import se.integrationjourney.core.commands.AssignCaseworker;
import se.integrationjourney.core.commands.Recorded;
import se.integrationjourney.core.commands.RegisterNewcomer;
import se.integrationjourney.core.events.CaseworkerAssigned;
import se.integrationjourney.core.events.EducationLevel;
import se.integrationjourney.core.events.Gender;
import se.integrationjourney.core.events.PersonalDetails;
import se.integrationjourney.core.events.ReceptionType;

/** {@code journey.aggregate-cache.max-journeys=0}: every command loads its journey from the event store. */
@SpringBootTest(properties = "journey.aggregate-cache.max-journeys=0")
// A context of its own, used by this class only: closed afterwards, so that its connection pool does not count
// against PostgreSQL's connection limit while the suite's other cached contexts run.
@DirtiesContext
class JourneyCacheOffTest {

    private static final LocalDate ARRIVAL = LocalDate.of(2024, 2, 1);

    @Autowired
    ApplicationContext context;

    @Autowired
    CommandGateway commands;

    @Autowired
    EventStore eventStore;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void givenTheCacheOff_whenAnotherWriterAppendedMeanwhile_thenTheNextCommandAlreadySeesTheirEvent() {
        assertThat(context.getBeansOfType(CommittedJourneyCache.class)).isEmpty();
        UUID journey = UUID.randomUUID();
        commands.sendAndWait(new RegisterNewcomer(
                journey,
                ARRIVAL,
                "1473",
                ReceptionType.ASSIGNED,
                1988,
                Gender.MALE,
                "ER",
                EducationLevel.PRIMARY,
                new PersonalDetails("Dawit Tesfaye", null)));
        transaction.executeWithoutResult(status -> eventStore.publish(new GenericDomainEventMessage<>(
                "Journey",
                journey.toString(),
                1,
                new CaseworkerAssigned(journey, ARRIVAL.plusDays(1), "cw-elsewhere"))));

        long version = commands.<Recorded>sendAndWait(new AssignCaseworker(journey, 1L, ARRIVAL.plusDays(2), "cw-here"))
                .version();

        assertThat(version).isEqualTo(2);
    }
}
