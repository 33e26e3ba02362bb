package se.integrationjourney.api.admin;

import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import se.integrationjourney.api.accesslog.AccessAction;
import se.integrationjourney.api.accesslog.AccessLog;
import se.integrationjourney.api.security.JourneyUser;
import se.integrationjourney.projections.runtime.DeadLetteredJourney;
import se.integrationjourney.projections.runtime.ProjectionRunner;
import se.integrationjourney.projections.runtime.ProjectionStatus;
import se.integrationjourney.projections.runtime.UnknownProjectionException;

/**
 * What administrators do to the views, for the API and the web application alike: each act recorded in the access
 * log with who did it and when.
 */
@Component
public class ViewAdministration {

    /** The most dead-lettered journeys listed at once. */
    public static final int MAX_DEAD_LETTERS_LISTED = 100;

    /** The access log's subject for a rebuild of every view. */
    static final String ALL_VIEWS = "*";

    private final ProjectionRunner projections;
    private final AccessLog accessLog;

    public ViewAdministration(ProjectionRunner projections, AccessLog accessLog) {
        this.projections = projections;
        this.accessLog = accessLog;
    }

    public List<ProjectionStatus> status() {
        return projections.status();
    }

    /** This node's name, as the views' segments name the node holding them. */
    public String nodeName() {
        return projections.nodeName();
    }

    /** The nodes processing events on the database now, by name. */
    public List<String> nodes() {
        return projections.nodes();
    }

    /** @throws UnknownProjectionException if no view has that name */
    public ProjectionStatus status(String name) {
        return projections.status().stream()
                .filter(status -> status.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new UnknownProjectionException(name));
    }

    /** Starts rebuilding the view (asking again while one runs changes nothing, and is recorded too). */
    public ProjectionStatus rebuild(JourneyUser admin, String resource, String name) {
        projections.rebuild(name);
        accessLog.act(admin.actor(), AccessAction.VIEW_REBUILD_STARTED, resource, name);
        return status(name);
    }

    public List<ProjectionStatus> rebuildAll(JourneyUser admin, String resource) {
        projections.rebuildAll();
        accessLog.act(admin.actor(), AccessAction.VIEW_REBUILD_STARTED, resource, ALL_VIEWS);
        return projections.status();
    }

    /** @return how many journeys' queued events could now be handled */
    public int retryDeadLetters(JourneyUser admin, String resource, String name) {
        int retried = projections.retryDeadLetters(name);
        accessLog.act(admin.actor(), AccessAction.DEAD_LETTERS_RETRIED, resource, name);
        return retried;
    }

    public List<DeadLetteredJourney> deadLetters(String name) {
        return projections.deadLetters(name, MAX_DEAD_LETTERS_LISTED);
    }

    /** @return how many of the journey's events were dropped from the view's queue (0: it had none) */
    public int dropDeadLetters(JourneyUser admin, String resource, String name, UUID journeyId) {
        int dropped = projections.evictDeadLetters(name, journeyId.toString());
        if (dropped > 0) {
            accessLog.act(admin.actor(), AccessAction.DEAD_LETTER_DELETED, resource, name + " " + journeyId);
        }
        return dropped;
    }
}
