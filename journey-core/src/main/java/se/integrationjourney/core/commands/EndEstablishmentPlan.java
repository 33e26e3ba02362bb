package se.integrationjourney.core.commands;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import se.integrationjourney.core.events.EstablishmentEndReason;

/**
 * Records the end of the establishment plan.
 *
 * @param journeyId the journey
 * @param expectedVersion the journey version the caller last saw, or {@code null} for no check
 * @param occurredOn the business date
 */
public record EndEstablishmentPlan(
        @TargetAggregateIdentifier UUID journeyId,
        @TargetAggregateVersion Long expectedVersion,
        LocalDate occurredOn,
        EstablishmentEndReason reason)
        implements MilestoneCommand {}
