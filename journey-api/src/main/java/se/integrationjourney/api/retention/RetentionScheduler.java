package se.integrationjourney.api.retention;

import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.TriggerContext;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Runs retention each day at {@code journey.retention.run-at} in Swedish time, when {@code journey.retention.enabled},
 * and an administrator's "run now" at once: both on one thread of its own, so that a run never holds up a request and
 * two runs of this node never overlap. The schedule reads the service's {@link Clock}.
 */
@Component
@EnableConfigurationProperties(RetentionSettings.class)
class RetentionScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RetentionScheduler.class);

    private final RetentionJob job;
    private final RetentionSettings settings;
    private final Clock clock;
    private volatile ThreadPoolTaskScheduler scheduler;

    RetentionScheduler(RetentionJob job, RetentionSettings settings, Clock clock) {
        this.job = job;
        this.settings = settings;
        this.clock = clock;
    }

    /** Starts a run now on the retention thread, after any run of this node already going. */
    void runNow(String username) {
        scheduler.execute(() -> safely(() -> job.runNow(username)));
    }

    @Override
    public void start() {
        ThreadPoolTaskScheduler started = new ThreadPoolTaskScheduler();
        started.setPoolSize(1);
        started.setThreadNamePrefix("retention-");
        started.setClock(clock);
        started.setWaitForTasksToCompleteOnShutdown(false);
        started.initialize();
        if (settings.enabled()) {
            started.schedule(() -> safely(job::runScheduled), this::nextRun);
            log.info(
                    "Retention runs at {} (Europe/Stockholm): personal data of journeys last recorded more than {} ago"
                            + " is erased",
                    settings.runAt(),
                    settings.keepFor());
        } else {
            log.info("Retention does not run by itself (journey.retention.enabled is false)");
        }
        scheduler = started;
    }

    /** After the later of now and the last run's planned moment, so that a quick run is not started twice. */
    private Instant nextRun(TriggerContext context) {
        Instant now = context.getClock().instant();
        Instant last = context.lastScheduledExecution();
        return settings.nextAfter(last != null && last.isAfter(now) ? last : now)
                .toInstant();
    }

    @Override
    public void stop() {
        ThreadPoolTaskScheduler running = scheduler;
        scheduler = null;
        if (running != null) {
            running.shutdown();
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }

    /** A run's failure is logged by its type (a message may quote data), and the schedule goes on. */
    private static void safely(Runnable run) {
        try {
            run.run();
        } catch (RuntimeException failure) {
            log.error("Retention failed: {}", failure.getClass().getName());
        }
    }
}
