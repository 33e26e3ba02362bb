package se.integrationjourney.core.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The person stopped being self-sufficient.
 */
@Revision("1")
public record SelfSufficiencyLost(UUID journeyId, LocalDate occurredOn)
        implements MilestoneEvent {
}
