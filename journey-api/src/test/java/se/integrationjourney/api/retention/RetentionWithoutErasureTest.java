package se.integrationjourney.api.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static se.integrationjourney.api.pages.Browser.label;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import se.integrationjourney.api.pages.Browser;
import se.integrationjourney.api.testsupport.ApiClient;
import se.integrationjourney.api.testsupport.ApiTestAccounts;
import se.integrationjourney.api.web.ApiTestBase;

/**
 * The service as it is built today, without the erasure (another part of the service, wired in later): it starts,
 * retention still chooses, a run records that it erased nothing, and the page says why it offers no run.
 */
class RetentionWithoutErasureTest extends ApiTestBase {

    @Autowired
    RetentionJob job;

    @Test
    void givenNoErasureInTheService_whenRetentionRuns_thenItChoosesButErasesNothingAndSaysSo() {
        assertThat(job.canErase()).isFalse();

        RetentionRuns.Run run = job.runNow(ApiTestAccounts.ADMIN);

        assertThat(run.outcome()).isEqualTo(RetentionRuns.Outcome.NO_ERASURE);
        assertThat(run.counts().erased()).isZero();
        assertThat(run.finishedAt()).isNotNull();
        ApiClient.Response dryRun = admin().get("/api/admin/retention/dry-run");
        assertThat(dryRun.status()).as(dryRun.body()).isEqualTo(200);
        assertThat(dryRun.json().path("keepFor").asString()).isEqualTo("P5Y");

        try (Browser browser = Browser.open(port)) {
            browser.signIn(ApiTestAccounts.ADMIN, ApiTestAccounts.ADMIN_PASSWORD)
                    .go("/admin/retention");
            assertThat(browser.mainText())
                    .contains(label("admin.retention.noErasure"))
                    .contains(label("admin.retention.outcome.NO_ERASURE"))
                    .as("the test contexts do not run it by themselves")
                    .contains(label("admin.retention.off"));
            assertThat(browser.findAll(By.linkText(label("admin.retention.runNow"))))
                    .isEmpty();
            browser.assertGoodPage();
        }
    }
}
