package se.integrationjourney.core.events;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * The person passed an SFI course.
 */
@Revision("1")
public record SfiLevelReached(UUID journeyId, LocalDate occurredOn, SfiLevel level) implements MilestoneEvent {}
