package se.integrationjourney.core.commands;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Records completed civic orientation.
 *
 * @param journeyId the journey
 * @param expectedVersion the journey version the caller last saw, or {@code null} for no check
 * @param occurredOn the business date
 * @param hours hours attended, 1 to 1000
 * @param language language of instruction
 */
public record RecordCivicOrientationCompleted(
        @TargetAggregateIdentifier UUID journeyId,
        @TargetAggregateVersion Long expectedVersion,
        LocalDate occurredOn,
        int hours,
        String language)
        implements MilestoneCommand {}
