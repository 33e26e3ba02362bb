package se.integrationjourney.core.events;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * Studies started.
 *
 * @param studyId the caller's id, pairing the start with its end
 */
@Revision("1")
public record StudiesStarted(UUID journeyId, LocalDate occurredOn, String studyId, StudyLevel level)
        implements MilestoneEvent {}
