package se.integrationjourney.api.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static se.integrationjourney.api.pages.Browser.label;

import java.text.MessageFormat;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import se.integrationjourney.api.testsupport.ApiClient;
import se.integrationjourney.api.testsupport.ApiTestAccounts;
import se.integrationjourney.api.web.ApiTestBase;

/** An administrator erases a journey's personal data in the web application, confirming first. */
class AdminErasurePageTest extends ApiTestBase {

    /** Gällivare: no other test records there. */
    private static final String GALLIVARE = "2523";

    @Test
    void givenAJourney_whenTheAdministratorErasesItWithoutAndThenWithConfirmation_thenOnlyTheConfirmedOneErases() {
        Map<String, Object> body = new HashMap<>(registration("2020-02-02", "Hanna Sidradering", null));
        body.put("municipalityCode", GALLIVARE);
        ApiClient.Response created = admin().post("/api/journeys", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String journey = created.json().path("journeyId").asString();

        try (Browser browser = Browser.open(port)) {
            browser.signIn(ApiTestAccounts.ADMIN, ApiTestAccounts.ADMIN_PASSWORD);
            browser.go("/admin/erasure");
            browser.assertGoodPage();
            browser.find(By.id("journeyId")).sendKeys(journey);
            browser.press(label("admin.erasure.submit"));

            assertThat(browser.mainText()).contains(label("admin.erasure.error.confirm"));
            assertThat(admin().get("/api/journeys/" + journey)
                            .json()
                            .path("personalDetails")
                            .path("fullName")
                            .asString())
                    .isEqualTo("Hanna Sidradering");
            browser.assertGoodPage();

            browser.find(By.id("confirmed")).click();
            browser.press(label("admin.erasure.submit"));

            assertThat(browser.mainText())
                    .contains(new MessageFormat(label("admin.erasure.done"), Locale.forLanguageTag("sv"))
                            .format(new Object[] {journey}));
            browser.assertGoodPage();
            browser.screenshotForDocs("admin-erasure");
        }
        assertThat(admin().get("/api/journeys/" + journey)
                        .json()
                        .path("personalDetails")
                        .path("fullName")
                        .isNull())
                .isTrue();
        assertThat(jdbc.queryForObject(
                        "select resource from access_log where action = 'PERSONAL_DATA_ERASED'"
                                + " and journey_ids @> array[?]::uuid[]",
                        String.class,
                        java.util.UUID.fromString(journey)))
                .isEqualTo("POST /admin/erasure");
    }
}
