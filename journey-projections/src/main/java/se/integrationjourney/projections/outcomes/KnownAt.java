package se.integrationjourney.projections.outcomes;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The moment an outcome question is answered as known at (docs/projections.md, "As known at a moment"): only events
 * stored at or before {@link #used} count. An event stamped just before a moment may still be committing at that
 * moment (group commit, several nodes), so a moment later than now less the settle margin is moved back to it: the
 * answer is then the same whenever it is asked again.
 *
 * @param requested what the caller asked for; {@code null} when it asked for nothing (now)
 * @param used      the moment the answer uses
 * @param movedBack whether {@code used} is earlier than what was asked (or than now, when nothing was)
 */
public record KnownAt(Instant requested, Instant used, boolean movedBack) {

    public KnownAt {
        Objects.requireNonNull(used, "used");
    }

    /** The moment to use for {@code requested} ({@code null} = now), given the time now and the settle margin. */
    public static KnownAt resolve(Instant requested, Instant now, Duration settleMargin) {
        Instant asked = requested == null ? now : requested;
        Instant latestSettled = now.minus(settleMargin);
        return asked.isAfter(latestSettled)
                ? new KnownAt(requested, latestSettled, true)
                : new KnownAt(requested, asked, false);
    }

    /** Whether an event stored at {@code recordedAt} is known at this moment. */
    public boolean knows(Instant recordedAt) {
        return !recordedAt.isAfter(used);
    }
}
