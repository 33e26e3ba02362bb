package se.integrationjourney.api.web;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Text that PostgreSQL can store. Its {@code text} and {@code json} columns refuse the NUL character, and an unpaired
 * UTF-16 surrogate has no UTF-8 form at all; such text stored in an event would be accepted by the event store
 * (payloads are bytes) and then refused by every view that writes it. So every string of every request is checked
 * here, at the edge, before anything is recorded.
 */
public final class StorableText {

    private StorableText() {}

    /** True if PostgreSQL can store {@code text}: no NUL, and every surrogate in a pair. */
    public static boolean isStorable(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** What a client is told about such text; it never quotes the text. */
    public static final String REFUSAL = "contains a character that cannot be stored (NUL or an unpaired surrogate)";

    /**
     * Reads a JSON string, and only a string: no number, boolean or object is turned into text (strict input), and
     * text that {@link #isStorable cannot be stored} is refused with {@link Unstorable}.
     */
    static final class Deserializer extends StdScalarDeserializer<String> {

        Deserializer() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (String) context.handleUnexpectedToken(String.class, parser);
            }
            String text = parser.getString();
            if (!isStorable(text)) {
                throw new Unstorable(parser);
            }
            return text;
        }
    }

    /** A string of the request that PostgreSQL could not store; carries no part of it. */
    public static final class Unstorable extends MismatchedInputException {

        Unstorable(JsonParser parser) {
            super(parser, "a string " + REFUSAL, String.class);
        }
    }
}
