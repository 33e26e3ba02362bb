package se.integrationjourney.api.pages.admin;

import java.util.List;
import se.integrationjourney.projections.runtime.ProjectionStatus;

/**
 * One view as its row on the administrator pages shows it: the runtime's status with what a person reads off it
 * worked out (whole percent, events per second, time left).
 *
 * @param percent       0–100, rounded down, so 100 means there and not nearly there
 * @param secondsLeft   while rebuilding at a known speed: remaining events (the head less how far the rebuild is)
 *                      over events per second, rounded up; else null
 * @param segments      each segment of the view and the node that holds it
 */
public record ViewRow(
        String name,
        String condition,
        long position,
        long headPosition,
        boolean replaying,
        boolean caughtUp,
        int percent,
        long eventsPerSecond,
        Long secondsLeft,
        long deadLetters,
        String lastError,
        String lastRebuildFailure,
        List<Segment> segments) {

    /** A segment of the view: its id and the node holding it, null while none does. */
    public record Segment(int segment, String owner) {}

    static ViewRow of(ProjectionStatus status) {
        double progress = Math.max(0, Math.min(1, status.progress()));
        int percent = (int) Math.floor(progress * 100);
        Long secondsLeft = null;
        if (status.replaying() && status.eventsPerSecond() > 0) {
            double remaining = (1 - progress) * status.headPosition();
            secondsLeft = (long) Math.ceil(remaining / status.eventsPerSecond());
        }
        return new ViewRow(
                status.name(),
                status.condition(),
                status.position(),
                status.headPosition(),
                status.replaying(),
                status.caughtUp(),
                percent,
                Math.round(status.eventsPerSecond()),
                secondsLeft,
                status.deadLetters(),
                status.lastError(),
                status.lastRebuildFailure(),
                status.segments().stream()
                        .map(segment -> new Segment(segment.segment(), segment.owner()))
                        .toList());
    }

    /** Minutes and seconds of {@link #secondsLeft}, for "2 min 5 s". */
    public long minutesLeft() {
        return secondsLeft == null ? 0 : secondsLeft / 60;
    }

    public long secondsPastMinute() {
        return secondsLeft == null ? 0 : secondsLeft % 60;
    }
}
