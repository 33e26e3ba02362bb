package se.integrationjourney.eventstore;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.eventhandling.SimpleEventBus;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventhandling.tokenstore.jpa.JpaTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.junit.jupiter.api.Test;

class StorageGuardTest {

    private final EmbeddedEventStore jdbcStore = EmbeddedEventStore.builder()
            .storageEngine(mock(JdbcEventStorageEngine.class))
            .build();
    private final TokenStore jpaTokens = mock(JpaTokenStore.class);
    private final Serializer jackson3 = Jackson3Serializer.builder().build();

    @Test
    void givenTheChosenStorage_whenChecked_thenStartUpGoesOn() {
        assertThatCode(() -> StorageGuard.check(jdbcStore, jpaTokens, serializers(jackson3), "PostgreSQL"))
                .doesNotThrowAnyException();
    }

    @Test
    void givenAnInMemoryEventStorageEngine_whenChecked_thenStartUpFailsSayingEventsWouldBeLost() {
        EmbeddedEventStore inMemory = EmbeddedEventStore.builder()
                .storageEngine(new InMemoryEventStorageEngine())
                .build();

        assertThatThrownBy(() -> StorageGuard.check(inMemory, jpaTokens, serializers(jackson3), "PostgreSQL"))
                .isInstanceOf(MisconfiguredStorageException.class)
                .hasMessageContaining("event storage engine is InMemoryEventStorageEngine")
                .hasMessageContaining("not be stored durably");
    }

    @Test
    void givenAnEventBusThatStoresNothing_whenChecked_thenStartUpFails() {
        assertThatThrownBy(() -> StorageGuard.check(
                        SimpleEventBus.builder().build(), jpaTokens, serializers(jackson3), "PostgreSQL"))
                .isInstanceOf(MisconfiguredStorageException.class)
                .hasMessageContaining("event bus is SimpleEventBus");
    }

    @Test
    void givenAnInMemoryTokenStore_whenChecked_thenStartUpFailsSayingViewsWouldReplay() {
        assertThatThrownBy(() ->
                        StorageGuard.check(jdbcStore, new InMemoryTokenStore(), serializers(jackson3), "PostgreSQL"))
                .isInstanceOf(MisconfiguredStorageException.class)
                .hasMessageContaining("token store is InMemoryTokenStore")
                .hasMessageContaining("replay all events at every restart");
    }

    @Test
    void givenAnotherSerializer_whenChecked_thenStartUpFailsNamingTheRoleAndTheProperty() {
        Map<String, Serializer> serializers = serializers(jackson3);
        serializers.put("events", mock(Serializer.class));

        assertThatThrownBy(() -> StorageGuard.check(jdbcStore, jpaTokens, serializers, "PostgreSQL"))
                .isInstanceOf(MisconfiguredStorageException.class)
                .hasMessageContaining("events serializer is")
                .hasMessageContaining("axon.serializer.events=jackson3");
    }

    @Test
    void givenAnotherDatabase_whenChecked_thenStartUpFails() {
        assertThatThrownBy(() -> StorageGuard.check(jdbcStore, jpaTokens, serializers(jackson3), "H2"))
                .isInstanceOf(MisconfiguredStorageException.class)
                .hasMessageContaining("database is H2, not PostgreSQL");
    }

    private static Map<String, Serializer> serializers(Serializer serializer) {
        Map<String, Serializer> serializers = new LinkedHashMap<>();
        serializers.put("general", serializer);
        serializers.put("events", serializer);
        serializers.put("messages", serializer);
        return serializers;
    }
}
