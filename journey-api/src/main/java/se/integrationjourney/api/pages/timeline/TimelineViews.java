package se.integrationjourney.api.pages.timeline;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.stereotype.Component;
import se.integrationjourney.api.accesslog.AccessEntry;
import se.integrationjourney.api.municipalities.Municipalities;
import se.integrationjourney.api.security.Role;
import se.integrationjourney.core.events.JourneyClosed;
import se.integrationjourney.core.events.JourneyReopened;
import se.integrationjourney.core.events.MilestoneRetracted;
import se.integrationjourney.core.events.NewcomerRegistered;
import se.integrationjourney.core.events.PersonalDetails;
import se.integrationjourney.core.events.PersonalDetailsCorrected;
import se.integrationjourney.core.journey.Retractions;
import se.integrationjourney.projections.timeline.Timeline;

/**
 * Turns a journey's timeline and its reads into what the auditor's case page and the caseworker's journey page show. Every event is a record, so its fields
 * are read generically: a new event type or field shows up on the page with no change here, and
 * {@code AuditLabelsTest} fails until it has a label in both languages.
 */
@Component
public class TimelineViews {

    /** Municipal staff read times in Swedish time, whatever the server's zone. */
    public static final ZoneId SWEDISH_TIME = ZoneId.of("Europe/Stockholm");

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** Fields shown in their own column, or as the link between a retraction and what it struck. */
    public static final Set<String> SHOWN_ELSEWHERE = Set.of("journeyId", "occurredOn", "retractedEventId");

    /** Field names that mean different things in different events. */
    private static final Map<String, String> LABEL_BY_TYPE = Map.of(
            "SFI_LEVEL_REACHED.level", "field.sfiLevel",
            "STUDIES_STARTED.level", "field.studyLevel");

    private static final String NONE = "audit.value.none";

    private final Municipalities municipalities;

    public TimelineViews(Municipalities municipalities) {
        this.municipalities = municipalities;
    }

    public TimelineView.Case caseOf(Timeline timeline, Locale locale) {
        Map<String, Timeline.Entry> byId = new HashMap<>();
        timeline.entries().forEach(entry -> byId.put(entry.eventId(), entry));
        PersonalDetails details = new PersonalDetails(null, null);
        LocalDate arrival = null;
        boolean closed = false;
        List<TimelineView.Entry> entries = new ArrayList<>();
        for (Timeline.Entry entry : timeline.entries()) {
            List<TimelineView.Detail> shown = new ArrayList<>();
            TimelineView.Retracts retracts = null;
            if (entry.data() instanceof PersonalDetailsCorrected correction) {
                shown.addAll(correction(details, correction.personalDetails()));
                details = correction.personalDetails();
            } else {
                shown.addAll(fieldsOf(entry.type(), entry.data(), locale));
            }
            if (entry.data() instanceof NewcomerRegistered registration) {
                details = registration.personalDetails();
                arrival = registration.occurredOn();
            } else if (entry.data() instanceof MilestoneRetracted retraction) {
                Timeline.Entry struck = byId.get(retraction.retractedEventId());
                if (struck != null) {
                    retracts = new TimelineView.Retracts(
                            anchor(struck.eventId()), struck.sequence(), typeKey(struck.type()), date(struck));
                }
            } else if (!entry.retracted() && entry.data() instanceof JourneyClosed) {
                closed = true;
            } else if (!entry.retracted() && entry.data() instanceof JourneyReopened) {
                closed = false;
            }
            Timeline.Retraction retraction = entry.retractedBy();
            entries.add(new TimelineView.Entry(
                    entry.eventId(),
                    !entry.retracted() && Retractions.canBeRetracted(entry.data()),
                    anchor(entry.eventId()),
                    entry.sequence(),
                    typeKey(entry.type()),
                    date(entry),
                    dateTime(entry.recordedAt()),
                    entry.recordedBy(),
                    shown,
                    retraction == null
                            ? null
                            : new TimelineView.Struck(
                                    anchor(retraction.eventId()),
                                    dateTime(retraction.recordedAt()),
                                    retraction.recordedBy(),
                                    retraction.reason()),
                    retracts));
        }
        return new TimelineView.Case(
                timeline.journeyId(),
                details.fullName(),
                identityNumber(details.personalIdentityNumber()),
                municipality(timeline.municipalityCode()),
                arrival == null ? null : arrival.toString(),
                closed,
                entries);
    }

    public List<TimelineView.Read> readsOf(List<AccessEntry> reads) {
        return reads.stream()
                .map(read -> new TimelineView.Read(
                        dateTime(read.at()),
                        read.username(),
                        roles(read.roles()),
                        "audit.action." + read.action().name(),
                        read.resource(),
                        read.correlationId()))
                .toList();
    }

    /** An account's entries, newest first, as the auditor's page of an account shows them. */
    public List<TimelineView.AccountEntry> entriesOf(List<AccessEntry> entries) {
        return entries.stream()
                .map(entry -> new TimelineView.AccountEntry(
                        dateTime(entry.at()),
                        "audit.kind." + entry.action().kind().name(),
                        "audit.action." + entry.action().name(),
                        roles(entry.roles()),
                        entry.resource(),
                        entry.journeyIds(),
                        entry.subject(),
                        entry.correlationId()))
                .toList();
    }

    /** The message key of an event type's name, e.g. {@code milestone.HOUSING_SECURED}. */
    public static String typeKey(String type) {
        return "milestone." + type;
    }

    /** The message key of a field's label in an event of {@code type}. */
    public static String fieldKey(String type, String field) {
        return LABEL_BY_TYPE.getOrDefault(type + "." + field, "field." + field);
    }

