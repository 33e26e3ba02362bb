package se.integrationjourney.api.journeys;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import se.integrationjourney.api.web.OpenApiConfiguration;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The problems every write to an existing journey can answer with, for the OpenAPI document: bad input, no or
 * wrong credentials, not allowed, no such journey, a conflicting concurrent write or a reused idempotency key, a
 * stale {@code If-Match}, a broken rule. One list, so that the milestones, retractions and corrections say the same.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ApiResponse(responseCode = "400", ref = OpenApiConfiguration.BAD_REQUEST)
@ApiResponse(responseCode = "401", ref = OpenApiConfiguration.UNAUTHORIZED)
@ApiResponse(responseCode = "403", ref = OpenApiConfiguration.FORBIDDEN)
@ApiResponse(responseCode = "404", ref = OpenApiConfiguration.NOT_FOUND)
@ApiResponse(responseCode = "409", ref = OpenApiConfiguration.CONFLICT)
@ApiResponse(responseCode = "412", ref = OpenApiConfiguration.PRECONDITION_FAILED)
@ApiResponse(responseCode = "422", ref = OpenApiConfiguration.RULE_VIOLATION)
@interface JourneyWriteProblems {
}
