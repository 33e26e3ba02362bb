package se.integrationjourney.core.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The internship with this id ended.
 */
@Revision("1")
public record InternshipEnded(
        UUID journeyId,
        LocalDate occurredOn,
        String internshipId,
        InternshipOutcome outcome)
        implements MilestoneEvent {
}
