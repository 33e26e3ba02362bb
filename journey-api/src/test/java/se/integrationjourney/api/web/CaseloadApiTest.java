package se.integrationjourney.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.integrationjourney.api.testsupport.ApiClient;
import se.integrationjourney.api.testsupport.ApiTestAccounts;
import se.integrationjourney.projections.caseload.CaseloadThresholds;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/caseload}: the caseworker's list of active journeys with stage and due actions, most overdue
 * first, paged. Each test assigns its journeys to a caseworker id of its own, so the database may be shared.
 */
class CaseloadApiTest extends ApiTestBase {

    private static final Duration VIEW_CATCH_UP = Duration.ofSeconds(30);

    @Autowired
    CaseloadThresholds thresholds;

    @Test
    void givenJourneysOfACaseworker_whenTheCaseloadIsRead_thenItListsThemMostOverdueFirstWithTheContractFields() {
        String caseworkerId = "hl-" + UUID.randomUUID();
        LocalDate longAgo = today().minusDays(100);
        LocalDate lately = today().minusDays(40);
        String overdue = assignedJourney(longAgo, "Yohannes Tesfay", caseworkerId);
        String lessOverdue = assignedJourney(lately, "Lina Al-Sayed", caseworkerId);
        String upToDate = assignedJourney(today().minusDays(3), "ሰላም ገብረ", caseworkerId);
        record(caseworker(), upToDate, milestone("INTRODUCTORY_MEETING_HELD", today().minusDays(2)));

        JsonNode page =
                awaitCaseload(caseworker(), "?caseworkerId=" + caseworkerId, List.of(overdue, lessOverdue, upToDate));

        assertThat(page.path("page").asInt()).isZero();
        assertThat(page.path("size").asInt()).isEqualTo(50);
        assertThat(page.path("total").asLong()).isEqualTo(3);
        JsonNode first = page.path("items").get(0);
        assertThat(fieldNames(first))
                .containsExactlyInAnyOrder(
                        "journeyId", "fullName", "arrivalDate", "stage", "caseworkerId", "dueActions");
        assertThat(first.path("fullName").asString()).isEqualTo("Yohannes Tesfay");
        assertThat(first.path("arrivalDate").asString()).isEqualTo(longAgo.toString());
        assertThat(first.path("stage").asString()).isEqualTo("RECEPTION");
        assertThat(first.path("caseworkerId").asString()).isEqualTo(caseworkerId);
        assertThat(dueActions(first))
                .containsExactly(
                        "NO_INTRODUCTORY_MEETING " + longAgo.plusDays(thresholds.introductoryMeetingDays()),
                        "NOT_ENROLLED_IN_SFI " + longAgo.plusDays(thresholds.sfiEnrolmentDays()),
                        "NO_ACTION_PLAN " + longAgo.plusDays(thresholds.actionPlanDays()),
                        "NO_HOUSING " + longAgo.plusDays(thresholds.housingDays()));
        assertThat(dueActions(page.path("items").get(1)))
                .containsExactly(
                        "NO_INTRODUCTORY_MEETING " + lately.plusDays(thresholds.introductoryMeetingDays()),
                        "NOT_ENROLLED_IN_SFI " + lately.plusDays(thresholds.sfiEnrolmentDays()));
        assertThat(page.path("items").get(2).path("fullName").asString()).isEqualTo("ሰላም ገብረ");
        assertThat(page.path("items").get(2).path("dueActions").isArray()).isTrue();
        assertThat(page.path("items").get(2).path("dueActions").size()).isZero();
    }

    @Test
    void givenJourneysWithAndWithoutDueActions_whenAskingDueOnlyAndByPage_thenOnlyThoseArePagedWithTheTotal() {
        String caseworkerId = "hl-" + UUID.randomUUID();
        String overdue = assignedJourney(today().minusDays(100), "Ahmad Karimi", caseworkerId);
        String lessOverdue = assignedJourney(today().minusDays(40), "Sara Haile", caseworkerId);
        String upToDate = assignedJourney(today().minusDays(3), "Omar Nuri", caseworkerId);
        awaitCaseload(caseworker(), "?caseworkerId=" + caseworkerId, List.of(overdue, lessOverdue, upToDate));

        JsonNode dueOnly = caseload(caseworker(), "?caseworkerId=" + caseworkerId + "&dueOnly=true");
        JsonNode secondPage = caseload(caseworker(), "?caseworkerId=" + caseworkerId + "&size=1&page=1");
        JsonNode pastTheEnd = caseload(caseworker(), "?caseworkerId=" + caseworkerId + "&size=2&page=5");

        assertThat(journeyIds(dueOnly)).containsExactly(overdue, lessOverdue);
        assertThat(dueOnly.path("total").asLong()).isEqualTo(2);
        assertThat(journeyIds(secondPage)).containsExactly(lessOverdue);
        assertThat(secondPage.path("page").asInt()).isEqualTo(1);
        assertThat(secondPage.path("size").asInt()).isEqualTo(1);
        assertThat(secondPage.path("total").asLong()).isEqualTo(3);
        assertThat(journeyIds(pastTheEnd)).isEmpty();
        assertThat(pastTheEnd.path("total").asLong()).isEqualTo(3);
    }

