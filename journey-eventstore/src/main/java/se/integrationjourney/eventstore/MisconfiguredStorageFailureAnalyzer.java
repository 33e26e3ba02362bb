package se.integrationjourney.eventstore;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a {@link MisconfiguredStorageException} into Spring Boot's short "APPLICATION FAILED TO START" report. */
class MisconfiguredStorageFailureAnalyzer extends AbstractFailureAnalyzer<MisconfiguredStorageException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MisconfiguredStorageException cause) {
        if (cause.getMessage().contains("master key")) {
            return new FailureAnalysis(
                    cause.getMessage(),
                    "Set JOURNEY_MASTER_KEY or JOURNEY_MASTER_KEY_FILE to the key every node of this database uses."
                            + " See docs/operations.md, \"The master key\".",
                    cause);
        }
        return new FailureAnalysis(
                cause.getMessage(),
                "Remove the bean that replaces the PostgreSQL-backed component, or the property that selects it."
                        + " See docs/adr/0002-event-store-schema.md.",
                cause);
    }
}
