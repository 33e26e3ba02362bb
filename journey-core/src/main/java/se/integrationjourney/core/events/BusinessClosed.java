package se.integrationjourney.core.events;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * The person's business was closed.
 */
@Revision("1")
public record BusinessClosed(UUID journeyId, LocalDate occurredOn) implements MilestoneEvent {}
