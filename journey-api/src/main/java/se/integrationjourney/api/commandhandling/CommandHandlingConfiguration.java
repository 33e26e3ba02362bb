package se.integrationjourney.api.commandhandling;

import java.time.Clock;
import java.time.ZoneId;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandBusSpanFactory;
import org.axonframework.commandhandling.DuplicateCommandHandlerResolver;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.integrationjourney.core.journey.Journey;

/** Puts journey-core's aggregate to work: registered with Axon here, since the core carries no Spring. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AggregateCacheSettings.class)
public class CommandHandlingConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CommandHandlingConfiguration.class);

    /** Business dates are Swedish dates: "today" and "in the future" are judged in Stockholm's time zone. */
    public static final ZoneId BUSINESS_TIME_ZONE = ZoneId.of("Europe/Stockholm");

    /** The one source of "now": command handlers and queries take it as a parameter, tests replace it. */
    @Bean
    Clock clock() {
        return Clock.system(BUSINESS_TIME_ZONE);
    }

    /**
     * Axon's command bus as Axon's Spring Boot configuration builds it, but <b>without a transaction per
     * command</b>: a command reads (its journey, when not cached) and its events are stored by the storage engine,
     * which commits them together with other commands' (docs/adr/0011-group-commit.md) before the command
     * completes. A caller that needs the events in a transaction of its own (an idempotent request stores its
     * answer with them) opens it around the command, and the events join it.
     */
    @Bean
    @Qualifier("localSegment")
    SimpleCommandBus commandBus(
            org.axonframework.config.Configuration axon,
            DuplicateCommandHandlerResolver duplicateCommandHandlerResolver) {
        SimpleCommandBus commandBus = SimpleCommandBus.builder()
                .duplicateCommandHandlerResolver(duplicateCommandHandlerResolver)
                .spanFactory(axon.getComponent(CommandBusSpanFactory.class))
                .messageMonitor(axon.messageMonitor(CommandBus.class, "commandBus"))
                .build();
        commandBus.registerHandlerInterceptor(new CorrelationDataInterceptor<>(axon.correlationDataProviders()));
        return commandBus;
    }

    /**
     * The journeys recent commands decided on, so that the next command on one skips loading it from the event store
     * (docs/adr/0007-aggregate-cache-and-jdbc-append.md); none when {@code journey.aggregate-cache.max-journeys} is 0.
     */
    @Bean
    @ConditionalOnExpression("${journey.aggregate-cache.max-journeys} > 0")
    CommittedJourneyCache journeyCache(AggregateCacheSettings settings) {
        return new CommittedJourneyCache(settings.maxJourneys());
    }

    /** The Journey aggregate, event-sourced from the PostgreSQL event store, and cached if so configured. */
    @Bean
    ConfigurerModule journeyAggregate(
            ObjectProvider<CommittedJourneyCache> journeyCache, AggregateCacheSettings settings) {
        CommittedJourneyCache cache = journeyCache.getIfAvailable();
        log.info(
                "Aggregate cache: {}",
                cache == null
                        ? "off, every command loads its journey from the event store"
                        : "at most " + settings.maxJourneys() + " journeys");
        return configurer -> {
            AggregateConfigurer<Journey> journeys = AggregateConfigurer.defaultConfiguration(Journey.class)
                    .configureCommandTargetResolver(c -> new CachedCommandTargetResolver());
            configurer.configureAggregate(cache == null ? journeys : journeys.configureCache(c -> cache));
        };
    }
}
