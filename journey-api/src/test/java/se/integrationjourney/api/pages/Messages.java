package se.integrationjourney.api.pages;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;

/** The web application's texts as the tests read them, straight from the message files. */
public final class Messages {

    /** The message files' base names, as PagesConfiguration lists them. */
    static final List<String> BUNDLES = List.of(
            "messages",
            "messages/caseworker",
            "messages/caseload",
            "messages/milestones",
            "messages/rules",
            "messages/analyst",
            "messages/auditor",
            "messages/admin",
            "messages/studies",
            "messages/chain",
            "messages/subjectaccess",
            "messages/retention");

    private static final Properties SWEDISH = load("sv");
    private static final Properties ENGLISH = load("en");

    private Messages() {}

    public static String swedish(String key) {
        return text(SWEDISH, key);
    }

    public static String english(String key) {
        return text(ENGLISH, key);
    }

    static Properties load(String language) {
        Properties all = new Properties();
        for (String bundle : BUNDLES) {
            try (var in = Messages.class.getResourceAsStream("/" + bundle + "_" + language + ".properties")) {
                if (in != null) {
                    Properties one = new Properties();
                    one.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                    all.putAll(one);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return all;
    }

    private static String text(Properties texts, String key) {
        String text = texts.getProperty(key);
        if (text == null) {
            throw new IllegalArgumentException("no text " + key);
        }
        return text;
    }
}
