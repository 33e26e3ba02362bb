package se.integrationjourney.api.pages.admin;

import java.util.List;

/**
 * What the views page's live region says: whether rebuilds run (and how far the slowest is, in steps of ten
 * percent), or views catch up with the newest events, or all have caught up. Screen readers hear it when it changes,
 * so it changes seldom: {@link #announcement} names the state, and a poll that finds the same one does not replace
 * the region's text.
 *
 * @param rebuilding   how many views are rebuilding
 * @param leastPercent the slowest rebuild's progress, rounded down to ten
 * @param catchingUp   how many views, not rebuilding, have not yet handled the newest event: among them a view just
 *                     rebuilt, until its new processor has taken over the rebuild's position
 */
public record ViewsSummary(int rebuilding, int leastPercent, int catchingUp) {

    static ViewsSummary of(List<ViewRow> views) {
        List<ViewRow> replaying = views.stream().filter(ViewRow::replaying).toList();
        int least = replaying.stream().mapToInt(ViewRow::percent).min().orElse(100);
        int behind = (int) views.stream()
                .filter(view -> !view.replaying() && !view.caughtUp())
                .count();
        return new ViewsSummary(replaying.size(), least / 10 * 10, behind);
    }

    public boolean running() {
        return rebuilding > 0;
    }

    /**
     * Whether the page should keep asking for the views' state: while a rebuild runs, and until every view has
     * caught up, so that the page ends showing each view at 100 %.
     */
    public boolean changing() {
        return rebuilding > 0 || catchingUp > 0;
    }

    /** The state the region announces, e.g. {@code running-2-40}, {@code catching-up-1} or {@code idle}. */
    public String announcement() {
        return running()
                ? "running-" + rebuilding + "-" + leastPercent
                : catchingUp > 0 ? "catching-up-" + catchingUp : "idle";
    }
}
