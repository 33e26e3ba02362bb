package se.integrationjourney.api.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;
import se.integrationjourney.api.architecture.broken.ControllerReadingSql;
import se.integrationjourney.eventstore.AxonTables;
import se.integrationjourney.eventstore.BrokenLink;
import se.integrationjourney.eventstore.ChainVerification;
import se.integrationjourney.eventstore.ChainWalk;
import se.integrationjourney.eventstore.ChainedEvent;
import se.integrationjourney.eventstore.EventChain;
import se.integrationjourney.eventstore.ProcessingNode;

/**
 * docs/architecture.md, "Rules", one rule per sentence, checked over the compiled main classes of every module.
 * Each rule's name is its sentence.
 */
@AnalyzeClasses(packages = "se.integrationjourney", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String CORE = "se.integrationjourney.core..";
    private static final String EVENTSTORE = "se.integrationjourney.eventstore..";
    private static final String PROJECTIONS = "se.integrationjourney.projections..";
    private static final String API = "se.integrationjourney.api..";

    @ArchTest
    static final ArchRule everyClassBelongsToOneModule = classes()
            .should()
            .resideInAnyPackage(CORE, EVENTSTORE, PROJECTIONS, API)
            .as("Every class belongs to one of four modules: core, event store, projections, API.");

    @ArchTest
    static final ArchRule coreKnowsNoFramework = noClasses()
            .that()
            .resideInAPackage(CORE)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.springframework..",
                    "jakarta.persistence..",
                    "javax.persistence..",
                    "org.hibernate..",
                    "java.sql..",
                    "javax.sql..",
                    "jakarta.servlet..")
            .as("The core knows no Spring, no web, no persistence and no SQL.");

    @ArchTest
    static final ArchRule coreKnowsNoOtherModule = noClasses()
            .that()
            .resideInAPackage(CORE)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(EVENTSTORE, PROJECTIONS, API)
            .as("The core knows none of the other modules.");

    @ArchTest
    static final ArchRule eventStoreKnowsNoOtherModule = noClasses()
            .that()
            .resideInAPackage(EVENTSTORE)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(CORE, PROJECTIONS, API)
            .as("The event store knows Axon, Spring and PostgreSQL, and none of the other modules.");

    @ArchTest
    static final ArchRule projectionsSeeOnlyTheCoresEvents = noClasses()
            .that()
            .resideInAPackage(PROJECTIONS)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("se.integrationjourney.core.journey..", "se.integrationjourney.core.commands..", API)
            .as("The read side sees only the core's events: never its aggregate or commands, never the API.");

    @ArchTest
    static final ArchRule projectionsServeNoHttp = noClasses()
            .that()
            .resideInAPackage(PROJECTIONS)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework.web..", "jakarta.servlet..")
            .as("The read side serves no HTTP.");

    @ArchTest
    static final ArchRule controllersTouchNoSql = controllersTouchNoSql();

    @ArchTest
    static final ArchRule pagesUseTheApplicationsServices = noClasses()
            .that()
            .resideInAPackage("se.integrationjourney.api.pages..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.axonframework..",
                    "java.sql..",
                    "javax.sql..",
                    "org.springframework.jdbc..",
                    "jakarta.persistence..",
                    "org.hibernate..")
            .as("Pages never reach Axon or SQL themselves: they call the same application services and queries as the"
                    + " API.");

    @ArchTest
    static final ArchRule eventStoreReachedThroughAxon = classes()
            .that()
            .resideInAPackage(EVENTSTORE)
            .and()
            .doNotBelongToAnyOf(AxonTables.class, ProcessingNode.class)
            .and()
            .doNotHaveSimpleName("DatabaseFailures")
            .and()
            .doNotHaveSimpleName("CommitOutcomeUnknownException")
            .and()
            .doNotHaveSimpleName("DeadLetterQueueFactory")
            .and()
            .doNotHaveSimpleName("JourneyHistories")
            .and()
            .doNotHaveSimpleName("MisconfiguredStorageException")
            .and()
            .resideOutsideOfPackage("..eventstore.personaldata..")
            .and()
            .doNotBelongToAnyOf(
                    ChainVerification.class, EventChain.class, ChainedEvent.class, ChainWalk.class, BrokenLink.class)
            .should()
            .onlyBeAccessed()
            .byClassesThat()
            .resideInAPackage(EVENTSTORE)
            .as("The event store is reached through Axon's interfaces; from outside, only AxonTables (SQL on Axon's"
                    + " tables), DatabaseFailures and CommitOutcomeUnknownException (what a failure means) and"
                    + " DeadLetterQueueFactory are used, and JourneyHistories, which reads many journeys' events at once"
                    + " through Axon's own serializer and upcasters (the outcomes as known at a moment); the hash"
                    + " chain's ChainVerification, EventChain, ChainedEvent, ChainWalk and BrokenLink (tamper"
                    + " evidence); and the personal-data keys (personaldata: the sealing serializer, journeys' keys,"
                    + " the identity-number lookup), which the application wires and erases with, and the start-up"
                    + " refusal they share; and ProcessingNode, this node's name and claim timeout.");

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("se.integrationjourney.(*).(*)..")
            .should()
            .beFreeOfCycles()
            .as("No package depends on itself through others.");

    static ArchRule controllersTouchNoSql() {
        return noClasses()
                .that()
                .areAnnotatedWith(RestController.class)
                .or()
                .areAnnotatedWith(Controller.class)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "java.sql..",
                        "javax.sql..",
                        "org.springframework.jdbc..",
                        "jakarta.persistence..",
                        "org.hibernate..")
                .as("Controllers never touch SQL: they call the application's services and queries.");
    }

    @Test
    void givenAControllerThatReadsSql_whenItsRuleIsChecked_thenTheRuleFails() {
        JavaClasses broken = new ClassFileImporter().importClasses(ControllerReadingSql.class);

        assertThat(controllersTouchNoSql().evaluate(broken).hasViolation()).isTrue();
    }

    /**
     * All SQL naming Axon's tables lives in AxonTables (and the schema migration that creates them), besides the one
     * rewrite the event store ever sees: the migration that sealed plain-text personal details (ADR 0020).
     */
    @Test
    void givenTheMainSources_whenSearchedForAxonsTables_thenOnlyAxonTablesAndTheSchemaNameThem() throws IOException {
        Pattern axonTable =
                Pattern.compile("\\b(domain_event_entry|token_entry|dead_letter_entry|" + "snapshot_event_entry)\\b");
        Path root = Path.of("..").toAbsolutePath().normalize();
        List<String> naming;
        try (Stream<Path> files = Files.walk(root)) {
            naming = files.filter(file ->
                            file.toString().endsWith(".java") && file.toString().contains("/src/main/java/"))
                    .filter(file -> {
                        try {
                            return axonTable
                                    .matcher(Files.readString(file)
                                            .replaceAll("(?s)/\\*.*?\\*/", "")
                                            .replaceAll("//[^\\n]*", ""))
                                    .find();
                        } catch (IOException e) {
                            throw new IllegalStateException(e);
                        }
                    })
                    .map(file -> file.getFileName().toString())
                    .sorted()
                    .toList();
        }

        assertThat(naming)
                .containsExactly("AxonTables.java", "EventStoreConfiguration.java", "StoredPlainTextSealing.java");
    }
}
