package se.integrationjourney.api.operations;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.messaging.Message;
import org.axonframework.monitoring.MessageMonitor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How long each command takes to handle, from dispatch to commit, per command type and outcome:
 * {@code journey_command_handling_seconds{command="RecordHousingSecured",outcome="success|failure"}}. Tags hold
 * type names only, never a journey id or anything a command carries.
 */
@Configuration(proxyBeanMethods = false)
class CommandMetrics {

    static final String TIMER = "journey.command.handling";

    @Bean
    ConfigurerModule commandHandlingTimes(MeterRegistry registry) {
        return configurer ->
                configurer.configureMessageMonitor(CommandBus.class, configuration -> new Monitor(registry));
    }

    private record Monitor(MeterRegistry registry) implements MessageMonitor<Message<?>> {
        @Override
        public MonitorCallback onMessageIngested(Message<?> command) {
            Timer.Sample sample = Timer.start(registry);
            String type = command.getPayloadType().getSimpleName();
            return new MonitorCallback() {
                @Override
                public void reportSuccess() {
                    stop("success");
                }

                @Override
                public void reportFailure(Throwable cause) {
                    stop("failure");
                }

                @Override
                public void reportIgnored() {
                    stop("ignored");
                }

                private void stop(String outcome) {
                    sample.stop(Timer.builder(TIMER)
                            .description("Time to handle a command, from dispatch to commit")
                            .tag("command", type)
                            .tag("outcome", outcome)
                            .publishPercentileHistogram()
                            .register(registry));
                }
            };
        }
    }
}
