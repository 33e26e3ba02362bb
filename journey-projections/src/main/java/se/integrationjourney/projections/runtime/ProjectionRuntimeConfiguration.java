package se.integrationjourney.projections.runtime;

import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import se.integrationjourney.eventstore.AxonTables;
import se.integrationjourney.eventstore.DeadLetterQueueFactory;
import se.integrationjourney.eventstore.ProcessingNode;

/**
 * Wires the runtime to the application's event store, token store (and the serializer it writes tokens with: the
 * general one), transactions, dead-letter queues and this node's name and claim timeout.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ProcessorTuning.class)
public class ProjectionRuntimeConfiguration {

    @Bean
    ProjectionRunner projectionRunner(
            List<Projection> projections,
            EventStore eventStore,
            TokenStore tokenStore,
            TransactionManager transactionManager,
            DataSource dataSource,
            DeadLetterQueueFactory deadLetterQueues,
            JdbcTemplate jdbc,
            AxonTables axonTables,
            ProcessorTuning tuning,
            ProcessingNode node,
            Serializer serializer) {
        return new ProjectionRunner(
                projections,
                new ViewProcessor.Infrastructure(
                        eventStore,
                        tokenStore,
                        transactionManager,
                        dataSource,
                        deadLetterQueues,
                        tuning,
                        node,
                        new SegmentClaims(serializer, node, Clock.systemUTC())),
                new ViewSwap(jdbc, axonTables, transactionManager),
                new ProcessingNodes(jdbc, node),
                new RebuildLocks(
                        dataSource,
                        jdbc,
                        projections.stream().map(Projection::name).toList()));
    }
}
