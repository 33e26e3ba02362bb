package se.integrationjourney.api.pages.journeys;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import se.integrationjourney.core.journey.JourneyRuleViolation;

/**
 * What every journey form shows when something is wrong: the problems in the page's language, each at its field
 * (or, with no field, at the top: key {@code ""}), and a summary linking to them.
 */
@Component
class Forms {

    /** The key under which a problem of the whole form is kept. */
    static final String WHOLE_FORM = "";

    private final MessageSource messages;

    Forms(MessageSource messages) {
        this.messages = messages;
    }

    /** The problems, as texts by field, for the model's {@code problems}. */
    Map<String, String> texts(Map<String, RecordForms.FieldError> errors) {
        Map<String, String> texts = new LinkedHashMap<>();
        errors.forEach((field, error) -> texts.put(field, text(error.key(), error.arguments())));
        return texts;
    }

    /** The broken rule at the field it concerns among {@code fields}, or at the top. */
    Map<String, String> ruleBroken(JourneyRuleViolation violation, Collection<String> fields) {
        String field = RuleFields.fieldFor(violation.rule(), fields);
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put(
                field == null ? WHOLE_FORM : field,
                text("rule." + violation.rule().name()));
        return texts;
    }

    void show(Model model, Map<String, String> problems) {
        model.addAttribute("problems", problems);
    }

    String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }

    /** The journey version a form was opened at, or null if the form does not carry a readable one. */
    static Long version(String text) {
        try {
            return text == null ? null : Long.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
