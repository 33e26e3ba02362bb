package se.integrationjourney.projections.runtime;

import java.util.List;
import javax.sql.DataSource;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import se.integrationjourney.eventstore.AxonTables;
import se.integrationjourney.eventstore.DeadLetterQueueFactory;

/** Wires the runtime to the application's event store, token store, transactions and dead-letter queues. */
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
            ProcessorTuning tuning) {
        return new ProjectionRunner(
                projections,
                new ViewProcessor.Infrastructure(
                        eventStore, tokenStore, transactionManager, dataSource, deadLetterQueues, tuning),
                new ViewSwap(jdbc, axonTables, transactionManager));
    }
}
