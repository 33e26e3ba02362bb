package se.integrationjourney.core.events;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * The person became self-sufficient (egen försörjning).
 */
@Revision("1")
public record SelfSufficiencyReached(UUID journeyId, LocalDate occurredOn, SelfSufficiencyBasis basis)
        implements MilestoneEvent {}
