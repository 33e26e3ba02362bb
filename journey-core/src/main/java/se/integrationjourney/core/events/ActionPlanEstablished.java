package se.integrationjourney.core.events;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * The municipality's individual action plan was established.
 *
 * @param summary free text without personal data
 */
@Revision("1")
public record ActionPlanEstablished(UUID journeyId, LocalDate occurredOn, Set<ActionPlanGoal> goals, String summary)
        implements MilestoneEvent {}
