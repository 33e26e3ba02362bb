package se.integrationjourney.core.events;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * The internship with this id ended.
 */
@Revision("1")
public record InternshipEnded(UUID journeyId, LocalDate occurredOn, String internshipId, InternshipOutcome outcome)
        implements MilestoneEvent {}
