package se.integrationjourney.core.events;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * The studies with this id ended.
 */
@Revision("1")
public record StudiesEnded(UUID journeyId, LocalDate occurredOn, String studyId) implements MilestoneEvent {}
