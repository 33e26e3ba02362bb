package se.integrationjourney.api.openapi;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Discriminator;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.integrationjourney.api.journeys.MilestoneRequest;
import se.integrationjourney.api.security.SecuritySettings;
import se.integrationjourney.api.web.OpenApiReferences;
import se.integrationjourney.api.web.Problems;
import se.integrationjourney.core.events.EmploymentType;
import se.integrationjourney.core.events.Gender;
import se.integrationjourney.core.events.InternshipKind;
import se.integrationjourney.core.events.MilestoneRetracted;
import se.integrationjourney.core.events.NewcomerRegistered;
import se.integrationjourney.core.events.OutcomeStatus;
import se.integrationjourney.core.events.PersonalDataErased;
import se.integrationjourney.core.events.PersonalDetailsCorrected;
import se.integrationjourney.core.events.StudyLevel;
import se.integrationjourney.core.journey.Rule;
import se.integrationjourney.projections.caseload.DueActionCode;
import se.integrationjourney.projections.outcomes.AgeBand;
import se.integrationjourney.projections.timeline.TimelineQueries;

/**
 * The served OpenAPI document ({@code /v3/api-docs}, {@code /swagger-ui.html}): what springdoc derives from the
 * controllers, completed with what it cannot see. That is the security schemes, the problem responses of
 * {@link ApiExceptionHandler} and the security filter (referenced from the controllers' annotations by the
 * constants below), the correlation id every response carries, the milestone body as a {@code oneOf} with its
 * discriminator mapping (taken from {@code @JsonSubTypes} on {@link MilestoneRequest}, so the two cannot drift),
 * the fixed keys of the outcome maps, and the operations endpoints outside the controllers. docs/api.md is the
 * guide to read beside it.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    static final String BASIC = "basicAuth";
    private static final tools.jackson.databind.json.JsonMapper EXAMPLES =
            tools.jackson.databind.json.JsonMapper.builder().build();
    static final String BEARER = "bearerAuth";
    private static final String SCHEMAS = "#/components/schemas/";
    private static final String MILESTONES_PATH = "/api/journeys/{journeyId}/milestones";

    private static final String DESCRIPTION = """
            Records each newcomer's path from arrival in a municipality to self-sufficiency as immutable events, \
            and answers from them: the journey's state, its full timeline, the caseworker's caseload and the \
            analysts' outcome measurements. The guide with a worked example of every endpoint is `docs/api.md`.

            **Authentication.** HTTP Basic with an account of the service (`POST /api/admin/users`), or a bearer \
            token (JWT) when the service is configured with an OpenID Connect issuer. 401 without valid \
            credentials, 403 when the role, or a caseworker's municipality, may not do it. `/actuator/health`, \
            `/v3/api-docs` and `/swagger-ui.html` are open. After 5 failed sign-ins for an account, or 20 from \
            an address, within 15 minutes, sign-ins for it are answered 429 with `Retry-After`.

            **Roles.** `CASEWORKER` (bound to one municipality: registers and records for its journeys, reads \
            their state, timeline and caseload), `AUDITOR` (reads every timeline), `ANALYST` (outcomes only, no \
            personal data in any of them), `ADMIN` (everything, plus accounts and views).

            **Errors** are `application/problem+json` (RFC 9457): `type`, `title`, `status`, `detail`, \
            `instance`; a 400 for invalid fields lists them in `errors: [{field, message}]`; a 422 names the \
            broken rule in `rule` (and at the start of `detail`). Only JSON is read (415 otherwise), strictly: \
            unknown fields, a key twice, a value of another kind, an enum by number, a fraction for an integer, a \
            date-time for a date, text with NUL or an unpaired surrogate are each a 400. A body over 64 KB is a \
            413. Every 4xx records nothing. 503 `database-unavailable`: the database cannot be reached, nothing \
            was recorded; 503 `outcome-unknown`: the commit's answer was lost, so it may have been recorded: \
            retry with the same `Idempotency-Key`; 503 `access-log-unavailable`: a read of personal data refused \
            because its access-log entry cannot be kept, nothing was shown.

            **Idempotency.** Registrations, milestones and retractions accept `Idempotency-Key`: a repeat by the \
            same account with the same key and body gets the first response again, with \
            `Idempotent-Replayed: true`, and records nothing; the same key with another body is a 409.

            **Optimistic concurrency.** `GET /api/journeys/{id}` returns the journey's version as `ETag`; a \
            milestone or retraction sent with that value in `If-Match` is recorded only if the journey is still \
            at that version, else 412 and nothing is recorded.

            **Correlation.** Every response carries `X-Correlation-Id`: the caller's, when it is 1-64 of \
            `A-Z a-z 0-9 . _ : -`, else a new one. It is logged and stored with every event the request records.
            """;

    /** A problem (RFC 9457) as this API writes it; only for the document. */
    @io.swagger.v3.oas.annotations.media.Schema(
            name = "Problem",
            description = "RFC 9457 problem details. Never a stack trace, SQL or personal data.")
    record ProblemSchema(
            @io.swagger.v3.oas.annotations.media.Schema(
                    requiredMode = RequiredMode.REQUIRED,
                    format = "uri",
                    description = "urn:integration-journey:problem:<kind>",
                    example = "urn:integration-journey:problem:validation")
            String type,

            @io.swagger.v3.oas.annotations.media.Schema(
                    requiredMode = RequiredMode.REQUIRED,
                    example = "Invalid request")
            String title,

            @io.swagger.v3.oas.annotations.media.Schema(requiredMode = RequiredMode.REQUIRED, example = "400")
            int status,

            @io.swagger.v3.oas.annotations.media.Schema(description = "What was wrong, without submitted values")
            String detail,

            @io.swagger.v3.oas.annotations.media.Schema(
                    description = "The request path; absent on 401 and on" + " the 403 for a role")
            String instance,

            @io.swagger.v3.oas.annotations.media.Schema(
                    description =
                            "400 only, when fields can be named: one"
                                    + " entry per offending field (a JSON path such as personalDetails.fullName, or a parameter)")
            List<Problems.FieldError> errors) {}

    /** A 422: a problem naming the broken rule of the journey. */
    @io.swagger.v3.oas.annotations.media.Schema(
            name = "RuleViolationProblem",
            description = "A command refused by a rule of the journey (docs/events.md, \"Rule codes\"); nothing was"
                    + " recorded.")
    record RuleViolationProblemSchema(
            @io.swagger.v3.oas.annotations.media.Schema(
                    requiredMode = RequiredMode.REQUIRED,
                    example = "urn:integration-journey:problem:rule-violation")
            String type,

            @io.swagger.v3.oas.annotations.media.Schema(
                    requiredMode = RequiredMode.REQUIRED,
                    example = "Rule violation")
            String title,

            @io.swagger.v3.oas.annotations.media.Schema(requiredMode = RequiredMode.REQUIRED, example = "422")
            int status,

            @io.swagger.v3.oas.annotations.media.Schema(
                    requiredMode = RequiredMode.REQUIRED,
                    description = "The rule's code, a colon, and what was wrong",
                    example = "DATE_BEFORE_ARRIVAL: occurredOn 2021-02-20 is before the arrival date 2021-03-01")
            String detail,

            String instance,

            @io.swagger.v3.oas.annotations.media.Schema(
                    requiredMode = RequiredMode.REQUIRED,
                    description = "The broken rule")
            Rule rule) {}

    @Bean
    OpenAPI journeyOpenApi(SecuritySettings settings) {
        String oidcIssuer = settings.oidcIssuerUri();
        boolean bearerEnabled = oidcIssuer != null && !oidcIssuer.isBlank();
        return new OpenAPI()
                .info(new Info().title("Integration journey API").version("1").description(DESCRIPTION))
                .components(new Components()
                        .addSecuritySchemes(
                                BASIC,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("basic")
                                        .description("An account of the service; the first is `admin`, created on first"
                                                + " start with the password in JOURNEY_ADMIN_PASSWORD."))
                        .addSecuritySchemes(
                                BEARER,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT")
                                        .description(
                                                "A JWT from the OpenID Connect issuer in JOURNEY_OIDC_ISSUER_URI, with"
                                                        + " claims `roles` (role names), `municipality_code` (caseworkers) and"
                                                        + " `preferred_username` (else `sub`). Accepted only when an issuer is"
                                                        + " configured; on this instance: "
                                                        + (bearerEnabled
                                                                ? "configured."
                                                                : "not configured, so Basic only."))))
                .security(List.of(new SecurityRequirement().addList(BASIC), new SecurityRequirement().addList(BEARER)))
                .tags(List.of(
                        new Tag()
                                .name("Journeys")
                                .description("Registration, milestones, retractions, state and"
                                        + " timeline of a newcomer's journey"),
                        new Tag().name("Caseload").description("The caseworker's list of active journeys"),
                        new Tag()
                                .name("Outcomes")
                                .description("Analysts' measurements; counts and shares only," + " no personal data"),
                        new Tag().name("Administration").description("Accounts and views (ADMIN)"),
                        new Tag().name("Operations").description("Health, metrics and this document")));
    }

    @Bean
    OpenApiCustomizer journeyOpenApiCustomizer() {
        return openApi -> {
            Components components = openApi.getComponents();
            problems(components);
            headers(components);
            milestoneBody(openApi);
            strictRequestBodies(components);
            fixedKeysAndEnums(components);
            operationsEndpoints(openApi);
            edgeProblems(openApi);
            correlationIds(openApi);
        };
    }

    /**
     * The answers any operation of the API can give at its edge: 429 for a sign-in while locked and 503 without a
     * database; for a write with a body, 413 over the size limit and 415 for anything but JSON.
     */
    private static void edgeProblems(OpenAPI openApi) {
        openApi.getPaths().forEach((path, item) -> {
            if (!path.startsWith("/api/")) {
                return;
            }
            item.readOperationsMap().forEach((method, operation) -> {
                operation
                        .getResponses()
                        .addApiResponse("429", new ApiResponse().$ref(OpenApiReferences.TOO_MANY_SIGN_IN_ATTEMPTS));
                operation
                        .getResponses()
                        .addApiResponse("503", new ApiResponse().$ref(OpenApiReferences.SERVICE_UNAVAILABLE));
                if (operation.getRequestBody() != null) {
                    operation
                            .getResponses()
                            .addApiResponse("413", new ApiResponse().$ref(OpenApiReferences.PAYLOAD_TOO_LARGE));
                    operation
                            .getResponses()
                            .addApiResponse("415", new ApiResponse().$ref(OpenApiReferences.UNSUPPORTED_MEDIA_TYPE));
                }
            });
        });
    }

    /** The problem schemas and one reusable response per status, each with real examples. */
    private static void problems(Components components) {
        ModelConverters converters = ModelConverters.getInstance(true);
        Stream.of(ProblemSchema.class, RuleViolationProblemSchema.class)
                .map(type -> converters.readAll(new AnnotatedType(type)))
                .forEach(schemas -> schemas.forEach(components::addSchemas));
        components.addResponses(
                "BadRequest",
                problem(
                        "Invalid or unreadable request: a field, parameter or header"
                                + " is missing, of the wrong kind, out of range, or unknown; or the body is not JSON."
                                + " Nothing was recorded.",
                        "Problem",
                        example("fields", "Invalid fields", """
                        {"detail":"Some fields are invalid","instance":"/api/admin/users","status":400,\
                        "title":"Invalid request","type":"urn:integration-journey:problem:validation",\
                        "errors":[{"field":"username","message":"3 to 100 letters, digits, '.', '_', '@' or '-'"},\
                        {"field":"roles","message":"must not be empty"},\
                        {"field":"password","message":"must be 12 to 200 characters"}]}"""),
                        example("unknownField", "A field the API does not know", """
                        {"detail":"The body has a field this API does not know",\
                        "instance":"/api/journeys/405af2f9-21e0-4033-87d0-cf2dd6857ad6/milestones","status":400,\
                        "title":"Invalid request","type":"urn:integration-journey:problem:validation",\
                        "errors":[{"field":"body","message":"has a field this API does not know; known fields:\
                         occurredOn, tenure, type"}]}"""),
                        example("malformed", "Not JSON", """
                        {"detail":"The body is not valid JSON","instance":"/api/journeys","status":400,\
                        "title":"Unreadable request","type":"urn:integration-journey:problem:malformed"}""")));
        components.addResponses(
                "Unauthorized",
                problem("No credentials, or invalid ones.", "Problem", example("unauthorized", "Not signed in", """
                        {"type":"urn:integration-journey:problem:unauthorized","title":"Authentication required",\
                        "status":401,"detail":"Sign in with valid credentials"}"""))
                        .addHeaderObject(
                                "WWW-Authenticate",
                                new Header()
                                        .description("`Basic realm=\"integration-journey\"`")
                                        .schema(stringSchema())));
        components.addResponses(
                "Forbidden",
                problem(
                        "The role may not do this, or the journey (or municipality)"
                                + " is another municipality's than the caseworker's.",
                        "Problem",
                        example("role", "A role that may not do it", """
                        {"type":"urn:integration-journey:problem:forbidden","title":"Not allowed","status":403,\
                        "detail":"Your role may not do this"}"""),
                        example("municipality", "Another municipality", """
                        {"detail":"This journey belongs to another municipality",\
                        "instance":"/api/journeys/405af2f9-21e0-4033-87d0-cf2dd6857ad6",\
                        "status":403,"title":"Not allowed","type":"urn:integration-journey:problem:forbidden"}""")));
        components.addResponses(
                "NotFound",
                problem("No such journey (or view).", "Problem", example("notFound", "Unknown journey", """
                        {"detail":"No journey with that id",\
                        "instance":"/api/journeys/00000000-0000-0000-0000-000000000000","status":404,\
                        "title":"Not found","type":"urn:integration-journey:problem:not-found"}""")));
        components.addResponses(
                "NotAcceptable",
                problem(
                        "`Accept` allows neither application/json nor text/csv.",
                        "Problem",
                        example("notAcceptable", "Unsupported Accept", """
                        {"detail":"This resource answers application/json (and, where documented, text/csv)",\
                        "instance":"/api/outcomes/time-to","status":406,"title":"Not acceptable",\
                        "type":"urn:integration-journey:problem:not-acceptable"}""")));
        components.addResponses(
                "Conflict",
                problem(
                        "The Idempotency-Key was used by this account for a"
                                + " different request (writes to journeys), or the username is taken (accounts). Nothing"
                                + " was recorded.",
                        "Problem",
                        example("idempotencyKeyReused", "Idempotency-Key reused with another body", """
                        {"detail":"This Idempotency-Key was used for a different request; use a new key for a new\
                         request","instance":"/api/journeys","status":409,"title":"Idempotency key already used",\
                        "type":"urn:integration-journey:problem:idempotency-key-reused"}"""),
                        example("usernameTaken", "Username taken", """
                        {"detail":"That username is taken","instance":"/api/admin/users","status":409,\
                        "title":"Conflict","type":"urn:integration-journey:problem:conflict"}""")));
        components.addResponses(
                "PreconditionFailed",
                problem(
                        "`If-Match` names a version the journey is no"
                                + " longer at. Nothing was recorded: read the journey again.",
                        "Problem",
                        example("versionMismatch", "Stale If-Match", """
                        {"detail":"The journey has changed since the version given in If-Match (now at version 3);\
                         read it again","instance":"/api/journeys/405af2f9-21e0-4033-87d0-cf2dd6857ad6/milestones",\
                        "status":412,"title":"Version mismatch",\
                        "type":"urn:integration-journey:problem:version-mismatch"}""")));
        components.addResponses(
                "PayloadTooLarge",
                problem(
                        "The body is larger than the limit (64 KB unless"
                                + " configured otherwise); refused before it was read. Nothing was recorded.",
                        "Problem",
                        example("tooLarge", "Over the limit", """
                        {"type":"urn:integration-journey:problem:payload-too-large","title":"Request body too large",\
                        "status":413,"detail":"The request body is larger than the limit of 65536 bytes; nothing was\
                         recorded"}""")));
        components.addResponses(
                "UnsupportedMediaType",
                problem(
                        "The body is not `application/json`. Nothing was" + " recorded.",
                        "Problem",
                        example("notJson", "YAML sent", """
                        {"detail":"The body must be JSON: send Content-Type: application/json",\
                        "instance":"/api/journeys","status":415,"title":"Unsupported media type",\
                        "type":"urn:integration-journey:problem:unsupported-media-type"}""")));
        components.addResponses(
                "TooManySignInAttempts",
                problem(
                                "Too many failed sign-ins for this account or"
                                        + " from this address within a window: sign-ins are refused until the time in"
                                        + " `Retry-After` (seconds) has passed, a right password included.",
                                "Problem",
                                example("locked", "Locked for a while", """
                        {"type":"urn:integration-journey:problem:too-many-sign-in-attempts",\
                        "title":"Too many sign-in attempts","status":429,"detail":"Too many failed sign-ins for this\
                         account or from this address; try again after the time in Retry-After"}"""))
                        .addHeaderObject(
                                "Retry-After",
                                new Header().description("Seconds to wait").schema(stringSchema())));
        components.addResponses(
                "ServiceUnavailable",
                problem(
                                "The database cannot be reached"
                                        + " (`database-unavailable`: for a write, nothing was recorded), or the connection was lost"
                                        + " while the request was being committed (`outcome-unknown`: it may have been recorded;"
                                        + " retry with the same Idempotency-Key), or a read of personal data was refused because its"
                                        + " access-log entry cannot be kept (`access-log-unavailable`: nothing was shown). Retry after"
                                        + " `Retry-After` seconds.",
                                "Problem",
                                example("databaseUnavailable", "No database", """
                        {"detail":"The database cannot be reached right now; nothing was recorded. Try again in a\
                         few seconds","instance":"/api/journeys","status":503,"title":"Database unavailable",\
                        "type":"urn:integration-journey:problem:database-unavailable"}"""),
                                example("outcomeUnknown", "Commit outcome unknown", """
                        {"detail":"The connection to the database was lost while this request was being committed:\
                         it may or may not have been recorded. Retry with the same Idempotency-Key (a request that\
                         was recorded then gets its first answer back), or read the journey before sending it\
                         again","instance":"/api/journeys","status":503,"title":"Outcome unknown",\
                        "type":"urn:integration-journey:problem:outcome-unknown"}"""))
                        .addHeaderObject(
                                "Retry-After",
                                new Header().description("Seconds to wait").schema(stringSchema())));
        components.addResponses(
                "RuleViolation",
                problem(
                        "A rule of the journey forbids it (docs/events.md, \"Rule codes\");"
                                + " `rule` names it. Nothing was recorded.",
                        "RuleViolationProblem",
                        example("ruleViolation", "Dated before arrival", """
                        {"detail":"DATE_BEFORE_ARRIVAL: occurredOn 2021-02-20 is before the arrival date 2021-03-01",\
                        "instance":"/api/journeys/405af2f9-21e0-4033-87d0-cf2dd6857ad6/milestones","status":422,\
                        "title":"Rule violation","type":"urn:integration-journey:problem:rule-violation",\
                        "rule":"DATE_BEFORE_ARRIVAL"}""")));
    }

    @SafeVarargs
    private static ApiResponse problem(String description, String schema, Map.Entry<String, Example>... examples) {
        MediaType media = new MediaType().schema(ref(schema));
        for (Map.Entry<String, Example> example : examples) {
            media.addExamples(example.getKey(), example.getValue());
        }
        return new ApiResponse()
                .description(description)
                .content(new Content().addMediaType(OpenApiReferences.PROBLEM_JSON, media));
    }

    /** An example value as plain maps and lists, which any JSON writer of the document writes alike. */
    private static Map.Entry<String, Example> example(String name, String summary, String json) {
        return Map.entry(name, new Example().summary(summary).value(EXAMPLES.readValue(json, Map.class)));
    }

    private static void headers(Components components) {
        components.addHeaders(
                "X-Correlation-Id",
                new Header()
                        .description("The request's correlation id: the"
                                + " caller's X-Correlation-Id when it is 1-64 of A-Z a-z 0-9 . _ : -, else a new UUID.")
                        .schema(stringSchema()));
        components.addHeaders(
                "Location",
                new Header().description("The path of what was created").schema(stringSchema()));
        components.addHeaders(
                "ETag",
                new Header()
                        .description("The journey's version as a strong entity tag,"
                                + " e.g. \"7\": send it back in If-Match")
                        .schema(stringSchema()));
        components.addHeaders(
                "Idempotent-Replayed",
                new Header()
                        .description("`true` when this is the stored"
                                + " response to an earlier request with the same Idempotency-Key; absent otherwise")
                        .schema(stringSchema()));
    }

    /**
     * springdoc derives the milestone body from {@code @JsonSubTypes} as a {@code oneOf} whose parts extend an
     * abstract {@code MilestoneRequest}, but without a discriminator mapping (the type names are not the schema
     * names) and without each part's own {@code type} value. This makes {@code MilestoneRequest} itself the
     * {@code oneOf} with the mapping, and each part a closed object whose {@code type} has its one value.
     */
    private static void milestoneBody(OpenAPI openApi) {
        Map<String, Schema> schemas = openApi.getComponents().getSchemas();
        JsonSubTypes subTypes = MilestoneRequest.class.getAnnotation(JsonSubTypes.class);
        Discriminator discriminator = new Discriminator().propertyName("type");
        List<Schema> parts = new ArrayList<>();
        for (JsonSubTypes.Type subType : subTypes.value()) {
            String name = subType.value().getSimpleName();
            Schema<?> derived = schemas.get(name);
            if (derived == null) {
                throw new IllegalStateException(
                        "springdoc produced no schema " + name + " for milestone " + subType.name());
            }
            Schema<?> fields = derived.getAllOf() == null
                    ? derived
                    : derived.getAllOf().stream()
                            .filter(part -> part.get$ref() == null)
                            .findFirst()
                            .orElse(new Schema<>());
            Map<String, Schema> properties = new LinkedHashMap<>();
            properties.put(
                    "type", stringSchema().description("The milestone type")._enum(List.of(subType.name())));
            if (fields.getProperties() != null) {
                properties.putAll(fields.getProperties());
            }
            List<String> required = new ArrayList<>(List.of("type"));
            Stream.of(derived.getRequired(), fields.getRequired())
                    .filter(list -> list != null)
                    .flatMap(List::stream)
                    .filter(field -> !required.contains(field))
                    .forEach(required::add);
            Schema<?> part = objectSchema();
            part.setProperties(properties);
            part.setRequired(required);
            part.setAdditionalProperties(false);
            part.setDescription("Milestone " + subType.name());
            schemas.put(name, part);
            discriminator.mapping(subType.name(), SCHEMAS + name);
            parts.add(ref(name));
        }
        Schema<?> milestone = new Schema<>();
        milestone.setOneOf(parts);
        milestone.setDiscriminator(discriminator);
        milestone.setDescription("A milestone: `type` says which, `occurredOn` is its business date, and the other"
                + " fields are those of its type. The journey's rules are checked on recording (422).");
        schemas.put(MilestoneRequest.class.getSimpleName(), milestone);
        PathItem milestones = openApi.getPaths().get(MILESTONES_PATH);
        if (milestones == null
                || milestones.getPost() == null
                || milestones.getPost().getRequestBody() == null) {
            throw new IllegalStateException("No POST " + MILESTONES_PATH + " to describe");
        }
        milestones
                .getPost()
                .getRequestBody()
                .getContent()
                .get("application/json")
                .setSchema(ref(MilestoneRequest.class.getSimpleName()));
    }

    /** Unknown JSON fields are rejected with 400 (spring.jackson fail-on-unknown-properties). */
    private static void strictRequestBodies(Components components) {
        Stream.of("RegisterJourneyRequest", "PersonalDetailsRequest", "RetractionRequest", "CreateAccountRequest")
                .map(components.getSchemas()::get)
                .filter(schema -> schema != null)
                .forEach(schema -> schema.setAdditionalProperties(false));
    }

    /** Maps whose keys are always all present, and strings the views fill from enums. */
    private static void fixedKeysAndEnums(Components components) {
        Map<String, Schema> schemas = components.getSchemas();
        Schema<?> byStatus = fixedKeys(names(OutcomeStatus.values()), key -> suppressible(int64Schema()))
                .description("Count per status, every status present");
        Function<String, Schema> breakdown = key -> ref("Breakdown");
        for (String name : List.of("TwoYearsAfterOutcomeResponse", "Breakdown")) {
            Map<String, Schema> properties = property(schemas, name);
            if (properties != null) {
                properties.put("byStatus", byStatus);
            }
        }
        Map<String, Schema> outcome = property(schemas, "TwoYearsAfterOutcomeResponse");
        if (outcome != null) {
            outcome.put(
                    "byGender",
                    fixedKeys(names(Gender.values()), breakdown)
                            .description("The same measures per gender, every gender present"));
            outcome.put(
                    "byAgeBand",
                    fixedKeys(
                                    Arrays.stream(AgeBand.values())
                                            .map(AgeBand::label)
                                            .toList(),
                                    breakdown)
                            .description("The same measures per age band at arrival (arrival year minus birth"
                                    + " year, both ends inclusive), every band present"));
        }
        Map<String, Schema> reach = property(schemas, "CumulativeReachResponse");
        if (reach != null) {
            reach.put(
                    "byGender",
                    fixedKeys(names(Gender.values()), key -> new ArraySchema().items(ref("CumulativeReachMonth")))
                            .description("The same months per gender, every gender present"));
        }
        Map<String, Schema> reachMonth = property(schemas, "CumulativeReachMonth");
        if (reachMonth != null && reachMonth.get("cumulativeShare") != null) {
            reachMonth
                    .get("cumulativeShare")
                    .description("Kaplan–Meier share reaching the milestone by the end of the month, 0 to 1, four"
                            + " decimals; null when nobody is at risk in the month");
        }
        suppressibleFigures(schemas);
        setEnum(schemas, "DueAction", "code", names(DueActionCode.values()));
        setEnum(schemas, "OpenInternship", "kind", names(InternshipKind.values()));
        setEnum(schemas, "OpenEmployment", "employmentType", names(EmploymentType.values()));
        setEnum(schemas, "OpenStudies", "level", names(StudyLevel.values()));
        List<String> eventTypes = new ArrayList<>();
        eventTypes.add(TimelineQueries.typeOf(NewcomerRegistered.class));
        Arrays.stream(MilestoneRequest.class.getAnnotation(JsonSubTypes.class).value())
                .map(JsonSubTypes.Type::name)
                .forEach(eventTypes::add);
        eventTypes.add(TimelineQueries.typeOf(MilestoneRetracted.class));
        eventTypes.add(TimelineQueries.typeOf(PersonalDetailsCorrected.class));
        eventTypes.add(TimelineQueries.typeOf(PersonalDataErased.class));
        setEnum(schemas, "TimelineEntryResponse", "type", eventTypes);
    }

    /**
     * The outcome figures a request with {@code minCellSize} may suppress: {@code null} besides their type, so that a
     * generated client accepts it (docs/projections.md, "Small cells").
     */
    private static void suppressibleFigures(Map<String, Schema> schemas) {
        Map<String, List<String>> figures = Map.of(
                "TwoYearsAfterOutcomeResponse", List.of("denominator", "pending", "lostToFollowUp", "minCellSize"),
                "Breakdown", List.of("denominator", "pending", "lostToFollowUp"),
                "CountAndShare", List.of("count", "share"),
                "TimeToMilestoneResponse",
                        List.of("cohortSize", "reached", "medianDays", "p25Days", "p75Days", "minCellSize"));
        figures.forEach((name, fields) -> {
            Map<String, Schema> properties = property(schemas, name);
            if (properties != null) {
                fields.stream()
                        .map(properties::get)
                        .filter(field -> field != null)
                        .forEach(field -> suppressible(field));
            }
        });
    }

    private static Schema<?> suppressible(Schema<?> figure) {
        figure.addType("null");
        return figure;
    }

    /** /actuator/health, /actuator/prometheus, /v3/api-docs and /swagger-ui.html, which are no controllers. */
    private static void operationsEndpoints(OpenAPI openApi) {
        openApi.path(
                "/actuator/health",
                new PathItem()
                        .get(new Operation()
                                .operationId("health")
                                .addTagsItem("Operations")
                                .summary("UP or DOWN; with ADMIN credentials also each component"
                                        + " (db, projections with each view's lag, ...)")
                                .security(List.of())
                                .responses(new ApiResponses()
                                        .addApiResponse(
                                                "200",
                                                new ApiResponse()
                                                        .description("UP")
                                                        .content(new Content()
                                                                .addMediaType(
                                                                        "application/vnd.spring-boot.actuator.v3+json",
                                                                        new MediaType()
                                                                                .schema(objectSchema())
                                                                                .example(Map.of(
                                                                                        "status",
                                                                                        "UP",
                                                                                        "groups",
                                                                                        List.of(
                                                                                                "liveness",
                                                                                                "readiness"))))
                                                                .addMediaType(
                                                                        "application/json",
                                                                        new MediaType().schema(objectSchema()))))
                                        .addApiResponse(
                                                "503",
                                                new ApiResponse()
                                                        .description("DOWN: the database or an event"
                                                                + " processor is not healthy")
                                                        .content(new Content()
                                                                .addMediaType(
                                                                        "application/vnd.spring-boot.actuator.v3+json",
                                                                        new MediaType().schema(objectSchema())))))));
        openApi.path(
                "/actuator/prometheus",
                new PathItem()
                        .get(new Operation()
                                .operationId("prometheus")
                                .addTagsItem("Operations")
                                .summary("Metrics in the Prometheus text format (ADMIN)")
                                .responses(new ApiResponses()
                                        .addApiResponse(
                                                "200",
                                                new ApiResponse()
                                                        .description("Metrics")
                                                        .content(new Content()
                                                                .addMediaType(
                                                                        "text/plain",
                                                                        new MediaType().schema(stringSchema()))))
                                        .addApiResponse("401", new ApiResponse().$ref(OpenApiReferences.UNAUTHORIZED))
                                        .addApiResponse("403", new ApiResponse().$ref(OpenApiReferences.FORBIDDEN)))));
        openApi.path(
                "/v3/api-docs",
                new PathItem()
                        .get(new Operation()
                                .operationId("apiDocs")
                                .addTagsItem("Operations")
                                .summary("This document (OpenAPI 3.1, JSON)")
                                .security(List.of())
                                .responses(new ApiResponses()
                                        .addApiResponse(
                                                "200",
                                                new ApiResponse()
                                                        .description("The document")
                                                        .content(new Content()
                                                                .addMediaType(
                                                                        "application/json",
                                                                        new MediaType().schema(objectSchema())))))));
        openApi.path(
                "/swagger-ui.html",
                new PathItem()
                        .get(new Operation()
                                .operationId("swaggerUi")
                                .addTagsItem("Operations")
                                .summary("Swagger UI on this document")
                                .security(List.of())
                                .responses(new ApiResponses()
                                        .addApiResponse(
                                                "302",
                                                new ApiResponse()
                                                        .description(
                                                                "Redirect to /swagger-ui/index.html, the UI (HTML)")
                                                        .addHeaderObject(
                                                                "Location",
                                                                new Header().$ref(OpenApiReferences.LOCATION))))));
    }

    /** The correlation id: accepted by every operation, echoed by every response. */
    private static void correlationIds(OpenAPI openApi) {
        openApi.getComponents()
                .addParameters(
                        "X-Correlation-Id",
                        new Parameter()
                                .in("header")
                                .name("X-Correlation-Id")
                                .required(false)
                                .schema(stringSchema().pattern("[A-Za-z0-9._:-]{1,64}"))
                                .description(
                                        "Your id for this request, echoed in the response and recorded with its events;"
                                                + " a new one is made when absent or not of this form"));
        openApi.getComponents()
                .getResponses()
                .values()
                .forEach(response -> response.addHeaderObject(
                        "X-Correlation-Id", new Header().$ref("#/components/headers/X-Correlation-Id")));
        Parameter correlation = new Parameter().$ref("#/components/parameters/X-Correlation-Id");
        openApi.getPaths()
                .values()
                .forEach(path -> path.readOperations().forEach(operation -> {
                    if (operation.getParameters() == null
                            || !operation.getParameters().contains(correlation)) {
                        operation.addParametersItem(correlation);
                    }
                    operation.getResponses().values().stream()
                            .filter(response -> response.get$ref() == null)
                            .forEach(response -> {
                                response.addHeaderObject(
                                        "X-Correlation-Id", new Header().$ref("#/components/headers/X-Correlation-Id"));
                                // springdoc gives referenced headers a style of their own; the referenced one has it.
                                response.getHeaders().values().stream()
                                        .filter(header -> header.get$ref() != null)
                                        .forEach(header -> header.setStyle(null));
                            });
                }));
    }

    private static Schema<?> fixedKeys(List<String> keys, Function<String, Schema> value) {
        Schema<?> object = objectSchema();
        Map<String, Schema> properties = new LinkedHashMap<>();
        keys.forEach(key -> properties.put(key, value.apply(key)));
        object.setProperties(properties);
        object.setRequired(List.copyOf(keys));
        object.setAdditionalProperties(false);
        return object;
    }

    private static void setEnum(Map<String, Schema> schemas, String schema, String property, List<String> values) {
        Map<String, Schema> properties = property(schemas, schema);
        if (properties != null && properties.get(property) != null) {
            properties.put(
                    property,
                    stringSchema()
                            .description(properties.get(property).getDescription())
                            ._enum(values));
        }
    }

    private static Map<String, Schema> property(Map<String, Schema> schemas, String name) {
        Schema<?> schema = schemas.get(name);
        return schema == null ? null : schema.getProperties();
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    private static Schema<Object> ref(String schema) {
        return new Schema<>().$ref(SCHEMAS + schema);
    }

    @SuppressWarnings("unchecked")
    private static Schema<String> stringSchema() {
        return (Schema<String>) typed("string");
    }

    private static Schema<?> int64Schema() {
        return typed("integer").format("int64");
    }

    private static Schema<?> objectSchema() {
        return typed("object");
    }

    /** OpenAPI 3.1 writes {@code types}; 3.0 {@code type}: set both. */
    private static Schema<?> typed(String type) {
        Schema<Object> schema = new Schema<>();
        schema.setType(type);
        schema.addType(type);
        return schema;
    }
}
