package se.integrationjourney.api.pages.journeys;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import se.integrationjourney.api.municipalities.Municipalities;
import se.integrationjourney.core.events.MilestoneRetracted;
import se.integrationjourney.core.events.PersonalDetails;
import se.integrationjourney.projections.timeline.Timeline;

/**
 * The timeline as the journey page lists it: each event with its business date, when and by whom it was recorded,
 * what it said (its fields, labelled), and its retraction linked both ways.
 *
 * @param typeKey    the event's name, {@code milestone.<TYPE>}
 * @param recordedAt when it was recorded, in Swedish time
 * @param retracts   for a retraction: the event it struck
 * @param struckBy   for a struck event: its retraction
 */
public record TimelineRows(
        String eventId,
        String typeKey,
        LocalDate occurredOn,
        String recordedAt,
        String recordedBy,
        List<Fact> facts,
        String retracts,
        Timeline.Retraction struckBy,
        String struckAt,
        boolean retractable) {

    static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** Events that can never be retracted: the registration and the corrections. */
    private static final Set<String> NOT_RETRACTABLE =
            Set.of("NEWCOMER_REGISTERED", "MILESTONE_RETRACTED", "PERSONAL_DETAILS_CORRECTED");

    /** Fields not shown as facts: the journey itself and the business date, which have their own columns. */
    private static final Set<String> NOT_FACTS = Set.of("journeyId", "occurredOn", "retractedEventId");

    /**
     * One thing an event said.
     *
     * @param labelKey {@code field.<name>}
     * @param text     the value as text, when it is not one of {@code textKeys}
     * @param textKeys the value's labels ({@code enum.<Type>.<VALUE>}), for enums and sets of them
     */
    public record Fact(String labelKey, String text, List<String> textKeys) {}

    static List<TimelineRows> newestFirst(Timeline timeline, Municipalities municipalities) {
        List<TimelineRows> rows = new ArrayList<>();
        for (Timeline.Entry entry : timeline.entries()) {
            rows.add(row(entry, municipalities));
        }
        Collections.reverse(rows);
        return rows;
    }

    static String when(Instant instant) {
        return instant == null ? null : WHEN.format(instant.atZone(SWEDEN));
    }

    private static TimelineRows row(Timeline.Entry entry, Municipalities municipalities) {
        Object data = entry.data();
        return new TimelineRows(
                entry.eventId(),
                "milestone." + entry.type(),
                entry.occurredOn(),
                when(entry.recordedAt()),
                entry.recordedBy(),
                facts(data, municipalities),
                data instanceof MilestoneRetracted retraction ? retraction.retractedEventId() : null,
                entry.retractedBy(),
                entry.retractedBy() == null ? null : when(entry.retractedBy().recordedAt()),
                !entry.retracted() && !NOT_RETRACTABLE.contains(entry.type()));
    }

    private static List<Fact> facts(Object data, Municipalities municipalities) {
        List<Fact> facts = new ArrayList<>();
        if (data == null || !data.getClass().isRecord()) {
            return facts;
        }
        for (RecordComponent component : data.getClass().getRecordComponents()) {
            if (NOT_FACTS.contains(component.getName())) {
                continue;
            }
            Object value;
            try {
                value = component.getAccessor().invoke(data);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            if (value instanceof PersonalDetails details) {
                facts.add(new Fact("field.fullName", details.fullName(), null));
                if (details.personalIdentityNumber() != null) {
                    facts.add(new Fact("field.personalIdentityNumber", details.personalIdentityNumber(), null));
                }
            } else if (component.getName().equals("municipalityCode") && value instanceof String code) {
                facts.add(new Fact("field.municipalityCode", municipalities.nameOf(code) + " (" + code + ")", null));
            } else if (value != null) {
                facts.add(fact(component.getName(), value));
            }
        }
        return facts;
    }

    private static Fact fact(String name, Object value) {
        String label = "field." + name;
        if (value instanceof Enum<?> constant) {
            return new Fact(label, null, List.of(key(constant)));
        }
        if (value instanceof Collection<?> values
                && !values.isEmpty()
                && values.iterator().next() instanceof Enum<?>) {
            return new Fact(
                    label, null, values.stream().map(one -> key((Enum<?>) one)).collect(Collectors.toList()));
        }
        return new Fact(label, String.valueOf(value), null);
    }

    private static String key(Enum<?> constant) {
        return "enum." + constant.getDeclaringClass().getSimpleName() + "." + constant.name();
    }
}
