package se.integrationjourney.api.operations;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;
import se.integrationjourney.projections.caseload.CaseloadMemory;
import se.integrationjourney.projections.runtime.ProjectionRunner;
import se.integrationjourney.projections.runtime.ProjectionStatus;

/**
 * The event processors in {@code /actuator/health} ("projections"): DOWN when the views are not running or one of
 * them has stalled (events wait and a segment does not move: its answers grow stale), DEGRADED (still answered 200)
 * when a view has dead letters or a segment whose batches fail, otherwise UP; with this node's name ({@code node}),
 * the nodes processing events on the database ({@code nodes}), and each view's position, lag behind the head of the
 * store, replay state, dead letters, current error and segments, each with the node that holds it ({@code owner});
 * and whether this node answers caseload pages from its copy in memory ({@code caseloadInMemory}: while it is not
 * current, after a lost connection, they are read from PostgreSQL).
 */
@Component("projections")
class ProjectionsHealthIndicator extends AbstractHealthIndicator {

    /** A view answers, but not all of it is current: dead letters, or a segment whose batches fail. */
    static final Status DEGRADED = new Status("DEGRADED");

    private final ProjectionRunner runner;
    private final CaseloadMemory caseloadMemory;

    ProjectionsHealthIndicator(ProjectionRunner runner, CaseloadMemory caseloadMemory) {
        super("Event processors could not be checked");
        this.runner = runner;
        this.caseloadMemory = caseloadMemory;
    }

    @Override
    protected void doHealthCheck(Health.Builder health) {
        if (!runner.isRunning()) {
            health.down().withDetail("reason", "the views' event processors are not running");
            return;
        }
        List<ProjectionStatus> statuses = runner.status();
        if (statuses.stream().anyMatch(status -> ProjectionStatus.DOWN.equals(status.condition()))) {
            health.down();
        } else if (statuses.stream().anyMatch(status -> ProjectionStatus.DEGRADED.equals(status.condition()))) {
            health.status(DEGRADED);
        } else {
            health.up();
        }
        health.withDetail("node", runner.nodeName());
        health.withDetail("nodes", runner.nodes());
        Map<String, Object> memory = new LinkedHashMap<>();
        memory.put("current", caseloadMemory.current());
        memory.put("openJourneys", caseloadMemory.size());
        memory.put("loadedAt", String.valueOf(caseloadMemory.loadedAt()));
        health.withDetail("caseloadInMemory", memory);
        for (ProjectionStatus status : statuses) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("position", status.position());
            details.put("lag", Math.max(0, status.headPosition() - status.position()));
            details.put("replaying", status.replaying());
            details.put("deadLetters", status.deadLetters());
            details.put("condition", status.condition());
            if (status.lastError() != null) {
                details.put("lastError", status.lastError());
            }
            details.put("segments", status.segments());
            health.withDetail(status.name(), details);
        }
    }
}
