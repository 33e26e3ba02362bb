package se.integrationjourney.api.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import se.integrationjourney.api.security.CurrentUser;
import se.integrationjourney.api.web.ApiException;
import se.integrationjourney.api.web.OpenApiReferences;
import se.integrationjourney.api.web.Problems;

/**
 * The tamper evidence of the event store through the API (docs/adr/0019): a journey's hash chain verified, the whole
 * store's verified in the background, a journey's events exported with their hashes. Only the export holds personal
 * data (the stored payloads), so only it is recorded as a read of the case; verifications are recorded as acts. Who
 * has read what is {@link AuditController}'s.
 */
@RestController
@RequestMapping("/api/audit")
@Tag(
        name = "Audit",
        description = "Who has read a journey, what an account read and did, and whether the stored events are as they"
                + " were recorded (AUDITOR, ADMIN)")
class TamperEvidenceController {

    static final String VERIFICATION_RESOURCE = "GET /api/audit/journeys/{journeyId}/verification";
    static final String EXPORT_RESOURCE = "GET /api/audit/journeys/{journeyId}/export";
    static final String STORE_VERIFICATION_RESOURCE = "POST /api/audit/verifications";

    private final TamperEvidence tamperEvidence;
    private final StoreVerifications storeVerifications;

    TamperEvidenceController(TamperEvidence tamperEvidence, StoreVerifications storeVerifications) {
        this.tamperEvidence = tamperEvidence;
        this.storeVerifications = storeVerifications;
    }

    @GetMapping("/journeys/{journeyId}/verification")
    @Operation(
            summary = "Verify the journey's hash chain as stored",
            description = "AUDITOR or ADMIN. Hashes every stored event of the journey again (docs/operations.md,"
                    + " \"Tamper evidence\") and compares each with the hash stored with it: `intact`, or the first"
                    + " broken link (the event, and what was expected against what was found). Recorded in the access"
                    + " log as CHAIN_VERIFIED; the answer holds ids and hashes, no personal data.")
    @ApiResponse(
            responseCode = "200",
            description = "The verification",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = ChainVerificationResponse.class)))
    @ApiResponse(responseCode = "400", ref = OpenApiReferences.BAD_REQUEST)
    @ApiResponse(responseCode = "401", ref = OpenApiReferences.UNAUTHORIZED)
    @ApiResponse(responseCode = "403", ref = OpenApiReferences.FORBIDDEN)
    @ApiResponse(responseCode = "404", ref = OpenApiReferences.NOT_FOUND)
    ChainVerificationResponse verification(@PathVariable UUID journeyId) {
        return ChainVerificationResponse.of(tamperEvidence.verify(CurrentUser.get(), journeyId, VERIFICATION_RESOURCE));
    }

    @GetMapping("/journeys/{journeyId}/export")
    @Operation(
            summary = "Export the journey's events as stored, with their hashes, for verifying elsewhere",
            description = "AUDITOR or ADMIN. Every event in sequence order with its stored fields (payload and"
                    + " metadata as base64 of the stored bytes) and its stored hash, and a summary for people (not"
                    + " hashed). `java -jar journey-api.jar verify FILE` verifies the file without the service"
                    + " (docs/operations.md, \"Tamper evidence\"). The payloads hold the person's data: recorded in"
                    + " the access log as a read of the case (JOURNEY_EXPORTED).")
    @ApiResponse(
            responseCode = "200",
            description = "The export, as a file to save (Content-Disposition: attachment)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = JourneyExport.class)))
    @ApiResponse(responseCode = "400", ref = OpenApiReferences.BAD_REQUEST)
    @ApiResponse(responseCode = "401", ref = OpenApiReferences.UNAUTHORIZED)
    @ApiResponse(responseCode = "403", ref = OpenApiReferences.FORBIDDEN)
    @ApiResponse(responseCode = "404", ref = OpenApiReferences.NOT_FOUND)
    ResponseEntity<JourneyExport> export(@PathVariable UUID journeyId) {
        JourneyExport export = tamperEvidence.export(CurrentUser.get(), journeyId, EXPORT_RESOURCE);
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(TamperEvidence.fileName(journeyId))
                                .build()
                                .toString())
                .body(export);
    }

    @PostMapping("/verifications")
    @Operation(
            summary = "Start verifying every hash chain in the store, in the background",
            description = "AUDITOR or ADMIN. Answers at once (202) with the verification and its address; follow"
                    + " its progress there. One runs at a time on a node: asking while one runs gives the running one."
                    + " The node keeps the last "
                    + StoreVerifications.KEPT
                    + " in memory (not across restarts; another node does not know them). Recorded in the access log"
                    + " as CHAIN_VERIFIED with the verification's id. No body, no Idempotency-Key.")
    @ApiResponse(
            responseCode = "202",
            description = "Started, or already running",
            headers = @Header(name = HttpHeaders.LOCATION, ref = OpenApiReferences.LOCATION),
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = StoreVerificationResponse.class)))
    @ApiResponse(responseCode = "401", ref = OpenApiReferences.UNAUTHORIZED)
    @ApiResponse(responseCode = "403", ref = OpenApiReferences.FORBIDDEN)
    ResponseEntity<StoreVerificationResponse> startVerification() {
        StoreVerifications.Progress started = storeVerifications.start(CurrentUser.get(), STORE_VERIFICATION_RESOURCE);
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .location(URI.create("/api/audit/verifications/" + started.id()))
                .body(StoreVerificationResponse.of(started));
    }

    @GetMapping("/verifications")
    @Operation(
            summary = "The verifications of the whole store this node remembers, newest first",
            description = "AUDITOR or ADMIN. At most " + StoreVerifications.KEPT + ".")
    @ApiResponse(
            responseCode = "200",
            description = "The verifications",
            content =
                    @Content(
                            mediaType = "application/json",
                            array = @ArraySchema(schema = @Schema(implementation = StoreVerificationResponse.class))))
    @ApiResponse(responseCode = "401", ref = OpenApiReferences.UNAUTHORIZED)
    @ApiResponse(responseCode = "403", ref = OpenApiReferences.FORBIDDEN)
    List<StoreVerificationResponse> verifications() {
        return storeVerifications.recent().stream()
                .map(StoreVerificationResponse::of)
                .toList();
    }

    @GetMapping("/verifications/{verificationId}")
    @Operation(
            summary = "A verification of the whole store: its progress, then its result",
            description = "AUDITOR or ADMIN. While RUNNING: events checked of the total, events per second and"
                    + " the seconds left at that rate. Then INTACT, BROKEN (with the first broken link of each broken"
                    + " chain) or FAILED.")
    @ApiResponse(
            responseCode = "200",
            description = "The verification",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = StoreVerificationResponse.class)))
    @ApiResponse(responseCode = "400", ref = OpenApiReferences.BAD_REQUEST)
    @ApiResponse(responseCode = "401", ref = OpenApiReferences.UNAUTHORIZED)
    @ApiResponse(responseCode = "403", ref = OpenApiReferences.FORBIDDEN)
    @ApiResponse(responseCode = "404", ref = OpenApiReferences.NOT_FOUND)
    StoreVerificationResponse storeVerification(@PathVariable UUID verificationId) {
        return storeVerifications
                .find(verificationId)
                .map(StoreVerificationResponse::of)
                .orElseThrow(() -> new ApiException(
                        Problems.NOT_FOUND,
                        "No verification with that id on this node (it keeps the last " + StoreVerifications.KEPT
                                + ", not across restarts)"));
    }
}
