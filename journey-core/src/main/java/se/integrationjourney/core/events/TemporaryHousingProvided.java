package se.integrationjourney.core.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The municipality provided temporary housing.
 */
@Revision("1")
public record TemporaryHousingProvided(UUID journeyId, LocalDate occurredOn)
        implements MilestoneEvent {
}
