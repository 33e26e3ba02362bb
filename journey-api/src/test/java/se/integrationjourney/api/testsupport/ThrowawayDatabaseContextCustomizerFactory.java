package se.integrationjourney.api.testsupport;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionBuilder;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import se.integrationjourney.projections.testsupport.ThrowawayDatabase;

/**
 * Gives every Spring test context a {@link ThrowawayDatabase} of its own, dropped when the context closes.
 *
 * <p>The connection pool is made to depend on the database bean, so Spring closes the pool first and drops
 * the database after: nothing is left behind and no open connection is cut.
 */
public class ThrowawayDatabaseContextCustomizerFactory implements ContextCustomizerFactory {

    static final String BEAN_NAME = "throwawayDatabase";
    private static final String DATA_SOURCE_BEAN = "dataSource";

    @Override
    public ContextCustomizer createContextCustomizer(
            Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        return new Customizer();
    }

    private static final class Customizer implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            ThrowawayDatabase database = ThrowawayDatabase.named();
            TestPropertyValues.of(database.springProperties()).applyTo(context);
            ((BeanDefinitionRegistry) context.getBeanFactory())
                    .registerBeanDefinition(
                            BEAN_NAME,
                            BeanDefinitionBuilder.genericBeanDefinition(ThrowawayDatabase.class, () -> database)
                                    .getBeanDefinition());
            context.addBeanFactoryPostProcessor(beanFactory -> {
                if (beanFactory.containsBeanDefinition(DATA_SOURCE_BEAN)) {
                    BeanDefinition pool = beanFactory.getBeanDefinition(DATA_SOURCE_BEAN);
                    String[] existing = pool.getDependsOn() == null ? new String[0] : pool.getDependsOn();
                    pool.setDependsOn(Stream.concat(Arrays.stream(existing), Stream.of(BEAN_NAME))
                            .toArray(String[]::new));
                }
            });
        }

        // All customizers are alike: contexts are cached on the rest of their configuration.
        @Override
        public boolean equals(Object other) {
            return other instanceof Customizer;
        }

        @Override
        public int hashCode() {
            return Customizer.class.hashCode();
        }
    }
}
