package se.integrationjourney.core.events;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * The person started a business; one at a time.
 */
@Revision("1")
public record BusinessStarted(UUID journeyId, LocalDate occurredOn) implements MilestoneEvent {}
