package se.integrationjourney.api.operations;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the service logs, {@code journey.logging.*} (the default is application.yml's).
 *
 * @param databaseOutageOnce a database outage as one WARN line and one INFO line ({@link DatabaseOutage}), or
 *                           every failure with its stack trace
 */
@ConfigurationProperties("journey.logging")
public record LoggingSettings(boolean databaseOutageOnce) {}
