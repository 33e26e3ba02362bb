package se.integrationjourney.api.web;

import org.springframework.http.HttpStatus;

/** The web application's text for an error status: keys of its messages, in the reader's language. */
public final class PageErrorMessages {

    private PageErrorMessages() {}

    public static String keyFor(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "error.notFound";
            case FORBIDDEN -> "forbidden.text";
            case CONTENT_TOO_LARGE -> "error.tooLarge";
            case SERVICE_UNAVAILABLE -> "error.unavailable";
            case METHOD_NOT_ALLOWED, BAD_REQUEST -> "error.badRequest";
            default -> status.is4xxClientError() ? "error.badRequest" : "error.generic";
        };
    }
}
