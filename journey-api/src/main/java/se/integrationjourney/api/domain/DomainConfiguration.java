package se.integrationjourney.api.domain;

import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.integrationjourney.core.journey.Journey;

import java.time.Clock;
import java.time.ZoneId;

/** Puts journey-core's aggregate to work: registered with Axon here, since the core carries no Spring. */
@Configuration(proxyBeanMethods = false)
public class DomainConfiguration {

    /** Business dates are Swedish dates: "today" and "in the future" are judged in Stockholm's time zone. */
    public static final ZoneId BUSINESS_TIME_ZONE = ZoneId.of("Europe/Stockholm");

    /** The one source of "now": command handlers and queries take it as a parameter, tests replace it. */
    @Bean
    Clock clock() {
        return Clock.system(BUSINESS_TIME_ZONE);
    }

    /** The Journey aggregate, event-sourced from the PostgreSQL event store. */
    @Bean
    ConfigurerModule journeyAggregate() {
        return configurer -> configurer.configureAggregate(Journey.class);
    }
}
