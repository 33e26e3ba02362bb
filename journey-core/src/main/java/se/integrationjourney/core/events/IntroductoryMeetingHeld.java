package se.integrationjourney.core.events;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * The person had their own introductory meeting with a caseworker (Töreboda's model).
 */
@Revision("1")
public record IntroductoryMeetingHeld(UUID journeyId, LocalDate occurredOn) implements MilestoneEvent {}
