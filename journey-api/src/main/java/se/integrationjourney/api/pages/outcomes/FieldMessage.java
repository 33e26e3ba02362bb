package se.integrationjourney.api.pages.outcomes;

/**
 * What is wrong with one field of a form, as a message key and its arguments; the template resolves it in the
 * reader's language ({@code #messages.msgWithParams}).
 */
public record FieldMessage(String key, Object[] args) {

    static FieldMessage of(String key, Object... args) {
        return new FieldMessage(key, args);
    }
}
