package se.integrationjourney.core.commands;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Retracts a mistaken event of this journey. A correction, so it is accepted on a closed journey too.
 *
 * @param journeyId the journey
 * @param expectedVersion the journey version the caller last saw, or {@code null} for no check
 * @param retractedEventId the id of the event to retract
 * @param reason why it was wrong; required, without personal data
 */
public record RetractMilestone(
        @TargetAggregateIdentifier UUID journeyId,
        @TargetAggregateVersion Long expectedVersion,
        String retractedEventId,
        String reason)
        implements JourneyCommand {}
