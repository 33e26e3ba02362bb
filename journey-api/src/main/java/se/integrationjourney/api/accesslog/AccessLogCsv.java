package se.integrationjourney.api.accesslog;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import se.integrationjourney.projections.outcomes.OutcomeCsv;

/**
 * The access log's answers as CSV for auditors (RFC 4180 as {@link OutcomeCsv#render} writes it: a header row, CRLF
 * line ends, fields with a comma, quote or line break quoted; UTF-8 is the response's). Moments are UTC instants as
 * in the JSON answers; several roles are comma-separated within their field, several journeys space-separated.
 */
public final class AccessLogCsv {

    private AccessLogCsv() {}

    /** Who was shown a journey: one row per read. */
    public static String readsOfJourney(List<AccessEntry> reads) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("at", "username", "roles", "action", "resource", "correlationId"));
        for (AccessEntry read : reads) {
            rows.add(List.of(
                    read.at().toString(),
                    read.username(),
                    text(read.roles()),
                    read.action().name(),
                    read.resource(),
                    text(read.correlationId())));
        }
        return OutcomeCsv.render(rows);
    }

    /** What an account was shown and did: one row per entry, {@code kind} READ or ACT. */
    public static String entriesOfAccount(List<AccessEntry> entries) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(
                "at", "username", "kind", "action", "roles", "resource", "journeyIds", "subject", "correlationId"));
        for (AccessEntry entry : entries) {
            rows.add(List.of(
                    entry.at().toString(),
                    entry.username(),
                    entry.action().kind().name(),
                    entry.action().name(),
                    text(entry.roles()),
                    entry.resource(),
                    entry.journeyIds().stream().map(UUID::toString).collect(Collectors.joining(" ")),
                    text(entry.subject()),
                    text(entry.correlationId())));
        }
        return OutcomeCsv.render(rows);
    }

    /** A username as a file name may hold it: what an account's name may be, anything else left out. */
    public static String fileNamePart(String username) {
        String kept = username.replaceAll("[^A-Za-z0-9._@-]", "");
        return kept.isEmpty() ? "account" : kept;
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
