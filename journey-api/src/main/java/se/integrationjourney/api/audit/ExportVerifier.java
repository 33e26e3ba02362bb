package se.integrationjourney.api.audit;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import se.integrationjourney.eventstore.BrokenLink;
import se.integrationjourney.eventstore.ChainWalk;
import se.integrationjourney.eventstore.ChainedEvent;
import se.integrationjourney.eventstore.EventChain;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Verifies a journey's export ({@link JourneyExport}) without the service, its database or Spring:
 * {@code java -jar journey-api.jar verify FILE} (JourneyApplication hands the command here). It recomputes every
 * event's link from the exported bytes and the previous link, as the database computed it when the event was stored
 * ({@link EventChain}), and compares it with the exported one. Prints {@code intact: N events, last hash HEX} and
 * exits 0, or names the first broken link and exits 1; a file it cannot read as an export exits 2.
 */
public final class ExportVerifier {

    public static final int INTACT = 0;
    public static final int BROKEN = 1;
    public static final int UNREADABLE = 2;

    private ExportVerifier() {}

    /** The command: {@code verify FILE}, {@code args} being what follows {@code verify}. @return the exit code */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.size() != 1) {
            err.println("usage: java -jar journey-api.jar verify FILE   (FILE: a journey's export,"
                    + " GET /api/audit/journeys/{id}/export)");
            return UNREADABLE;
        }
        Result result = verify(Path.of(args.get(0)));
        (result.exitCode() == INTACT ? out : err).println(result.message());
        return result.exitCode();
    }

    /** What the file says of its journey's chain. */
    public record Result(int exitCode, String message) {

        static Result intact(long events, String lastHash, String journeyId) {
            return new Result(
                    INTACT, "intact: %d events, last hash %s (journey %s)".formatted(events, lastHash, journeyId));
        }

        static Result broken(String why) {
            return new Result(BROKEN, "broken: " + why);
        }

        static Result unreadable(Path file, String why) {
            return new Result(UNREADABLE, "cannot verify " + file + ": " + why);
        }
    }

    public static Result verify(Path file) {
        JsonNode export;
        try {
            export = JsonMapper.builder().build().readTree(Files.readAllBytes(file));
        } catch (JacksonException notJson) {
            var at = notJson.getLocation();
            return Result.unreadable(
                    file,
                    at == null
                            ? "not JSON"
                            : "not JSON (at line %d, column %d)".formatted(at.getLineNr(), at.getColumnNr()));
        } catch (java.io.IOException unreadable) {
            return Result.unreadable(file, unreadable.getClass().getSimpleName() + " " + unreadable.getMessage());
        }
        if (!export.isObject() || !export.path("events").isArray()) {
            return Result.unreadable(file, "not a journey's export (no list of events)");
        }
        String definition = export.path("hashDefinition").asString(null);
        if (!EventChain.DEFINITION.equals(definition)) {
            return Result.unreadable(
                    file, "its hash definition is " + definition + "; this verifier knows " + EventChain.DEFINITION);
        }
        String journeyId = export.path("journeyId").asString(null);
        if (journeyId == null) {
            return Result.unreadable(file, "it names no journey (journeyId)");
        }
        JsonNode events = export.path("events");
        if (events.isEmpty()) {
            return Result.broken("the export holds no events: every journey has at least its registration");
        }
        ChainWalk walk = new ChainWalk(journeyId);
        for (int i = 0; i < events.size(); i++) {
            JsonNode event = events.get(i);
            ChainedEvent stored;
            try {
                stored = event(event);
            } catch (IllegalArgumentException unreadable) {
                return Result.broken("event " + i + " of the list (event id "
                        + event.path("eventIdentifier").asString("?") + ") cannot be read: " + unreadable.getMessage());
            }
            if (!journeyId.equals(stored.aggregateIdentifier())) {
                return Result.broken("event %d (event id %s) is of %s, not of the exported journey %s"
                        .formatted(
                                stored.sequenceNumber(),
                                stored.eventIdentifier(),
                                stored.aggregateIdentifier(),
                                journeyId));
            }
            if (!walk.next(stored)) {
                BrokenLink broken = walk.broken();
                return Result.broken(broken.describe());
            }
        }
        String last = EventChain.hex(walk.lastLink());
        JsonNode lastHash = export.path("lastHash");
        if (!lastHash.isMissingNode() && !lastHash.isNull() && !last.equals(lastHash.asString(""))) {
            return Result.broken(
                    "the export's lastHash " + lastHash.asString("") + " is not its newest event's hash " + last);
        }
        return Result.intact(walk.intactEvents(), last, journeyId);
    }

    private static ChainedEvent event(JsonNode event) {
        return new ChainedEvent(
                number(event, "globalIndex"),
                text(event, "aggregateIdentifier", false),
                number(event, "sequenceNumber"),
                text(event, "eventIdentifier", false),
                text(event, "timeStamp", false),
                text(event, "payloadType", false),
                text(event, "payloadRevision", true),
                bytes(event, "payload", false),
                bytes(event, "metaData", true),
                text(event, "type", true),
                hash(text(event, "chainHash", false)));
    }

    private static String text(JsonNode event, String field, boolean nullable) {
        JsonNode value = event.path(field);
        if (value.isString()) {
            return value.asString();
        }
        if (nullable && (value.isNull() || value.isMissingNode())) {
            return null;
        }
        throw new IllegalArgumentException(field + " is not " + (nullable ? "text or null" : "text"));
    }

    private static long number(JsonNode event, String field) {
        JsonNode value = event.path(field);
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new IllegalArgumentException(field + " is not a whole number");
        }
        return value.longValue();
    }

    private static byte[] bytes(JsonNode event, String field, boolean nullable) {
        String base64 = text(event, field, nullable);
        if (base64 == null) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalArgumentException(field + " is not base64");
        }
    }

    private static byte[] hash(String hex) {
        if (hex.length() != 2 * EventChain.LINK_LENGTH || !hex.chars().allMatch(HexFormat::isHexDigit)) {
            throw new IllegalArgumentException(
                    "chainHash is not " + 2 * EventChain.LINK_LENGTH + " hexadecimal digits");
        }
        return EventChain.fromHex(hex);
    }
}
