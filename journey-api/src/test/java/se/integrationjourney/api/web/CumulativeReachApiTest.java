package se.integrationjourney.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import se.integrationjourney.api.testsupport.ApiClient;
import se.integrationjourney.api.testsupport.ApiTestAccounts;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/outcomes/time-to/cumulative} over HTTP, on the cohort of docs/api.md's example: four arrivals of
 * 2023 in a municipality of their own (0115), so other tests sharing the database do not change the figures.
 * Housing secured from arrival, months as time-to counts them:
 * <ul>
 *   <li>a woman housed on her arrival day: reached in month 0;</li>
 *   <li>a woman arrived 2023-04-10, housed 2023-06-05: reached in month 2 (after 05-10, by 06-10);</li>
 *   <li>a man arrived 2023-05-02 who moved away on 2023-05-20: censored in month 1;</li>
 *   <li>a man arrived 2023-09-01, closed and reopened in the same autumn, never housed: at risk throughout.</li>
 * </ul>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CumulativeReachApiTest extends ApiTestBase {

    private static final String MUNICIPALITY = "0115";
    private static final String PATH = "/api/outcomes/time-to/cumulative";
    private static final String QUERY =
            "milestone=HOUSING_SECURED&from=ARRIVAL&cohortYear=2023&municipalityCode=" + MUNICIPALITY;

    private final List<String> personalData = new ArrayList<>();

    @BeforeAll
    void recordTheCohort() {
        ApiTestAccounts.ensure(accounts, passwords);
        String housedOnArrival = register("2023-03-01", "FEMALE", "Reach Noor Haddad", "19910301");
        record(admin(), housedOnArrival, milestone("HOUSING_SECURED", "2023-03-01", "tenure", "FIRST_HAND"));
        String housedLater = register("2023-04-10", "FEMALE", "Reach Saba Tesfaye", "19880410");
        record(admin(), housedLater, milestone("HOUSING_SECURED", "2023-06-05", "tenure", "SECOND_HAND"));
        String movedAway = register("2023-05-02", "MALE", "Reach Omid Rahimi", "19930502");
        record(admin(), movedAway, milestone("JOURNEY_CLOSED", "2023-05-20", "reason", "MOVED_AWAY"));
        String reopened = register("2023-09-01", "MALE", "Reach Ali Yusuf", "19850901");
        record(admin(), reopened, milestone("JOURNEY_CLOSED", "2023-09-15", "reason", "OTHER"));
        record(admin(), reopened, milestone("JOURNEY_REOPENED", "2023-10-01"));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> viewCaughtUp("outcomes")
                        && reach(analyst(), QUERY + "&months=0")
                                        .path("months")
                                        .get(0)
                                        .path("atRisk")
                                        .asLong()
                                == 4);
    }

    @Test
    void givenTheCohort_whenAnAnalystAsksWithoutAsOf_thenEveryMonthHasItsRiskSetReachesCensoringsAndShare() {
        long lastRecorded = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);

        JsonNode reach = reach(analyst(), QUERY + "&months=2");

        assertThat(names(reach))
                .containsExactlyInAnyOrder(
                        "cohortYear",
                        "milestone",
                        "from",
                        "asOf",
                        "months",
                        "byGender",
                        "knownAt",
                        "eventStorePosition");
        assertThat(reach.path("cohortYear").asInt()).isEqualTo(2023);
        assertThat(reach.path("milestone").asString()).isEqualTo("HOUSING_SECURED");
        assertThat(reach.path("from").asString()).isEqualTo("ARRIVAL");
        assertThat(reach.path("asOf").asString()).isEqualTo(today().toString());
        assertThat(reach.path("eventStorePosition").asLong()).isGreaterThanOrEqualTo(lastRecorded);
        // m0: 1 − 3/4; m1: the move is censored, nobody housed; m2: 1 − 3/4 · 1/2.
        assertThat(rows(reach.path("months"))).containsExactly("0,4,1,0,0.2500", "1,3,0,1,0.2500", "2,2,1,0,0.6250");
        JsonNode byGender = reach.path("byGender");
        assertThat(names(byGender)).containsExactly("FEMALE", "MALE", "OTHER", "UNKNOWN");
        assertThat(rows(byGender.path("FEMALE"))).containsExactly("0,2,1,0,0.5000", "1,1,0,0,0.5000", "2,1,1,0,1.0000");
        assertThat(rows(byGender.path("MALE"))).containsExactly("0,2,0,0,0.0000", "1,2,0,1,0.0000", "2,1,0,0,0.0000");
        assertThat(rows(byGender.path("OTHER"))).containsExactly("0,0,0,0,null", "1,0,0,0,null", "2,0,0,0,null");
        assertThat(analyst().get(PATH + "?" + QUERY + "&months=2").body())
                .as("shares written with their four decimals")
                .contains("\"cumulativeShare\":0.2500", "\"cumulativeShare\":0.6250", "\"cumulativeShare\":null");
    }

    @Test
    void givenNoMonths_whenAsked_thenTheCurveRunsToMonth36() {
        JsonNode reach = reach(analyst(), QUERY);

        assertThat(reach.path("months").size()).isEqualTo(37);
        assertThat(reach.path("months").get(36).path("month").asInt()).isEqualTo(36);
        assertThat(reach.path("byGender").path("UNKNOWN").size()).isEqualTo(37);
    }

    @Test
    void givenAnEarlierAsOf_whenAsked_thenLaterMilestonesDoNotCountAndLaterArrivalsAreLeftOut() {
        JsonNode reach = reach(analyst(), QUERY + "&months=3&asOf=2023-06-01");

        // The 2023-06-05 housing is after asOf: censored on 2023-06-01, month 2; the September arrival had not begun.
        assertThat(reach.path("asOf").asString()).isEqualTo("2023-06-01");
        assertThat(rows(reach.path("months")))
                .containsExactly("0,3,1,0,0.3333", "1,2,0,1,0.3333", "2,1,0,1,0.3333", "3,0,0,0,null");
    }

    @Test
    void givenAcceptTextCsv_whenAsked_thenOneRowPerGroupAndMonthWithCrlf() {
        ApiClient.Response csv = analyst().with("Accept", "text/csv").get(PATH + "?" + QUERY + "&months=2");

        assertThat(csv.status()).as(csv.body()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body())
                .isEqualTo(String.join(
                        "\r\n",
                        "group,key,month,atRisk,reached,censored,cumulativeShare",
                        "total,all,0,4,1,0,0.2500",
                        "total,all,1,3,0,1,0.2500",
                        "total,all,2,2,1,0,0.6250",
                        "gender,FEMALE,0,2,1,0,0.5000",
                        "gender,FEMALE,1,1,0,0,0.5000",
                        "gender,FEMALE,2,1,1,0,1.0000",
                        "gender,MALE,0,2,0,0,0.0000",
                        "gender,MALE,1,2,0,1,0.0000",
                        "gender,MALE,2,1,0,0,0.0000",
                        "gender,OTHER,0,0,0,0,",
                        "gender,OTHER,1,0,0,0,",
                        "gender,OTHER,2,0,0,0,",
                        "gender,UNKNOWN,0,0,0,0,",
                        "gender,UNKNOWN,1,0,0,0,",
                        "gender,UNKNOWN,2,0,0,0,",
                        ""));
    }

    @Test
    void givenMonthsOutOfRangeOrNotANumber_whenAsked_then400NamingMonths() {
        for (String months : List.of("-1", "121", "twelve")) {
            for (ApiClient client : List.of(analyst(), analyst().with("Accept", "text/csv"))) {
                ApiClient.Response refused = client.get(PATH + "?" + QUERY + "&months=" + months);

                assertProblem(refused, 400);
                assertThat(refused.json().path("errors").get(0).path("field").asString())
                        .as(months)
                        .isEqualTo("months");
            }
        }
        ApiClient.Response tooMany = analyst().get(PATH + "?" + QUERY + "&months=121");
        assertThat(tooMany.json().path("errors").get(0).path("message").asString())
                .isEqualTo("must be 0 to 120");
        assertThat(analyst().get(PATH + "?" + QUERY + "&months=120").status()).isEqualTo(200);
    }

    @Test
    void givenAnAsOfAfterTodayOrAMissingParameter_whenAsked_then400() {
        ApiClient.Response future = analyst().get(PATH + "?" + QUERY + "&asOf=" + today().plusDays(1));
        ApiClient.Response noFrom = analyst().get(PATH + "?milestone=HOUSING_SECURED&cohortYear=2023");
        ApiClient.Response badMilestone = analyst().get(PATH + "?milestone=HOME&from=ARRIVAL&cohortYear=2023");

        assertProblem(future, 400);
        assertThat(future.json().path("detail").asString()).contains("asOf");
        assertProblem(noFrom, 400);
        assertThat(noFrom.json().path("errors").get(0).path("field").asString()).isEqualTo("from");
        assertProblem(badMilestone, 400);
        assertThat(badMilestone.json().path("errors").get(0).path("field").asString())
                .isEqualTo("milestone");
    }

    @Test
    void givenACaseworkerOrAnAuditor_whenAsking_then403AndAnAdminMay() {
        assertProblem(caseworker().get(PATH + "?" + QUERY), 403);
        assertProblem(caseworker().with("Accept", "text/csv").get(PATH + "?" + QUERY), 403);
        assertProblem(auditor().get(PATH + "?" + QUERY), 403);
        assertThat(anonymous().get(PATH + "?" + QUERY).status()).isEqualTo(401);
        assertThat(admin().get(PATH + "?" + QUERY).status()).isEqualTo(200);
    }

    @Test
    void givenAnAnalyst_whenReadingTheCurve_thenNoNameOrIdentityNumberIsInIt() {
        List<String> bodies = List.of(
                analyst().get(PATH + "?" + QUERY).body(),
                analyst().with("Accept", "text/csv").get(PATH + "?" + QUERY).body());

        assertThat(personalData).hasSize(8);
        for (String body : bodies) {
            for (String personal : personalData) {
                assertThat(body).doesNotContain(personal);
            }
            assertThat(body).doesNotContain("Reach ").doesNotContain("journeyId");
        }
    }

    private String register(String arrival, String gender, String fullName, String birthDate) {
        String identityNumber = OutcomesApiTest.identityNumber(birthDate, 241);
        personalData.add(fullName);
        personalData.add(identityNumber);
        Map<String, Object> personal = new LinkedHashMap<>();
        personal.put("fullName", fullName);
        personal.put("personalIdentityNumber", identityNumber);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("municipalityCode", MUNICIPALITY);
        body.put("arrivalDate", arrival);
        body.put("receptionType", "ASSIGNED");
        body.put("birthYear", Integer.parseInt(birthDate.substring(0, 4)));
        body.put("gender", gender);
        body.put("countryOfBirth", "AF");
        body.put("educationLevel", "SECONDARY");
        body.put("personalDetails", personal);
        ApiClient.Response created = admin().post("/api/journeys", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("journeyId").asString();
    }

    private static JsonNode reach(ApiClient client, String query) {
        ApiClient.Response response = client.get(PATH + "?" + query);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
        return response.json();
    }

    /** Each month as "month,atRisk,reached,censored,cumulativeShare", the share as written ("null" if null). */
    private static List<String> rows(JsonNode months) {
        List<String> rows = new ArrayList<>();
        for (JsonNode month : months) {
            JsonNode share = month.path("cumulativeShare");
            rows.add(month.path("month").asInt() + "," + month.path("atRisk").asLong() + ","
                    + month.path("reached").asLong() + ","
                    + month.path("censored").asLong() + ","
                    + (share.isNull()
                            ? "null"
                            : share.decimalValue()
                                    .setScale(4, RoundingMode.UNNECESSARY)
                                    .toPlainString()));
        }
        return rows;
    }

    private static List<String> names(JsonNode node) {
        return new ArrayList<>(node.propertyNames());
    }
}
