package se.integrationjourney.core.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import se.integrationjourney.core.journey.Rule;

/** Keeps docs/events.md in step with the code: every event and every rule code is described there. */
class EventCatalogueTest {

    private static final Path CATALOGUE = Path.of("../docs/events.md");

    @Test
    void everyEventIsInTheCatalogue() throws IOException {
        String catalogue = Files.readString(CATALOGUE);
        EventSamples.all()
                .keySet()
                .forEach(type ->
                        assertThat(catalogue).as("docs/events.md").contains("| `" + type.getSimpleName() + "` |"));
    }

    @Test
    void everyRuleCodeIsInTheCatalogue() throws IOException {
        String catalogue = Files.readString(CATALOGUE);
        for (Rule rule : Rule.values()) {
            assertThat(catalogue).as("docs/events.md").contains("| `" + rule.name() + "` |");
        }
    }
}
