package se.integrationjourney.api.commandhandling;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The aggregate cache's size, {@code journey.aggregate-cache.*} (the default is application.yml's), checked when
 * bound.
 *
 * @param maxJourneys journeys kept in memory between commands; 0 turns the cache off
 */
@ConfigurationProperties("journey.aggregate-cache")
public record AggregateCacheSettings(int maxJourneys) {

    public AggregateCacheSettings {
        if (maxJourneys < 0) {
            throw new IllegalArgumentException("journey.aggregate-cache.max-journeys must be 0 (off) or more");
        }
    }
}
