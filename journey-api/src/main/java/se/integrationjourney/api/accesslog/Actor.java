package se.integrationjourney.api.accesslog;

/**
 * Who an access-log entry is about, as the access log needs them: a username and the roles held at the time.
 *
 * @param roles comma-separated, e.g. {@code ADMIN,AUDITOR}
 */
public record Actor(String username, String roles) {}
