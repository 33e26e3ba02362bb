package se.integrationjourney.api.operations;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;
import se.integrationjourney.projections.runtime.ProjectionRunner;
import se.integrationjourney.projections.runtime.ProjectionStatus;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The event processors in {@code /actuator/health} ("projections"): DOWN when the views are not running,
 * otherwise UP with each view's position, lag behind the head of the store, replay state and dead letters.
 * A view with dead letters still serves (other journeys go on), so it reports its failure in the details.
 */
@Component("projections")
class ProjectionsHealthIndicator extends AbstractHealthIndicator {

    private final ProjectionRunner runner;

    ProjectionsHealthIndicator(ProjectionRunner runner) {
        super("Event processors could not be checked");
        this.runner = runner;
    }

    @Override
    protected void doHealthCheck(Health.Builder health) {
        if (!runner.isRunning()) {
            health.down().withDetail("reason", "the views' event processors are not running");
            return;
        }
        health.up();
        for (ProjectionStatus status : runner.status()) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("position", status.position());
            details.put("lag", Math.max(0, status.headPosition() - status.position()));
            details.put("replaying", status.replaying());
            details.put("deadLetters", status.deadLetters());
            if (status.lastError() != null) {
                details.put("lastError", status.lastError());
            }
            health.withDetail(status.name(), details);
        }
    }
}
