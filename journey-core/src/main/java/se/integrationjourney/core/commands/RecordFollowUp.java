package se.integrationjourney.core.commands;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import se.integrationjourney.core.events.FollowUpSource;
import se.integrationjourney.core.events.OutcomeStatus;

/**
 * Records the person's status at a follow-up after the establishment period.
 *
 * @param journeyId the journey
 * @param expectedVersion the journey version the caller last saw, or {@code null} for no check
 * @param occurredOn the business date
 * @param monthsAfterEstablishment 0 to 120
 */
public record RecordFollowUp(
        @TargetAggregateIdentifier UUID journeyId,
        @TargetAggregateVersion Long expectedVersion,
        LocalDate occurredOn,
        int monthsAfterEstablishment,
        OutcomeStatus status,
        FollowUpSource source)
        implements MilestoneCommand {}
