package se.integrationjourney.api.retention;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.springframework.stereotype.Component;
import se.integrationjourney.api.accesslog.AccessAction;
import se.integrationjourney.api.accesslog.AccessLog;
import se.integrationjourney.api.security.JourneyUser;

/**
 * What administrators do with retention, for the API and the web application alike: see what it would erase today
 * (a dry run) and run it now, each recorded in the access log as their act; and how it is set and last ran.
 */
@Component
public class RetentionAdministration {

    private final RetentionPlanner planner;
    private final RetentionScheduler scheduler;
    private final RetentionRuns runs;
    private final RetentionJob job;
    private final RetentionSettings settings;
    private final AccessLog accessLog;
    private final Clock clock;

    RetentionAdministration(
            RetentionPlanner planner,
            RetentionScheduler scheduler,
            RetentionRuns runs,
            RetentionJob job,
            RetentionSettings settings,
            AccessLog accessLog,
            Clock clock) {
        this.planner = planner;
        this.scheduler = scheduler;
        this.runs = runs;
        this.job = job;
        this.settings = settings;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    /**
     * How retention stands.
     *
     * @param nextRun  when the daily run is next, in Swedish time; empty when it does not run by itself
     * @param lastRun  the newest run, by schedule or by hand
     * @param canErase false when this version of the service has no erasure, so a run erases nothing
     */
    public record Status(
            RetentionSettings settings,
            Optional<ZonedDateTime> nextRun,
            Optional<RetentionRuns.Run> lastRun,
            boolean canErase) {}

    public RetentionSettings settings() {
        return settings;
    }

    public Status status() {
        return new Status(settings, settings.nextRunAfter(clock.instant()), runs.last(), job.canErase());
    }

    /** What a run would do now, without doing it; recorded as the administrator's act. */
    public RetentionPlan dryRun(JourneyUser admin, String resource) {
        RetentionPlan plan = planner.plan();
        accessLog.act(
                admin.actor(),
                AccessAction.RETENTION_DRY_RUN,
                resource,
                plan.day().toString());
        return plan;
    }

    /**
     * Starts a run now, in the background ({@link #status()} tells how it went); recorded as the
     * administrator's act before it starts.
     */
    public void runNow(JourneyUser admin, String resource) {
        accessLog.act(
                admin.actor(),
                AccessAction.RETENTION_RUN,
                resource,
                clock.instant().atZone(RetentionSettings.ZONE).toLocalDate().toString());
        scheduler.runNow(admin.username());
    }
}
