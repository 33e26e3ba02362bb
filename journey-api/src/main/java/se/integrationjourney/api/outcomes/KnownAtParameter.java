package se.integrationjourney.api.outcomes;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import se.integrationjourney.api.web.ApiException;
import se.integrationjourney.api.web.Problems;

/**
 * The {@code knownAt} parameter of the outcome queries: an instant with its offset ({@code 2025-06-30T12:00:00Z},
 * {@code 2025-06-30T14:00:00+02:00}) or a date, meaning the end of that day in Sweden (its last millisecond, the
 * precision of the event store's timestamps).
 */
public final class KnownAtParameter {

    static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");
    public static final String DESCRIPTION = "Only events stored at or before this moment count: an instant with"
            + " its offset (2025-06-30T12:00:00Z) or a date (the end of that day, Europe/Stockholm); default now. A"
            + " moment later than now less the settle margin (60 s) is answered as of that, and `knownAt.movedBack`"
            + " says so.";

    private KnownAtParameter() {}

    /** The moment, {@code null} when none is given. */
    public static Instant parse(String knownAt) {
        return parse(knownAt, "knownAt");
    }

    /** The moment given in the parameter {@code name}, {@code null} when none is given. */
    public static Instant parse(String knownAt, String name) {
        if (knownAt == null || knownAt.isBlank()) {
            return null;
        }
        String text = knownAt.strip();
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text)
                        .plusDays(1)
                        .atStartOfDay(SWEDEN)
                        .toInstant()
                        .minusMillis(1);
            }
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notAMoment) {
            throw new ApiException(
                    Problems.VALIDATION,
                    name + " must be an instant with its offset, such as 2025-06-30T12:00:00Z, or a date, such as"
                            + " 2025-06-30 (the end of that day in Sweden)");
        }
    }
}
