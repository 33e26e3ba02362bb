package se.integrationjourney.core.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A caseworker became responsible for the journey; a later one replaces the earlier (reassignment).
 */
@Revision("1")
public record CaseworkerAssigned(
        UUID journeyId,
        LocalDate occurredOn,
        String caseworkerId)
        implements MilestoneEvent {
}
