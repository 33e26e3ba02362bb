package se.integrationjourney.api.pages.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import se.integrationjourney.api.accesslog.AccessAction;
import se.integrationjourney.api.pages.Messages;
import se.integrationjourney.api.pages.timeline.TimelineViews;
import se.integrationjourney.core.events.JourneyEvent;
import se.integrationjourney.core.events.PersonalDetails;
import se.integrationjourney.projections.timeline.TimelineQueries;

/**
 * Every event type the journey can record, every field it has and every value of a fixed set it can hold has its
 * Swedish and English label on the audit page: the page reads events generically, so a new one is caught here.
 */
class AuditLabelsTest {

    @Test
    void givenEveryEventType_whenLookingUpItsLabels_thenTypeFieldsAndValuesHaveTextsInBothLanguages() {
        List<String> keys = new ArrayList<>();
        for (Class<?> event : eventTypes(JourneyEvent.class)) {
            String type = TimelineQueries.typeOf(event);
            keys.add(TimelineViews.typeKey(type));
            for (RecordComponent component : event.getRecordComponents()) {
                if (TimelineViews.SHOWN_ELSEWHERE.contains(component.getName())) {
                    continue;
                }
                if (component.getType() == PersonalDetails.class) {
                    keys.add("field.fullName");
                    keys.add("field.personalIdentityNumber");
                    continue;
                }
                keys.add(TimelineViews.fieldKey(type, component.getName()));
                Class<?> valueType = valueType(component);
                if (valueType.isEnum()) {
                    for (Object constant : valueType.getEnumConstants()) {
                        keys.add(TimelineViews.valueKey((Enum<?>) constant));
                    }
                }
            }
        }
        for (AccessAction action : AccessAction.values()) {
            keys.add("audit.action." + action.name());
        }

        assertThat(keys).hasSizeGreaterThan(100);
        Set<String> missing = new TreeSet<>();
        for (String key : keys) {
            try {
                Messages.swedish(key);
                Messages.english(key);
            } catch (IllegalArgumentException noText) {
                missing.add(key);
            }
        }
        assertThat(missing).as("labels without a text in both languages").isEmpty();
    }

    /** The records a sealed event interface permits, through its sealed sub-interfaces. */
    private static List<Class<?>> eventTypes(Class<?> sealed) {
        List<Class<?>> types = new ArrayList<>();
        for (Class<?> permitted : sealed.getPermittedSubclasses()) {
            if (permitted.isRecord()) {
                types.add(permitted);
            } else {
                types.addAll(eventTypes(permitted));
            }
        }
        return types;
    }

    /** The component's type, or the element type of a collection. */
    private static Class<?> valueType(RecordComponent component) {
        Type generic = component.getGenericType();
        if (generic instanceof ParameterizedType parameterized
                && parameterized.getActualTypeArguments()[0] instanceof Class<?> element) {
            return element;
        }
        return component.getType();
    }
}
