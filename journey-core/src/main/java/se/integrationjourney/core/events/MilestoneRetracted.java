package se.integrationjourney.core.events;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * A mistaken event was retracted: every view treats it as if it had not happened. A correction, not a milestone, so
 * it has no business date.
 *
 * @param retractedEventId the id of the retracted event, in this journey
 * @param reason why it was wrong; free text without personal data
 */
@Revision("1")
public record MilestoneRetracted(UUID journeyId, String retractedEventId, String reason) implements JourneyEvent {}
