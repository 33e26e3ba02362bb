package se.integrationjourney.api.accesslog;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.integrationjourney.api.web.RequestCorrelation;

/**
 * Records who saw or did what ({@code access_log}, append-only in the database). An entry names journeys by id and
 * accounts by username, never a person's name or identity number; it keeps the moment of the read or act, the
 * actor and the request's correlation id, all taken on the caller's thread.
 *
 * <p>Reads of personal data ({@link #journeyRead}, {@link #journeysRead}) are written behind, in small batches
 * ({@link AccessLogWriter}, docs/adr/0018-access-log-written-behind.md): the answer does not wait for the entry's
 * commit, and a read whose entry cannot be kept is refused ({@link AccessLogUnavailable}). Administrative acts and
 * research extracts are written at once, in the caller's transaction when there is one, so an act and its entry are
 * committed together.
 */
@Component
public class AccessLog {

    private final JdbcTemplate jdbc;
    private final AccessLogWriter behind;

    AccessLog(JdbcTemplate jdbc, AccessLogWriter behind) {
        this.jdbc = jdbc;
        this.behind = behind;
    }

    /**
     * A read of one journey's personal data, written behind.
     *
     * @throws AccessLogUnavailable when the entry cannot be kept: the caller must not show the data
     */
    public void journeyRead(Actor actor, AccessAction action, String resource, UUID journeyId) {
        behind.add(entry(actor, action, resource, List.of(journeyId), null));
    }

    /**
     * A read of several journeys' personal data at once (a caseload page, a search's results), written behind.
     * Nothing is recorded when no journey was shown: an entry without journeys is an administrative act to the
     * access log's readers.
     *
     * @throws AccessLogUnavailable when the entry cannot be kept: the caller must not show the data
     */
    public void journeysRead(Actor actor, AccessAction action, String resource, Collection<UUID> journeyIds) {
        if (!journeyIds.isEmpty()) {
            behind.add(entry(actor, action, resource, List.copyOf(journeyIds), null));
        }
    }

    /**
     * A read of several journeys' data made for {@code subject} (a saved study's research extract): written at once,
     * in the caller's transaction, and even when it named no journey, so that every such read is in the log.
     */
    public void journeysReadFor(
            Actor actor, AccessAction action, String resource, Collection<UUID> journeyIds, String subject) {
        AccessLogWriter.insert(jdbc, List.of(entry(actor, action, resource, List.copyOf(journeyIds), subject)));
    }

    /**
     * An administrative act on one journey (an erasure), written at once, with the act: {@code subject} says more,
     * never personal data.
     */
    public void actOnJourney(Actor actor, AccessAction action, String resource, UUID journeyId, String subject) {
        AccessLogWriter.insert(jdbc, List.of(entry(actor, action, resource, List.of(journeyId), subject)));
    }

    /** An administrative act on {@code subject} (an account's username, a view's name), written at once. */
    public void act(Actor actor, AccessAction action, String resource, String subject) {
        AccessLogWriter.insert(jdbc, List.of(entry(actor, action, resource, List.of(), subject)));
    }

    /**
     * Waits until every read recorded before the call is written to the table: for questions to the log that must
     * see them (and for tests, which read the table right after a read).
     *
     * @throws IllegalStateException if the writer stopped with entries it could not write
     */
    public void flush() {
        behind.flush();
    }

    /** As {@link #flush()}, waiting at most {@code atMost}; whether everything recorded before the call is written. */
    public boolean flush(Duration atMost) {
        return behind.flush(atMost);
    }

    private static AccessLogWriter.Entry entry(
            Actor actor, AccessAction action, String resource, List<UUID> journeyIds, String subject) {
        return new AccessLogWriter.Entry(
                Instant.now(), actor, action, resource, journeyIds, subject, RequestCorrelation.current());
    }
}
