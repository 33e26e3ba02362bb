package se.integrationjourney.core.events;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * The person secured housing of their own.
 */
@Revision("1")
public record HousingSecured(UUID journeyId, LocalDate occurredOn, Tenure tenure) implements MilestoneEvent {}
