package se.integrationjourney.api.web;

/**
 * The names of the OpenAPI document's shared responses and headers, for the controllers' annotations; the document
 * itself is assembled in {@code api.openapi}. A package of its own would make the controllers and the document
 * depend on each other.
 */
public final class OpenApiReferences {

    public static final String PROBLEM_JSON = "application/problem+json";
    public static final String BAD_REQUEST = "#/components/responses/BadRequest";
    public static final String UNAUTHORIZED = "#/components/responses/Unauthorized";
    public static final String FORBIDDEN = "#/components/responses/Forbidden";
    public static final String NOT_FOUND = "#/components/responses/NotFound";
    public static final String NOT_ACCEPTABLE = "#/components/responses/NotAcceptable";
    public static final String CONFLICT = "#/components/responses/Conflict";
    public static final String PRECONDITION_FAILED = "#/components/responses/PreconditionFailed";
    public static final String RULE_VIOLATION = "#/components/responses/RuleViolation";
    public static final String PAYLOAD_TOO_LARGE = "#/components/responses/PayloadTooLarge";
    public static final String UNSUPPORTED_MEDIA_TYPE = "#/components/responses/UnsupportedMediaType";
    public static final String TOO_MANY_SIGN_IN_ATTEMPTS = "#/components/responses/TooManySignInAttempts";
    public static final String SERVICE_UNAVAILABLE = "#/components/responses/ServiceUnavailable";
    public static final String LOCATION = "#/components/headers/Location";
    public static final String ETAG = "#/components/headers/ETag";
    public static final String IDEMPOTENT_REPLAYED = "#/components/headers/Idempotent-Replayed";

    private OpenApiReferences() {}
}
