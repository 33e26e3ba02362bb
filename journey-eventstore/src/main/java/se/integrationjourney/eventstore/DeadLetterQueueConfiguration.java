package se.integrationjourney.eventstore;

import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.deadletter.jpa.JpaSequencedDeadLetterQueue;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Views' dead letters live in PostgreSQL beside the events ({@code dead_letter_entry}), so none is lost. */
@Configuration(proxyBeanMethods = false)
class DeadLetterQueueConfiguration {

    /** Journeys one view may hold in its queue; a view failing for more than this many needs a fix, not a queue. */
    private static final int MAX_DEAD_LETTERED_JOURNEYS = 100_000;

    @Bean
    DeadLetterQueueFactory deadLetterQueueFactory(
            EntityManagerProvider entityManagerProvider,
            TransactionManager transactionManager,
            Serializer serializer,
            @Qualifier("eventSerializer") Serializer eventSerializer) {
        return processingGroup -> JpaSequencedDeadLetterQueue.builder()
                .processingGroup(processingGroup)
                .entityManagerProvider(entityManagerProvider)
                .transactionManager(transactionManager)
                .eventSerializer(eventSerializer)
                .genericSerializer(serializer)
                .maxSequences(MAX_DEAD_LETTERED_JOURNEYS)
                .build();
    }
}
