package se.integrationjourney.eventstore.personaldata;

import javax.sql.DataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The master key and the journeys' keys. The master key is loaded before the database is migrated (the migration that
 * seals older history needs it); whether it opens the stored keys is checked after ({@link JourneyKeys#checkMasterKey},
 * called by the application once Flyway is done).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PersonalDataSettings.class)
public class PersonalDataKeysConfiguration {

    /**
     * From the data source, not Spring's JdbcTemplate: that waits for the migrations, and one migration needs this
     * key.
     */
    @Bean
    MasterKey masterKey(PersonalDataSettings settings, DataSource dataSource) {
        return MasterKey.load(settings, () -> JourneyKeys.storeHoldsKeys(new JdbcTemplate(dataSource)));
    }

    @Bean
    JourneyKeys journeyKeys(JdbcTemplate jdbc, MasterKey masterKey, PersonalDataSettings settings) {
        return new JourneyKeys(jdbc, masterKey, settings.keyCacheTtl());
    }

    @Bean
    IdentityNumberLookup identityNumberLookup(JourneyKeys keys) {
        return new IdentityNumberLookup(keys);
    }
}
