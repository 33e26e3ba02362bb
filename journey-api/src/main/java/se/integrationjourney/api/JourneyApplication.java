package se.integrationjourney.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The integration-journey service: HTTP API over the event-sourced journey records. It scans the whole project:
 * the read side's views and runtime live in {@code se.integrationjourney.projections}.
 */
@SpringBootApplication(scanBasePackages = "se.integrationjourney")
public class JourneyApplication {

    static {
        AxonUpdateCheckerOptOut.apply();
    }

    public static void main(String[] args) {
        SpringApplication.run(JourneyApplication.class, args);
    }
}
