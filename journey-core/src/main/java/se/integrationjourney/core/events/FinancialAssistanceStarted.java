package se.integrationjourney.core.events;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * Financial assistance (försörjningsstöd) started; also ends self-sufficiency.
 */
@Revision("1")
public record FinancialAssistanceStarted(UUID journeyId, LocalDate occurredOn) implements MilestoneEvent {}
