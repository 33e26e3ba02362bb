package se.integrationjourney.core.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The person's business was closed.
 */
@Revision("1")
public record BusinessClosed(UUID journeyId, LocalDate occurredOn)
        implements MilestoneEvent {
}
