package se.integrationjourney.api.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import se.integrationjourney.api.operations.DatabaseOutage;
import se.integrationjourney.core.journey.JourneyRuleViolation;
import se.integrationjourney.eventstore.CommitOutcomeUnknownException;
import se.integrationjourney.eventstore.DatabaseFailures;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.InvalidTypeIdException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Every error as {@code application/problem+json}: 400 for what cannot be read or is invalid (with a field list),
 * 404 for unknown journeys, 409 for a journey changed by another request at the same moment, 412 for a stale
 * {@code If-Match}, 413 for a body over the limit, 422 for a rule of the domain, 503 when the database cannot be
 * reached or a commit's outcome is unknown. Never a stack trace, SQL text, or a submitted value (a name typed into
 * the wrong field is still personal data). "Nothing was recorded" is said only when that is known.
 */
@RestControllerAdvice(annotations = RestController.class) // the web application's pages answer with pages
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final DatabaseOutage outage;

    public ApiExceptionHandler(DatabaseOutage outage) {
        this.outage = outage;
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> refused(ApiException refusal) {
        if (refusal.problem().getStatus() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
            return unavailable(refusal.problem());
        }
        return respond(refusal.problem());
    }

    @ExceptionHandler(JourneyRuleViolation.class)
    ResponseEntity<ProblemDetail> ruleViolation(JourneyRuleViolation violation) {
        ProblemDetail problem = Problems.RULE_VIOLATION.with(violation.getMessage());
        problem.setProperty("rule", violation.rule().name());
        return respond(problem);
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> unknownJourney(AggregateNotFoundException missing) {
        return respond(Problems.NOT_FOUND.with("No journey with that id"));
    }

    @ExceptionHandler(ConflictingAggregateVersionException.class)
    ResponseEntity<ProblemDetail> staleVersion(ConflictingAggregateVersionException conflict) {
        return respond(Problems.VERSION_MISMATCH.with("The journey has changed since the version given in If-Match"
                + " (now at version " + conflict.getActualVersion() + "); read it again"));
    }

    /**
     * The event store refused the append because another request (on this or another instance of the service) recorded
     * an event for the journey first: the command decided on a journey that was no longer current.
     */
    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<ProblemDetail> concurrentChange(ConcurrencyException conflict) {
        return respond(Problems.CONFLICT.with("The journey was changed by another request at the same moment;"
                + " nothing was recorded for this one. Read the journey again and retry"));
    }

    /** A write decided on stale state that reached no code able to decide it again: its own answer (a 409). */
    @ExceptionHandler(DecideAgain.StaleDecision.class)
    ResponseEntity<ProblemDetail> staleDecision(DecideAgain.StaleDecision stale) {
        return respond(stale.answer().problem());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(AccessDeniedException denied) {
        return respond(Problems.FORBIDDEN.with("Your role or municipality may not do this"));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> invalidParameters(ConstraintViolationException invalid) {
        return respond(Problems.VALIDATION.with(
                "Some parameters are invalid",
                invalid.getConstraintViolations().stream()
                        .map(v -> new Problems.FieldError(
                                lastNode(v.getPropertyPath().toString()), v.getMessage()))
                        .toList()));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> badParameter(MethodArgumentTypeMismatchException mismatch) {
        return respond(Problems.VALIDATION.with(
                "Some parameters are invalid",
                List.of(new Problems.FieldError(mismatch.getName(), expected(mismatch.getRequiredType())))));
    }

    /** Tomcat could not decode the query string: an escape that is malformed or not UTF-8. */
    @ExceptionHandler(org.apache.tomcat.util.http.InvalidParameterException.class)
    ResponseEntity<ProblemDetail> unreadableParameters(org.apache.tomcat.util.http.InvalidParameterException invalid) {
        return respond(Problems.VALIDATION.with(
                "A query parameter could not be read: a malformed escape, or text" + " that is not UTF-8"));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> badArgument(IllegalArgumentException invalid) {
        // Thrown by queries validating their own parameters (page sizes, ranges): messages name no values.
        return respond(Problems.VALIDATION.with(invalid.getMessage()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception failure, HttpServletRequest request, HandlerMethod handler) {
        boolean writing = !"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod());
        boolean oneTransaction = handler != null && handler.hasMethodAnnotation(RecordsInOneTransaction.class);
        log.debug("Failure: {}", chain(failure));
        if (causedBy(failure, CommitOutcomeUnknownException.class)) {
            outage.noticed(failure);
            return unavailable(Problems.OUTCOME_UNKNOWN.with("The connection to the database was lost while this"
                    + " request was being committed: it may or may not have been recorded. Retry with the same"
                    + " Idempotency-Key (a request that was recorded then gets its first answer back), or read the"
                    + " journey before sending it again"));
        }
        if (DatabaseFailures.isConnectionFailure(failure)) {
            outage.noticed(failure);
            return unavailable(Problems.DATABASE_UNAVAILABLE.with("The database cannot be reached right now"
                    + (!writing
                            ? ""
                            : oneTransaction
                                    ? "; nothing was recorded"
                                    : "; whether this request changed anything is not known: look before sending it again")
                    + ". Try again in a few seconds"));
        }
        // Types, SQL states and where it was thrown, never a message: messages of unexpected exceptions may quote data.
        log.error(
                "Unexpected failure: {} at {}",
                chain(failure),
                failure.getStackTrace().length > 0 ? failure.getStackTrace()[0] : "?");
        return respond(Problems.INTERNAL.with(
                writing
                        ? "Something went wrong on our side; whether this request was"
                                + " recorded is not known. Read the journey before sending it again, or retry with the same"
                                + " Idempotency-Key"
                        : "Something went wrong on our side"));
    }

    /** The exception and its causes by type, with the SQL state where there is one. */
    static String chain(Throwable failure) {
        return DatabaseFailures.causes(failure).stream()
                .map(cause -> cause.getClass().getName()
                        + (cause instanceof java.sql.SQLException sql && sql.getSQLState() != null
                                ? " (SQL state " + sql.getSQLState() + ")"
                                : ""))
                .collect(Collectors.joining(" <- "));
    }

    private static ResponseEntity<ProblemDetail> unavailable(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus())
                .header(HttpHeaders.RETRY_AFTER, Problems.RETRY_AFTER_SECONDS)
                .body(problem);
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        return DatabaseFailures.cause(failure, type).isPresent();
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException unreadable,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        if (causedBy(unreadable, RequestBodyLimit.TooLarge.class)) {
            return respondObject(
                    Problems.PAYLOAD_TOO_LARGE.with(messageOf(unreadable, RequestBodyLimit.TooLarge.class)));
        }
        Throwable cause = unreadable.getCause();
        if (cause instanceof StorableText.Unstorable unstorable) {
            return respondObject(Problems.VALIDATION.with(
                    "The body has text that cannot be stored",
                    List.of(new Problems.FieldError(path(unstorable), StorableText.REFUSAL))));
        }
        if (cause instanceof UnrecognizedPropertyException unknown) {
            // The unknown name is the client's text (a pasted identity number, say): named by its place only.
            String parent = path(unknown, 1);
            return respondObject(Problems.VALIDATION.with(
                    "The body has a field this API does not know",
                    List.of(new Problems.FieldError(
                            parent.isEmpty() ? "body" : parent,
                            "has a field this API does not know; known fields: " + knownFields(unknown)))));
        }
        if (cause instanceof InvalidFormatException invalid && invalid.getTargetType() != null) {
            return respondObject(Problems.VALIDATION.with(
                    "The body has a field with a value of the wrong kind",
                    List.of(new Problems.FieldError(path(invalid), expected(invalid.getTargetType())))));
        }
        if (cause instanceof InvalidTypeIdException invalidType) {
            return respondObject(Problems.VALIDATION.with(
                    "The body's type is missing or unknown",
                    List.of(new Problems.FieldError(
                            invalidType.getTypeId() == null
                                            && !path(invalidType).isEmpty()
                                    ? path(invalidType) + ".type"
                                    : "type",
                            typeNames(invalidType)))));
        }
        if (cause instanceof MismatchedInputException mismatched && !(cause instanceof StreamReadException)) {
            return respondObject(Problems.VALIDATION.with(
                    "The body has a field with a value of the wrong kind",
                    List.of(new Problems.FieldError(
                            path(mismatched),
                            mismatched.getTargetType() == null
                                    ? "has the wrong type"
                                    : expected(mismatched.getTargetType())))));
        }
        return respondObject(Problems.MALFORMED.with("The body is not valid JSON"));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException invalid, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Problems.FieldError> errors = invalid.getBindingResult().getFieldErrors().stream()
                .map(error -> new Problems.FieldError(error.getField(), error.getDefaultMessage()))
                .toList();
        List<Problems.FieldError> objectErrors = invalid.getBindingResult().getGlobalErrors().stream()
                .map(error -> new Problems.FieldError(error.getObjectName(), error.getDefaultMessage()))
                .toList();
        return respondObject(Problems.VALIDATION.with(
                "Some fields are invalid",
                java.util.stream.Stream.concat(errors.stream(), objectErrors.stream())
                        .toList()));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException invalid, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Problems.FieldError> errors = invalid.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new Problems.FieldError(
                                result.getMethodParameter().getParameterName(), error.getDefaultMessage())))
                .toList();
        return respondObject(Problems.VALIDATION.with("Some parameters are invalid", errors));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(
            org.springframework.web.bind.MissingServletRequestParameterException missing,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        return respondObject(Problems.VALIDATION.with(
                "A required parameter is missing",
                List.of(new Problems.FieldError(missing.getParameterName(), "is required"))));
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(
            Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        // Spring's own problems (405, 415, 406, missing parameters, ...) get our type URIs.
        if (body instanceof ProblemDetail) {
            // Spring's own details quote the request (the Content-Type, the path): ours never do.
            HttpStatus known = HttpStatus.resolve(status.value());
            ProblemDetail ours = kindOf(status)
                    .with(
                            known == null
                                    ? "The request was refused"
                                    : switch (known) {
                                        case UNSUPPORTED_MEDIA_TYPE ->
                                            "The body must be JSON: send Content-Type: application/json";
                                        case NOT_ACCEPTABLE ->
                                            "This resource answers application/json (and, where documented, text/csv)";
                                        default -> ProblemErrorController.detailFor(known);
                                    });
            return new ResponseEntity<>(ours, headers, status);
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    private static Problems kindOf(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known != null ? Problems.of(known) : status.is4xxClientError() ? Problems.VALIDATION : Problems.INTERNAL;
    }

    private static String path(JacksonException exception) {
        return path(exception, 0);
    }

    /** The JSON path of the failure, without its last {@code dropLast} steps. */
    private static String path(JacksonException exception, int dropLast) {
        List<JacksonException.Reference> steps = exception.getPath();
        return steps.subList(0, Math.max(0, steps.size() - dropLast)).stream()
                .map(reference -> reference.getPropertyName() != null
                        ? reference.getPropertyName()
                        : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "has the wrong type";
        }
        if (type.isEnum()) {
            return "must be one of "
                    + Arrays.stream(type.getEnumConstants())
                            .map(Object::toString)
                            .collect(Collectors.joining(", "));
        }
        if (type == java.time.LocalDate.class) {
            return "must be a date (YYYY-MM-DD)";
        }
        if (type == java.util.UUID.class) {
            return "must be a UUID";
        }
        if (type == Integer.class
                || type == int.class
                || type == Long.class
                || type == long.class
                || type == Short.class
                || type == short.class) {
            return "must be a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "must be a number";
        }
        return "must be a " + type.getSimpleName();
    }

    /** The names a polymorphic body's {@code type} may take, from the base type's {@code @JsonSubTypes}. */
    private static String typeNames(InvalidTypeIdException invalidType) {
        Class<?> base = invalidType.getBaseType() == null
                ? null
                : invalidType.getBaseType().getRawClass();
        com.fasterxml.jackson.annotation.JsonSubTypes subTypes =
                base == null ? null : base.getAnnotation(com.fasterxml.jackson.annotation.JsonSubTypes.class);
        if (subTypes == null) {
            return "is missing or unknown";
        }
        return "must be one of "
                + Arrays.stream(subTypes.value())
                        .map(com.fasterxml.jackson.annotation.JsonSubTypes.Type::name)
                        .collect(Collectors.joining(", "));
    }

    private static String knownFields(UnrecognizedPropertyException unknown) {
        return unknown.getKnownPropertyIds() == null
                ? "see the API document"
                : unknown.getKnownPropertyIds().stream()
                        .map(Object::toString)
                        .sorted()
                        .collect(Collectors.joining(", "));
    }

    private static String messageOf(Throwable failure, Class<? extends Throwable> type) {
        return DatabaseFailures.cause(failure, type).map(Throwable::getMessage).orElse(failure.getMessage());
    }

    private static String lastNode(String propertyPath) {
        int dot = propertyPath.lastIndexOf('.');
        return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    private static ResponseEntity<Object> respondObject(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }
}
