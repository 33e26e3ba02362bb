package se.integrationjourney.api.domain;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.context.SecurityContextHolder;
import se.integrationjourney.api.security.CurrentUser;
import se.integrationjourney.api.security.JourneyUser;
import se.integrationjourney.api.web.RequestCorrelation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Every command carries who sent it (username, roles, municipality) and the request's correlation id (as Axon's
 * {@code traceId}), and every event it causes inherits them: the timeline shows who recorded what, and a
 * request can be followed from the log to the event store. Names of people are never in metadata.
 */
@Configuration(proxyBeanMethods = false)
class RecordedByMetadata {

    static final String USERNAME = "username";
    static final String ROLES = "roles";
    static final String MUNICIPALITY = "municipalityCode";
    static final String TRACE_ID = "traceId";

    /** Copies who recorded it onto the events a command causes. */
    @Bean
    CorrelationDataProvider recordedByCorrelation() {
        return new SimpleCorrelationDataProvider(USERNAME, ROLES, MUNICIPALITY);
    }

    /** Axon's own: correlation and trace ids (declaring a provider above replaces its default, so keep it). */
    @Bean
    CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }

    @Bean
    SmartInitializingSingleton recordedByOnCommands(CommandBus commandBus) {
        return () -> commandBus.registerDispatchInterceptor(new Stamp());
    }

    private static final class Stamp implements MessageDispatchInterceptor<CommandMessage<?>> {
        @Override
        public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
                List<? extends CommandMessage<?>> messages) {
            return (index, command) -> {
                Map<String, Object> metadata = new HashMap<>();
                if (SecurityContextHolder.getContext().getAuthentication() != null) {
                    JourneyUser user = CurrentUser.get();
                    metadata.put(USERNAME, user.username());
                    metadata.put(ROLES, user.rolesText());
                    if (user.municipalityCode() != null) {
                        metadata.put(MUNICIPALITY, user.municipalityCode());
                    }
                }
                if (RequestCorrelation.current() != null) {
                    metadata.put(TRACE_ID, RequestCorrelation.current());
                }
                return metadata.isEmpty() ? command : command.andMetaData(metadata);
            };
        }
    }
}
