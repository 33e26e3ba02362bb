package se.integrationjourney.core.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The employment with this id ended.
 */
@Revision("1")
public record EmploymentEnded(
        UUID journeyId,
        LocalDate occurredOn,
        String employmentId)
        implements MilestoneEvent {
}
