package se.integrationjourney.api.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import se.integrationjourney.api.commandhandling.CommandHandlingConfiguration;
import se.integrationjourney.api.pages.audit.IdentityNumbersForTests;
import se.integrationjourney.api.web.ApiTestBase;
import se.integrationjourney.core.events.EducationLevel;
import se.integrationjourney.core.events.Gender;
import se.integrationjourney.core.events.NewcomerRegistered;
import se.integrationjourney.core.events.PersonalDetails;
import se.integrationjourney.core.events.ReceptionType;

/**
 * The retention job with the service's own erasure (RetentionTest checks its choices against a stand-in): with the
 * clock fixed five years and a day after a journey's last entry, a run erases it for good and keeps the one born on
 * the 15th.
 */
@Import(RetentionErasesTest.FixedClock.class)
@TestPropertySource(properties = {"journey.retention.enabled=true", "journey.retention.keep-for=P5Y"})
class RetentionErasesTest extends ApiTestBase {

    static final Instant NOW = Instant.parse("2032-06-10T00:00:00Z");

    /** Arvidsjaur: no other test records there. */
    private static final String ARVIDSJAUR = "2505";

    @TestConfiguration(proxyBeanMethods = false)
    static class FixedClock {
        @Bean
        static BeanPostProcessor fixTheClockAt2032() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof Clock
                            ? Clock.fixed(NOW, CommandHandlingConfiguration.BUSINESS_TIME_ZONE)
                            : bean;
                }
            };
        }
    }

    @Autowired
    RetentionJob job;

    @Autowired
    EventStore eventStore;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void givenAnOldJourneyAndOneKeptForResearch_whenRetentionRuns_thenOnlyTheOldOneIsErasedForGood() {
        Instant longAgo = NOW.minus(Duration.ofDays(5 * 366 + 30));
        String old = journey("Rahel Gallras", IdentityNumbersForTests.withCheckDigit("19900303246"), longAgo);
        String kept = journey("Mona Forskning", IdentityNumbersForTests.withCheckDigit("19900315246"), longAgo);
        awaitViewsCaughtUp("journey-state");

        RetentionRuns.Run run = job.runNow("admin");

        assertThat(run.counts().erased()).isEqualTo(1);
        assertThat(run.counts().keptForResearch()).isEqualTo(1);
        assertThat(admin().get("/api/journeys/" + old)
                        .json()
                        .path("personalDetails")
                        .path("fullName")
                        .isNull())
                .isTrue();
        assertThat(admin().get("/api/journeys/" + old + "/timeline").body())
                .doesNotContain("Rahel")
                .contains("RETENTION");
        assertThat(admin().get("/api/journeys/" + kept)
                        .json()
                        .path("personalDetails")
                        .path("fullName")
                        .asString())
                .isEqualTo("Mona Forskning");
        assertThat(jdbc.queryForObject(
                        "select wrapped_key is null and erased_at is not null from journey_key where journey_id = ?",
                        Boolean.class,
                        UUID.fromString(old)))
                .isTrue();
        assertThat(jdbc.queryForList(
                        "select username from access_log where action = 'PERSONAL_DATA_ERASED'"
                                + " and journey_ids @> array[?]::uuid[]",
                        String.class,
                        UUID.fromString(old)))
                .containsExactly("retention-job");
        assertThat(job.runNow("admin").counts().erased()).as("erased once").isZero();
    }

    private String journey(String name, String number, Instant registeredAt) {
        UUID id = UUID.randomUUID();
        LocalDate arrival = registeredAt
                .atZone(CommandHandlingConfiguration.BUSINESS_TIME_ZONE)
                .toLocalDate();
        NewcomerRegistered registered = new NewcomerRegistered(
                id,
                arrival,
                ARVIDSJAUR,
                ReceptionType.ASSIGNED,
                1990,
                Gender.FEMALE,
                "SY",
                EducationLevel.SECONDARY,
                new PersonalDetails(name, number));
        transaction.executeWithoutResult(status -> eventStore.publish(List.of(new GenericDomainEventMessage<>(
                "Journey",
                id.toString(),
                0,
                registered,
                MetaData.with("username", "cw-arvidsjaur"),
                UUID.randomUUID().toString(),
                registeredAt))));
        return id.toString();
    }
}
