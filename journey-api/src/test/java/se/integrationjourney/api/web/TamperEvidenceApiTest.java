package se.integrationjourney.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.integrationjourney.api.audit.ExportVerifier;
import se.integrationjourney.api.testsupport.ApiClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Tamper evidence through the API: a journey's chain verified, its export verified without the service by the
 * verifier the jar runs ({@code verify FILE}), and altered files named by it; the whole store verified in the
 * background; each recorded in the access log. The store's chains are altered with SQL in ChainVerificationTest.
 */
class TamperEvidenceApiTest extends ApiTestBase {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path files;

    @Test
    void givenAJourney_whenItsChainIsVerified_thenIntactWithItsNewestHashAndTheActIsRecorded() {
        String journeyId = journeyWithAMilestone();

        ApiClient.Response verified = auditor().get(verification(journeyId));

        assertThat(verified.status()).as(verified.body()).isEqualTo(200);
        JsonNode body = verified.json();
        assertThat(body.path("journeyId").asString()).isEqualTo(journeyId);
        assertThat(body.path("intact").asBoolean()).isTrue();
        assertThat(body.path("events").asLong()).isEqualTo(2);
        assertThat(body.path("lastHash").asString()).isEqualTo(newestStoredHash(journeyId));
        assertThat(body.path("hashDefinition").asString()).isEqualTo("integration-journey-chain-1");
        assertThat(body.path("brokenLink").isNull()).isTrue();
        assertThat(jdbc.queryForObject(
                        "select count(*) from access_log where action = 'CHAIN_VERIFIED' and subject = ?"
                                + " and username = 'auditor' and resource = ?",
                        Long.class,
                        journeyId,
                        "GET /api/audit/journeys/{journeyId}/verification"))
                .isEqualTo(1);
    }

    @Test
    void givenAnExportOfAJourney_whenVerifiedWithoutTheService_thenIntactWithItsNewestHash() throws IOException {
        String journeyId = journeyWithAMilestone();

        ApiClient.Response exported = auditor().get(export(journeyId));

        assertThat(exported.status()).as(exported.body()).isEqualTo(200);
        assertThat(exported.header("Content-Disposition"))
                .isEqualTo("attachment; filename=\"journey-" + journeyId + "-export.json\"");
        JsonNode export = exported.json();
        assertThat(export.path("format").asString()).isEqualTo("integration-journey-export-1");
        assertThat(export.path("journeyId").asString()).isEqualTo(journeyId);
        assertThat(export.path("exportedBy").asString()).isEqualTo("auditor");
        JsonNode events = export.path("events");
        assertThat(events).hasSize(2);
        assertThat(events.get(0).path("summary").path("eventType").asString()).isEqualTo("NEWCOMER_REGISTERED");
        assertThat(events.get(1).path("summary").path("eventType").asString()).isEqualTo("INTRODUCTORY_MEETING_HELD");
        assertThat(events.get(1).path("summary").path("businessDate").asString())
                .isEqualTo(today().minusDays(20).toString());
        // The payload as stored: the registration's JSON, the name in it (as the store holds it).
        assertThat(new String(
                        Base64.getDecoder().decode(events.get(0).path("payload").asString()), StandardCharsets.UTF_8))
                .isEqualTo(storedPayload(journeyId, 0));
        assertThat(export.path("lastHash").asString()).isEqualTo(newestStoredHash(journeyId));

        ExportVerifier.Result result = ExportVerifier.verify(saved(exported.body()));

        assertThat(result.exitCode()).as(result.message()).isEqualTo(ExportVerifier.INTACT);
        assertThat(result.message()).startsWith("intact: 2 events, last hash " + newestStoredHash(journeyId));
        assertThat(readsOf(journeyId)).contains("JOURNEY_EXPORTED");
    }

    @Test
    void givenAnExportWithOneByteOfAPayloadChanged_whenVerified_thenThatEventIsNamed() throws IOException {
        String journeyId = journeyWithAMilestone();
        ObjectNode export = (ObjectNode) auditor().get(export(journeyId)).json();
        ObjectNode meeting = (ObjectNode) export.path("events").get(1);
        byte[] payload = Base64.getDecoder().decode(meeting.path("payload").asString());
        payload[payload.length / 2] ^= 1;
        meeting.put("payload", Base64.getEncoder().encodeToString(payload));

        ExportVerifier.Result result = ExportVerifier.verify(saved(JSON.writeValueAsString(export)));

        assertThat(result.exitCode()).isEqualTo(ExportVerifier.BROKEN);
        assertThat(result.message())
                .startsWith("broken: event 1 of " + journeyId)
                .contains(meeting.path("eventIdentifier").asString())
                .contains("global index " + meeting.path("globalIndex").asLong())
                .contains("stored " + meeting.path("chainHash").asString());
    }

    @Test
    void givenAnExportWithAnEventLeftOut_whenVerified_thenTheEventAfterTheGapIsNamed() throws IOException {
        String journeyId = journeyWithAMilestone();
        record(caseworker(), journeyId, milestone("TEMPORARY_HOUSING_PROVIDED", today().minusDays(10)));
        ObjectNode export = (ObjectNode) auditor().get(export(journeyId)).json();
        ArrayNode events = (ArrayNode) export.path("events");
        String after = events.get(2).path("eventIdentifier").asString();
        events.remove(1);

        ExportVerifier.Result result = ExportVerifier.verify(saved(JSON.writeValueAsString(export)));

        assertThat(result.exitCode()).isEqualTo(ExportVerifier.BROKEN);
        assertThat(result.message()).contains(after).contains("expected sequence number 1");
    }

