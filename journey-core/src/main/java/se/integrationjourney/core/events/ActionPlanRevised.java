package se.integrationjourney.core.events;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * The action plan was revised; the latest revision's goals and summary are the plan's current ones.
 *
 * @param summary free text without personal data
 */
@Revision("1")
public record ActionPlanRevised(UUID journeyId, LocalDate occurredOn, Set<ActionPlanGoal> goals, String summary)
        implements MilestoneEvent {}
