package se.integrationjourney.api.subjectaccess;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import se.integrationjourney.api.accesslog.AccessAction;
import se.integrationjourney.api.accesslog.AccessEntry;
import se.integrationjourney.api.accesslog.AccessLog;
import se.integrationjourney.api.accesslog.AccessLogQueries;
import se.integrationjourney.api.journeys.JourneyService;
import se.integrationjourney.api.municipalities.Municipalities;
import se.integrationjourney.api.retention.RetentionSettings;
import se.integrationjourney.api.security.JourneyUser;
import se.integrationjourney.core.events.NewcomerRegistered;
import se.integrationjourney.core.events.PersonalDetails;
import se.integrationjourney.core.events.PersonalDetailsCorrected;
import se.integrationjourney.projections.journeystate.FindJourneyState;
import se.integrationjourney.projections.journeystate.JourneyMatch;
import se.integrationjourney.projections.journeystate.JourneyStateQueries;
import se.integrationjourney.projections.timeline.FindTimeline;
import se.integrationjourney.projections.timeline.Timeline;
import se.integrationjourney.projections.timeline.TimelineQueries;

/**
 * Subject access (registerutdrag): everything the service has recorded about one person, for the API and the web
 * application alike. The person's journeys are found by identity number as the auditor's lookup finds them
 * ({@link JourneyService#withPersonalIdentityNumber}); each journey's timeline is read from the event store, its state
 * from the journey-state view, and its readers from the access log.
 *
 * <p>The export and its access-log entry are one transaction: the entry (naming every journey in the export, never
 * the number asked for) is written first, so the export lists itself among each journey's reads, and an export that
 * could not be made leaves no entry. Nothing leaves the service unrecorded.
 */
@Component
public class SubjectAccess {

    /** What the person is told besides their data (GDPR art. 15(1) a-h), in this order. */
    enum Topic {
        CONTROLLER,
        PURPOSES,
        LEGAL_BASIS,
        CATEGORIES,
        RECIPIENTS,
        RETENTION,
        SOURCE,
        RIGHTS,
        AUTOMATED_DECISIONS
    }

    static final Locale SWEDISH = Locale.forLanguageTag("sv");

    private final JourneyService journeys;
    private final TimelineQueries timelines;
    private final JourneyStateQueries states;
    private final AccessLog accessLog;
    private final AccessLogQueries accessLogQueries;
    private final Municipalities municipalities;
    private final RetentionSettings retention;
    private final MessageSource messages;
    private final TransactionTemplate transaction;
    private final Clock clock;

    SubjectAccess(
            JourneyService journeys,
            TimelineQueries timelines,
            JourneyStateQueries states,
            AccessLog accessLog,
            AccessLogQueries accessLogQueries,
            Municipalities municipalities,
            RetentionSettings retention,
            MessageSource messages,
            TransactionTemplate transaction,
            Clock clock) {
        this.journeys = journeys;
        this.timelines = timelines;
        this.states = states;
        this.accessLog = accessLog;
        this.accessLogQueries = accessLogQueries;
        this.municipalities = municipalities;
        this.retention = retention;
        this.messages = messages;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * An export and what it was made from, for the readable page.
     *
     * @param timelines each journey's, by journey id
     * @param reads     each journey's access-log entries, by journey id, newest first
     */
    public record Made(SubjectAccessExport export, Map<UUID, Timeline> timelines, Map<UUID, List<AccessEntry>> reads) {}

    /**
     * Exports everything recorded about the person with this identity number, recorded in the access log as
     * {@code user}'s {@code resource}.
     *
     * @param normalisedNumber 12 digits, as the core normalises them (the callers read what people type)
     */
    public Made export(JourneyUser user, String normalisedNumber, String resource) {
        return transaction.execute(status -> {
            List<JourneyMatch> matches = journeys.withPersonalIdentityNumber(normalisedNumber);
            Map<UUID, Timeline> found = new LinkedHashMap<>();
            for (JourneyMatch match : matches) {
                // A journey the view knows is in the event store; a timeline that is not is no journey of the person.
                timelines.handle(new FindTimeline(match.journeyId())).ifPresent(t -> found.put(t.journeyId(), t));
            }
            accessLog.journeysReadFor(user.actor(), AccessAction.SUBJECT_ACCESS_EXPORT, resource, found.keySet(), null);
            List<SubjectAccessExport.Journey> exported = new ArrayList<>();
            Map<UUID, List<AccessEntry>> reads = new LinkedHashMap<>();
            for (Timeline timeline : found.values()) {
                List<AccessEntry> readsOf = accessLogQueries.readsOf(timeline.journeyId());
                reads.put(timeline.journeyId(), readsOf);
                exported.add(journey(timeline, readsOf));
            }
            return new Made(
                    new SubjectAccessExport(
                            clock.instant().truncatedTo(ChronoUnit.MILLIS),
                            user.username(),
                            exported.size(),
                            exported,
                            information()),
                    found,
                    reads);
        });
    }

    /** What the person is told besides their data, in both languages. */
    public List<SubjectAccessExport.Information> information() {
        List<SubjectAccessExport.Information> information = new ArrayList<>();
        for (Topic topic : Topic.values()) {
            information.add(new SubjectAccessExport.Information(
                    topic.name(), text(topic, SWEDISH), text(topic, Locale.ENGLISH)));
        }
        return information;
    }

    private String text(Topic topic, Locale locale) {
        Object[] arguments = topic == Topic.RETENTION ? new Object[] {retention.keepForIn(messages, locale)} : null;
        return messages.getMessage("subjectAccess.info." + topic.name(), arguments, locale);
    }

    private SubjectAccessExport.Journey journey(Timeline timeline, List<AccessEntry> reads) {
        List<SubjectAccessExport.PersonalDetailsRecorded> history = new ArrayList<>();
        PersonalDetails now = null;
        for (Timeline.Entry entry : timeline.entries()) {
            PersonalDetails recorded;
            if (entry.data() instanceof NewcomerRegistered registration) {
                recorded = registration.personalDetails();
            } else if (entry.data() instanceof PersonalDetailsCorrected correction) {
                recorded = correction.personalDetails();
            } else {
                continue;
            }
            now = recorded;
            history.add(new SubjectAccessExport.PersonalDetailsRecorded(
                    entry.eventId(),
                    entry.type(),
                    entry.recordedAt(),
                    entry.recordedBy(),
                    recorded == null ? null : recorded.fullName(),
                    recorded == null ? null : recorded.personalIdentityNumber()));
        }
        return new SubjectAccessExport.Journey(
                timeline.journeyId(),
                timeline.municipalityCode(),
                municipalities.nameOf(timeline.municipalityCode()),
                new SubjectAccessExport.PersonalDetailsNow(
                        now == null ? null : now.fullName(), now == null ? null : now.personalIdentityNumber()),
                history,
                states.handle(new FindJourneyState(timeline.journeyId())).orElse(null),
                timeline.entries().stream().map(SubjectAccessExport.Event::of).toList(),
                reads.stream().map(SubjectAccess::read).toList(),
                reads.size() >= AccessLogQueries.MAX_ENTRIES);
    }

    private static SubjectAccessExport.Read read(AccessEntry entry) {
        List<String> roles = entry.roles() == null || entry.roles().isBlank()
                ? List.of()
                : Arrays.stream(entry.roles().split(",")).map(String::strip).toList();
        return new SubjectAccessExport.Read(
                entry.at(), entry.username(), roles, entry.action().name(), entry.resource(), entry.correlationId());
    }
}
