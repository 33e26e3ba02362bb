package se.integrationjourney.api.journeys;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import se.integrationjourney.api.security.CurrentUser;
import se.integrationjourney.api.security.JourneyAccess;
import se.integrationjourney.api.security.JourneyUser;
import se.integrationjourney.api.web.ApiException;
import se.integrationjourney.api.web.IdempotentRequests;
import se.integrationjourney.api.web.Problems;
import se.integrationjourney.core.commands.Recorded;
import se.integrationjourney.core.commands.RetractMilestone;
import se.integrationjourney.projections.journeystate.FindJourneyState;
import se.integrationjourney.projections.journeystate.JourneyState;
import se.integrationjourney.projections.journeystate.JourneyStateQueries;
import se.integrationjourney.projections.timeline.FindTimeline;
import se.integrationjourney.projections.timeline.Timeline;
import se.integrationjourney.projections.timeline.TimelineQueries;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Journeys: registration, milestones, retractions, the journey's state (with its version as ETag) and its
 * timeline. Caseworkers act on their own municipality's journeys only; admins on all; auditors read timelines.
 */
@RestController
@RequestMapping("/api/journeys")
@Tag(name = "Journeys")
class JourneysController {

    /** How long a read waits for the journey view to show what was just recorded. */
    private static final Duration FRESHNESS_WAIT = Duration.ofSeconds(2);
    private static final Pattern ENTITY_TAG = Pattern.compile("^(?:W/)?\"(\\d{1,18})\"$");

    private final CommandGateway commands;
    private final JourneyStateQueries states;
    private final TimelineQueries timelines;
    private final IdempotentRequests idempotent;
    private final JourneyAccess access;
    private final JourneyDirectory directory;
    private final CaseReads reads;

    JourneysController(CommandGateway commands, JourneyStateQueries states, TimelineQueries timelines,
                       IdempotentRequests idempotent, JourneyAccess access, JourneyDirectory directory,
                       CaseReads reads) {
        this.commands = commands;
        this.states = states;
        this.timelines = timelines;
        this.idempotent = idempotent;
        this.access = access;
        this.directory = directory;
        this.reads = reads;
    }

    @PostMapping
    @Operation(summary = "Register a newcomer's arrival: starts a journey")
    ResponseEntity<?> register(@Valid @RequestBody RegisterJourneyRequest body,
                               @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key) {
        JourneyUser user = CurrentUser.get();
        access.requireMunicipality(user, body.municipalityCode());
        return idempotent.run(key, user, "POST", "/api/journeys", body, () -> {
            UUID journeyId = UUID.randomUUID();
            commands.sendAndWait(body.toCommand(journeyId));
            return ResponseEntity.created(URI.create("/api/journeys/" + journeyId))
                    .body(new JourneyResponses.Registered(journeyId));
        });
    }

    @GetMapping("/{journeyId}")
    @Operation(summary = "The journey as it stands; the ETag is its version, for If-Match on writes")
    ResponseEntity<JourneyState> state(@PathVariable UUID journeyId) {
        JourneyUser user = CurrentUser.get();
        requireAccess(user, journeyId);
        long version = directory.versionOf(journeyId);
        JourneyState state = freshState(journeyId, version)
                .orElseThrow(() -> new ApiException(Problems.NOT_FOUND, "No journey with that id"));
        reads.record(journeyId, user, CaseReads.Resource.STATE);
        return ResponseEntity.ok().eTag("\"" + state.version() + "\"").body(state);
    }

    @PostMapping("/{journeyId}/milestones")
    @Operation(summary = "Record a milestone; with If-Match, only if the journey is still at that version")
    ResponseEntity<?> milestone(@PathVariable UUID journeyId, @Valid @RequestBody MilestoneRequest body,
                                @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key) {
        JourneyUser user = CurrentUser.get();
        requireAccess(user, journeyId);
        Long expectedVersion = expectedVersion(ifMatch);
        return idempotent.run(key, user, "POST", "/api/journeys/" + journeyId + "/milestones", body, () ->
                recorded(commands.sendAndWait(body.toCommand(journeyId, expectedVersion))));
    }

    @PostMapping("/{journeyId}/retractions")
    @Operation(summary = "Retract a mistaken milestone, with the reason; the record keeps both, linked")
    ResponseEntity<?> retraction(@PathVariable UUID journeyId, @Valid @RequestBody RetractionRequest body,
                                 @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                 @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key) {
        JourneyUser user = CurrentUser.get();
        requireAccess(user, journeyId);
        Long expectedVersion = expectedVersion(ifMatch);
        return idempotent.run(key, user, "POST", "/api/journeys/" + journeyId + "/retractions", body, () ->
                recorded(commands.sendAndWait(new RetractMilestone(journeyId, expectedVersion, body.eventId(),
                        body.reason()))));
    }

    @GetMapping("/{journeyId}/timeline")
    @Operation(summary = "Every event of the journey as recorded, with who recorded it; retractions linked")
    List<TimelineEntryResponse> timeline(@PathVariable UUID journeyId) {
        JourneyUser user = CurrentUser.get();
        Timeline timeline = timelines.handle(new FindTimeline(journeyId))
                .orElseThrow(() -> new ApiException(Problems.NOT_FOUND, "No journey with that id"));
        access.requireMunicipality(user, timeline.municipalityCode());
        reads.record(journeyId, user, CaseReads.Resource.TIMELINE);
        return timeline.entries().stream().map(TimelineEntryResponse::of).toList();
    }

    private void requireAccess(JourneyUser user, UUID journeyId) {
        String municipality = directory.municipalityOf(journeyId)
                .orElseThrow(() -> new ApiException(Problems.NOT_FOUND, "No journey with that id"));
        access.requireMunicipality(user, municipality);
    }

    private static ResponseEntity<?> recorded(Recorded recorded) {
        return ResponseEntity.status(201).body(new JourneyResponses.Recorded(recorded.eventId(), recorded.version()));
    }

    /**
     * The journey from its view, once the view shows at least {@code version}. The view follows the event store
     * within milliseconds; waiting that long lets a caseworker see the milestone they just recorded. After the
     * deadline the state is returned as it is: its version (the ETag) says how current it is.
     */
    private Optional<JourneyState> freshState(UUID journeyId, long version) {
        long deadline = System.nanoTime() + FRESHNESS_WAIT.toNanos();
        Optional<JourneyState> state = states.handle(new FindJourneyState(journeyId));
        while ((state.isEmpty() || state.get().version() < version) && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5)); // a poll, not a timing assumption
            state = states.handle(new FindJourneyState(journeyId));
        }
        return state;
    }

    /** {@code If-Match: "7"} (or {@code W/"7"}) expects version 7; {@code *} or no header expects nothing. */
    private static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        Matcher tag = ENTITY_TAG.matcher(ifMatch.trim());
        if (!tag.matches()) {
            throw new ApiException(Problems.VALIDATION,
                    "If-Match must be the journey's ETag as returned by GET, e.g. \"7\"");
        }
        return Long.parseLong(tag.group(1));
    }
}
