package se.integrationjourney.api.pages.outcomes;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import se.integrationjourney.api.municipalities.Municipalities;

/**
 * Reads an outcome form's fields as typed (GET parameters, so a link can be shared) and collects a message per
 * bad field; each reader returns {@code null} for a bad value, which is then never queried. Nothing typed is
 * logged or echoed anywhere but back into its own field.
 */
final class FormCheck {

    /** The municipality field's value for "all municipalities". */
    static final String ALL_MUNICIPALITIES = "";

    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,9}");
    private static final Pattern ISO_DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

    private final Map<String, FieldMessage> errors = new LinkedHashMap<>();

    /** A year from {@code first} to {@code last}, both included. */
    Integer year(String field, String text, int first, int last) {
        String typed = text == null ? "" : text.strip();
        if (typed.isEmpty()) {
            return refuse(field, FieldMessage.of("analyst.form.yearRequired", years(first), years(last)));
        }
        int year = DIGITS.matcher(typed).matches() ? Integer.parseInt(typed) : -1;
        if (year < first || year > last) {
            return refuse(field, FieldMessage.of("analyst.form.yearInvalid", years(first), years(last)));
        }
        return year;
    }

    /** A date as YYYY-MM-DD (ISO 8601, as the field's hint asks); blank gives {@code whenBlank}. */
    LocalDate date(String field, String text, LocalDate whenBlank) {
        String typed = text == null ? "" : text.strip();
        if (typed.isEmpty()) {
            return whenBlank;
        }
        if (ISO_DATE.matcher(typed).matches()) {
            try {
                return LocalDate.parse(typed);
            } catch (DateTimeException notADay) {
                // 2023-02-30 and the like: same message as any other malformed date
            }
        }
        return refuse(field, FieldMessage.of("analyst.form.invalidDate"));
    }

    /**
     * A municipality's SCB code, or {@link #ALL_MUNICIPALITIES} (blank) for all of them; a code that is not one of
     * Sweden's is refused rather than silently giving an empty cohort.
     */
    String municipality(String field, String text, Municipalities municipalities) {
        String typed = text == null ? "" : text.strip();
        if (typed.isEmpty()) {
            return ALL_MUNICIPALITIES;
        }
        if (!municipalities.exists(typed)) {
            return refuse(field, FieldMessage.of("analyst.form.unknownMunicipality"));
        }
        return typed;
    }

    /** One of {@code type}'s constants by name. */
    <E extends Enum<E>> E oneOf(String field, String text, Class<E> type) {
        if (text != null) {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(text.strip())) {
                    return constant;
                }
            }
        }
        return refuse(field, FieldMessage.of("analyst.form.chooseOne"));
    }

    boolean passed() {
        return errors.isEmpty();
    }

    Map<String, FieldMessage> errors() {
        return Collections.unmodifiableMap(errors);
    }

    /** A year as an argument of a message: text, so that no locale writes 2 000. */
    private static String years(int year) {
        return String.valueOf(year);
    }

    /** Records a message for a field the caller checks itself; {@code null}, as every reader's refusal. */
    <T> T refuse(String field, FieldMessage message) {
        errors.put(field, message);
        return null;
    }
}
