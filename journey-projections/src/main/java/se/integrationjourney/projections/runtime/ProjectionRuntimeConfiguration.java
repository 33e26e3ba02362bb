package se.integrationjourney.projections.runtime;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import se.integrationjourney.eventstore.AxonTables;
import se.integrationjourney.eventstore.DeadLetterQueueFactory;


import javax.sql.DataSource;
import java.time.Duration;
import java.util.List;

/** Wires the runtime to the application's event store, token store, transactions and dead-letter queues. */
@Configuration(proxyBeanMethods = false)
public class ProjectionRuntimeConfiguration {

    /** Defaults measured on two cores with all three views rebuilding (docs/projections.md, "Tuning: measured"). */
    @Bean
    ProcessorTuning processorTuning(@Value("${journey.projections.segments:2}") int segments,
                                    @Value("${journey.projections.threads:2}") int threads,
                                    @Value("${journey.projections.batch-size:2000}") int batchSize,
                                    @Value("${journey.projections.rebuild-retained-journeys:100000}")
                                    int rebuildRetainedJourneys,
                                    @Value("${journey.projections.stall-after:1m}") Duration stallAfter) {
        return new ProcessorTuning(segments, threads, batchSize, rebuildRetainedJourneys, stallAfter);
    }

    @Bean
    ProjectionRunner projectionRunner(List<Projection> projections, EventStore eventStore, TokenStore tokenStore,
                                      TransactionManager transactionManager, DataSource dataSource,
                                      DeadLetterQueueFactory deadLetterQueues, JdbcTemplate jdbc,
                                      AxonTables axonTables, ProcessorTuning tuning) {
        return new ProjectionRunner(projections,
                new ViewProcessor.Infrastructure(eventStore, tokenStore, transactionManager, dataSource,
                        deadLetterQueues, tuning),
                new ViewSwap(jdbc, axonTables, transactionManager));
    }
}