    @Test
    void givenAJourneyWithoutCaseworker_whenTheMunicipalityCaseloadIsRead_thenNoCaseworkerIsDueSinceArrival() {
        LocalDate arrival = today().minusDays(5);
        String journeyId = registerJourney(arrival.toString());

        await().atMost(VIEW_CATCH_UP)
                .untilAsserted(() -> assertThat(journeyIds(caseload(caseworker(), "?dueOnly=true&size=500")))
                        .contains(journeyId));

        JsonNode item = itemOf(caseload(caseworker(), "?dueOnly=true&size=500"), journeyId);
        assertThat(item.path("caseworkerId").isNull()
                        || item.path("caseworkerId").isMissingNode())
                .isTrue();
        assertThat(dueActions(item)).containsExactly("NO_CASEWORKER " + arrival);
    }

    @Test
    void givenAClosedJourney_whenTheCaseloadIsRead_thenItIsNoLongerListed() {
        String caseworkerId = "hl-" + UUID.randomUUID();
        String staying = assignedJourney(today().minusDays(21), "Maryam Hosseini", caseworkerId);
        String leaving = assignedJourney(today().minusDays(20), "Dawit Berhe", caseworkerId);
        awaitCaseload(caseworker(), "?caseworkerId=" + caseworkerId, List.of(staying, leaving));

        record(caseworker(), leaving, milestone("JOURNEY_CLOSED", today().minusDays(1), "reason", "MOVED_AWAY"));

        JsonNode page = awaitCaseload(caseworker(), "?caseworkerId=" + caseworkerId, List.of(staying));
        assertThat(page.path("total").asLong()).isEqualTo(1);
    }

    @Test
    void givenCaseworkersOfTwoMunicipalities_whenReadingCaseloads_thenEachSeesOnlyTheirOwnAndAskingForAnotherIs403() {
        String caseworkerId = "hl-" + UUID.randomUUID();
        String journeyId = assignedJourney(today().minusDays(15), "Fatima Yusuf", caseworkerId);
        awaitCaseload(caseworker(), "?caseworkerId=" + caseworkerId, List.of(journeyId));

        JsonNode trelleborgsView = caseload(otherCaseworker(), "?caseworkerId=" + caseworkerId);
        JsonNode adminsView = caseload(admin(), "?caseworkerId=" + caseworkerId);
        JsonNode ownByCode = caseload(
                caseworker(), "?caseworkerId=" + caseworkerId + "&municipalityCode=" + ApiTestAccounts.TOREBODA);

        assertThat(trelleborgsView.path("total").asLong()).isZero();
        assertThat(journeyIds(adminsView)).containsExactly(journeyId);
        assertThat(journeyIds(ownByCode)).containsExactly(journeyId);
        assertProblem(caseworker().get("/api/caseload?municipalityCode=" + ApiTestAccounts.TRELLEBORG), 403);
        assertProblem(otherCaseworker().get("/api/caseload?municipalityCode=" + ApiTestAccounts.TOREBODA), 403);
    }

    @Test
    void givenPagingOutOfRange_whenReadingTheCaseload_then400Problem() {
        assertProblem(caseworker().get("/api/caseload?size=501"), 400);
        assertProblem(caseworker().get("/api/caseload?size=0"), 400);
        assertProblem(caseworker().get("/api/caseload?page=-1"), 400);
        assertProblem(caseworker().get("/api/caseload?page=first"), 400);
        assertProblem(admin().get("/api/caseload?municipalityCode=Töreboda"), 400);
        ApiClient.Response largest = caseworker().get("/api/caseload?size=500");
        assertThat(largest.status()).as(largest.body()).isEqualTo(200);
    }

