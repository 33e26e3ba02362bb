package se.integrationjourney.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import se.integrationjourney.api.JourneyApplication;
import se.integrationjourney.projections.runtime.ProjectionRunner;
import se.integrationjourney.projections.runtime.ProjectionStatus;
import se.integrationjourney.projections.testsupport.ThrowawayDatabase;

/** Starts the real application, as the README's run command does, on a benchmark's throwaway database. */
final class BenchmarkApplication {

    private static final long POLL_MILLIS = 100;

    private BenchmarkApplication() {}

    /**
     * The application on that database, on a random port, quiet; {@code extra} are further command-line
     * arguments ({@code --name=value}).
     */
    static ConfigurableApplicationContext start(ThrowawayDatabase database, String... extra) {
        return start(database, List.of(), extra);
    }

    /**
     * As {@link #start(ThrowawayDatabase, String...)}, with further configuration classes of a benchmark's own after
     * the application's (e.g. to replace one of its beans, with {@code --spring.main.allow-bean-definition-overriding=true}
     * among {@code extra}).
     */
    static ConfigurableApplicationContext start(
            ThrowawayDatabase database, List<Class<?>> configurations, String... extra) {
        List<String> arguments = new ArrayList<>(List.of(database.commandLineArguments()));
        arguments.addAll(List.of(
                "--server.port=0",
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN",
                // the runtime's own INFO lines (rebuild started, swapped in after n ms) belong in a benchmark's log
                "--logging.level.se.integrationjourney.projections.runtime=INFO",
                // the pool as shipped (a fixed pool of Hikari's default ten), not the tests' pools that shrink when
                // idle
                // (src/test/resources/application.properties, on this classpath too)
                "--spring.datasource.hikari.minimum-idle=10",
                "--spring.datasource.hikari.idle-timeout=600000",
                // Hikari's own 30 s wait for a connection, as the suite measured before the service's 2 s (which
                // answers 503 quickly when the database is gone): the saturation windows queue 50 readers, the
                // appends and the views on ten connections, and measure that queue rather than shed it
                // (docs/benchmark-notes.md, "Saturation and the connection wait").
                "--spring.datasource.hikari.connection-timeout=30000"));
        arguments.addAll(List.of(extra));
        return new SpringApplicationBuilder(JourneyApplication.class)
                .sources(configurations.toArray(Class<?>[]::new))
                .initializers(context -> context.getBeanFactory()
                        .registerSingleton(
                                "benchmarkExcludesTestClasses",
                                new se.integrationjourney.api.testsupport.ExcludeTestClasses()))
                .run(arguments.toArray(String[]::new));
    }

    /** Waits until every view has handled every event in the store (polling the runner's status). */
    static void awaitCaughtUp(ProjectionRunner runner, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!runner.status().stream().allMatch(ProjectionStatus::caughtUp)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("views did not catch up within " + limit + ": " + runner.status());
            }
            pause(POLL_MILLIS);
        }
    }

    /** Polling pause of the benchmarks (never used to wait for a result: only to look again). */
    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
