package se.integrationjourney.core.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The person became self-sufficient (egen försörjning).
 */
@Revision("1")
public record SelfSufficiencyReached(
        UUID journeyId,
        LocalDate occurredOn,
        SelfSufficiencyBasis basis)
        implements MilestoneEvent {
}
