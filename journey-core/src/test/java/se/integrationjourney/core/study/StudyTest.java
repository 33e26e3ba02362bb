package se.integrationjourney.core.study;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.integrationjourney.core.commands.RecordResearchExtract;
import se.integrationjourney.core.commands.Recorded;
import se.integrationjourney.core.commands.SaveStudy;
import se.integrationjourney.core.events.ResearchExtractMade;
import se.integrationjourney.core.events.StudyKind;
import se.integrationjourney.core.events.StudyQuery;
import se.integrationjourney.core.events.StudySaved;

/** The Study aggregate: saved once with everything it needs, never changed, and each research extract recorded. */
class StudyTest {

    private static final UUID STUDY = UUID.fromString("6a0b2c4d-8e1f-4a3b-9c5d-7e6f8a9b0c1d");
    private static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);
    private static final Instant KNOWN_AT = Instant.parse("2025-07-01T08:00:00Z");
    private static final String ANSWER = "{\"cohortYear\":2021,\"denominator\":3}";
    private static final String KEY = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    private static final StudyQuery TWO_YEARS = StudyQuery.twoYearsAfter(2021, "2580");

    private FixtureConfiguration<Study> fixture;

    @BeforeEach
    void createFixture() {
        fixture = new AggregateTestFixture<>(Study.class);
    }

    @Test
    void givenNothing_whenSaveStudy_thenStudySavedWithTheTitleStripped() {
        fixture.givenNoPriorActivity()
                .when(save("  Luleå 2021  ", TWO_YEARS))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayloadMatching(recordedAsVersion(0))
                .expectEvents(new StudySaved(STUDY, "Luleå 2021", TWO_YEARS, AS_OF, KNOWN_AT, ANSWER, "analyst", KEY));
    }

    @Test
    void givenNothing_whenSaveStudyOfTimeTo_thenStudySavedWithItsMilestone() {
        StudyQuery timeTo = StudyQuery.timeTo("EMPLOYMENT_STARTED", "ARRIVAL", 2020, 12, null);

        fixture.givenNoPriorActivity()
                .when(save("Arbete inom ett år", timeTo))
                .expectEvents(
                        new StudySaved(STUDY, "Arbete inom ett år", timeTo, AS_OF, KNOWN_AT, ANSWER, "analyst", KEY));
    }

    @Test
    void givenStudySaved_whenSaveStudyAgain_thenRefusedAndNothingRecorded() {
        fixture.given(saved())
                .when(save("Another title", TWO_YEARS))
                .expectException(StudyRefused.class)
                .expectNoEvents();
    }

    @Test
    void givenNothing_whenSaveStudyWithABlankOrLongTitle_thenRefused() {
        fixture.givenNoPriorActivity()
                .when(save("   ", TWO_YEARS))
                .expectException(StudyRefused.class)
                .expectExceptionMessage("title is required");
        createFixture();
        fixture.givenNoPriorActivity()
                .when(save("x".repeat(Study.MAX_TITLE + 1), TWO_YEARS))
                .expectException(StudyRefused.class)
                .expectNoEvents();
    }

    @Test
    void givenNothing_whenSaveStudyOfTimeToWithoutMilestone_thenRefused() {
        fixture.givenNoPriorActivity()
                .when(save("t", new StudyQuery(StudyKind.TIME_TO, 2020, null, null, "ARRIVAL", null)))
                .expectException(StudyRefused.class)
                .expectExceptionMessage("query.milestone is required for TIME_TO");
    }

    @Test
    void givenNothing_whenSaveStudyOfTwoYearsAfterWithAMilestone_thenRefused() {
        fixture.givenNoPriorActivity()
                .when(save("t", new StudyQuery(StudyKind.TWO_YEARS_AFTER, 2021, null, "HOUSING_SECURED", null, null)))
                .expectException(StudyRefused.class)
                .expectNoEvents();
    }

    @Test
    void givenNothing_whenSaveStudyWithAShortKey_thenRefused() {
        fixture.givenNoPriorActivity()
                .when(new SaveStudy(STUDY, "t", TWO_YEARS, AS_OF, KNOWN_AT, ANSWER, "analyst", "abc"))
                .expectException(StudyRefused.class)
                .expectNoEvents();
    }

    @Test
    void givenNothing_whenSaveStudyWithoutKnownAt_thenRefused() {
        fixture.givenNoPriorActivity()
                .when(new SaveStudy(STUDY, "t", TWO_YEARS, AS_OF, null, ANSWER, "analyst", KEY))
                .expectException(StudyRefused.class)
                .expectExceptionMessage("knownAt is required");
    }

    @Test
    void givenStudySaved_whenRecordResearchExtract_thenResearchExtractMade() {
        fixture.given(saved())
                .when(new RecordResearchExtract(STUDY, "researcher", 152))
                .expectResultMessagePayloadMatching(recordedAsVersion(1))
                .expectEvents(new ResearchExtractMade(STUDY, "researcher", 152));
    }

    @Test
    void givenStudySavedAndAnExtract_whenRecordResearchExtractAgain_thenEachExtractIsRecorded() {
        fixture.given(saved(), new ResearchExtractMade(STUDY, "researcher", 152))
                .when(new RecordResearchExtract(STUDY, "analyst", 152))
                .expectResultMessagePayloadMatching(recordedAsVersion(2))
                .expectEvents(new ResearchExtractMade(STUDY, "analyst", 152));
    }

    @Test
    void givenNothing_whenRecordResearchExtract_thenNoSuchStudy() {
        fixture.givenNoPriorActivity()
                .when(new RecordResearchExtract(STUDY, "researcher", 0))
                .expectException(AggregateNotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void givenStudySaved_whenRecordResearchExtractWithoutWho_thenRefused() {
        fixture.given(saved())
                .when(new RecordResearchExtract(STUDY, " ", 3))
                .expectException(StudyRefused.class)
                .expectNoEvents();
    }

    @Test
    void givenAStudySaved_whenPrinted_thenItsKeyIsNotInTheText() {
        org.assertj.core.api.Assertions.assertThat(saved().toString())
                .doesNotContain(KEY)
                .contains(STUDY.toString());
        org.assertj.core.api.Assertions.assertThat(save("t", TWO_YEARS).toString())
                .doesNotContain(KEY);
    }

    private static SaveStudy save(String title, StudyQuery query) {
        return new SaveStudy(STUDY, title, query, AS_OF, KNOWN_AT, ANSWER, "analyst", KEY);
    }

    private static StudySaved saved() {
        return new StudySaved(STUDY, "Luleå 2021", TWO_YEARS, AS_OF, KNOWN_AT, ANSWER, "analyst", KEY);
    }

    private static Matcher<Recorded> recordedAsVersion(long version) {
        return new TypeSafeMatcher<>(Recorded.class) {
            @Override
            protected boolean matchesSafely(Recorded recorded) {
                return recorded.version() == version && recorded.eventId() != null;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("Recorded as version " + version);
            }
        };
    }
}
