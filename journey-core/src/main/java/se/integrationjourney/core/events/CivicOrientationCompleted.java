package se.integrationjourney.core.events;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * The person completed civic orientation (samhällsorientering).
 *
 * @param hours hours attended, 1 to 1000
 * @param language language of instruction
 */
@Revision("1")
public record CivicOrientationCompleted(UUID journeyId, LocalDate occurredOn, int hours, String language)
        implements MilestoneEvent {}
