package se.integrationjourney.api.pages.admin;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** How the administrator pages write times: local Swedish time, to the minute or second, the same in both languages. */
final class AdminTexts {

    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");
    private static final DateTimeFormatter MINUTE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(SWEDEN);
    private static final DateTimeFormatter SECOND =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(SWEDEN);

    private AdminTexts() {}

    static String minute(Instant at) {
        return at == null ? null : MINUTE.format(at);
    }

    static String second(Instant at) {
        return at == null ? null : SECOND.format(at);
    }
}
