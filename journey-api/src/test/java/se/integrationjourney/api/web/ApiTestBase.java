package se.integrationjourney.api.web;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import se.integrationjourney.api.security.AccountStore;
import se.integrationjourney.api.testsupport.ApiClient;
import se.integrationjourney.api.testsupport.ApiTestAccounts;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Full-stack HTTP tests: the real service on a random port, its own database, an account per role. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "journey.admin-password=" + ApiTestAccounts.ADMIN_PASSWORD)
public abstract class ApiTestBase {

    @LocalServerPort
    protected int port;
    @Autowired
    AccountStore accounts;
    @Autowired
    PasswordEncoder passwords;

    @BeforeEach
    void accounts() {
        ApiTestAccounts.ensure(accounts, passwords);
    }

    protected ApiClient admin() {
        return ApiClient.as(port, ApiTestAccounts.ADMIN, ApiTestAccounts.ADMIN_PASSWORD);
    }

    protected ApiClient caseworker() {
        return ApiClient.as(port, ApiTestAccounts.CASEWORKER_TOREBODA, ApiTestAccounts.PASSWORD);
    }

    protected ApiClient otherCaseworker() {
        return ApiClient.as(port, ApiTestAccounts.CASEWORKER_TRELLEBORG, ApiTestAccounts.PASSWORD);
    }

    protected ApiClient analyst() {
        return ApiClient.as(port, ApiTestAccounts.ANALYST, ApiTestAccounts.PASSWORD);
    }

    protected ApiClient auditor() {
        return ApiClient.as(port, ApiTestAccounts.AUDITOR, ApiTestAccounts.PASSWORD);
    }

    protected ApiClient anonymous() {
        return ApiClient.anonymous(port);
    }

    /** A registration body in Töreboda, arrived on {@code arrivalDate}. */
    protected static Map<String, Object> registration(String arrivalDate, String fullName, String identityNumber) {
        java.util.Map<String, Object> personal = new java.util.LinkedHashMap<>();
        personal.put("fullName", fullName);
        if (identityNumber != null) {
            personal.put("personalIdentityNumber", identityNumber);
        }
        return Map.of("municipalityCode", ApiTestAccounts.TOREBODA, "arrivalDate", arrivalDate,
                "receptionType", "ASSIGNED", "birthYear", 1990, "gender", "FEMALE", "countryOfBirth", "SY",
                "educationLevel", "SECONDARY", "personalDetails", personal);
    }

    /** Registers a journey as the Töreboda caseworker and returns its id. */
    protected String registerJourney(String arrivalDate) {
        ApiClient.Response created = caseworker().post("/api/journeys",
                registration(arrivalDate, "Amal Haddad", null));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("journeyId").asString();
    }

    protected static void assertProblem(ApiClient.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("status").asInt()).isEqualTo(status);
        assertThat(response.json().path("type").asString()).startsWith("urn:integration-journey:problem:");
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at se.").doesNotContain("SQL");
    }
}
