package se.integrationjourney.api.web;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** The kinds of problem the API answers with (RFC 9457), one {@code type} each. */
public enum Problems {
    VALIDATION(HttpStatus.BAD_REQUEST, "Invalid request"),
    MALFORMED(HttpStatus.BAD_REQUEST, "Unreadable request"),
    UNAUTHORIZED(HttpStatus.UNAUTHORIZED, "Authentication required"),
    FORBIDDEN(HttpStatus.FORBIDDEN, "Not allowed"),
    NOT_FOUND(HttpStatus.NOT_FOUND, "Not found"),
    IDEMPOTENCY_KEY_REUSED(HttpStatus.CONFLICT, "Idempotency key already used"),
    CONFLICT(HttpStatus.CONFLICT, "Conflict"),
    VERSION_MISMATCH(HttpStatus.PRECONDITION_FAILED, "Version mismatch"),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type"),
    NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, "Not acceptable"),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed"),
    PAYLOAD_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "Request body too large"),
    RULE_VIOLATION(HttpStatus.UNPROCESSABLE_CONTENT, "Rule violation"),
    TOO_MANY_SIGN_IN_ATTEMPTS(HttpStatus.TOO_MANY_REQUESTS, "Too many sign-in attempts"),
    INTERNAL(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error"),
    /** The database cannot be reached; the detail says whether anything was recorded. */
    DATABASE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "Database unavailable"),
    /** The connection was lost while the request's transaction was being committed: it may have been recorded. */
    OUTCOME_UNKNOWN(HttpStatus.SERVICE_UNAVAILABLE, "Outcome unknown"),
    /**
     * A read of personal data refused: its access-log entry cannot be kept (the database has not taken the access
     * log's entries for a while and the queue of those waiting is full). Nothing was shown.
     */
    ACCESS_LOG_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "Access log unavailable");

    /** Seconds a client should wait before trying again after a 503. */
    public static final String RETRY_AFTER_SECONDS = "5";

    private final HttpStatus status;
    private final String title;

    /** The kind answered for a status that no handler of ours chose (Spring's own errors, the container's). */
    public static Problems of(HttpStatus status) {
        return Arrays.stream(values())
                .filter(kind -> kind.status == status)
                .findFirst()
                .orElse(status.is4xxClientError() ? VALIDATION : INTERNAL);
    }

    Problems(HttpStatus status, String title) {
        this.status = status;
        this.title = title;
    }

    public HttpStatus status() {
        return status;
    }

    /** The problem's {@code type}. */
    public URI type() {
        return URI.create(
                "urn:integration-journey:problem:" + name().toLowerCase().replace('_', '-'));
    }

    public String title() {
        return title;
    }

    /** A problem of this kind; {@code detail} must never carry personal data or submitted values. */
    public ProblemDetail with(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type());
        problem.setTitle(title);
        return problem;
    }

    /** A validation problem listing each offending field. */
    public ProblemDetail with(String detail, List<FieldError> errors) {
        ProblemDetail problem = with(detail);
        problem.setProperty("errors", errors);
        return problem;
    }

    /** One field's complaint: its JSON path (e.g. {@code personalDetails.fullName}) and what is wrong. */
    public record FieldError(String field, String message) {}
}
