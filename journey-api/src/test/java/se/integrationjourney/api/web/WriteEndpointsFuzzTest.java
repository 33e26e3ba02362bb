package se.integrationjourney.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.integrationjourney.api.testsupport.ApiClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Generated bad input over every write endpoint (issue 14): each valid body mutated at random (a field of another
 * kind, text PostgreSQL cannot store, a name or an identity number where it does not belong, a field removed or
 * added, a key twice, the JSON cut short, bytes that are no UTF-8, nesting too deep, other headers). Whatever comes
 * in, the answer is never a 5xx, never a stack trace, never quotes the personal data sent, and afterwards every view
 * reaches the head of the store with nothing in its dead-letter queue. The seed is fixed so that a failure repeats;
 * {@code -Dfuzz.seed=N} tries another.
 */
class WriteEndpointsFuzzTest extends ApiTestBase {

    private static final int CASES_PER_ENDPOINT = 60;
    private static final String NAME = "Zlatan Fuzzberg";
    private static final String IDENTITY_NUMBER = "19121212-1212";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> LEAKS = List.of(
            NAME,
            IDENTITY_NUMBER,
            "191212121212",
            "Exception",
            "\tat ",
            "org.springframework",
            "org.postgresql",
            "java.lang",
            "SQL");

    @Test
    void givenGeneratedBadInput_whenSentToEveryWriteEndpoint_thenNo5xxNoLeakAndEveryViewReachesTheHead() {
        long seed = Long.getLong("fuzz.seed", 14L);
        SplittableRandom random = new SplittableRandom(seed);
        List<String> journeys = List.of(registerJourney("2024-01-10"), registerJourney("2024-01-11"));
        List<String> failures = new ArrayList<>();
        Map<Integer, Integer> statuses = new java.util.TreeMap<>();

        for (Endpoint endpoint : endpoints(journeys)) {
            for (int i = 0; i < CASES_PER_ENDPOINT; i++) {
                Map<String, Object> body = endpoint.validBody(random);
                byte[] sent = mutate(body, random);
                ApiClient client = endpoint.client(this);
                if (random.nextInt(6) == 0) {
                    client = client.with("Idempotency-Key", randomText(random, 30));
                }
                if (random.nextInt(6) == 0) {
                    client = client.with("If-Match", randomText(random, 10));
                }
                String contentType = random.nextInt(12) == 0
                        ? pick(
                                random,
                                List.of(
                                        "text/plain",
                                        "application/yaml",
                                        "application/json; charset=ISO-8859-1",
                                        "application/xml"))
                        : "application/json";
                ApiClient.Response answer;
                try {
                    answer = client.send("POST", endpoint.path(random), contentType, sent);
                } catch (IllegalArgumentException | IllegalStateException headerRefusedByClient) {
                    continue; // the HTTP client itself refused a header value: nothing was sent
                }
                statuses.merge(answer.status(), 1, Integer::sum);
                String problem = check(answer);
                if (problem != null) {
                    failures.add(endpoint.name() + " (seed " + seed + ", case " + i + "): " + problem + " for "
                            + new String(sent, StandardCharsets.UTF_8)
                                    .replaceAll("[^ -~]", "?")
                                    .substring(0, Math.min(300, sent.length)));
                }
            }
        }

        assertThat(failures).isEmpty();
        assertThat(statuses)
                .as("the generated cases reach both the recording and the refusals")
                .containsKeys(201, 400, 415);
        await().atMost(Duration.ofSeconds(60)).until(this::everyViewAtTheHeadWithoutDeadLetters);
    }

    /** What is wrong with an answer, or null. */
    private static String check(ApiClient.Response answer) {
        if (answer.status() >= 500) {
            return "status " + answer.status() + ": " + answer.body();
        }
        for (String leak : LEAKS) {
            if (answer.body() != null && answer.body().contains(leak)) {
                return "answer contains '" + leak + "': " + answer.body();
            }
        }
        if (answer.status() >= 400) {
            if (answer.contentType() == null || !answer.contentType().startsWith("application/problem+json")) {
                return "status " + answer.status() + " as " + answer.contentType();
            }
            JsonNode problem = answer.json();
            if (problem.path("type").asString().isEmpty()
                    || problem.path("detail").asString().isEmpty()) {
                return "an incomplete problem: " + answer.body();
            }
        }
        return null;
    }

    private boolean everyViewAtTheHeadWithoutDeadLetters() {
        for (JsonNode view : admin().get("/api/admin/projections").json()) {
            if (view.path("position").asLong() < view.path("headPosition").asLong()
                    || view.path("replaying").asBoolean()
                    || view.path("deadLetters").asLong() > 0) {
                return false;
            }
        }
        return true;
    }

    // --- the endpoints and their valid bodies

    private interface Endpoint {
        String name();

