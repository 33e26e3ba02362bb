package se.integrationjourney.api.journeys;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import se.integrationjourney.api.security.CurrentUser;
import se.integrationjourney.api.security.JourneyUser;
import se.integrationjourney.api.web.ApiException;
import se.integrationjourney.api.web.IdempotentRequests;
import se.integrationjourney.api.web.OpenApiReferences;
import se.integrationjourney.api.web.Problems;
import se.integrationjourney.api.web.RecordsInOneTransaction;
import se.integrationjourney.core.commands.CorrectPersonalDetails;
import se.integrationjourney.core.commands.Recorded;
import se.integrationjourney.core.commands.RetractMilestone;
import se.integrationjourney.projections.journeystate.JourneyState;
import se.integrationjourney.projections.timeline.Timeline;

/**
 * Journeys: registration, milestones, retractions, personal-details corrections, the journey's state (with its
 * version as ETag) and its timeline. Caseworkers act on their own municipality's journeys only; admins on all;
 * auditors read timelines.
 */
@RestController
@RequestMapping("/api/journeys")
@Tag(name = "Journeys")
class JourneysController {

    private static final String IDEMPOTENCY_KEY = "Optional, 1 to 200 visible ASCII characters, e.g. a UUID. A repeat"
            + " by the same account with the same key and body gets the first response again (with"
            + " Idempotent-Replayed: true) and records nothing; the same key with another body is a 409. A refused"
            + " or failed request does not use up its key.";
    private static final String IF_MATCH = "Optional: the journey's ETag from GET /api/journeys/{journeyId}, e.g."
            + " \"7\" (W/\"7\" and * are accepted too). Recorded only if the journey is still at that version, else"
            + " 412 and nothing is recorded. Anything else is a 400.";
    private static final String KEY_PATTERN = "[\\x21-\\x7E]{1,200}";

    private static final Pattern ENTITY_TAG = Pattern.compile("^(?:W/)?\"(\\d{1,18})\"$");

    private final JourneyService journeys;
    private final IdempotentRequests idempotent;

    JourneysController(JourneyService journeys, IdempotentRequests idempotent) {
        this.journeys = journeys;
        this.idempotent = idempotent;
    }

