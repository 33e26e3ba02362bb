package se.integrationjourney.api.pages.admin;

import java.util.List;

/**
 * What the views page's live region says: whether rebuilds run, and how far the slowest is in steps of ten percent.
 * Screen readers hear it when it changes, so it changes seldom: {@link #announcement} names the state, and a poll
 * that finds the same one does not replace the region's text.
 *
 * @param rebuilding   how many views are rebuilding
 * @param leastPercent the slowest rebuild's progress, rounded down to ten
 */
public record ViewsSummary(int rebuilding, int leastPercent) {

    static ViewsSummary of(List<ViewRow> views) {
        List<ViewRow> replaying = views.stream().filter(ViewRow::replaying).toList();
        int least = replaying.stream().mapToInt(ViewRow::percent).min().orElse(100);
        return new ViewsSummary(replaying.size(), least / 10 * 10);
    }

    public boolean running() {
        return rebuilding > 0;
    }

    /** The state the region announces, e.g. {@code running-2-40} or {@code idle}. */
    public String announcement() {
        return running() ? "running-" + rebuilding + "-" + leastPercent : "idle";
    }
}
