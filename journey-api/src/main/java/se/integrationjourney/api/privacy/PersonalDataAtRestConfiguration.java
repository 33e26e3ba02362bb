package se.integrationjourney.api.privacy;

import java.util.Set;
import org.axonframework.config.Configuration;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import se.integrationjourney.core.events.NewcomerRegistered;
import se.integrationjourney.core.events.PersonalDetails1To2Upcaster;
import se.integrationjourney.core.events.PersonalDetailsCorrected;
import se.integrationjourney.eventstore.MisconfiguredStorageException;
import se.integrationjourney.eventstore.personaldata.JourneyKeys;
import se.integrationjourney.eventstore.personaldata.PersonalDataSealingSerializer;

/**
 * Personal data at rest: the event serializer seals the personal details of the events that carry them with the
 * journey's key (docs/adr/0020-crypto-shredding.md), older plain-text history reads through the upcaster, and the
 * service starts only with a master key that opens the stored keys.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
class PersonalDataAtRestConfiguration {

    /** The events that carry a {@code personalDetails}; every other event is stored as Jackson writes it. */
    static final Set<String> SEALED_TYPES =
            Set.of(NewcomerRegistered.class.getName(), PersonalDetailsCorrected.class.getName());

    /** Replaces the event serializer Axon would make from {@code axon.serializer.events}, wrapping the same one. */
    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer(@Qualifier("serializer") Serializer general, JourneyKeys keys) {
        return new PersonalDataSealingSerializer(general, SEALED_TYPES, keys);
    }

    @Bean
    EventUpcaster personalDetails1To2Upcaster() {
        return new PersonalDetails1To2Upcaster();
    }

    /** After the database is migrated and before anything is served. */
    @Bean
    SmartInitializingSingleton personalDataCheck(JourneyKeys keys, Configuration axon) {
        return () -> {
            if (!(axon.eventSerializer() instanceof PersonalDataSealingSerializer)) {
                throw new MisconfiguredStorageException("The event serializer is "
                        + axon.eventSerializer().getClass().getSimpleName()
                        + ", not PersonalDataSealingSerializer: names and identity numbers would be stored in plain"
                        + " text");
            }
            keys.checkMasterKey();
        };
    }
}
