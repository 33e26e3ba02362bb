package se.integrationjourney.core.events;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * Financial assistance ended.
 */
@Revision("1")
public record FinancialAssistanceEnded(UUID journeyId, LocalDate occurredOn) implements MilestoneEvent {}
