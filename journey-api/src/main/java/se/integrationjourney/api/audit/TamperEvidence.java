package se.integrationjourney.api.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import se.integrationjourney.api.accesslog.AccessAction;
import se.integrationjourney.api.accesslog.AccessLog;
import se.integrationjourney.api.journeys.JourneyService;
import se.integrationjourney.api.security.JourneyUser;
import se.integrationjourney.api.web.ApiException;
import se.integrationjourney.api.web.Problems;
import se.integrationjourney.eventstore.AxonTables;
import se.integrationjourney.eventstore.ChainVerification;
import se.integrationjourney.eventstore.ChainedEvent;
import se.integrationjourney.eventstore.EventChain;
import se.integrationjourney.projections.timeline.FindTimeline;
import se.integrationjourney.projections.timeline.Timeline;
import se.integrationjourney.projections.timeline.TimelineQueries;

/**
 * One journey's tamper evidence, for the API and the auditor's pages alike (docs/adr/0019): its hash chain verified
 * as stored, and its events exported with their links for anyone to verify elsewhere. Both are recorded in the
 * access log: a verification as an act on the journey (its result holds ids and hashes, no personal data), an export
 * as a read of the case (its payloads hold the person's data).
 */
@Component
public class TamperEvidence {

    private final JourneyService journeys;
    private final ChainVerification verification;
    private final AxonTables tables;
    private final TimelineQueries timelines;
    private final AccessLog accessLog;
    private final Clock clock;

    TamperEvidence(
            JourneyService journeys,
            ChainVerification verification,
            AxonTables tables,
            TimelineQueries timelines,
            AccessLog accessLog,
            Clock clock) {
        this.journeys = journeys;
        this.verification = verification;
        this.tables = tables;
        this.timelines = timelines;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    /** The journey's chain, verified now. @throws ApiException 404 (no such journey), 403 (not the user's) */
    public JourneyVerification verify(JourneyUser user, UUID journeyId, String resource) {
        journeys.requireAccess(user, journeyId);
        ChainVerification.ChainReport report =
                verification.verify(journeyId.toString()).orElseThrow(TamperEvidence::noSuchJourney);
        accessLog.act(user.actor(), AccessAction.CHAIN_VERIFIED, resource, journeyId.toString());
        return new JourneyVerification(journeyId, Instant.now(clock), report);
    }

    /** The journey's events as stored, with their links. @throws ApiException 404, 403 */
    public JourneyExport export(JourneyUser user, UUID journeyId, String resource) {
        journeys.requireAccess(user, journeyId);
        List<ChainedEvent> stored = tables.chainOf(journeyId.toString());
        if (stored.isEmpty()) {
            throw noSuchJourney();
        }
        Map<String, Timeline.Entry> summaries = timelines
                .handle(new FindTimeline(journeyId))
                .map(timeline -> timeline.entries().stream()
                        .collect(Collectors.toMap(Timeline.Entry::eventId, Function.identity())))
                .orElse(Map.of());
        List<JourneyExport.Event> events = stored.stream()
                .map(event -> exported(event, summaries.get(event.eventIdentifier())))
                .toList();
        accessLog.journeyRead(user.actor(), AccessAction.JOURNEY_EXPORTED, resource, journeyId);
        return new JourneyExport(
                JourneyExport.FORMAT,
                EventChain.DEFINITION,
                journeyId,
                Instant.now(clock),
                user.username(),
                EventChain.hex(stored.get(stored.size() - 1).chainHash()),
                events);
    }

    /** The name an export is saved under. */
    public static String fileName(UUID journeyId) {
        return "journey-" + journeyId + "-export.json";
    }

    private static JourneyExport.Event exported(ChainedEvent event, Timeline.Entry entry) {
        Base64.Encoder base64 = Base64.getEncoder();
        return new JourneyExport.Event(
                event.globalIndex(),
                event.sequenceNumber(),
                event.eventIdentifier(),
                event.aggregateIdentifier(),
                event.timeStamp(),
                event.payloadType(),
                event.payloadRevision(),
                event.type(),
                base64.encodeToString(event.payload()),
                event.metaData() == null ? null : base64.encodeToString(event.metaData()),
                EventChain.hex(event.chainHash()),
                entry == null ? null : new JourneyExport.Summary(entry.type(), entry.occurredOn()));
    }

    private static ApiException noSuchJourney() {
        return new ApiException(Problems.NOT_FOUND, "No journey with that id");
    }

    /** A journey's chain as verified at {@code verifiedAt}. */
    public record JourneyVerification(UUID journeyId, Instant verifiedAt, ChainVerification.ChainReport report) {}
}
