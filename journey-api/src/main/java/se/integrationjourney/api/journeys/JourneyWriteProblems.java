package se.integrationjourney.api.journeys;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import se.integrationjourney.api.web.OpenApiReferences;

/**
 * The problems every write to an existing journey can answer with, for the OpenAPI document: bad input, no or
 * wrong credentials, not allowed, no such journey, a conflicting concurrent write or a reused idempotency key, a
 * stale {@code If-Match}, a broken rule. One list, so that the milestones, retractions and corrections say the same.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ApiResponse(responseCode = "400", ref = OpenApiReferences.BAD_REQUEST)
@ApiResponse(responseCode = "401", ref = OpenApiReferences.UNAUTHORIZED)
@ApiResponse(responseCode = "403", ref = OpenApiReferences.FORBIDDEN)
@ApiResponse(responseCode = "404", ref = OpenApiReferences.NOT_FOUND)
@ApiResponse(responseCode = "409", ref = OpenApiReferences.CONFLICT)
@ApiResponse(responseCode = "412", ref = OpenApiReferences.PRECONDITION_FAILED)
@ApiResponse(responseCode = "422", ref = OpenApiReferences.RULE_VIOLATION)
@interface JourneyWriteProblems {}
