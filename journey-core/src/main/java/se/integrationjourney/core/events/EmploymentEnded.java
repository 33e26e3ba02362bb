package se.integrationjourney.core.events;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * The employment with this id ended.
 */
@Revision("1")
public record EmploymentEnded(UUID journeyId, LocalDate occurredOn, String employmentId) implements MilestoneEvent {}
