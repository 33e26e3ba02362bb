package se.integrationjourney.api.pages.journeys;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.util.MultiValueMap;
import se.integrationjourney.api.journeys.MilestoneRequest;
import se.integrationjourney.api.web.StorableText;

/**
 * Forms read off request records (the JSON API's {@link MilestoneRequest}s, the registration's): a field per record
 * component, its kind from the component's type, required where the request requires it (Jakarta constraints on the
 * component). Deriving them keeps the pages and the API in step: a field added to a request is on its form, and a
 * test checks that its label exists. What is typed is read field by field, so each problem is shown at its field.
 */
public final class RecordForms {

    private RecordForms() {}

    public enum Kind {
        DATE,
        WHOLE_NUMBER,
        DECIMAL,
        TEXT,
        LONG_TEXT,
        CASEWORKER,
        CHOICE,
        CHOICES
    }

    /**
     * One field of a milestone form.
     *
     * @param name     the request's component name, also the form parameter's
     * @param options  an enum's constants, for {@link Kind#CHOICE} and {@link Kind#CHOICES}
     * @param enumName the enum's simple name, which its labels' keys start with
     */
    public record Field(
            String name, Kind kind, boolean required, int maxLength, List<String> options, String enumName) {
        public String labelKey() {
            return "field." + name;
        }
    }

    /** The fields of {@code request}'s form, in the record's order. */
    static List<Field> fields(Class<?> request) {
        List<Field> fields = new ArrayList<>();
        for (RecordComponent component : request.getRecordComponents()) {
            fields.add(field(request, component));
        }
        return fields;
    }

    private static Field field(Class<?> request, RecordComponent component) {
        java.lang.reflect.Field declared;
        try {
            declared = request.getDeclaredField(component.getName());
        } catch (NoSuchFieldException impossible) {
            throw new IllegalStateException(impossible);
        }
        boolean required = declared.isAnnotationPresent(NotNull.class)
                || declared.isAnnotationPresent(NotBlank.class)
                || declared.isAnnotationPresent(NotEmpty.class);
        Size size = declared.getAnnotation(Size.class);
        int maxLength = size == null ? 0 : size.max();
        Class<?> type = component.getType();
        String name = component.getName();
        if (type == LocalDate.class) {
            return new Field(name, Kind.DATE, required, 0, List.of(), null);
        }
        if (type == Integer.class || type == int.class) {
            return new Field(name, Kind.WHOLE_NUMBER, required, 0, List.of(), null);
        }
        if (type == BigDecimal.class) {
            return new Field(name, Kind.DECIMAL, required, 0, List.of(), null);
        }
        if (type.isEnum()) {
            return new Field(name, Kind.CHOICE, required, 0, constants(type), type.getSimpleName());
        }
        if (type == Set.class) {
            Class<?> element = (Class<?>) ((ParameterizedType) component.getGenericType()).getActualTypeArguments()[0];
            return new Field(name, Kind.CHOICES, required, 0, constants(element), element.getSimpleName());
        }
        if (name.equals("caseworkerId")) {
            return new Field(name, Kind.CASEWORKER, required, maxLength, List.of(), null);
        }
        Kind text = maxLength >= MilestoneRequest.MAX_TEXT ? Kind.LONG_TEXT : Kind.TEXT;
        return new Field(name, text, required, maxLength, List.of(), null);
    }

    private static List<String> constants(Class<?> enumType) {
        return Arrays.stream(enumType.getEnumConstants())
                .map(constant -> ((Enum<?>) constant).name())
                .toList();
    }

    /**
     * What was typed, read field by field into the request's types, with the fields that could not be read or are
     * missing: a message key per field.
     */
    static Parsed parse(Class<?> type, MultiValueMap<String, String> form) {
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, FieldError> errors = new LinkedHashMap<>();
        for (Field field : fields(type)) {
            List<String> typed = Optional.ofNullable(form.get(field.name())).orElse(List.of()).stream()
                    .filter(value -> value != null && !value.isBlank())
                    .toList();
            if (typed.stream().anyMatch(value -> !StorableText.isStorable(value))) {
                errors.put(field.name(), new FieldError("form.unstorable"));
                continue;
            }
            if (typed.isEmpty()) {
                if (field.required()) {
                    errors.put(field.name(), new FieldError("form.required"));
                }
                continue;
            }
            String value = typed.get(0).strip();
            switch (field.kind()) {
                case DATE -> {
                    try {
                        values.put(field.name(), LocalDate.parse(value));
                    } catch (DateTimeParseException e) {
                        errors.put(field.name(), new FieldError("form.invalidDate"));
                    }
                }
                case WHOLE_NUMBER -> {
                    try {
                        values.put(field.name(), Integer.valueOf(value));
                    } catch (NumberFormatException e) {
                        errors.put(field.name(), new FieldError("form.invalidNumber"));
                    }
                }
                case DECIMAL -> {
                    try {
                        values.put(field.name(), new BigDecimal(value.replace(',', '.')));
                    } catch (NumberFormatException e) {
                        errors.put(field.name(), new FieldError("form.invalidDecimal"));
                    }
                }
                case CHOICE -> {
                    if (field.options().contains(value)) {
                        values.put(field.name(), constant(type, field, value));
                    } else {
                        errors.put(field.name(), new FieldError("form.invalidChoice"));
                    }
                }
                case CHOICES -> {
                    Set<String> chosen = new LinkedHashSet<>(typed);
                    if (field.options().containsAll(chosen)) {
                        Set<Object> constants = new LinkedHashSet<>();
                        chosen.forEach(one -> constants.add(constant(type, field, one)));
                        values.put(field.name(), constants);
                    } else {
                        errors.put(field.name(), new FieldError("form.invalidChoice"));
                    }
                }
                case TEXT, LONG_TEXT, CASEWORKER -> {
                    if (field.maxLength() > 0 && value.length() > field.maxLength()) {
                        errors.put(field.name(), new FieldError("form.tooLong", field.maxLength()));
                    } else {
                        values.put(field.name(), value);
                    }
                }
            }
        }
        return new Parsed(values, errors);
    }

    /** The record made of the values a parse without errors gave. */
    static <T> T construct(Class<T> request, Map<String, Object> values) {
        RecordComponent[] components = request.getRecordComponents();
        Object[] arguments = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            arguments[i] = values.get(components[i].getName());
            types[i] = components[i].getType();
        }
        try {
            var constructor = request.getDeclaredConstructor(types);
            constructor.setAccessible(true);
            return constructor.newInstance(arguments);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make " + request.getSimpleName() + " from its form", e);
        }
    }

    private static Object constant(Class<?> type, Field field, String value) {
        for (RecordComponent component : type.getRecordComponents()) {
            if (component.getName().equals(field.name())) {
                Class<?> enumType = component.getType().isEnum()
                        ? component.getType()
                        : (Class<?>) ((ParameterizedType) component.getGenericType()).getActualTypeArguments()[0];
                for (Object constant : enumType.getEnumConstants()) {
                    if (((Enum<?>) constant).name().equals(value)) {
                        return constant;
                    }
                }
            }
        }
        throw new IllegalArgumentException(value);
    }

    /** A field's problem: a message key and its arguments. */
    record FieldError(String key, Object... arguments) {}

    record Parsed(Map<String, Object> values, Map<String, FieldError> errors) {}
}
