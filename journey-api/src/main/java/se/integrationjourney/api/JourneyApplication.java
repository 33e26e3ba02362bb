package se.integrationjourney.api;

import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import se.integrationjourney.api.audit.ExportVerifier;

/**
 * The integration-journey service: HTTP API over the event-sourced journey records. It scans the whole project:
 * the read side's views and runtime live in {@code se.integrationjourney.projections}.
 *
 * <p>{@code java -jar journey-api.jar verify FILE} starts no service: it verifies a journey's export and exits
 * ({@link ExportVerifier}; docs/operations.md, "Tamper evidence"), so that anyone holding the jar can check an
 * export without a database.
 */
@SpringBootApplication(scanBasePackages = "se.integrationjourney")
public class JourneyApplication {

    static {
        AxonUpdateCheckerOptOut.apply();
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("verify")) {
            System.exit(ExportVerifier.run(List.of(args).subList(1, args.length), System.out, System.err));
        }
        SpringApplication.run(JourneyApplication.class, args);
    }
}