        String path(SplittableRandom random);

        Map<String, Object> validBody(SplittableRandom random);

        ApiClient client(ApiTestBase test);
    }

    private List<Endpoint> endpoints(List<String> journeys) {
        List<Endpoint> endpoints = new ArrayList<>();
        endpoints.add(endpoint(
                "register",
                random -> "/api/journeys",
                random -> new LinkedHashMap<>(registration("2024-01-1" + random.nextInt(10), NAME, IDENTITY_NUMBER)),
                ApiTestBase::caseworker));
        endpoints.add(endpoint(
                "milestone",
                random -> journeyPath(random, journeys, "/milestones"),
                WriteEndpointsFuzzTest::milestoneBody,
                ApiTestBase::caseworker));
        endpoints.add(endpoint(
                "retraction",
                random -> journeyPath(random, journeys, "/retractions"),
                random -> new LinkedHashMap<>(
                        Map.of("eventId", UUID.randomUUID().toString(), "reason", "recorded on the wrong journey")),
                ApiTestBase::caseworker));
        endpoints.add(endpoint(
                "correction",
                random -> journeyPath(random, journeys, "/personal-details-corrections"),
                random -> new LinkedHashMap<>(Map.of("fullName", NAME, "personalIdentityNumber", IDENTITY_NUMBER)),
                ApiTestBase::caseworker));
        endpoints.add(endpoint(
                "account",
                random -> "/api/admin/users",
                random -> new LinkedHashMap<>(Map.of(
                        "username",
                        "fuzz." + random.nextInt(1_000_000),
                        "password",
                        "a long enough password",
                        "roles",
                        List.of("ANALYST"))),
                ApiTestBase::admin));
        return endpoints;
    }

    private static Endpoint endpoint(
            String name,
            java.util.function.Function<SplittableRandom, String> path,
            java.util.function.Function<SplittableRandom, Map<String, Object>> body,
            java.util.function.Function<ApiTestBase, ApiClient> client) {
        return new Endpoint() {
            public String name() {
                return name;
            }

            public String path(SplittableRandom random) {
                return path.apply(random);
            }

            public Map<String, Object> validBody(SplittableRandom random) {
                return body.apply(random);
            }

            public ApiClient client(ApiTestBase test) {
                return client.apply(test);
            }
        };
    }

    private static String journeyPath(SplittableRandom random, List<String> journeys, String rest) {
        String journey = switch (random.nextInt(10)) {
            case 0 -> UUID.randomUUID().toString();
            case 1 -> "not-a-journey";
            default -> journeys.get(random.nextInt(journeys.size()));
        };
        return "/api/journeys/" + journey + rest;
    }

    private static Map<String, Object> milestoneBody(SplittableRandom random) {
        String day = "2024-02-" + (10 + random.nextInt(18));
        List<Map<String, Object>> samples = List.of(
                milestone("CASEWORKER_ASSIGNED", day, "caseworkerId", "cw-1"),
                milestone("INTRODUCTORY_MEETING_HELD", day),
                milestone("ACTION_PLAN_ESTABLISHED", day, "goals", List.of("WORK", "LANGUAGE"), "summary", "SFI first"),
                milestone("ACTION_PLAN_REVISED", day, "goals", List.of("STUDIES"), "summary", "studies"),
                milestone("ESTABLISHMENT_PLAN_STARTED", day),
                milestone("ESTABLISHMENT_PLAN_ENDED", day, "reason", "COMPLETED"),
                milestone("TEMPORARY_HOUSING_PROVIDED", day),
                milestone("HOUSING_SECURED", day, "tenure", "FIRST_HAND"),
                milestone("SFI_ENROLLED", day, "studyPath", 2),
                milestone("SFI_LEVEL_REACHED", day, "level", "B"),
                milestone("CIVIC_ORIENTATION_COMPLETED", day, "hours", 60, "language", "arabic"),
                milestone("INTERNSHIP_STARTED", day, "internshipId", "i1", "kind", "WORK_TRIAL", "sector", "care"),
                milestone("INTERNSHIP_ENDED", day, "internshipId", "i1", "outcome", "COMPLETED"),
                milestone(
                        "EMPLOYMENT_STARTED",
                        day,
                        "employmentId",
                        "e1",
                        "employmentType",
                        "REGULAR",
                        "sector",
                        "care",
                        "hoursPerWeek",
                        40),
                milestone("EMPLOYMENT_ENDED", day, "employmentId", "e1"),
                milestone("BUSINESS_STARTED", day),
                milestone("BUSINESS_CLOSED", day),
                milestone("STUDIES_STARTED", day, "studyId", "s1", "level", "UNIVERSITY"),
                milestone("STUDIES_ENDED", day, "studyId", "s1"),
                milestone("FINANCIAL_ASSISTANCE_STARTED", day),
                milestone("FINANCIAL_ASSISTANCE_ENDED", day),
                milestone("SELF_SUFFICIENCY_REACHED", day, "basis", "EMPLOYMENT"),
                milestone("SELF_SUFFICIENCY_LOST", day),
                milestone(
                        "FOLLOW_UP_RECORDED",
                        day,
                        "monthsAfterEstablishment",
                        24,
                        "status",
                        "EMPLOYED",
                        "source",
                        "INTERVIEW"),
                milestone("JOURNEY_CLOSED", day, "reason", "OTHER"),
                milestone("JOURNEY_REOPENED", day));
        return new LinkedHashMap<>(samples.get(random.nextInt(samples.size())));
    }

