package se.integrationjourney.api.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The module boundaries of docs/architecture.md, checked over the compiled main classes of all modules. */
@AnalyzeClasses(packages = "se.integrationjourney", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleBoundariesTest {

    private static final String CORE = "se.integrationjourney.core..";
    private static final String EVENTSTORE = "se.integrationjourney.eventstore..";
    private static final String PROJECTIONS = "se.integrationjourney.projections..";
    private static final String API = "se.integrationjourney.api..";

    @ArchTest
    static final ArchRule everyClassBelongsToOneModule = classes()
            .should().resideInAnyPackage(CORE, EVENTSTORE, PROJECTIONS, API);

    @ArchTest
    static final ArchRule coreDependsOnNoSpringWebOrPersistence = noClasses()
            .that().resideInAPackage(CORE)
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "jakarta.persistence..", "javax.persistence..", "org.hibernate..",
                    "java.sql..", "javax.sql..", "jakarta.servlet..");

    @ArchTest
    static final ArchRule coreDependsOnNeitherReadSideNorApi = noClasses()
            .that().resideInAPackage(CORE)
            .should().dependOnClassesThat().resideInAnyPackage(PROJECTIONS, API);

    @ArchTest
    static final ArchRule projectionsNeverDependOnTheApi = noClasses()
            .that().resideInAPackage(PROJECTIONS)
            .should().dependOnClassesThat().resideInAPackage(API);

    @ArchTest
    static final ArchRule projectionsServeNoHttp = noClasses()
            .that().resideInAPackage(PROJECTIONS)
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "jakarta.servlet..");
}
