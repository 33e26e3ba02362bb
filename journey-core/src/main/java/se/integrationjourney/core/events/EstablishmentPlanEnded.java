package se.integrationjourney.core.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The establishment plan ended before or at its planned 24 months.
 */
@Revision("1")
public record EstablishmentPlanEnded(
        UUID journeyId,
        LocalDate occurredOn,
        EstablishmentEndReason reason)
        implements MilestoneEvent {
}
