package se.integrationjourney.core.events;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * The establishment plan ended before or at its planned 24 months.
 */
@Revision("1")
public record EstablishmentPlanEnded(UUID journeyId, LocalDate occurredOn, EstablishmentEndReason reason)
        implements MilestoneEvent {}
