package se.integrationjourney.api.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every text exists in Swedish and in English, and every text a page names exists. */
class MessagesTest {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Pattern KEY_IN_TEMPLATE = Pattern.compile("#\\{([A-Za-z0-9_.]+)");

    @Test
    void givenTheMessageFiles_whenComparingLanguages_thenEachKeyIsInBoth() {
        Properties swedish = Messages.load("sv");
        Properties english = Messages.load("en");

        assertThat(missing(swedish, english))
                .as("in Swedish but not in English")
                .isEmpty();
        assertThat(missing(english, swedish))
                .as("in English but not in Swedish")
                .isEmpty();
        assertThat(swedish.values())
                .as("no empty text")
                .noneMatch(text -> text.toString().isBlank());
    }

    @Test
    void givenTheTemplates_whenReadingTheirKeys_thenEachHasATextInBothLanguages() throws IOException {
        Properties swedish = Messages.load("sv");
        Properties english = Messages.load("en");
        Set<String> used = new TreeSet<>();
        try (Stream<Path> templates = Files.walk(TEMPLATES)) {
            for (Path template :
                    templates.filter(path -> path.toString().endsWith(".html")).toList()) {
                Matcher key = KEY_IN_TEMPLATE.matcher(Files.readString(template));
                while (key.find()) {
                    used.add(key.group(1));
                }
            }
        }

        assertThat(used).isNotEmpty();
        assertThat(used.stream().filter(key -> !swedish.containsKey(key) || !english.containsKey(key)))
                .as("keys used by templates without a text in both languages")
                .isEmpty();
    }

    private static Set<String> missing(Properties from, Properties in) {
        Set<String> missing = new TreeSet<>();
        for (Object key : from.keySet()) {
            if (!in.containsKey(key)) {
                missing.add(key.toString());
            }
        }
        return missing;
    }
}
