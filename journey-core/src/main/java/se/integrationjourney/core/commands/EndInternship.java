package se.integrationjourney.core.commands;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import se.integrationjourney.core.events.InternshipOutcome;

/**
 * Records the end of an open internship.
 *
 * @param journeyId the journey
 * @param expectedVersion the journey version the caller last saw, or {@code null} for no check
 * @param occurredOn the business date
 */
public record EndInternship(
        @TargetAggregateIdentifier UUID journeyId,
        @TargetAggregateVersion Long expectedVersion,
        LocalDate occurredOn,
        String internshipId,
        InternshipOutcome outcome)
        implements MilestoneCommand {}
