package se.integrationjourney.core.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The person started a business; one at a time.
 */
@Revision("1")
public record BusinessStarted(UUID journeyId, LocalDate occurredOn)
        implements MilestoneEvent {
}