    @PostMapping
    @Operation(
            summary = "Register a newcomer's arrival: starts a journey",
            description = "CASEWORKER of `municipalityCode`, or ADMIN. The registration's rules (municipality code"
                    + " of four digits, country of birth ISO 3166-1 alpha-2, birth year 1900 to the arrival year, a"
                    + " valid personal identity or coordination number, no future arrival date) are checked: 422.")
    @ApiResponse(
            responseCode = "201",
            description = "Registered",
            headers = {
                @Header(name = "Location", ref = OpenApiReferences.LOCATION, description = "/api/journeys/{journeyId}"),
                @Header(name = IdempotentRequests.REPLAYED_HEADER, ref = OpenApiReferences.IDEMPOTENT_REPLAYED)
            },
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = JourneyResponses.Registered.class)))
    @ApiResponse(responseCode = "400", ref = OpenApiReferences.BAD_REQUEST)
    @ApiResponse(responseCode = "401", ref = OpenApiReferences.UNAUTHORIZED)
    @ApiResponse(responseCode = "403", ref = OpenApiReferences.FORBIDDEN)
    @ApiResponse(responseCode = "409", ref = OpenApiReferences.CONFLICT)
    @ApiResponse(responseCode = "422", ref = OpenApiReferences.RULE_VIOLATION)
    @RecordsInOneTransaction
    ResponseEntity<?> register(
            @Valid @RequestBody RegisterJourneyRequest body,
            @Parameter(description = IDEMPOTENCY_KEY, schema = @Schema(pattern = KEY_PATTERN))
                    @RequestHeader(name = IdempotentRequests.HEADER, required = false)
                    String key) {
        JourneyUser user = CurrentUser.get();
        return idempotent.run(key, user.username(), "POST", "/api/journeys", body, () -> {
            UUID journeyId = journeys.register(user, body.municipalityCode(), body::toCommand);
            return ResponseEntity.created(URI.create("/api/journeys/" + journeyId))
                    .body(new JourneyResponses.Registered(journeyId));
        });
    }

    @GetMapping("/{journeyId}")
    @Operation(
            summary = "The journey as it stands; the ETag is its version, for If-Match on writes",
            description = "CASEWORKER of the journey's municipality, or ADMIN. Registration data (with the personal"
                    + " details), caseworker, stage, the date of each first milestone, SFI level, what is open now,"
                    + " self-sufficiency, establishment start and end, measurement point, closed, and `version`."
                    + " Retracted milestones are left out. Every read is recorded (who, which journey, when).")
    @ApiResponse(
            responseCode = "200",
            description = "The journey",
            headers = @Header(name = "ETag", ref = OpenApiReferences.ETAG),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = JourneyState.class)))
    @ApiResponse(responseCode = "400", ref = OpenApiReferences.BAD_REQUEST)
    @ApiResponse(responseCode = "401", ref = OpenApiReferences.UNAUTHORIZED)
    @ApiResponse(responseCode = "403", ref = OpenApiReferences.FORBIDDEN)
    @ApiResponse(responseCode = "404", ref = OpenApiReferences.NOT_FOUND)
    ResponseEntity<JourneyState> state(@PathVariable UUID journeyId) {
        JourneyState state = journeys.state(CurrentUser.get(), journeyId, "GET /api/journeys/{journeyId}");
        return ResponseEntity.ok().eTag("\"" + state.version() + "\"").body(state);
    }

    @PostMapping("/{journeyId}/milestones")
    @Operation(
            summary = "Record a milestone; with If-Match, only if the journey is still at that version",
            description = "CASEWORKER of the journey's municipality, or ADMIN. The body's `type` is one of the 26"
                    + " milestone types; `occurredOn` is the business date. The journey's rules are checked: 422"
                    + " names the broken one.")
    @ApiResponse(
            responseCode = "201",
            description = "Recorded: the new event's id and the journey's version after it",
            headers = @Header(name = IdempotentRequests.REPLAYED_HEADER, ref = OpenApiReferences.IDEMPOTENT_REPLAYED),
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = JourneyResponses.Recorded.class)))
    @JourneyWriteProblems
    @RecordsInOneTransaction
    ResponseEntity<?> milestone(
            @PathVariable UUID journeyId,
            @Valid @RequestBody MilestoneRequest body,
            @Parameter(description = IF_MATCH) @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Parameter(description = IDEMPOTENCY_KEY, schema = @Schema(pattern = KEY_PATTERN))
                    @RequestHeader(name = IdempotentRequests.HEADER, required = false)
                    String key) {
        return record(
                journeyId,
                "/milestones",
                body,
                ifMatch,
                key,
                expectedVersion -> body.toCommand(journeyId, expectedVersion));
    }

    @PostMapping("/{journeyId}/retractions")
    @Operation(
            summary = "Retract a mistaken milestone, with the reason; the record keeps both, linked",
            description = "CASEWORKER of the journey's municipality, or ADMIN. `eventId` is a milestone's event id"
                    + " (from its 201 or the timeline). The registration, corrections and retractions cannot be"
                    + " retracted, nor an event a later one relies on: 422.")
    @ApiResponse(
            responseCode = "201",
            description = "Recorded: the retraction's event id and the journey's version",
            headers = @Header(name = IdempotentRequests.REPLAYED_HEADER, ref = OpenApiReferences.IDEMPOTENT_REPLAYED),
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = JourneyResponses.Recorded.class)))
    @JourneyWriteProblems
    @RecordsInOneTransaction
    ResponseEntity<?> retraction(
            @PathVariable UUID journeyId,
            @Valid @RequestBody RetractionRequest body,
            @Parameter(description = IF_MATCH) @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Parameter(description = IDEMPOTENCY_KEY, schema = @Schema(pattern = KEY_PATTERN))
                    @RequestHeader(name = IdempotentRequests.HEADER, required = false)
                    String key) {
        return record(
                journeyId,
                "/retractions",
                body,
                ifMatch,
                key,
                expectedVersion -> new RetractMilestone(journeyId, expectedVersion, body.eventId(), body.reason()));
    }

    @PostMapping("/{journeyId}/personal-details-corrections")
    @Operation(
            summary = "Correct the newcomer's name or identity number; the record keeps what was there before",
            description = "CASEWORKER of the journey's municipality, or ADMIN. The body replaces the personal details"
                    + " given at registration (or by an earlier correction): `fullName`, and `personalIdentityNumber`"
                    + " when known. Accepted on a closed journey too. The identity number is checked as at"
                    + " registration: 422 INVALID_PERSONAL_IDENTITY_NUMBER. A correction cannot be retracted;"
                    + " correct again instead. An addition to the API's first version.")
    @ApiResponse(
            responseCode = "201",
            description = "Recorded: the correction's event id and the journey's version",
            headers = @Header(name = IdempotentRequests.REPLAYED_HEADER, ref = OpenApiReferences.IDEMPOTENT_REPLAYED),
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = JourneyResponses.Recorded.class)))
    @JourneyWriteProblems
    @RecordsInOneTransaction
    ResponseEntity<?> personalDetailsCorrection(
            @PathVariable UUID journeyId,
            @Valid @RequestBody RegisterJourneyRequest.PersonalDetailsRequest body,
            @Parameter(description = IF_MATCH) @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Parameter(description = IDEMPOTENCY_KEY, schema = @Schema(pattern = KEY_PATTERN))
                    @RequestHeader(name = IdempotentRequests.HEADER, required = false)
                    String key) {
        return record(
                journeyId,
                "/personal-details-corrections",
                body,
                ifMatch,
                key,
                expectedVersion -> new CorrectPersonalDetails(journeyId, expectedVersion, body.toPersonalDetails()));
    }

    @GetMapping("/{journeyId}/timeline")
    @Operation(
            summary = "Every event of the journey as recorded, with who recorded it; retractions linked",
            description = "CASEWORKER of the journey's municipality, AUDITOR, or ADMIN. Read straight from the event"
                    + " store, in sequence order, retracted events included (`retracted`, `retractedBy`). Every"
                    + " read is recorded. The ETag is the journey's version, as on GET /api/journeys/{id}.")
    @ApiResponse(
            responseCode = "200",
            description = "The timeline",
            content =
                    @Content(
                            mediaType = "application/json",
                            array = @ArraySchema(schema = @Schema(implementation = TimelineEntryResponse.class))))
    @ApiResponse(responseCode = "400", ref = OpenApiReferences.BAD_REQUEST)
    @ApiResponse(responseCode = "401", ref = OpenApiReferences.UNAUTHORIZED)
    @ApiResponse(responseCode = "403", ref = OpenApiReferences.FORBIDDEN)
    @ApiResponse(responseCode = "404", ref = OpenApiReferences.NOT_FOUND)
    ResponseEntity<List<TimelineEntryResponse>> timeline(@PathVariable UUID journeyId) {
        Timeline timeline = journeys.timeline(CurrentUser.get(), journeyId, "GET /api/journeys/{journeyId}/timeline");
        List<Timeline.Entry> entries = timeline.entries();
        return ResponseEntity.ok()
                .eTag("\"" + entries.get(entries.size() - 1).sequence() + "\"")
                .body(entries.stream().map(TimelineEntryResponse::of).toList());
    }

    /**
     * A write to an existing journey: the caller may act on it, the command is checked against {@code If-Match}
     * and sent once per {@code Idempotency-Key}; answers 201 with the event id and the journey's new version.
     */
    private ResponseEntity<?> record(
            UUID journeyId,
            String subresource,
            Object body,
            String ifMatch,
            String key,
            Function<Long, Object> command) {
        JourneyUser user = CurrentUser.get();
        journeys.requireAccess(user, journeyId);
        Long expectedVersion = expectedVersion(ifMatch);
        return idempotent.run(
                key,
                user.username(),
                "POST",
                "/api/journeys/" + journeyId + subresource,
                body,
                () -> recorded(journeys.record(user, journeyId, expectedVersion, command)));
    }

    private static ResponseEntity<?> recorded(Recorded recorded) {
        return ResponseEntity.status(201).body(new JourneyResponses.Recorded(recorded.eventId(), recorded.version()));
    }

    /** {@code If-Match: "7"} (or {@code W/"7"}) expects version 7; {@code *} or no header expects nothing. */
    private static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        Matcher tag = ENTITY_TAG.matcher(ifMatch.trim());
        if (!tag.matches()) {
            throw new ApiException(
                    Problems.VALIDATION, "If-Match must be the journey's ETag as returned by GET, e.g. \"7\"");
        }
        return Long.parseLong(tag.group(1));
    }
}
