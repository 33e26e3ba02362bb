package se.integrationjourney.api.commandhandling;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.context.SecurityContextHolder;
import se.integrationjourney.api.security.CurrentUser;
import se.integrationjourney.api.security.JourneyUser;
import se.integrationjourney.api.web.RequestCorrelation;

/**
 * Every command carries who sent it (username, roles, municipality) and the request's correlation id (as
 * {@code correlationId}, the id its log lines carry), and every event it causes inherits them: the timeline shows
 * who recorded what, and a request can be followed from the log to the event store. Names of people are never in
 * metadata. Axon's own correlation ids (the causing message's id as {@code correlationId}, the first one's as
 * {@code traceId}) are not used: one command per request makes them say nothing the correlation id does not.
 */
@Configuration(proxyBeanMethods = false)
class RecordedByMetadata {

    static final String USERNAME = "username";
    static final String ROLES = "roles";
    static final String MUNICIPALITY = "municipalityCode";
    static final String CORRELATION_ID = "correlationId";

    /** Copies who recorded it, and the request's correlation id, onto the events a command causes. */
    @Bean
    CorrelationDataProvider recordedByCorrelation() {
        return new SimpleCorrelationDataProvider(USERNAME, ROLES, MUNICIPALITY, CORRELATION_ID);
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
                    metadata.put(CORRELATION_ID, RequestCorrelation.current());
                }
                return metadata.isEmpty() ? command : command.andMetaData(metadata);
            };
        }
    }
}
