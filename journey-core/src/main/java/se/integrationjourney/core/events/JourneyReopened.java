package se.integrationjourney.core.events;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * A closed journey was reopened.
 */
@Revision("1")
public record JourneyReopened(UUID journeyId, LocalDate occurredOn) implements MilestoneEvent {}
