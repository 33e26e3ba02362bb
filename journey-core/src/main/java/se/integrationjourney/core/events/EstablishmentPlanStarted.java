package se.integrationjourney.core.events;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * Arbetsförmedlingen's establishment plan started; the establishment period the outcome measurements are built on
 * begins.
 */
@Revision("1")
public record EstablishmentPlanStarted(UUID journeyId, LocalDate occurredOn) implements MilestoneEvent {}