    // --- mutations

    /** The body as sent: unchanged now and then, else mutated one or two ways. */
    private static byte[] mutate(Map<String, Object> body, SplittableRandom random) {
        int mutations = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(2);
        for (int m = 0; m < mutations; m++) {
            List<String> keys = new ArrayList<>(body.keySet());
            switch (random.nextInt(8)) {
                case 0, 1, 2 -> {
                    if (!keys.isEmpty()) {
                        body.put(pick(random, keys), randomValue(random, 0));
                    }
                }
                case 3 -> {
                    if (!keys.isEmpty()) {
                        body.remove(pick(random, keys));
                    }
                }
                case 4 ->
                    body.put(
                            pick(random, List.of(IDENTITY_NUMBER, NAME, "colour", "isAdmin", "", "personalDetails")),
                            randomValue(random, 0));
                case 5 -> {
                    if (body.get("personalDetails") instanceof Map<?, ?> details) {
                        @SuppressWarnings("unchecked")
                        Map<String, Object> inner = new LinkedHashMap<>((Map<String, Object>) details);
                        inner.put(
                                pick(random, List.of("fullName", "personalIdentityNumber", IDENTITY_NUMBER)),
                                randomValue(random, 0));
                        body.put("personalDetails", inner);
                    } else if (!keys.isEmpty()) {
                        body.put(pick(random, keys), randomText(random, 40));
                    }
                }
                default -> {
                    return raw(JSON.writeValueAsString(body), random);
                }
            }
        }
        return JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
    }

    /** Mutations of the text itself: what a JSON library would never write. */
    private static byte[] raw(String json, SplittableRandom random) {
        return switch (random.nextInt(6)) {
            case 0 ->
                json.substring(0, random.nextInt(Math.max(1, json.length()))).getBytes(StandardCharsets.UTF_8);
            case 1 ->
                (json.substring(0, json.length() - 1) + ",\"occurredOn\":\"2024-01-01\",\"occurredOn\":\"x\"}")
                        .getBytes(StandardCharsets.UTF_8);
            case 2 -> {
                byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
                bytes[random.nextInt(bytes.length)] = (byte) (0x80 + random.nextInt(0x80));
                yield bytes;
            }
            case 3 -> ("[".repeat(2_000) + "]".repeat(2_000)).getBytes(StandardCharsets.UTF_8);
            case 4 -> ("[" + json + "]").getBytes(StandardCharsets.UTF_8);
            default -> (json + " " + json).getBytes(StandardCharsets.UTF_8);
        };
    }

    private static Object randomValue(SplittableRandom random, int depth) {
        return switch (random.nextInt(depth > 2 ? 7 : 9)) {
            case 0, 1, 2 -> randomText(random, 50);
            case 3 -> random.nextInt();
            case 4 -> random.nextDouble() * 1_000;
            case 5 -> random.nextBoolean();
            case 6 -> null;
            case 7 -> java.util.Arrays.asList(randomValue(random, depth + 1), randomValue(random, depth + 1));
            default -> {
                Map<String, Object> object = new LinkedHashMap<>();
                object.put(randomText(random, 8), randomValue(random, depth + 1));
                yield object;
            }
        };
    }

    private static String randomText(SplittableRandom random, int maxLength) {
        return switch (random.nextInt(10)) {
            case 0 -> NAME;
            case 1 -> IDENTITY_NUMBER;
            case 2 -> "A\u0000B";
            case 3 -> "lone \ud800 surrogate";
            case 4 -> "x".repeat(5_000);
            case 5 -> "2024-01-01T10:00:00";
            case 6 -> "\"'\\<script>;--";
            default -> {
                StringBuilder text = new StringBuilder();
                int length = random.nextInt(maxLength + 1);
                for (int i = 0; i < length; i++) {
                    text.append((char)
                            (random.nextInt(8) == 0 ? random.nextInt(0x20, 0x3000) : random.nextInt(0x20, 0x7f)));
                }
                yield text.toString();
            }
        };
    }

    private static <T> T pick(SplittableRandom random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
