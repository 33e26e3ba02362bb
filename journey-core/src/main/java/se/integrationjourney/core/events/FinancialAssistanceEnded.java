package se.integrationjourney.core.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Financial assistance ended.
 */
@Revision("1")
public record FinancialAssistanceEnded(UUID journeyId, LocalDate occurredOn)
        implements MilestoneEvent {
}
