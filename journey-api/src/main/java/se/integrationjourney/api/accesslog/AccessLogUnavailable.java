package se.integrationjourney.api.accesslog;

import se.integrationjourney.api.web.ApiException;
import se.integrationjourney.api.web.Problems;

/**
 * A read of personal data refused because its access-log entry cannot be kept: the database has not taken the
 * entries for a while and the queue is full. The API answers 503 ({@code access-log-unavailable}), a page says so;
 * nothing personal is shown unlogged.
 */
public final class AccessLogUnavailable extends ApiException {

    AccessLogUnavailable() {
        super(
                Problems.ACCESS_LOG_UNAVAILABLE,
                "The access log cannot be written right now, so no personal data is shown. Try again in a few"
                        + " seconds");
    }
}
