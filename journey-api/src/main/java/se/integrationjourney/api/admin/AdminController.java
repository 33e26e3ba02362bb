package se.integrationjourney.api.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import se.integrationjourney.api.security.CurrentUser;
import se.integrationjourney.api.security.SignInThrottle;
import se.integrationjourney.api.web.ApiException;
import se.integrationjourney.api.web.OpenApiReferences;
import se.integrationjourney.api.web.Problems;
import se.integrationjourney.projections.runtime.DeadLetteredJourney;
import se.integrationjourney.projections.runtime.ProjectionStatus;
import se.integrationjourney.projections.runtime.UnknownProjectionException;

/** Administration of the views (status, rebuild, dead letters) and of sign-in locks; accounts: AccountsController. */
@RestController
@RequestMapping("/api/admin")
@Tag(name = "Administration")
class AdminController {

    private static final String NO_SUCH_VIEW = "No view is named that; see GET /api/admin/projections";

    private final ViewAdministration views;
    private final SignInLockAdministration signInLocks;

    AdminController(ViewAdministration views, SignInLockAdministration signInLocks) {
        this.views = views;
        this.signInLocks = signInLocks;
    }

    record RetryResponse(String name, int journeysRetried) {}

    record EvictResponse(String name, UUID journeyId, int eventsDropped) {}

    @GetMapping("/projections")
    @Operation(
            summary = "Each view's position, head position, replay progress, speed and last error",
            description = "ADMIN. A view has caught up when `position` >= `headPosition` and it is not replaying.")
    @ApiResponse(
            responseCode = "200",
            description = "One entry per view",
            content =
                    @Content(
                            mediaType = "application/json",
                            array = @ArraySchema(schema = @Schema(implementation = ProjectionStatus.class))))
    @ApiResponse(responseCode = "401", ref = OpenApiReferences.UNAUTHORIZED)
    @ApiResponse(responseCode = "403", ref = OpenApiReferences.FORBIDDEN)
    List<ProjectionStatus> projections() {
        return views.status();
    }

    @PostMapping("/projections/{name}/rebuild")
    @Operation(
            summary = "Rebuild a view from the first event; the old view serves until the new one caught up",
            description = "ADMIN. Answers at once with the view's status (`replaying`: true); follow it with GET"
                    + " /api/admin/projections. Asking again while one runs changes nothing. No Idempotency-Key.")
    @ApiResponse(
            responseCode = "202",
            description = "Rebuild started",
            content =
                    @Content(mediaType = "application/json", schema = @Schema(implementation = ProjectionStatus.class)))
    @ApiResponse(responseCode = "401", ref = OpenApiReferences.UNAUTHORIZED)
    @ApiResponse(responseCode = "403", ref = OpenApiReferences.FORBIDDEN)
    @ApiResponse(responseCode = "404", ref = OpenApiReferences.NOT_FOUND)
    ResponseEntity<ProjectionStatus> rebuild(@PathVariable String name) {
        try {
            return ResponseEntity.status(HttpStatus.ACCEPTED)
                    .body(views.rebuild(CurrentUser.get(), "POST /api/admin/projections/{name}/rebuild", name));
        } catch (UnknownProjectionException unknown) {
            throw new ApiException(Problems.NOT_FOUND, NO_SUCH_VIEW);
        }
    }

    @PostMapping("/projections/rebuild")
    @Operation(
            summary = "Rebuild every view from the first event, the case-file views in one pass",
            description = "ADMIN. Faster than rebuilding the views one by one: the journey-state, caseload and"
                    + " outcomes views share one reading of the event store (docs/projections.md). Answers at once"
                    + " with every view's status; views already rebuilding go on as they were. No Idempotency-Key.")
    @ApiResponse(
            responseCode = "202",
            description = "Rebuilds started",
            content =
                    @Content(
                            mediaType = "application/json",
                            array = @ArraySchema(schema = @Schema(implementation = ProjectionStatus.class))))
    @ApiResponse(responseCode = "401", ref = OpenApiReferences.UNAUTHORIZED)
    @ApiResponse(responseCode = "403", ref = OpenApiReferences.FORBIDDEN)
    ResponseEntity<List<ProjectionStatus>> rebuildAll() {
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(views.rebuildAll(CurrentUser.get(), "POST /api/admin/projections/rebuild"));
    }

