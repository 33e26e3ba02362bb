package se.integrationjourney.api.projections;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import se.integrationjourney.core.commands.RecordHousingSecured;
import se.integrationjourney.core.commands.Recorded;
import se.integrationjourney.core.commands.RegisterNewcomer;
import se.integrationjourney.core.commands.RetractMilestone;
import se.integrationjourney.core.events.EducationLevel;
import se.integrationjourney.core.events.Gender;
import se.integrationjourney.core.events.HousingSecured;
import se.integrationjourney.core.events.PersonalDetails;
import se.integrationjourney.core.events.ReceptionType;
import se.integrationjourney.core.events.Tenure;
import se.integrationjourney.projections.timeline.FindTimeline;
import se.integrationjourney.projections.timeline.Timeline;
import se.integrationjourney.projections.timeline.TimelineQueries;

@SpringBootTest
class TimelineTest {

    @Autowired
    CommandGateway commands;

    @Autowired
    TimelineQueries timelines;

    @Test
    void givenARetractedMilestone_whenTheTimelineIsRead_thenBothAreThereInOrderAndLinked() {
        UUID journey = UUID.randomUUID();
        LocalDate arrival = LocalDate.of(2024, 2, 1);
        commands.sendAndWait(new RegisterNewcomer(
                journey,
                arrival,
                "1473",
                ReceptionType.OWN_ARRANGEMENT,
                1992,
                Gender.OTHER,
                "AF",
                EducationLevel.NONE,
                new PersonalDetails("ሰላም Tesfay", null)));
        Recorded housing =
                commands.sendAndWait(new RecordHousingSecured(journey, 0L, arrival.plusDays(3), Tenure.LODGER));
        Recorded retraction = commands.sendAndWait(
                new RetractMilestone(journey, 1L, housing.eventId(), "recorded on the wrong journey"));

        Timeline timeline = timelines.handle(new FindTimeline(journey)).orElseThrow();

        assertThat(timeline.municipalityCode()).isEqualTo("1473");
        assertThat(timeline.entries())
                .extracting(Timeline.Entry::type)
                .containsExactly("NEWCOMER_REGISTERED", "HOUSING_SECURED", "MILESTONE_RETRACTED");
        assertThat(timeline.entries()).extracting(Timeline.Entry::sequence).containsExactly(0L, 1L, 2L);
        Timeline.Entry retracted = timeline.entries().get(1);
        assertThat(retracted.eventId()).isEqualTo(housing.eventId());
        assertThat(retracted.occurredOn()).isEqualTo(arrival.plusDays(3));
        assertThat(retracted.data()).isEqualTo(new HousingSecured(journey, arrival.plusDays(3), Tenure.LODGER));
        assertThat(retracted.retracted()).isTrue();
        assertThat(retracted.retractedBy().eventId()).isEqualTo(retraction.eventId());
        assertThat(retracted.retractedBy().reason()).isEqualTo("recorded on the wrong journey");
        assertThat(retracted.recordedAt())
                .isBeforeOrEqualTo(retracted.retractedBy().recordedAt());
        assertThat(timeline.entries().get(0).retracted()).isFalse();
        assertThat(timeline.entries().get(2).occurredOn()).isNull();
    }

    @Test
    void givenAnUnknownJourney_whenTheTimelineIsRead_thenThereIsNone() {
        assertThat(timelines.handle(new FindTimeline(UUID.randomUUID()))).isEmpty();
    }

    @Test
    void everyEventTypeIsNamedAsTheContractNamesItsMilestone() {
        assertThat(TimelineQueries.typeOf(se.integrationjourney.core.events.SfiLevelReached.class))
                .isEqualTo("SFI_LEVEL_REACHED");
        assertThat(TimelineQueries.typeOf(se.integrationjourney.core.events.CivicOrientationCompleted.class))
                .isEqualTo("CIVIC_ORIENTATION_COMPLETED");
        assertThat(TimelineQueries.typeOf(se.integrationjourney.core.events.NewcomerRegistered.class))
                .isEqualTo("NEWCOMER_REGISTERED");
    }
}
