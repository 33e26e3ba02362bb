package se.integrationjourney.api.storage;

import org.axonframework.config.Configuration;
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
public class StorageConfiguration {

    /** Static: a post-processor must exist before the connection pool it inspects. */
    @Bean
    static DatabaseCreation databaseCreation() {
        return new DatabaseCreation();
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
