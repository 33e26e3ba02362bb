package se.integrationjourney.core.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Financial assistance (försörjningsstöd) started; also ends self-sufficiency.
 */
@Revision("1")
public record FinancialAssistanceStarted(UUID journeyId, LocalDate occurredOn)
        implements MilestoneEvent {
}
