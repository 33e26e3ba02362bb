package se.integrationjourney.core.events;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * The person stopped being self-sufficient.
 */
@Revision("1")
public record SelfSufficiencyLost(UUID journeyId, LocalDate occurredOn) implements MilestoneEvent {}
