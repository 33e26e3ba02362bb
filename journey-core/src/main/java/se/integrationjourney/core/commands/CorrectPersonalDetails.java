package se.integrationjourney.core.commands;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import se.integrationjourney.core.events.PersonalDetails;

/**
 * Corrects the person's name or identity number. A correction, so it is accepted on a closed journey too.
 *
 * @param journeyId the journey
 * @param expectedVersion the journey version the caller last saw, or {@code null} for no check
 * @param personalDetails the details as they should be
 */
public record CorrectPersonalDetails(
        @TargetAggregateIdentifier UUID journeyId,
        @TargetAggregateVersion Long expectedVersion,
        PersonalDetails personalDetails)
        implements JourneyCommand {}
