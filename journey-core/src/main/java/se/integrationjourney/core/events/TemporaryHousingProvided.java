package se.integrationjourney.core.events;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * The municipality provided temporary housing.
 */
@Revision("1")
public record TemporaryHousingProvided(UUID journeyId, LocalDate occurredOn) implements MilestoneEvent {}
