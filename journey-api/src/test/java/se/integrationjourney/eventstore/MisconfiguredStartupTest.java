package se.integrationjourney.eventstore;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import se.integrationjourney.api.JourneyApplication;
import se.integrationjourney.projections.testsupport.ThrowawayDatabase;

/**
 * The real application, started with one component swapped for an in-memory one or with a setting out of range,
 * refuses to start.
 */
class MisconfiguredStartupTest {

    private final ThrowawayDatabase database = ThrowawayDatabase.named();

    @AfterEach
    void dropDatabase() throws Exception {
        database.destroy();
    }

    @Test
    void givenAnInMemoryTokenStoreBean_whenTheServiceStarts_thenItStopsAndSaysWhy() {
        SpringApplicationBuilder service = new SpringApplicationBuilder(
                        JourneyApplication.class, InMemoryTokenStoreConfiguration.class)
                .web(WebApplicationType.NONE);

        assertThatThrownBy(() -> service.run(database.commandLineArguments()))
                .isInstanceOf(MisconfiguredStorageException.class)
                .hasMessageContaining("token store is InMemoryTokenStore");
    }

    @Test
    void givenANegativeGroupCommitBound_whenTheServiceStarts_thenItStopsAndSaysWhy() {
        SpringApplicationBuilder service =
                new SpringApplicationBuilder(JourneyApplication.class).web(WebApplicationType.NONE);
        String[] arguments = Stream.concat(
                        Stream.of(database.commandLineArguments()),
                        Stream.of("--journey.event-store.group-commit-max-events=-1"))
                .toArray(String[]::new);

        assertThatThrownBy(() -> service.run(arguments))
                .hasRootCauseInstanceOf(MisconfiguredStorageException.class)
                .rootCause()
                .hasMessageContaining("journey.event-store.group-commit-max-events is -1");
    }

    /** An in-memory token store that wins over the service's own (marked primary, as a careless override would). */
    @Configuration(proxyBeanMethods = false)
    static class InMemoryTokenStoreConfiguration {
        @Bean
        @Primary
        TokenStore inMemoryTokenStore() {
            return new InMemoryTokenStore();
        }
    }
}
