package se.integrationjourney.core.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The person passed an SFI course.
 */
@Revision("1")
public record SfiLevelReached(
        UUID journeyId,
        LocalDate occurredOn,
        SfiLevel level)
        implements MilestoneEvent {
}