    /** The message key of one value of a fixed set, e.g. {@code enum.Tenure.FIRST_HAND}. */
    public static String valueKey(Enum<?> value) {
        return "enum." + value.getDeclaringClass().getSimpleName() + "." + value.name();
    }

    /** YYYYMMDD-NNNN, as people read it; null stays null. */
    public static String identityNumber(String twelveDigits) {
        return twelveDigits == null || twelveDigits.length() != 12
                ? twelveDigits
                : twelveDigits.substring(0, 8) + "-" + twelveDigits.substring(8);
    }

    public static String dateTime(Instant instant) {
        return instant == null ? null : DATE_TIME.format(instant.atZone(SWEDISH_TIME));
    }

    public String municipality(String code) {
        String name = municipalities.nameOf(code);
        return Objects.equals(name, code) ? code : name + " (" + code + ")";
    }

    private List<TimelineView.Detail> fieldsOf(String type, Object event, Locale locale) {
        List<TimelineView.Detail> shown = new ArrayList<>();
        if (!event.getClass().isRecord()) {
            return shown;
        }
        for (RecordComponent component : event.getClass().getRecordComponents()) {
            String name = component.getName();
            if (SHOWN_ELSEWHERE.contains(name)) {
                continue;
            }
            Object value = read(component, event);
            if (value instanceof PersonalDetails personal) {
                shown.add(detail("field.fullName", personal.fullName()));
                shown.add(detail("field.personalIdentityNumber", identityNumber(personal.personalIdentityNumber())));
            } else {
                shown.add(new TimelineView.Detail(fieldKey(type, name), values(name, value, locale), null));
            }
        }
        return shown;
    }

    /** A correction as what it changed: old → new where a value changed, the value alone where it did not. */
    private static List<TimelineView.Detail> correction(PersonalDetails before, PersonalDetails after) {
        return List.of(
                changed("field.fullName", before.fullName(), after.fullName()),
                changed(
                        "field.personalIdentityNumber",
                        identityNumber(before.personalIdentityNumber()),
                        identityNumber(after.personalIdentityNumber())));
    }

    private static TimelineView.Detail changed(String label, String before, String after) {
        return new TimelineView.Detail(
                label, List.of(textOrNone(after)), Objects.equals(before, after) ? null : List.of(textOrNone(before)));
    }

    private static TimelineView.Detail detail(String label, String text) {
        return new TimelineView.Detail(label, List.of(textOrNone(text)), null);
    }

    private static TimelineView.Value textOrNone(String text) {
        return text == null || text.isBlank() ? TimelineView.Value.message(NONE) : TimelineView.Value.text(text);
    }

    private List<TimelineView.Value> values(String field, Object value, Locale locale) {
        if (value == null) {
            return List.of(TimelineView.Value.message(NONE));
        }
        if (value instanceof Collection<?> many) {
            List<TimelineView.Value> all = new ArrayList<>();
            many.stream()
                    .sorted(Comparator.comparing(
                            one -> one instanceof Enum<?> constant ? constant.ordinal() : 0)) // declared order
                    .forEach(one -> all.addAll(values(field, one, locale)));
            return all.isEmpty() ? List.of(TimelineView.Value.message(NONE)) : all;
        }
        if (value instanceof Enum<?> constant) {
            return List.of(TimelineView.Value.message(valueKey(constant)));
        }
        if (value instanceof BigDecimal number) {
            return List.of(TimelineView.Value.text(
                    NumberFormat.getNumberInstance(locale).format(number)));
        }
        if (field.equals("municipalityCode")) {
            return List.of(TimelineView.Value.text(municipality(value.toString())));
        }
        if (field.equals("countryOfBirth")) {
            return List.of(TimelineView.Value.text(country(value.toString(), locale)));
        }
        return List.of(textOrNone(value.toString()));
    }

    /** "Syrien (SY)": the country's name in the reader's language, with the code as recorded. */
    private static String country(String code, Locale locale) {
        try {
            String name = new Locale.Builder().setRegion(code).build().getDisplayCountry(locale);
            return name.isBlank() || name.equals(code) ? code : name + " (" + code + ")";
        } catch (IllformedLocaleException notARegion) {
            return code;
        }
    }

    private static List<TimelineView.Value> roles(String recorded) {
        if (recorded == null || recorded.isBlank()) {
            return List.of(TimelineView.Value.message("audit.reads.rolesUnknown"));
        }
        List<TimelineView.Value> roles = new ArrayList<>();
        for (String role : recorded.split(",")) {
            boolean known = java.util.Arrays.stream(Role.values())
                    .anyMatch(r -> r.name().equals(role.strip()));
            roles.add(
                    known ? TimelineView.Value.message("role." + role.strip()) : TimelineView.Value.text(role.strip()));
        }
        return roles;
    }

    private static String date(Timeline.Entry entry) {
        return entry.occurredOn() == null ? null : entry.occurredOn().toString();
    }

    /** The entry's id on the page: the event id, kept to the characters an HTML id and a URL fragment take as they are. */
    private static String anchor(String eventId) {
        return "event-" + eventId.replaceAll("[^A-Za-z0-9-]", "");
    }

    private static Object read(RecordComponent component, Object event) {
        try {
            return component.getAccessor().invoke(event);
        } catch (IllegalAccessException | InvocationTargetException unreadable) {
            throw new IllegalStateException(
                    "cannot read " + component.getName() + " of "
                            + event.getClass().getSimpleName(),
                    unreadable);
        }
    }
}
