package se.integrationjourney.core.commands;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import se.integrationjourney.core.events.EmploymentType;

/**
 * Records the start of an employment.
 *
 * @param journeyId the journey
 * @param expectedVersion the journey version the caller last saw, or {@code null} for no check
 * @param occurredOn the business date
 * @param employmentId the caller's id, used again to end it
 * @param hoursPerWeek more than 0, at most 168
 */
public record StartEmployment(
        @TargetAggregateIdentifier UUID journeyId,
        @TargetAggregateVersion Long expectedVersion,
        LocalDate occurredOn,
        String employmentId,
        EmploymentType employmentType,
        String sector,
        BigDecimal hoursPerWeek)
        implements MilestoneCommand {}