    @Test
    void givenAnExportOfAnotherJourneysEventsUnderThisJourneysId_whenVerified_thenBroken() throws IOException {
        String journeyId = journeyWithAMilestone();
        ObjectNode export = (ObjectNode) auditor().get(export(journeyId)).json();
        export.put("journeyId", UUID.randomUUID().toString());

        ExportVerifier.Result result = ExportVerifier.verify(saved(JSON.writeValueAsString(export)));

        assertThat(result.exitCode()).isEqualTo(ExportVerifier.BROKEN);
        assertThat(result.message()).contains("not of the exported journey");
    }

    @Test
    void givenAFileThatIsNoExport_whenVerified_thenUnreadableWithAReason() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int notJson = ExportVerifier.run(
                List.of(saved("not json").toString()), new PrintStream(out), new PrintStream(err, true));
        int noArguments = ExportVerifier.run(List.of(), new PrintStream(out), new PrintStream(err, true));

        assertThat(notJson).isEqualTo(ExportVerifier.UNREADABLE);
        assertThat(noArguments).isEqualTo(ExportVerifier.UNREADABLE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("not JSON").contains("usage: java -jar");
        assertThat(out.size()).isZero();
    }

    @Test
    void givenBadOrUnknownIdsOrAnotherRole_whenAsked_thenProblems() {
        assertProblem(auditor().get("/api/audit/journeys/not-a-journey/verification"), 400);
        assertProblem(auditor().get(export(UUID.randomUUID().toString())), 404);
        assertProblem(auditor().get(verification(UUID.randomUUID().toString())), 404);
        assertProblem(auditor().get("/api/audit/verifications/" + UUID.randomUUID()), 404);
        assertProblem(auditor().get("/api/audit/verifications/42"), 400);
        assertProblem(caseworker().get(export(journeyWithAMilestone())), 403);
        assertProblem(analyst().post("/api/audit/verifications", ""), 403);
    }

    @Test
    void givenTheWholeStore_whenVerifiedInTheBackground_thenItsProgressEndsIntactHavingCheckedEveryEvent() {
        journeyWithAMilestone();
        long eventsBefore = allEvents();

        ApiClient.Response started = auditor().post("/api/audit/verifications", "");

        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String location = started.header("Location");
        assertThat(location)
                .isEqualTo(
                        "/api/audit/verifications/" + started.json().path("id").asString());
        assertThat(started.json().path("startedBy").asString()).isEqualTo("auditor");
        await().atMost(Duration.ofSeconds(60))
                .until(() -> !"RUNNING"
                        .equals(admin().get(location).json().path("state").asString()));
        JsonNode done = admin().get(location).json();
        assertThat(done.path("state").asString()).as(done.toString()).isEqualTo("INTACT");
        assertThat(done.path("eventsChecked").asLong()).isGreaterThanOrEqualTo(eventsBefore);
        assertThat(done.path("eventsTotal").asLong())
                .isEqualTo(done.path("eventsChecked").asLong());
        assertThat(done.path("percent").asInt()).isEqualTo(100);
        assertThat(done.path("brokenChains").asLong()).isZero();
        assertThat(done.path("broken")).isEmpty();
        assertThat(done.path("finishedAt").isNull()).isFalse();
        assertThat(auditor().get("/api/audit/verifications").json().get(0).path("id"))
                .isEqualTo(done.path("id"));
        assertThat(jdbc.queryForObject(
                        "select count(*) from access_log where action = 'CHAIN_VERIFIED' and subject = ?",
                        Long.class,
                        done.path("id").asString()))
                .isEqualTo(1);
    }

    private String journeyWithAMilestone() {
        String journeyId = registerJourney(today().minusDays(30).toString());
        record(caseworker(), journeyId, milestone("INTRODUCTORY_MEETING_HELD", today().minusDays(20)));
        return journeyId;
    }

    private String newestStoredHash(String journeyId) {
        return jdbc.queryForObject(
                "select encode(chain_hash, 'hex') from domain_event_entry where aggregate_identifier = ?"
                        + " order by sequence_number desc limit 1",
                String.class,
                journeyId);
    }

    private String storedPayload(String journeyId, long sequence) {
        return jdbc.queryForObject(
                "select convert_from(payload, 'UTF8') from domain_event_entry where aggregate_identifier = ?"
                        + " and sequence_number = ?",
                String.class,
                journeyId,
                sequence);
    }

    private List<String> readsOf(String journeyId) {
        List<String> actions = new ArrayList<>();
        for (JsonNode read :
                auditor().get("/api/audit/journeys/" + journeyId + "/reads").json()) {
            actions.add(read.path("action").asString());
        }
        return actions;
    }

    private Path saved(String content) throws IOException {
        Path file = files.resolve(UUID.randomUUID() + ".json");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private static String verification(String journeyId) {
        return "/api/audit/journeys/" + journeyId + "/verification";
    }

    private static String export(String journeyId) {
        return "/api/audit/journeys/" + journeyId + "/export";
    }
}
