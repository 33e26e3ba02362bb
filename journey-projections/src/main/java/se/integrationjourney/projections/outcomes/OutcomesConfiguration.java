package se.integrationjourney.projections.outcomes;

import org.axonframework.config.Configuration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import se.integrationjourney.eventstore.AxonTables;
import se.integrationjourney.eventstore.JourneyHistories;
import se.integrationjourney.projections.runtime.ProjectionRunner;

/** The outcomes' settings and their access to the recorded history. */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OutcomeSettings.class)
class OutcomesConfiguration {

    /** Histories read with Axon's own event serializer and upcasters, as an aggregate is loaded. */
    @Bean
    RecordedHistory recordedHistory(AxonTables tables, Configuration axon, ProjectionRunner projections) {
        return new StoredHistory(
                tables, new JourneyHistories(tables, axon.eventSerializer(), axon.upcasterChain()), projections);
    }
}
