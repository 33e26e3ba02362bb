package se.integrationjourney.core.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A closed journey was reopened.
 */
@Revision("1")
public record JourneyReopened(UUID journeyId, LocalDate occurredOn)
        implements MilestoneEvent {
}
