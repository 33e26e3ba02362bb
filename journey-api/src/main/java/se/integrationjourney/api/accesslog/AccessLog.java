package se.integrationjourney.api.accesslog;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.integrationjourney.api.web.RequestCorrelation;

/**
 * Records who saw or did what ({@code access_log}, append-only in the database). An entry names journeys by id and
 * accounts by username, never a person's name or identity number. Written in the caller's transaction when there is
 * one, so an administrative act and its entry are committed together.
 */
@Component
public class AccessLog {

    private final JdbcTemplate jdbc;

    public AccessLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A read of one journey's personal data. */
    public void journeyRead(Actor actor, AccessAction action, String resource, UUID journeyId) {
        record(actor, action, resource, List.of(journeyId), null);
    }

    /**
     * A read of several journeys' personal data at once (a caseload page, a search's results). Nothing is recorded
     * when no journey was shown: an entry without journeys is an administrative act to the access log's readers.
     */
    public void journeysRead(Actor actor, AccessAction action, String resource, Collection<UUID> journeyIds) {
        if (!journeyIds.isEmpty()) {
            record(actor, action, resource, List.copyOf(journeyIds), null);
        }
    }

    /**
     * A read of several journeys' data made for {@code subject} (a saved study's research extract): recorded even
     * when it named no journey, so that every such read is in the log.
     */
    public void journeysReadFor(
            Actor actor, AccessAction action, String resource, Collection<UUID> journeyIds, String subject) {
        record(actor, action, resource, List.copyOf(journeyIds), subject);
    }

    /**
     * An administrative act on one journey (an erasure), written with the act: {@code subject} says more, never
     * personal data.
     */
    public void actOnJourney(Actor actor, AccessAction action, String resource, UUID journeyId, String subject) {
        record(actor, action, resource, List.of(journeyId), subject);
    }

    /** An administrative act on {@code subject} (an account's username, a view's name). */
    public void act(Actor actor, AccessAction action, String resource, String subject) {
        record(actor, action, resource, List.of(), subject);
    }

    private void record(
            Actor actor, AccessAction action, String resource, Collection<UUID> journeyIds, String subject) {
        jdbc.update(
                "insert into access_log (username, roles, action, resource, journey_ids, subject, correlation_id)"
                        + " values (?, ?, ?, ?, ?, ?, ?)",
                insert -> {
                    insert.setString(1, actor.username());
                    insert.setString(2, actor.roles());
                    insert.setString(3, action.name());
                    insert.setString(4, resource);
                    insert.setArray(5, insert.getConnection().createArrayOf("uuid", journeyIds.toArray()));
                    insert.setString(6, subject);
                    insert.setString(7, RequestCorrelation.current());
                });
    }
}