    @PostMapping("/projections/{name}/dead-letters/retry")
    @Operation(
            summary = "Retry a view's dead-lettered events once their cause is fixed",
            description = "ADMIN. `journeysRetried` counts the journeys whose queued events could now be handled.")
    @ApiResponse(
            responseCode = "200",
            description = "Retried",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = RetryResponse.class)))
    @ApiResponse(responseCode = "401", ref = OpenApiReferences.UNAUTHORIZED)
    @ApiResponse(responseCode = "403", ref = OpenApiReferences.FORBIDDEN)
    @ApiResponse(responseCode = "404", ref = OpenApiReferences.NOT_FOUND)
    RetryResponse retry(@PathVariable String name) {
        try {
            return new RetryResponse(
                    name,
                    views.retryDeadLetters(
                            CurrentUser.get(), "POST /api/admin/projections/{name}/dead-letters/retry", name));
        } catch (UnknownProjectionException unknown) {
            throw new ApiException(Problems.NOT_FOUND, NO_SUCH_VIEW);
        }
    }

    @GetMapping("/projections/{name}/dead-letters")
    @Operation(
            summary = "The journeys whose events wait in a view's dead-letter queue",
            description = "ADMIN. Each with its failed event (type, position), why it failed (no personal data),"
                    + " when, and how many of its events wait. At most 100, least recently tried first.")
    @ApiResponse(
            responseCode = "200",
            description = "The dead-lettered journeys",
            content =
                    @Content(
                            mediaType = "application/json",
                            array = @ArraySchema(schema = @Schema(implementation = DeadLetteredJourney.class))))
    @ApiResponse(responseCode = "401", ref = OpenApiReferences.UNAUTHORIZED)
    @ApiResponse(responseCode = "403", ref = OpenApiReferences.FORBIDDEN)
    @ApiResponse(responseCode = "404", ref = OpenApiReferences.NOT_FOUND)
    List<DeadLetteredJourney> deadLetters(@PathVariable String name) {
        try {
            return views.deadLetters(name);
        } catch (UnknownProjectionException unknown) {
            throw new ApiException(Problems.NOT_FOUND, NO_SUCH_VIEW);
        }
    }

    @DeleteMapping("/projections/{name}/dead-letters/{journeyId}")
    @Operation(
            summary = "Drop a journey's dead-lettered events from a view's queue",
            description = "ADMIN. The view goes on without them: the journey's later events are handled again,"
                    + " and the dropped ones are missing from the view until it is rebuilt (which handles every event"
                    + " again). For events that cannot be handled; retry the queue instead once their cause is fixed.")
    @ApiResponse(
            responseCode = "200",
            description = "Dropped",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = EvictResponse.class)))
    @ApiResponse(responseCode = "401", ref = OpenApiReferences.UNAUTHORIZED)
    @ApiResponse(responseCode = "403", ref = OpenApiReferences.FORBIDDEN)
    @ApiResponse(responseCode = "404", ref = OpenApiReferences.NOT_FOUND)
    EvictResponse evictDeadLetters(@PathVariable String name, @PathVariable UUID journeyId) {
        int evicted;
        try {
            evicted = views.dropDeadLetters(
                    CurrentUser.get(),
                    "DELETE /api/admin/projections/{name}/dead-letters/{journeyId}",
                    name,
                    journeyId);
        } catch (UnknownProjectionException unknown) {
            throw new ApiException(Problems.NOT_FOUND, NO_SUCH_VIEW);
        }
        if (evicted == 0) {
            throw new ApiException(Problems.NOT_FOUND, "That journey has no dead-lettered events in this view");
        }
        return new EvictResponse(name, journeyId, evicted);
    }

    @GetMapping("/sign-in-locks")
    @Operation(
            summary = "The sign-in locks in force on this node: accounts and client addresses",
            description = "ADMIN. After too many failed sign-ins for an account, or from an address, within a"
                    + " window, sign-ins are refused with 429 for a while (docs/operations.md). Counted per node."
                    + " Locks on usernames that are no account's are only counted: what was typed there (a"
                    + " password, an identity number) is not shown.")
    @ApiResponse(
            responseCode = "200",
            description = "The locks, longest first",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SignInLocks.class)))
    @ApiResponse(responseCode = "401", ref = OpenApiReferences.UNAUTHORIZED)
    @ApiResponse(responseCode = "403", ref = OpenApiReferences.FORBIDDEN)
    SignInLocks signInLocks() {
        SignInLockAdministration.Locks locks = signInLocks.locks();
        return new SignInLocks(locks.shown(), locks.lockedUnknownUsernames());
    }

    /** The locks shown, and how many lock usernames that are no account's. */
    record SignInLocks(List<SignInThrottle.Lock> locks, int lockedUnknownUsernames) {}

    @DeleteMapping("/sign-in-locks/accounts/{username}")
    @Operation(
            summary = "Lift an account's sign-in lock and forget its failed sign-ins (on this node)",
            description = "ADMIN. The username in any case.")
    @ApiResponse(responseCode = "204", description = "Lifted")
    @ApiResponse(responseCode = "401", ref = OpenApiReferences.UNAUTHORIZED)
    @ApiResponse(responseCode = "403", ref = OpenApiReferences.FORBIDDEN)
    @ApiResponse(responseCode = "404", ref = OpenApiReferences.NOT_FOUND)
    ResponseEntity<Void> liftAccountLock(@PathVariable String username) {
        if (!signInLocks.liftAccount(
                CurrentUser.get(), "DELETE /api/admin/sign-in-locks/accounts/{username}", username)) {
            throw new ApiException(Problems.NOT_FOUND, "That account has no failed sign-ins on this node");
        }
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/sign-in-locks/addresses/{address}")
    @Operation(
            summary = "Lift a client address's sign-in lock and forget its failed sign-ins (on this node)",
            description = "ADMIN.")
    @ApiResponse(responseCode = "204", description = "Lifted")
    @ApiResponse(responseCode = "401", ref = OpenApiReferences.UNAUTHORIZED)
    @ApiResponse(responseCode = "403", ref = OpenApiReferences.FORBIDDEN)
    @ApiResponse(responseCode = "404", ref = OpenApiReferences.NOT_FOUND)
    ResponseEntity<Void> liftAddressLock(@PathVariable String address) {
        if (!signInLocks.liftAddress(
                CurrentUser.get(), "DELETE /api/admin/sign-in-locks/addresses/{address}", address)) {
            throw new ApiException(Problems.NOT_FOUND, "That address has no failed sign-ins on this node");
        }
        return ResponseEntity.noContent().build();
    }
}
