package se.integrationjourney.eventstore;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The event store's settings, {@code journey.event-store.*} (the defaults are application.yml's), checked when bound:
 * the service does not start with a setting it cannot honour.
 *
 * @param readBatchSize        events read per query when a view catches up or rebuilds (Axon's default is 100)
 * @param groupCommitMaxEvents most events one transaction stores when commands arriving together share it; 0 gives
 *                             every command's append a transaction of its own (docs/adr/0011-group-commit.md)
 */
@ConfigurationProperties("journey.event-store")
public record EventStoreSettings(int readBatchSize, int groupCommitMaxEvents) {

    public EventStoreSettings {
        if (readBatchSize < 1) {
            throw new MisconfiguredStorageException("journey.event-store.read-batch-size is " + readBatchSize
                    + "; it is how many events one query reads (at least 1)");
        }
        if (groupCommitMaxEvents < 0) {
            throw new MisconfiguredStorageException("journey.event-store.group-commit-max-events is "
                    + groupCommitMaxEvents + "; it is at most how many events one transaction stores together"
                    + " (at least 1), or 0 to store each command's events in a transaction of their own");
        }
    }
}
