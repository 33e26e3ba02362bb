package se.integrationjourney.eventstore;

import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jpa.JpaTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.util.RegisterDefaultEntities;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizers;
import org.springframework.context.annotation.Bean;
import se.integrationjourney.eventstore.personaldata.JourneyKeys;

/** Wires the event store's database: created if missing, and checked to be what we chose before serving. */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
// Axon's JPA auto-configuration, which our storage engine replaces, registered its event entities. They stay
// registered, unused for reading and writing, so that Hibernate still validates the event tables against Axon's
// mapping (the tables are those of the JPA engine; switching back is one bean).
@RegisterDefaultEntities(packages = "org.axonframework.eventsourcing.eventstore.jpa")
@EnableConfigurationProperties({
    EventStoreSettings.class,
    ProcessingNode.Settings.class,
    ProcessingNode.ProcessingSettings.class
})
public class EventStoreConfiguration {

    /**
     * Journeys whose last link is remembered between appends: the aggregate cache's default size (10,000) and then
     * some, so that a journey commands come back to finds its link; about 200 bytes each.
     */
    static final long REMEMBERED_LINKS = 50_000;

    /** Static: a post-processor must exist before the connection pool it inspects. */
    @Bean
    static DatabaseCreation databaseCreation() {
        return new DatabaseCreation();
    }

    /**
     * Spring's JPA transaction manager, telling a failed commit from one whose outcome is unknown
     * ({@link CommitAwareTransactionManager}); it replaces the one Spring Boot would make.
     */
    @Bean
    org.springframework.orm.jpa.JpaTransactionManager transactionManager(
            ObjectProvider<TransactionManagerCustomizers> customizers) {
        CommitAwareTransactionManager transactionManager = new CommitAwareTransactionManager();
        // As Spring Boot's own: spring.transaction.* settings and transaction listeners apply to it too.
        customizers.ifAvailable(apply -> apply.customize(transactionManager));
        return transactionManager;
    }

    /**
     * Axon's JDBC storage engine on the tables Flyway made for its JPA mapping (V1__axon_event_store.sql), through
     * Spring's connection of the current transaction (an append outside one opens its own).
     * <ul>
     *     <li>JDBC rather than JPA: an append is one batched {@code insert} whose global index comes from the
     *     column's default ({@code nextval} of the same one-by-one sequence, on the server), instead of a
     *     {@code nextval} round trip and a Hibernate persist and flush per event
     *     (docs/adr/0007-aggregate-cache-and-jdbc-append.md).</li>
     *     <li>{@code readBatchSize} events per query instead of 100: a view catching up or rebuilding reads the
     *     whole store in order, and at 100 rows a query the round trips dominated (docs/benchmark-notes.md). Aggregates
     *     (tens of events) are unaffected.</li>
     *     <li>Each event's timestamp read once, without {@code DateTimeFormatter}
     *     ({@link JourneyEventStorageEngine}).</li>
     *     <li>Each event inserted with its link of the hash chain, computed by the engine ({@link AppendLinks})
     *     rather than by the database's trigger, which now only fills a link an insert leaves out.</li>
     *     <li>Commands' appends stored together, up to {@code groupCommitMaxEvents} events a transaction, when
     *     they come at the same time and no caller's transaction encloses them (docs/adr/0011-group-commit.md),
     *     measured by {@link GroupCommitMetrics}. Closed with the application: the appends still waiting are
     *     written first.</li>
     * </ul>
     */
    @Bean
    EventStorageEngine eventStorageEngine(
            Serializer defaultSerializer,
            PersistenceExceptionResolver persistenceExceptionResolver,
            @Qualifier("eventSerializer") Serializer eventSerializer,
            Configuration configuration,
            ConnectionProvider connectionProvider,
            TransactionManager transactionManager,
            EventStoreSettings settings,
            ObjectProvider<MeterRegistry> meters,
            JourneyKeys journeyKeys,
            AppendLinks appendLinks) {
        MeterRegistry registry = meters.getIfAvailable();
        JourneyEventStorageEngine engine = new JourneyEventStorageEngine(
                engineBuilder(
                        defaultSerializer,
                        persistenceExceptionResolver,
                        eventSerializer,
                        configuration,
                        connectionProvider,
                        transactionManager,
                        settings.readBatchSize()),
                settings.groupCommitMaxEvents(),
                registry == null ? (events, nanos) -> {} : new GroupCommitMetrics(registry),
                transactionManager,
                journeyKeys::storeNewKeys,
                appendLinks);
        if (registry != null) {
            GroupCommitMetrics.waitingAppends(registry, engine);
        }
        return engine;
    }

    /**
     * The hash chain's links of appended events, computed by the event store as it inserts them, remembering the
     * last committed link of up to {@link #REMEMBERED_LINKS} journeys.
     */
    @Bean
    AppendLinks appendLinks() {
        return new ComputedLinks(REMEMBERED_LINKS);
    }

    /** Axon's engine as configured here; {@link JourneyEventStorageEngine} builds on it. */
    static JdbcEventStorageEngine.Builder engineBuilder(
            Serializer defaultSerializer,
            PersistenceExceptionResolver persistenceExceptionResolver,
            Serializer eventSerializer,
            Configuration configuration,
            ConnectionProvider connectionProvider,
            TransactionManager transactionManager,
            int readBatchSize) {
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(eventSchema())
                .dataType(byte[].class)
                .batchSize(readBatchSize);
    }

    /** The table and column names of V1__axon_event_store.sql (Axon's JDBC defaults are camel case). */
    static EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    /** This node's name and claim timeout; the name defaults to {@code host:port} (ProcessingNode.defaultName). */
    @Bean
    ProcessingNode processingNode(
            ProcessingNode.Settings node,
            ProcessingNode.ProcessingSettings processing,
            @Value("${server.port:8080}") int port) {
        String name = node.name() == null || node.name().isBlank() ? ProcessingNode.defaultName(port) : node.name();
        return new ProcessingNode(name, processing.claimTimeout());
    }

    /**
     * Axon's JPA token store as its auto-configuration would make it, but owned under this node's name and with the
     * claim timeout of {@code journey.processing.claim-timeout}: the names are what the status shows as each segment's
     * owner, and the timeout bounds how long a dead node's segments wait (docs/architecture.md, "Several nodes: event
     * processing").
     */
    @Bean
    TokenStore tokenStore(Serializer serializer, EntityManagerProvider entityManagerProvider, ProcessingNode node) {
        return JpaTokenStore.builder()
                .entityManagerProvider(entityManagerProvider)
                .serializer(serializer)
                .claimTimeout(node.claimTimeout())
                .nodeId(node.name())
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
