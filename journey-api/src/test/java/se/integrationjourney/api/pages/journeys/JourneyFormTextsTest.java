package se.integrationjourney.api.pages.journeys;

import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.integrationjourney.api.journeys.RegisterJourneyRequest;
import se.integrationjourney.api.pages.Messages;
import se.integrationjourney.core.journey.Rule;
import se.integrationjourney.projections.timeline.TimelineQueries;

/**
 * The forms are read off the request records, so a field or value added to the API appears on a page: each must
 * then have its text in both languages, as must every milestone type, event type and rule.
 */
class JourneyFormTextsTest {

    @Test
    void givenEveryFormOfTheJourneyPages_whenListingTheirTexts_thenEachExistsInSwedishAndEnglish() {
        List<String> keys = new ArrayList<>();
        List<Class<?>> forms =
                new ArrayList<>(List.of(RegistrationForm.class, RegisterJourneyRequest.PersonalDetailsRequest.class));
        for (String type : MilestoneTypes.names()) {
            keys.add("milestone." + type);
            forms.add(MilestoneTypes.request(type));
        }
        for (Class<?> form : forms) {
            for (RecordForms.Field field : RecordForms.fields(form)) {
                keys.add(field.labelKey());
                field.options().forEach(option -> keys.add("enum." + field.enumName() + "." + option));
            }
        }
        for (Rule rule : Rule.values()) {
            keys.add("rule." + rule.name());
        }
        for (Class<?> event : List.of(
                se.integrationjourney.core.events.NewcomerRegistered.class,
                se.integrationjourney.core.events.MilestoneRetracted.class,
                se.integrationjourney.core.events.PersonalDetailsCorrected.class)) {
            keys.add("milestone." + TimelineQueries.typeOf(event));
        }

        for (String key : keys) {
            assertThatCode(() -> Messages.swedish(key)).as(key).doesNotThrowAnyException();
            assertThatCode(() -> Messages.english(key)).as(key).doesNotThrowAnyException();
        }
    }
}
