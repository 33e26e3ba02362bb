package se.integrationjourney.core.events;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * A caseworker became responsible for the journey; a later one replaces the earlier (reassignment).
 */
@Revision("1")
public record CaseworkerAssigned(UUID journeyId, LocalDate occurredOn, String caseworkerId) implements MilestoneEvent {}
