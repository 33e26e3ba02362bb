package se.integrationjourney.core.commands;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import se.integrationjourney.core.events.ActionPlanGoal;

/**
 * Revises the established action plan.
 *
 * @param journeyId the journey
 * @param expectedVersion the journey version the caller last saw, or {@code null} for no check
 * @param occurredOn the business date
 * @param goals at least one
 * @param summary free text without personal data
 */
public record ReviseActionPlan(
        @TargetAggregateIdentifier UUID journeyId,
        @TargetAggregateVersion Long expectedVersion,
        LocalDate occurredOn,
        Set<ActionPlanGoal> goals,
        String summary)
        implements MilestoneCommand {}
