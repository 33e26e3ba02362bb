package se.integrationjourney.eventstore;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jpa.JpaTokenStore;
import org.axonframework.eventsourcing.eventstore.AbstractEventStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import se.integrationjourney.eventstore.personaldata.PersonalDataSealingSerializer;

/**
 * Refuses to start the service on anything but the storage we chose: the JDBC event store and JPA token store
 * on PostgreSQL, and Jackson 3 JSON for every serializer.
 *
 * <p>Each of these has a silent, dangerous alternative that a stray bean or property can switch on: an
 * in-memory event store loses every event at restart, an in-memory token store replays every view at every
 * restart, and an XStream serializer writes history that the rest of the system cannot read.
 */
public final class StorageGuard {

    private StorageGuard() {}

    /**
     * @param eventBus    the event bus Axon's configuration uses for aggregates and processors
     * @param tokenStore  the token store the streaming processors use
     * @param serializers Axon's serializers by role (general, events, messages)
     * @param databaseProductName what the event store's database calls itself over JDBC
     * @throws MisconfiguredStorageException naming every component that is not the one we chose
     */
    public static void check(
            EventBus eventBus, TokenStore tokenStore, Map<String, Serializer> serializers, String databaseProductName) {
        List<String> problems = new ArrayList<>();
        EventStorageEngine engine = eventBus instanceof EmbeddedEventStore store ? storageEngineOf(store) : null;
        if (engine == null) {
            problems.add("the event bus is " + describe(eventBus) + ", not an EmbeddedEventStore over"
                    + " JdbcEventStorageEngine: events would not be stored durably");
        } else if (!(engine instanceof JdbcEventStorageEngine)) {
            problems.add("the event storage engine is " + describe(engine) + ", not JdbcEventStorageEngine"
                    + " on PostgreSQL: events would not be stored durably");
        }
        if (!(tokenStore instanceof JpaTokenStore)) {
            problems.add("the token store is " + describe(tokenStore) + ", not JpaTokenStore: every view would"
                    + " replay all events at every restart");
        }
        serializers.forEach((role, given) -> {
            // The event serializer seals personal details over Jackson 3 JSON; what it writes is still that JSON.
            Serializer serializer = given instanceof PersonalDataSealingSerializer sealing ? sealing.delegate() : given;
            if (!(serializer instanceof Jackson3Serializer)) {
                problems.add("the " + role + " serializer is " + describe(serializer) + ", not Jackson3Serializer:"
                        + " stored history would be written in a format the service does not read"
                        + " (set axon.serializer." + role + "=jackson3)");
            }
        });
        if (!"PostgreSQL".equalsIgnoreCase(databaseProductName)) {
            problems.add("the database is " + databaseProductName + ", not PostgreSQL");
        }
        if (!problems.isEmpty()) {
            throw new MisconfiguredStorageException(
                    "The service must run on its PostgreSQL-backed storage, but " + String.join("; ", problems) + ".");
        }
    }

    private static String describe(Object component) {
        return component == null ? "missing" : component.getClass().getSimpleName();
    }

    /**
     * Axon exposes a store's engine only to subclasses; reading it here is the only way to see what a
     * store built outside Spring's bean definitions writes to.
     */
    private static EventStorageEngine storageEngineOf(EmbeddedEventStore store) {
        try {
            Method accessor = AbstractEventStore.class.getDeclaredMethod("storageEngine");
            accessor.setAccessible(true);
            return (EventStorageEngine) accessor.invoke(store);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot inspect the event store's storage engine", e);
        }
    }
}
