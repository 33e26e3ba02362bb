package se.integrationjourney.core.commands;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import se.integrationjourney.core.events.StudyLevel;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Records the start of studies.
 *
 * @param journeyId the journey
 * @param expectedVersion the journey version the caller last saw, or {@code null} for no check
 * @param occurredOn the business date
 * @param studyId the caller's id, used again to end them
 */
public record StartStudies(
        @TargetAggregateIdentifier UUID journeyId,
        @TargetAggregateVersion Long expectedVersion,
        LocalDate occurredOn,
        String studyId,
        StudyLevel level)
        implements MilestoneCommand {
}
