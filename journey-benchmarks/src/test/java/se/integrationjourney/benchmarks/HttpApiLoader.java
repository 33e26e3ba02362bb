package se.integrationjourney.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import se.integrationjourney.core.events.ActionPlanEstablished;
import se.integrationjourney.core.events.ActionPlanRevised;
import se.integrationjourney.core.events.BusinessClosed;
import se.integrationjourney.core.events.BusinessStarted;
import se.integrationjourney.core.events.CaseworkerAssigned;
import se.integrationjourney.core.events.CivicOrientationCompleted;
import se.integrationjourney.core.events.EmploymentEnded;
import se.integrationjourney.core.events.EmploymentStarted;
import se.integrationjourney.core.events.EstablishmentPlanEnded;
import se.integrationjourney.core.events.EstablishmentPlanStarted;
import se.integrationjourney.core.events.FinancialAssistanceEnded;
import se.integrationjourney.core.events.FinancialAssistanceStarted;
import se.integrationjourney.core.events.FollowUpRecorded;
import se.integrationjourney.core.events.HousingSecured;
import se.integrationjourney.core.events.InternshipEnded;
import se.integrationjourney.core.events.InternshipStarted;
import se.integrationjourney.core.events.IntroductoryMeetingHeld;
import se.integrationjourney.core.events.JourneyClosed;
import se.integrationjourney.core.events.JourneyEvent;
import se.integrationjourney.core.events.JourneyReopened;
import se.integrationjourney.core.events.MilestoneEvent;
import se.integrationjourney.core.events.MilestoneRetracted;
import se.integrationjourney.core.events.NewcomerRegistered;
import se.integrationjourney.core.events.PersonalDetails;
import se.integrationjourney.core.events.PersonalDetailsCorrected;
import se.integrationjourney.core.events.SelfSufficiencyLost;
import se.integrationjourney.core.events.SelfSufficiencyReached;
import se.integrationjourney.core.events.SfiEnrolled;
import se.integrationjourney.core.events.SfiLevelReached;
import se.integrationjourney.core.events.StudiesEnded;
import se.integrationjourney.core.events.StudiesStarted;
import se.integrationjourney.core.events.TemporaryHousingProvided;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads synthetic journeys through the HTTP API, as caseworkers would: {@code clients} concurrent clients, each
 * registering a journey ({@code POST /api/journeys}) and then recording its milestones, retractions and
 * personal-details corrections one request at a time ({@code POST /api/journeys/{id}/milestones},
 * {@code …/retractions}, {@code …/personal-details-corrections}), with the JSON bodies of
 * docs/api.md. Each request signs in with HTTP Basic as a caseworker of the journey's municipality; those accounts
 * are created through the admin API ({@code POST /api/admin/users}) the first time a municipality comes up.
 *
 * <p>The service chooses a journey's id at registration, and every event's id: retractions name the id the API
 * returned, and {@link #journeyIds()} tells which journey got which id.
 *
 * <p>Stopping early works as in {@link CommandSideLoader}: {@link #stop()} lets every client finish its request
 * and return; a journey may be left part-way.
 */
final class HttpApiLoader {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private final URI base;
    private final String adminAuthorization;
    private final HttpClient http;
    private final String accountSuffix;
    private final String caseworkerPassword;
    private final Map<String, String> caseworkerAuthorization = new ConcurrentHashMap<>();
    private final Map<UUID, UUID> journeyIds = new ConcurrentHashMap<>();
    private final AtomicBoolean stopped = new AtomicBoolean();

    /** A loader for the service on {@code 127.0.0.1:port}, creating its caseworkers as the given admin. */
    HttpApiLoader(int port, String adminUsername, String adminPassword) {
        this.base = URI.create("http://127.0.0.1:" + port);
        this.adminAuthorization = basic(adminUsername, adminPassword);
        // HTTP/1.1 as curl speaks it; one pooled client, so each concurrent client keeps its own connection.
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        SecureRandom random = new SecureRandom();
        byte[] suffix = new byte[4];
        byte[] password = new byte[16];
        random.nextBytes(suffix);
        random.nextBytes(password);
        // A loader of its own accounts, so that several loaders (and test runs) may share one database.
        this.accountSuffix = HexFormat.of().formatHex(suffix);
        this.caseworkerPassword = HexFormat.of().formatHex(password);
    }

    /** Makes a running (or later) {@link #load} return after the requests being sent now. */
    void stop() {
        stopped.set(true);
    }

    /** The id the service gave each journey loaded so far, by its synthetic id. */
    Map<UUID, UUID> journeyIds() {
        return Map.copyOf(journeyIds);
    }

    /**
     * Sends every journey's registration, milestones and retractions, journeys spread over {@code clients}
     * concurrent clients; returns when all are recorded or the loader was {@linkplain #stop() stopped}. The first
     * request answered with anything but 201 stops the load and is rethrown (with the problem's type and rule).
     * The latencies are those of the requests that record events, from sending to the whole answer.
     */
    CommandSideLoader.LoadResult load(List<SyntheticHistory.JourneyHistory> journeys, int clients) {
        journeys.stream()
                .map(SyntheticHistory.JourneyHistory::municipalityCode)
                .distinct()
                .forEach(this::caseworkerOf);
        Latencies latencies = new Latencies();
        ParallelJourneys.Outcome outcome =
                ParallelJourneys.run(journeys, clients, stopped, journey -> loadJourney(journey, latencies));
        return new CommandSideLoader.LoadResult(outcome.events(), outcome.nanos(), latencies);
    }

    private long loadJourney(SyntheticHistory.JourneyHistory journey, Latencies latencies) throws Exception {
        String authorization = caseworkerOf(journey.municipalityCode());
        Map<String, String> recordedIds = new HashMap<>();
        UUID journeyId = null;
        long recorded = 0;
        for (SyntheticHistory.Entry entry : journey.entries()) {
            if (stopped.get()) {
                break;
            }
            JourneyEvent event = entry.event();
            String path;
            Map<String, Object> body;
            if (event instanceof NewcomerRegistered registration) {
                path = "/api/journeys";
                body = registrationBody(registration);
            } else if (event instanceof PersonalDetailsCorrected correction) {
                path = "/api/journeys/" + journeyId + "/personal-details-corrections";
                body = personalDetailsBody(correction.personalDetails());
            } else if (event instanceof MilestoneRetracted retraction) {
                path = "/api/journeys/" + journeyId + "/retractions";
                body = retractionBody(retraction, recordedIds);
            } else {
                path = "/api/journeys/" + journeyId + "/milestones";
                body = milestoneBody((MilestoneEvent) event);
            }
            long sending = System.nanoTime();
            JsonNode answer = post(
                    path,
                    authorization,
                    body,
                    "event " + entry.sequence() + " (" + event.getClass().getSimpleName() + ") of journey "
                            + journey.journeyId());
            latencies.record(System.nanoTime() - sending);
            if (journeyId == null) {
                journeyId = UUID.fromString(answer.path("journeyId").asString());
                journeyIds.put(journey.journeyId(), journeyId);
            } else {
                recordedIds.put(entry.eventId(), answer.path("eventId").asString());
            }
            recorded++;
        }
        return recorded;
    }

    /** The Basic credentials of this loader's caseworker in that municipality, created on first use. */
    private String caseworkerOf(String municipalityCode) {
        return caseworkerAuthorization.computeIfAbsent(municipalityCode, code -> {
            String username = "benchmark-cw-" + code + "-" + accountSuffix;
            Map<String, Object> account = new LinkedHashMap<>();
            account.put("username", username);
            account.put("password", caseworkerPassword);
            account.put("roles", List.of("CASEWORKER"));
            account.put("municipalityCode", code);
            post("/api/admin/users", adminAuthorization, account, "creating the caseworker account of " + code);
            return basic(username, caseworkerPassword);
        });
    }

    private JsonNode post(String path, String authorization, Map<String, Object> body, String what) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(what + ": interrupted", e);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(what + ": " + e, e);
        }
        if (response.statusCode() != 201) {
            // Only the problem's type and rule: a body could in principle echo what was sent.
            String problem = "";
            try {
                JsonNode json = JSON.readTree(response.body());
                problem = " " + json.path("type").asString("") + " "
                        + json.path("rule").asString("");
            } catch (RuntimeException unreadable) {
                // not a problem document; the status says enough
            }
            throw new IllegalStateException(what + ": HTTP " + response.statusCode() + problem);
        }
        return JSON.readTree(response.body());
    }

    /** {@code POST /api/journeys}: the registration; the arrival is the registration's business date. */
    static Map<String, Object> registrationBody(NewcomerRegistered registration) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("municipalityCode", registration.municipalityCode());
        body.put("arrivalDate", registration.occurredOn().toString());
        body.put("receptionType", registration.receptionType().name());
        body.put("birthYear", registration.birthYear());
        body.put("gender", registration.gender().name());
        body.put("countryOfBirth", registration.countryOfBirth());
        body.put("educationLevel", registration.educationLevel().name());
        body.put("personalDetails", personalDetailsBody(registration.personalDetails()));
        return body;
    }

    /**
     * The registration's {@code personalDetails}, and the whole body of
     * {@code POST /api/journeys/{id}/personal-details-corrections}.
     */
    static Map<String, Object> personalDetailsBody(PersonalDetails details) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("fullName", details.fullName());
        if (details.personalIdentityNumber() != null) {
            body.put("personalIdentityNumber", details.personalIdentityNumber());
        }
        return body;
    }

    /** {@code POST /api/journeys/{id}/retractions}: the retracted event's id as the API returned it. */
    static Map<String, Object> retractionBody(MilestoneRetracted retraction, Map<String, String> recordedIds) {
        String retracted = recordedIds.get(retraction.retractedEventId());
        if (retracted == null) {
            throw new IllegalStateException("a retraction of an event this load did not record");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("eventId", retracted);
        body.put("reason", retraction.reason());
        return body;
    }

    /** {@code POST /api/journeys/{id}/milestones}: {@code type}, {@code occurredOn} and the type's fields. */
    static Map<String, Object> milestoneBody(MilestoneEvent event) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", null); // first in the body, as in docs/api.md
        body.put("occurredOn", event.occurredOn().toString());
        String type;
        if (event instanceof CaseworkerAssigned e) {
            type = "CASEWORKER_ASSIGNED";
            body.put("caseworkerId", e.caseworkerId());
        } else if (event instanceof IntroductoryMeetingHeld) {
            type = "INTRODUCTORY_MEETING_HELD";
        } else if (event instanceof ActionPlanEstablished e) {
            type = "ACTION_PLAN_ESTABLISHED";
            body.put("goals", e.goals().stream().map(Enum::name).sorted().toList());
            body.put("summary", e.summary());
        } else if (event instanceof ActionPlanRevised e) {
            type = "ACTION_PLAN_REVISED";
            body.put("goals", e.goals().stream().map(Enum::name).sorted().toList());
            body.put("summary", e.summary());
        } else if (event instanceof EstablishmentPlanStarted) {
            type = "ESTABLISHMENT_PLAN_STARTED";
        } else if (event instanceof EstablishmentPlanEnded e) {
            type = "ESTABLISHMENT_PLAN_ENDED";
            body.put("reason", e.reason().name());
        } else if (event instanceof TemporaryHousingProvided) {
            type = "TEMPORARY_HOUSING_PROVIDED";
        } else if (event instanceof HousingSecured e) {
            type = "HOUSING_SECURED";
            body.put("tenure", e.tenure().name());
        } else if (event instanceof SfiEnrolled e) {
            type = "SFI_ENROLLED";
            body.put("studyPath", e.studyPath());
        } else if (event instanceof SfiLevelReached e) {
            type = "SFI_LEVEL_REACHED";
            body.put("level", e.level().name());
        } else if (event instanceof CivicOrientationCompleted e) {
            type = "CIVIC_ORIENTATION_COMPLETED";
            body.put("hours", e.hours());
            body.put("language", e.language());
        } else if (event instanceof InternshipStarted e) {
            type = "INTERNSHIP_STARTED";
            body.put("internshipId", e.internshipId());
            body.put("kind", e.kind().name());
            body.put("sector", e.sector());
        } else if (event instanceof InternshipEnded e) {
            type = "INTERNSHIP_ENDED";
            body.put("internshipId", e.internshipId());
            body.put("outcome", e.outcome().name());
        } else if (event instanceof EmploymentStarted e) {
            type = "EMPLOYMENT_STARTED";
            body.put("employmentId", e.employmentId());
            body.put("employmentType", e.employmentType().name());
            body.put("sector", e.sector());
            body.put("hoursPerWeek", e.hoursPerWeek());
        } else if (event instanceof EmploymentEnded e) {
            type = "EMPLOYMENT_ENDED";
            body.put("employmentId", e.employmentId());
        } else if (event instanceof BusinessStarted) {
            type = "BUSINESS_STARTED";
        } else if (event instanceof BusinessClosed) {
            type = "BUSINESS_CLOSED";
        } else if (event instanceof StudiesStarted e) {
            type = "STUDIES_STARTED";
            body.put("studyId", e.studyId());
            body.put("level", e.level().name());
        } else if (event instanceof StudiesEnded e) {
            type = "STUDIES_ENDED";
            body.put("studyId", e.studyId());
        } else if (event instanceof FinancialAssistanceStarted) {
            type = "FINANCIAL_ASSISTANCE_STARTED";
        } else if (event instanceof FinancialAssistanceEnded) {
            type = "FINANCIAL_ASSISTANCE_ENDED";
        } else if (event instanceof SelfSufficiencyReached e) {
            type = "SELF_SUFFICIENCY_REACHED";
            body.put("basis", e.basis().name());
        } else if (event instanceof SelfSufficiencyLost) {
            type = "SELF_SUFFICIENCY_LOST";
        } else if (event instanceof FollowUpRecorded e) {
            type = "FOLLOW_UP_RECORDED";
            body.put("monthsAfterEstablishment", e.monthsAfterEstablishment());
            body.put("status", e.status().name());
            body.put("source", e.source().name());
        } else if (event instanceof JourneyClosed e) {
            type = "JOURNEY_CLOSED";
            body.put("reason", e.reason().name());
        } else if (event instanceof JourneyReopened) {
            type = "JOURNEY_REOPENED";
        } else {
            throw new IllegalArgumentException(
                    "no milestone type records a " + event.getClass().getSimpleName());
        }
        body.put("type", type);
        return body;
    }

    private static String basic(String username, String password) {
        return "Basic "
                + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
