package se.integrationjourney.api.commandhandling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.junit.jupiter.api.Test;
import se.integrationjourney.core.commands.AssignCaseworker;
import se.integrationjourney.core.commands.RegisterNewcomer;
import se.integrationjourney.core.events.EducationLevel;
import se.integrationjourney.core.events.Gender;
import se.integrationjourney.core.events.PersonalDetails;
import se.integrationjourney.core.events.ReceptionType;

/** The journey and version a command names, exactly as Axon's own resolver reads them. */
class CachedCommandTargetResolverTest {

    private final CachedCommandTargetResolver cached = new CachedCommandTargetResolver();
    private final AnnotationCommandTargetResolver axons =
            AnnotationCommandTargetResolver.builder().build();

    @Test
    void givenJourneyCommandsWithAndWithoutAVersion_whenResolvedTwice_thenBothTimesAsAxonResolvesThem() {
        UUID journey = UUID.randomUUID();
        LocalDate day = LocalDate.of(2024, 3, 1);
        List<Object> commands = List.of(
                new AssignCaseworker(journey, 7L, day, "cw-1"),
                new AssignCaseworker(journey, null, day, "cw-1"),
                new RegisterNewcomer(
                        journey,
                        day,
                        "1473",
                        ReceptionType.ASSIGNED,
                        1990,
                        Gender.FEMALE,
                        "SY",
                        EducationLevel.NONE,
                        new PersonalDetails("Amal Haddad", null)));

        for (Object command : commands) {
            VersionedAggregateIdentifier expected =
                    axons.resolveTarget(GenericCommandMessage.asCommandMessage(command));
            for (int time = 0; time < 2; time++) {
                VersionedAggregateIdentifier target =
                        cached.resolveTarget(GenericCommandMessage.asCommandMessage(command));
                assertThat(target.getIdentifier()).isEqualTo(journey.toString()).isEqualTo(expected.getIdentifier());
                assertThat(target.getVersion()).isEqualTo(expected.getVersion());
            }
        }
        assertThat(cached.resolveTarget(GenericCommandMessage.asCommandMessage(commands.get(0)))
                        .getVersion())
                .isEqualTo(7L);
    }

    @Test
    void givenAVersionInAnAnnotatedField_whenResolved_thenReadAsALong() {
        assertThat(cached.resolveTarget(GenericCommandMessage.asCommandMessage(new FieldCommand("j-1", "12")))
                        .getVersion())
                .isEqualTo(12L);
    }

    @Test
    void givenACommandWithoutItsTarget_whenResolved_thenRefusedAsAxonRefusesIt() {
        assertThatThrownBy(() ->
                        cached.resolveTarget(GenericCommandMessage.asCommandMessage(new FieldCommand(null, null))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("FieldCommand");
        assertThatThrownBy(() -> cached.resolveTarget(GenericCommandMessage.asCommandMessage("no target")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static final class FieldCommand {
        @TargetAggregateIdentifier
        private final String id;

        @TargetAggregateVersion
        private final String version;

        FieldCommand(String id, String version) {
            this.id = id;
            this.version = version;
        }
    }
}
