package se.integrationjourney.core.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The studies with this id ended.
 */
@Revision("1")
public record StudiesEnded(
        UUID journeyId,
        LocalDate occurredOn,
        String studyId)
        implements MilestoneEvent {
}
