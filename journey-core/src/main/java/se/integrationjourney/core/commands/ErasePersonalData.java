package se.integrationjourney.core.commands;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.integrationjourney.core.events.ErasureReason;

/**
 * Records that the journey's personal data was erased. Sent by the erasure, which destroys the journey's key in the
 * same transaction; refused when the data is already erased.
 */
public record ErasePersonalData(@TargetAggregateIdentifier UUID journeyId, ErasureReason reason)
        implements JourneyCommand {}