    @Test
    void givenJourneysInTwoStagesAndDueInDifferentWays_whenFilteredByStageOrDueAction_thenOnlyThoseAreListed() {
        String caseworkerId = "hl-" + UUID.randomUUID();
        String withoutHousing = assignedJourney(today().minusDays(120), "Hamid Rahimi", caseworkerId);
        String inEstablishment = assignedJourney(today().minusDays(10), "Nour Khalil", caseworkerId);
        record(caseworker(), inEstablishment, milestone("ESTABLISHMENT_PLAN_STARTED", today().minusDays(5)));
        awaitCaseload(caseworker(), "?caseworkerId=" + caseworkerId, List.of(withoutHousing, inEstablishment));

        JsonNode establishment = caseload(caseworker(), "?caseworkerId=" + caseworkerId + "&stage=ESTABLISHMENT");
        JsonNode reception = caseload(caseworker(), "?caseworkerId=" + caseworkerId + "&stage=RECEPTION");
        JsonNode noHousing = caseload(caseworker(), "?caseworkerId=" + caseworkerId + "&dueAction=NO_HOUSING");

        assertThat(journeyIds(establishment)).containsExactly(inEstablishment);
        assertThat(establishment.path("items").get(0).path("stage").asString()).isEqualTo("ESTABLISHMENT");
        assertThat(journeyIds(reception)).containsExactly(withoutHousing);
        assertThat(journeyIds(noHousing)).containsExactly(withoutHousing);
        assertThat(noHousing.path("total").asLong()).isEqualTo(1);
    }

    @Test
    void givenAnUnknownStageOrDueActionOrTheStageClosed_whenReadingTheCaseload_then400Problem() {
        assertProblem(caseworker().get("/api/caseload?stage=ARRIVED"), 400);
        assertProblem(caseworker().get("/api/caseload?stage=CLOSED"), 400);
        assertProblem(caseworker().get("/api/caseload?dueAction=NO_LUNCH"), 400);
        ApiClient.Response known = caseworker().get("/api/caseload?stage=FOLLOW_UP&dueAction=FOLLOW_UP_DUE");
        assertThat(known.status()).as(known.body()).isEqualTo(200);
    }

    /** Registers a journey in Töreboda and assigns it to {@code caseworkerId} on the day after arrival. */
    private String assignedJourney(LocalDate arrival, String fullName, String caseworkerId) {
        ApiClient.Response created =
                caseworker().post("/api/journeys", registration(arrival.toString(), fullName, null));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String journeyId = created.json().path("journeyId").asString();
        record(
                caseworker(),
                journeyId,
                milestone("CASEWORKER_ASSIGNED", arrival.plusDays(1), "caseworkerId", caseworkerId));
        return journeyId;
    }

    /**
     * Polls the caseload until it lists exactly {@code expected}, in that order, read while the view had handled
     * every event recorded (so no due action is shown that a later milestone settled), and returns that page.
     */
    private JsonNode awaitCaseload(ApiClient client, String query, List<String> expected) {
        return await().atMost(VIEW_CATCH_UP)
                .until(
                        () -> viewCaughtUp("caseload") ? caseload(client, query) : null,
                        page -> page != null && journeyIds(page).equals(expected));
    }

    private static JsonNode caseload(ApiClient client, String query) {
        ApiClient.Response response = client.get("/api/caseload" + query);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
        return response.json();
    }

    private static List<String> journeyIds(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("items").forEach(item -> ids.add(item.path("journeyId").asString()));
        return ids;
    }

    private static JsonNode itemOf(JsonNode page, String journeyId) {
        for (JsonNode item : page.path("items")) {
            if (item.path("journeyId").asString().equals(journeyId)) {
                return item;
            }
        }
        throw new AssertionError("journey not in the caseload page");
    }

    /** Each due action as "CODE since", in the order listed. */
    private static List<String> dueActions(JsonNode item) {
        List<String> actions = new ArrayList<>();
        item.path("dueActions").forEach(action -> {
            assertThat(fieldNames(action)).containsExactlyInAnyOrder("code", "since");
            actions.add(
                    action.path("code").asString() + " " + action.path("since").asString());
        });
        return actions;
    }

    private static List<String> fieldNames(JsonNode node) {
        return new ArrayList<>(node.propertyNames());
    }
}
