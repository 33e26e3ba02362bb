package se.integrationjourney.api.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The first account's password, {@code journey.admin-password} ({@code JOURNEY_ADMIN_PASSWORD}): used once, when
 * the service starts with no account at all; blank for a random one printed once to the log.
 */
@ConfigurationProperties("journey")
public record AdminAccountSettings(String adminPassword) {

    public AdminAccountSettings {
        adminPassword = adminPassword == null ? "" : adminPassword;
    }
}
