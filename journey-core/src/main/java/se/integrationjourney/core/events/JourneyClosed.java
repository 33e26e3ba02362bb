package se.integrationjourney.core.events;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * The journey was closed; nothing but a reopening (or a retraction) may follow.
 */
@Revision("1")
public record JourneyClosed(UUID journeyId, LocalDate occurredOn, ClosureReason reason) implements MilestoneEvent {}
