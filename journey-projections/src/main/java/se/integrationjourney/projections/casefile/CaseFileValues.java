package se.integrationjourney.projections.casefile;

import java.util.Set;
import se.integrationjourney.core.events.ActionPlanGoal;
import se.integrationjourney.core.events.ClosureReason;
import se.integrationjourney.core.events.FollowUpSource;
import se.integrationjourney.core.events.OutcomeStatus;
import se.integrationjourney.core.events.SelfSufficiencyBasis;

/** The small values a case file's facts carry. */
public final class CaseFileValues {

    private CaseFileValues() {}

    public record ActionPlan(Set<ActionPlanGoal> goals, String summary, boolean revision) {}

    public record CivicOrientation(int hours, String language) {}

    /** Self-sufficiency reached (with its basis) or lost (basis null). */
    public record SelfSufficiencyChange(boolean reached, SelfSufficiencyBasis basis) {}

    public record FollowUp(int monthsAfterEstablishment, OutcomeStatus status, FollowUpSource source) {}

    /** Journey closed (with its reason) or reopened (reason null). */
    public record Lifecycle(boolean closed, ClosureReason reason) {}
}
