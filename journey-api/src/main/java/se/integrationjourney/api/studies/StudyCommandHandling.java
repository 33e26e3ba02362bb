package se.integrationjourney.api.studies;

import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.integrationjourney.core.study.Study;

/**
 * Puts journey-core's Study aggregate to work, event-sourced from the same store as the journeys. Not cached: a
 * study gets a handful of commands in its life, each loading a few events.
 */
@Configuration(proxyBeanMethods = false)
class StudyCommandHandling {

    @Bean
    ConfigurerModule studyAggregate() {
        return configurer -> configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(Study.class));
    }
}
