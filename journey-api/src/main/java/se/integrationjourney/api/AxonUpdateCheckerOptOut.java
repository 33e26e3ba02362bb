package se.integrationjourney.api;

/**
 * Keeps Axon's update checker, which reports to AxonIQ over the internet, switched off unless an operator
 * explicitly switches it on.
 *
 * <p>Spring's auto-configuration of the checker is excluded in {@code application.yml}; Axon also registers
 * it through a {@code ServiceLoader} module that reads only the environment and system properties, so the
 * opt-out is set here as well, before any Axon class runs.
 */
final class AxonUpdateCheckerOptOut {

    static final String SYSTEM_PROPERTY = "axoniq.update-checker.disabled";
    static final String ENVIRONMENT_VARIABLE = "AXONIQ_UPDATE_CHECKER_DISABLED";

    private AxonUpdateCheckerOptOut() {}

    static void apply() {
        if (System.getProperty(SYSTEM_PROPERTY) == null && System.getenv(ENVIRONMENT_VARIABLE) == null) {
            System.setProperty(SYSTEM_PROPERTY, "true");
        }
    }
}
