package se.integrationjourney.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import se.integrationjourney.api.testsupport.ApiClient;
import se.integrationjourney.api.testsupport.ApiTestAccounts;
import tools.jackson.databind.JsonNode;

/**
 * The analysts' measurements over HTTP. One small cohort is recorded through the API once, in a municipality of
 * its own (0114) so that other tests sharing the database do not change its figures: four journeys whose
 * establishment plans started in 2019, so their establishment ends (and so the cohort year) fall in 2021 and
 * their measurement points in 2023.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutcomesApiTest extends ApiTestBase {

    private static final String MUNICIPALITY = "0114";
    private static final String COHORT = "cohortYear=2021&municipalityCode=" + MUNICIPALITY;
    private static final Pattern SHARE = Pattern.compile("\"share\":([0-9.eE+-]+)");

    /** Names and identity numbers of the cohort: none of them may reach an analyst. */
    private final List<String> personalData = new ArrayList<>();

    @BeforeAll
    void recordTheCohort() {
        ApiTestAccounts.ensure(accounts, passwords);
        // Employed (REGULAR) and self-sufficient at the measurement point 2023-01-15; 28 at arrival.
        String employed = register("2018-11-01", 1990, "FEMALE", "Outcome Åsa Lindqvist", "19900412");
        record(admin(), employed, milestone("ESTABLISHMENT_PLAN_STARTED", "2019-01-15"));
        record(admin(), employed, milestone("HOUSING_SECURED", "2019-02-01", "tenure", "FIRST_HAND"));
        record(
                admin(),
                employed,
                milestone(
                        "EMPLOYMENT_STARTED",
                        "2022-03-01",
                        "employmentId",
                        "e-1",
                        "employmentType",
                        "REGULAR",
                        "sector",
                        "care",
                        "hoursPerWeek",
                        40));
        record(admin(), employed, milestone("SELF_SUFFICIENCY_REACHED", "2022-04-01", "basis", "EMPLOYMENT"));
        // Studying at 2023-02-01; 22 at arrival.
        String studying = register("2018-12-01", 1996, "MALE", "Outcome يوسف الحسن", "19960705");
        record(admin(), studying, milestone("ESTABLISHMENT_PLAN_STARTED", "2019-02-01"));
        record(admin(), studying, milestone("STUDIES_STARTED", "2022-08-15", "studyId", "s-1", "level", "KOMVUX"));
        // On financial assistance at 2023-04-01; 33 at arrival.
        String assisted = register("2018-09-10", 1985, "FEMALE", "Outcome ሄለን ተኽለ", "19850910");
        record(admin(), assisted, milestone("ESTABLISHMENT_PLAN_STARTED", "2019-04-01"));
        record(admin(), assisted, milestone("FINANCIAL_ASSISTANCE_STARTED", "2021-05-01"));
        // Moved away before the measurement point 2023-05-01: lost to follow-up; 48 at arrival.
        String movedAway = register("2018-10-01", 1970, "OTHER", "Outcome Kim Berg", "19700101");
        record(admin(), movedAway, milestone("ESTABLISHMENT_PLAN_STARTED", "2019-05-01"));
        record(admin(), movedAway, milestone("JOURNEY_CLOSED", "2022-06-01", "reason", "MOVED_AWAY"));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> viewCaughtUp("outcomes")
                        && twoYearsAfter(analyst(), COHORT).path("denominator").asLong() == 3);
    }

    @Test
    void givenAMeasuredCohort_whenAskingTwoYearsAfter_thenTheContractFieldsCountTheCohort() {
        long lastRecorded = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);

        JsonNode outcome = twoYearsAfter(analyst(), COHORT);

        assertThat(names(outcome))
                .containsExactlyInAnyOrder(
                        "cohortYear",
                        "asOf",
                        "denominator",
                        "pending",
                        "lostToFollowUp",
                        "byStatus",
                        "inWorkOrStudies",
                        "selfSufficient",
                        "byGender",
                        "byAgeBand",
                        "knownAt",
                        "eventStorePosition",
                        "minCellSize",
                        "suppressed");
        assertThat(outcome.path("minCellSize").isNull())
                .as("exact figures by default")
                .isTrue();
        assertThat(outcome.path("suppressed").isArray()).isTrue();
        assertThat(outcome.path("suppressed")).isEmpty();
        assertThat(outcome.path("cohortYear").asInt()).isEqualTo(2021);
        assertThat(outcome.path("asOf").asString()).isEqualTo(today().toString());
        assertThat(outcome.path("denominator").asLong()).isEqualTo(3);
        assertThat(outcome.path("pending").asLong()).isZero();
        assertThat(outcome.path("lostToFollowUp").asLong()).isEqualTo(1);
        assertThat(counts(outcome.path("byStatus")))
                .containsExactly(
                        Map.entry("EMPLOYED", 1L),
                        Map.entry("SUBSIDISED_EMPLOYMENT", 0L),
                        Map.entry("SELF_EMPLOYED", 0L),
                        Map.entry("STUDYING", 1L),
                        Map.entry("FINANCIAL_ASSISTANCE", 1L),
                        Map.entry("UNKNOWN", 0L));
        assertCountAndShare(outcome.path("inWorkOrStudies"), 2, "0.6667");
        assertCountAndShare(outcome.path("selfSufficient"), 1, "0.3333");
        assertThat(outcome.path("eventStorePosition").asLong()).isGreaterThanOrEqualTo(lastRecorded);
    }

    @Test
    void givenAMeasuredCohort_whenAskingTwoYearsAfter_thenItBreaksDownByGenderAndAgeBandWithFourDecimalShares() {
        ApiClient.Response response = analyst().get("/api/outcomes/two-years-after?" + COHORT);
        JsonNode outcome = response.json();

        JsonNode byGender = outcome.path("byGender");
        assertThat(names(byGender)).containsExactly("FEMALE", "MALE", "OTHER", "UNKNOWN");
        assertThat(names(byGender.path("FEMALE")))
                .containsExactlyInAnyOrder(
                        "denominator", "pending", "lostToFollowUp", "byStatus", "inWorkOrStudies", "selfSufficient");
        assertThat(byGender.path("FEMALE").path("denominator").asLong()).isEqualTo(2);
        assertCountAndShare(byGender.path("FEMALE").path("inWorkOrStudies"), 1, "0.5000");
        assertCountAndShare(byGender.path("FEMALE").path("selfSufficient"), 1, "0.5000");
        assertThat(byGender.path("MALE").path("denominator").asLong()).isEqualTo(1);
        assertCountAndShare(byGender.path("MALE").path("inWorkOrStudies"), 1, "1.0000");
        assertThat(byGender.path("OTHER").path("denominator").asLong()).isZero();
        assertThat(byGender.path("OTHER").path("lostToFollowUp").asLong()).isEqualTo(1);
        assertCountAndShare(byGender.path("OTHER").path("inWorkOrStudies"), 0, "0.0000");

        JsonNode byAgeBand = outcome.path("byAgeBand");
        assertThat(names(byAgeBand)).containsExactly("20-24", "25-34", "35-44", "45-54", "55-64", "other");
        assertThat(byAgeBand.path("20-24").path("denominator").asLong()).isEqualTo(1);
        assertThat(byAgeBand.path("25-34").path("denominator").asLong()).isEqualTo(2);
        assertCountAndShare(byAgeBand.path("25-34").path("inWorkOrStudies"), 1, "0.5000");
        assertThat(byAgeBand
                        .path("25-34")
                        .path("byStatus")
                        .path("FINANCIAL_ASSISTANCE")
                        .asLong())
                .isEqualTo(1);
        assertThat(byAgeBand.path("45-54").path("lostToFollowUp").asLong()).isEqualTo(1);
        assertThat(byAgeBand.path("other").path("denominator").asLong()).isZero();

        Matcher shares = SHARE.matcher(response.body());
        int found = 0;
        while (shares.find()) {
            assertThat(shares.group(1))
                    .as("a share as a fraction with 4 decimals")
                    .matches("[01]\\.\\d{4}");
            found++;
        }
        assertThat(found).isEqualTo(2 + 2 * 4 + 2 * 6);
    }

    @Test
    void givenAnAsOfBeforeSomeMeasurementPoints_whenAskingTwoYearsAfter_thenThoseArePending() {
        JsonNode outcome = twoYearsAfter(analyst(), COHORT + "&asOf=2023-03-01");

        assertThat(outcome.path("asOf").asString()).isEqualTo("2023-03-01");
        assertThat(outcome.path("denominator").asLong()).isEqualTo(2);
        assertThat(outcome.path("pending").asLong()).isEqualTo(2);
        assertThat(outcome.path("lostToFollowUp").asLong()).isZero();
        assertCountAndShare(outcome.path("inWorkOrStudies"), 2, "1.0000");
    }

    @Test
    void givenAcceptTextCsv_whenAskingTwoYearsAfter_thenCsvWithAHeaderRowAndTheCohortRow() {
        ApiClient.Response csv = analyst().with("Accept", "text/csv").get("/api/outcomes/two-years-after?" + COHORT);

        assertThat(csv.status()).as(csv.body()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.get(0))
                .isEqualTo("dimension,key,denominator,pending,lostToFollowUp,EMPLOYED,"
                        + "SUBSIDISED_EMPLOYMENT,SELF_EMPLOYED,STUDYING,FINANCIAL_ASSISTANCE,UNKNOWN,inWorkOrStudiesCount,"
                        + "inWorkOrStudiesShare,selfSufficientCount,selfSufficientShare");
        assertThat(lines)
                .contains(
                        "total,all,3,0,1,1,0,0,1,1,0,2,0.6667,1,0.3333",
                        "gender,FEMALE,2,0,0,1,0,0,0,1,0,1,0.5000,1,0.5000",
                        "ageBand,45-54,0,0,1,0,0,0,0,0,0,0,0.0000,0,0.0000");
        assertThat(lines).hasSize(1 + 1 + 4 + 6);
    }

    @Test
    void givenACohortByEstablishmentStart_whenAskingTimeToEmployment_thenDaysAndShareWithinMonths() {
        long days = ChronoUnit.DAYS.between(LocalDate.parse("2019-01-15"), LocalDate.parse("2022-03-01"));

        JsonNode time = timeTo(
                analyst(),
                "milestone=EMPLOYMENT_STARTED&from=ESTABLISHMENT_START&cohortYear=2019"
                        + "&withinMonths=48&municipalityCode=" + MUNICIPALITY);

        assertThat(names(time))
                .contains(
                        "milestone",
                        "from",
                        "cohortSize",
                        "reached",
                        "medianDays",
                        "p25Days",
                        "p75Days",
                        "withinMonths",
                        "reachedWithin");
        assertThat(time.path("milestone").asString()).isEqualTo("EMPLOYMENT_STARTED");
        assertThat(time.path("from").asString()).isEqualTo("ESTABLISHMENT_START");
        assertThat(time.path("cohortSize").asLong()).isEqualTo(4);
        assertThat(time.path("reached").asLong()).isEqualTo(1);
        assertThat(time.path("medianDays").asLong()).isEqualTo(days);
        assertThat(time.path("p25Days").asLong()).isEqualTo(days);
        assertThat(time.path("p75Days").asLong()).isEqualTo(days);
        assertThat(time.path("withinMonths").asInt()).isEqualTo(48);
        assertCountAndShare(time.path("reachedWithin"), 1, "0.2500");
    }

    @Test
    void givenACohortByArrival_whenAskingTimeToWorkOrStudies_thenNearestRankPercentilesAndCsv() {
        long employed = ChronoUnit.DAYS.between(LocalDate.parse("2018-11-01"), LocalDate.parse("2022-03-01"));
        long studying = ChronoUnit.DAYS.between(LocalDate.parse("2018-12-01"), LocalDate.parse("2022-08-15"));
        String query = "milestone=IN_WORK_OR_STUDIES&from=ARRIVAL&cohortYear=2018&withinMonths=12&municipalityCode="
                + MUNICIPALITY;

        JsonNode time = timeTo(analyst(), query);
        ApiClient.Response csv = analyst().with("Accept", "text/csv").get("/api/outcomes/time-to?" + query);

        assertThat(time.path("cohortSize").asLong()).isEqualTo(4);
        assertThat(time.path("reached").asLong()).isEqualTo(2);
        assertThat(time.path("p25Days").asLong()).isEqualTo(employed);
        assertThat(time.path("medianDays").asLong()).isEqualTo(employed);
        assertThat(time.path("p75Days").asLong()).isEqualTo(studying);
        assertCountAndShare(time.path("reachedWithin"), 0, "0.0000");
        assertThat(csv.status()).as(csv.body()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body().lines().toList())
                .containsExactly(
                        "milestone,from,cohortSize,reached,medianDays,p25Days,p75Days,withinMonths,reachedWithinCount,"
                                + "reachedWithinShare",
                        "IN_WORK_OR_STUDIES,ARRIVAL,4,2," + employed + "," + employed + "," + studying
                                + ",12,0,0.0000");
    }

    @Test
    void
            givenMinCellSize5_whenAskingTwoYearsAfterOfThreeMeasured_thenTheWholeBreakdownIsHiddenAndTheCsvSaysLessThan5() {
        JsonNode outcome = twoYearsAfter(analyst(), COHORT + "&minCellSize=5");
        ApiClient.Response csv =
                analyst().with("Accept", "text/csv").get("/api/outcomes/two-years-after?" + COHORT + "&minCellSize=5");

        assertThat(outcome.path("minCellSize").asInt()).isEqualTo(5);
        assertThat(outcome.path("denominator").isNull())
                .as("3 measured are fewer than 5")
                .isTrue();
        assertThat(outcome.path("byStatus").path("SUBSIDISED_EMPLOYMENT").isNull())
                .as("even a zero of a hidden breakdown")
                .isTrue();
        assertThat(outcome.path("inWorkOrStudies").path("count").isNull()).isTrue();
        assertThat(outcome.path("inWorkOrStudies").path("share").isNull()).isTrue();
        assertThat(outcome.path("pending").asLong()).as("zero discloses nobody").isZero();
        assertThat(outcome.path("lostToFollowUp").isNull()).isTrue();
        assertThat(strings(outcome.path("suppressed")))
                .startsWith("denominator", "lostToFollowUp", "byStatus.EMPLOYED")
                .contains("inWorkOrStudies.share", "byGender.FEMALE.denominator", "byAgeBand.45-54.lostToFollowUp")
                .doesNotContain("pending", "byGender.UNKNOWN.denominator");
        assertThat(csv.status()).as(csv.body()).isEqualTo(200);
        assertThat(csv.body().lines().toList())
                .contains(
                        "total,all,<5,0,<5,<5,<5,<5,<5,<5,<5,<5,<5,<5,<5",
                        "gender,OTHER,0,0,<5,0,0,0,0,0,0,0,0.0000,0,0.0000",
                        "ageBand,other,0,0,0,0,0,0,0,0,0,0,0.0000,0,0.0000");
    }

    @Test
    void givenMinCellSize2_whenAskingTwoYearsAfter_thenOnesAreHiddenAndSoAreTheFiguresThatWouldGiveThemBack() {
        JsonNode outcome = twoYearsAfter(analyst(), COHORT + "&minCellSize=2");
        ApiClient.Response csv =
                analyst().with("Accept", "text/csv").get("/api/outcomes/two-years-after?" + COHORT + "&minCellSize=2");

        assertThat(outcome.path("denominator").asLong()).isEqualTo(3);
        assertThat(outcome.path("byStatus").path("EMPLOYED").isNull()).isTrue();
        assertThat(outcome.path("byStatus").path("FINANCIAL_ASSISTANCE").isNull())
                .isTrue();
        assertThat(outcome.path("byStatus").path("UNKNOWN").asLong()).isZero();
        assertThat(outcome.path("inWorkOrStudies").path("count").isNull())
                .as("2 is not below 2, but 3 measured less 2 would give the one on financial assistance back")
                .isTrue();
        JsonNode women = outcome.path("byGender").path("FEMALE");
        assertThat(women.path("denominator").isNull())
                .as("2 women are not below 2, but the cohort's 3 less 2 would give the one man back")
                .isTrue();
        assertThat(women.path("byStatus").path("EMPLOYED").isNull()).isTrue();
        assertThat(outcome.path("byGender").path("MALE").path("denominator").isNull())
                .isTrue();
        assertThat(strings(outcome.path("suppressed")))
                .contains(
                        "inWorkOrStudies.count",
                        "inWorkOrStudies.share",
                        "byGender.FEMALE.denominator",
                        "byGender.MALE.denominator",
                        "byAgeBand.25-34.denominator",
                        "byAgeBand.20-24.denominator")
                .doesNotContain("denominator", "byStatus.UNKNOWN", "byGender.OTHER.denominator");
        assertThat(csv.body().lines().toList()).contains("total,all,3,0,<2,<2,0,0,<2,<2,0,<2,<2,<2,<2");
    }

    @Test
    void givenMinCellSize3_whenAskingTimeTo_thenTheTwoWhoReachedItAndTheirDaysAreHiddenInJsonAndCsv() {
        String query = "milestone=IN_WORK_OR_STUDIES&from=ARRIVAL&cohortYear=2018&withinMonths=12&municipalityCode="
                + MUNICIPALITY + "&minCellSize=3";

        JsonNode time = timeTo(analyst(), query);
        ApiClient.Response csv = analyst().with("Accept", "text/csv").get("/api/outcomes/time-to?" + query);

        assertThat(time.path("cohortSize").asLong()).isEqualTo(4);
        assertThat(time.path("reached").isNull()).isTrue();
        assertThat(time.path("medianDays").isNull()).isTrue();
        assertCountAndShare(time.path("reachedWithin"), 0, "0.0000");
        assertThat(time.path("minCellSize").asInt()).isEqualTo(3);
        assertThat(strings(time.path("suppressed"))).containsExactly("reached", "medianDays", "p25Days", "p75Days");
        assertThat(csv.body().lines().toList())
                .containsExactly(
                        "milestone,from,cohortSize,reached,medianDays,p25Days,p75Days,withinMonths,reachedWithinCount,"
                                + "reachedWithinShare",
                        "IN_WORK_OR_STUDIES,ARRIVAL,4,<3,<3,<3,<3,12,0,0.0000");
        assertThat(timeTo(analyst(), query.replace("&minCellSize=3", ""))
                        .path("reached")
                        .asLong())
                .as("exact without it")
                .isEqualTo(2);
    }

    @Test
    void givenAMinCellSizeOutsideTwoToAHundred_whenAskingOutcomes_then400NamingIt() {
        String timeTo = "/api/outcomes/time-to?milestone=HOUSING_SECURED&from=ARRIVAL&cohortYear=2018&minCellSize=";
        for (ApiClient.Response refused : List.of(
                analyst().get("/api/outcomes/two-years-after?" + COHORT + "&minCellSize=1"),
                analyst().get("/api/outcomes/two-years-after?" + COHORT + "&minCellSize=101"),
                analyst().get(timeTo + "0"),
                analyst().with("Accept", "text/csv").get(timeTo + "-5"))) {
            assertProblem(refused, 400);
            assertThat(refused.json().path("errors").get(0).path("field").asString())
                    .isEqualTo("minCellSize");
            assertThat(refused.json().path("errors").get(0).path("message").asString())
                    .isEqualTo("minCellSize must be from 2 to 100 (leave it out for exact figures)");
        }
        ApiClient.Response notANumber = analyst().get(timeTo + "five");
        assertProblem(notANumber, 400);
        assertThat(notANumber.json().path("errors").get(0).path("field").asString())
                .isEqualTo("minCellSize");
        assertThat(notANumber.body()).doesNotContain("five");
    }

    @Test
    void givenBadParameters_whenAskingOutcomes_then400ProblemsNamingTheParameter() {
        ApiClient.Response badMilestone =
                analyst().get("/api/outcomes/time-to?milestone=FIRST_JOB&from=ARRIVAL&cohortYear=2018");
        ApiClient.Response badFrom =
                analyst().get("/api/outcomes/time-to?milestone=HOUSING_SECURED&from=BIRTH&cohortYear=2018");
        ApiClient.Response negativeMonths = analyst()
                .get("/api/outcomes/time-to?milestone=HOUSING_SECURED&from=ARRIVAL&cohortYear=2018&withinMonths=-1");
        ApiClient.Response noCohortYear = analyst().get("/api/outcomes/two-years-after");
        ApiClient.Response noCohortYearTimeTo =
                analyst().get("/api/outcomes/time-to?milestone=HOUSING_SECURED" + "&from=ARRIVAL");
        ApiClient.Response badAsOf = analyst().get("/api/outcomes/two-years-after?cohortYear=2021&asOf=yesterday");

        assertProblem(badMilestone, 400);
        assertThat(badMilestone.json().path("errors").get(0).path("field").asString())
                .isEqualTo("milestone");
        assertThat(badMilestone.json().path("errors").get(0).path("message").asString())
                .contains(
                        "HOUSING_SECURED",
                        "SFI_LEVEL_B",
                        "CIVIC_ORIENTATION_COMPLETED",
                        "INTERNSHIP_STARTED",
                        "EMPLOYMENT_STARTED",
                        "IN_WORK_OR_STUDIES",
                        "SELF_SUFFICIENCY_REACHED");
        assertThat(badMilestone.body()).doesNotContain("FIRST_JOB");
        assertProblem(badFrom, 400);
        assertThat(badFrom.json().path("errors").get(0).path("message").asString())
                .contains("ARRIVAL", "ESTABLISHMENT_START");
        assertProblem(negativeMonths, 400);
        assertProblem(noCohortYear, 400);
        assertThat(noCohortYear.body()).contains("cohortYear");
        assertProblem(noCohortYearTimeTo, 400);
        assertProblem(badAsOf, 400);
    }

    @Test
    void givenBadParametersAndAcceptTextCsv_whenAskingOutcomes_thenStill400Problem() {
        ApiClient csvClient = analyst().with("Accept", "text/csv");

        assertProblem(csvClient.get("/api/outcomes/two-years-after"), 400);
        assertProblem(csvClient.get("/api/outcomes/time-to?milestone=FIRST_JOB&from=ARRIVAL&cohortYear=2018"), 400);
    }

    @Test
    void givenAnAnalyst_whenReadingEveryOutcome_thenNoNameOrIdentityNumberIsInAnyResponse() {
        List<String> bodies = new ArrayList<>();
        for (ApiClient client : List.of(analyst(), analyst().with("Accept", "text/csv"))) {
            bodies.add(client.get("/api/outcomes/two-years-after?" + COHORT).body());
            bodies.add(client.get("/api/outcomes/two-years-after?" + COHORT + "&asOf=2023-03-01")
                    .body());
            for (String milestone : List.of(
                    "HOUSING_SECURED", "EMPLOYMENT_STARTED", "IN_WORK_OR_STUDIES", "SELF_SUFFICIENCY_REACHED")) {
                bodies.add(client.get("/api/outcomes/time-to?milestone=" + milestone
                                + "&from=ARRIVAL&cohortYear=2018&municipalityCode=" + MUNICIPALITY)
                        .body());
            }
        }

        assertThat(personalData).hasSize(8);
        for (String body : bodies) {
            assertThat(body).isNotBlank();
            for (String personal : personalData) {
                assertThat(body).doesNotContain(personal);
            }
            assertThat(body)
                    .doesNotContain("Outcome")
                    .doesNotContain("fullName")
                    .doesNotContain("personalIdentityNumber");
        }
    }

    /** Registers a journey in the cohort's municipality (as the admin, who may act in any) and returns its id. */
    private String register(String arrival, int birthYear, String gender, String fullName, String birthDate) {
        String identityNumber = identityNumber(birthDate, 239);
        personalData.add(fullName);
        personalData.add(identityNumber);
        Map<String, Object> personal = new LinkedHashMap<>();
        personal.put("fullName", fullName);
        personal.put("personalIdentityNumber", identityNumber);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("municipalityCode", MUNICIPALITY);
        body.put("arrivalDate", arrival);
        body.put("receptionType", "ASSIGNED");
        body.put("birthYear", birthYear);
        body.put("gender", gender);
        body.put("countryOfBirth", "ER");
        body.put("educationLevel", "PRIMARY");
        body.put("personalDetails", personal);
        ApiClient.Response created = admin().post("/api/journeys", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("journeyId").asString();
    }

    /** A valid personal identity number {@code YYYYMMDD-NNNC} for a birth date, with its Luhn check digit. */
    static String identityNumber(String birthDate, int serial) {
        String digits = birthDate.substring(2) + String.format("%03d", serial);
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int product = (digits.charAt(i) - '0') * (i % 2 == 0 ? 2 : 1);
            sum += product / 10 + product % 10;
        }
        return birthDate + "-" + String.format("%03d", serial) + (10 - sum % 10) % 10;
    }

    private static JsonNode twoYearsAfter(ApiClient client, String query) {
        ApiClient.Response response = client.get("/api/outcomes/two-years-after?" + query);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
        return response.json();
    }

    private static JsonNode timeTo(ApiClient client, String query) {
        ApiClient.Response response = client.get("/api/outcomes/time-to?" + query);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
        return response.json();
    }

    private static void assertCountAndShare(JsonNode countAndShare, long count, String share) {
        assertThat(countAndShare.path("count").asLong()).isEqualTo(count);
        assertThat(countAndShare.path("share").decimalValue()).isEqualByComparingTo(new BigDecimal(share));
    }

    private static Map<String, Long> counts(JsonNode node) {
        Map<String, Long> counts = new LinkedHashMap<>();
        node.properties()
                .forEach(entry -> counts.put(entry.getKey(), entry.getValue().asLong()));
        return counts;
    }

    private static List<String> strings(JsonNode array) {
        List<String> strings = new ArrayList<>();
        array.forEach(element -> strings.add(element.asString()));
        return strings;
    }

    private static List<String> names(JsonNode node) {
        return new ArrayList<>(node.propertyNames());
    }
}
