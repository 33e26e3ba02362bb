package se.integrationjourney.api.web;

import jakarta.validation.ConstraintViolationException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import se.integrationjourney.core.journey.JourneyRuleViolation;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.InvalidTypeIdException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Every error as {@code application/problem+json}: 400 for what cannot be read or is invalid (with a field list),
 * 404 for unknown journeys, 409 for a journey changed by another request at the same moment, 412 for a stale
 * {@code If-Match}, 422 for a rule of the domain. Never a stack trace,
 * SQL text, or a submitted value (a name typed into the wrong field is still personal data).
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> refused(ApiException refusal) {
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

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(AccessDeniedException denied) {
        return respond(Problems.FORBIDDEN.with("Your role or municipality may not do this"));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> invalidParameters(ConstraintViolationException invalid) {
        return respond(Problems.VALIDATION.with("Some parameters are invalid", invalid.getConstraintViolations()
                .stream().map(v -> new Problems.FieldError(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .toList()));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> badParameter(MethodArgumentTypeMismatchException mismatch) {
        return respond(Problems.VALIDATION.with("Some parameters are invalid",
                List.of(new Problems.FieldError(mismatch.getName(), expected(mismatch.getRequiredType())))));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> badArgument(IllegalArgumentException invalid) {
        // Thrown by queries validating their own parameters (page sizes, ranges): messages name no values.
        return respond(Problems.VALIDATION.with(invalid.getMessage()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception failure) {
        // The type only: messages of unexpected exceptions may quote data.
        log.error("Unexpected failure: {} at {}", failure.getClass().getName(),
                failure.getStackTrace().length > 0 ? failure.getStackTrace()[0] : "?");
        return respond(Problems.INTERNAL.with("Something went wrong; nothing was recorded for this request"));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException unreadable,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        Throwable cause = unreadable.getCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return respondObject(Problems.VALIDATION.with("The body has a field this API does not know",
                    List.of(new Problems.FieldError(path(unknown), "unknown field"))));
        }
        if (cause instanceof InvalidFormatException invalid && invalid.getTargetType() != null) {
            return respondObject(Problems.VALIDATION.with("The body has a field with a value of the wrong kind",
                    List.of(new Problems.FieldError(path(invalid), expected(invalid.getTargetType())))));
        }
        if (cause instanceof InvalidTypeIdException invalidType) {
            return respondObject(Problems.VALIDATION.with("The body's type is missing or unknown",
                    List.of(new Problems.FieldError(invalidType.getTypeId() == null && !path(invalidType).isEmpty()
                            ? path(invalidType) + ".type" : "type", typeNames(invalidType)))));
        }
        if (cause instanceof MismatchedInputException mismatched && !(cause instanceof StreamReadException)) {
            return respondObject(Problems.VALIDATION.with("The body has a field with a value of the wrong kind",
                    List.of(new Problems.FieldError(path(mismatched), mismatched.getTargetType() == null
                            ? "has the wrong type" : expected(mismatched.getTargetType())))));
        }
        return respondObject(Problems.MALFORMED.with("The body is not valid JSON"));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException invalid,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<Problems.FieldError> errors = invalid.getBindingResult().getFieldErrors().stream()
                .map(error -> new Problems.FieldError(error.getField(), error.getDefaultMessage()))
                .toList();
        List<Problems.FieldError> objectErrors = invalid.getBindingResult().getGlobalErrors().stream()
                .map(error -> new Problems.FieldError(error.getObjectName(), error.getDefaultMessage()))
                .toList();
        return respondObject(Problems.VALIDATION.with("Some fields are invalid",
                java.util.stream.Stream.concat(errors.stream(), objectErrors.stream()).toList()));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException invalid,
                                                                            HttpHeaders headers,
                                                                            HttpStatusCode status,
                                                                            WebRequest request) {
        List<Problems.FieldError> errors = invalid.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> new Problems.FieldError(
                        result.getMethodParameter().getParameterName(), error.getDefaultMessage())))
                .toList();
        return respondObject(Problems.VALIDATION.with("Some parameters are invalid", errors));
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
                                                          WebRequest request) {
        // Spring's own problems (405, 415, 406, missing parameters, ...) get our type URIs.
        if (body instanceof ProblemDetail problem) {
            ProblemDetail ours = kindOf(status).with(problem.getDetail() == null ? kindOf(status).name() : problem.getDetail());
            return new ResponseEntity<>(ours, headers, status);
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    private static Problems kindOf(HttpStatusCode status) {
        return Arrays.stream(Problems.values()).filter(kind -> kind.status().value() == status.value())
                .findFirst().orElse(status.is4xxClientError() ? Problems.VALIDATION : Problems.INTERNAL);
    }

    private static String path(JacksonException exception) {
        return exception.getPath().stream()
                .map(reference -> reference.getPropertyName() != null ? reference.getPropertyName()
                        : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "has the wrong type";
        }
        if (type.isEnum()) {
            return "must be one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        if (type == java.time.LocalDate.class) {
            return "must be a date (YYYY-MM-DD)";
        }
        if (type == java.util.UUID.class) {
            return "must be a UUID";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "must be a number";
        }
        return "must be a " + type.getSimpleName();
    }

    /** The names a polymorphic body's {@code type} may take, from the base type's {@code @JsonSubTypes}. */
    private static String typeNames(InvalidTypeIdException invalidType) {
        Class<?> base = invalidType.getBaseType() == null ? null : invalidType.getBaseType().getRawClass();
        com.fasterxml.jackson.annotation.JsonSubTypes subTypes = base == null ? null
                : base.getAnnotation(com.fasterxml.jackson.annotation.JsonSubTypes.class);
        if (subTypes == null) {
            return "is missing or unknown";
        }
        return "must be one of " + Arrays.stream(subTypes.value())
                .map(com.fasterxml.jackson.annotation.JsonSubTypes.Type::name).collect(Collectors.joining(", "));
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
