package se.integrationjourney.api.storage;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.util.RegisterDefaultEntities;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Wires the event store's database: created if missing, and checked to be what we chose before serving. */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
// Axon's JPA auto-configuration, which our storage engine replaces, registered its event entities.
@RegisterDefaultEntities(packages = "org.axonframework.eventsourcing.eventstore.jpa")
public class StorageConfiguration {

    /** Static: a post-processor must exist before the connection pool it inspects. */
    @Bean
    static DatabaseCreation databaseCreation() {
        return new DatabaseCreation();
    }

    /**
     * Axon's JPA storage engine as its auto-configuration builds it, but reading {@code readBatchSize} events per
     * query instead of 100: a view catching up or rebuilding reads the whole store in order, and at 100 rows a
     * query the round trips dominated (docs/benchmarks.md). Aggregates (tens of events) are unaffected.
     */
    @Bean
    EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
                                          PersistenceExceptionResolver persistenceExceptionResolver,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          Configuration configuration, EntityManagerProvider entityManagerProvider,
                                          TransactionManager transactionManager,
                                          @Value("${journey.event-store.read-batch-size:1000}") int readBatchSize) {
        return JpaEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .entityManagerProvider(entityManagerProvider)
                .transactionManager(transactionManager)
                .batchSize(readBatchSize)
                .build();
    }

    @Bean
    SmartInitializingSingleton storageGuard(Configuration axon, TokenStore tokenStore, DataSource dataSource) {
        return () -> {
            Map<String, org.axonframework.serialization.Serializer> serializers = new LinkedHashMap<>();
            serializers.put("general", axon.serializer());
            serializers.put("events", axon.eventSerializer());
            serializers.put("messages", axon.messageSerializer());
            StorageGuard.check(axon.eventBus(), tokenStore, serializers, databaseProductName(dataSource));
        };
    }

    private static String databaseProductName(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the event store's database: " + e.getMessage(), e);
        }
    }
}
