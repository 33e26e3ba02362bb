package se.integrationjourney.api.journeys;

import se.integrationjourney.api.web.ApiException;
import se.integrationjourney.api.web.DecideAgain;
import se.integrationjourney.api.web.Problems;

/**
 * A write refused because the journey changed since the person (or client) last saw it: nothing was recorded. The
 * API answers 412 (a stale If-Match, judged against the journey as stored) or 409 (other requests recorded first each
 * time this one was decided, {@link DecideAgain#MAX_DECISIONS} times); a page says so and offers the journey as it is
 * now, keeping what was typed.
 */
public class JourneyChangedMeanwhile extends ApiException {

    private final long currentVersion;

    private JourneyChangedMeanwhile(Problems kind, String detail, long currentVersion) {
        super(kind, detail);
        this.currentVersion = currentVersion;
    }

    static JourneyChangedMeanwhile sinceVersion(long currentVersion) {
        return new JourneyChangedMeanwhile(
                Problems.VERSION_MISMATCH,
                "The journey has changed since the version given in If-Match (now at version " + currentVersion
                        + "); read it again",
                currentVersion);
    }

    static JourneyChangedMeanwhile atTheSameMoment() {
        return new JourneyChangedMeanwhile(
                Problems.CONFLICT,
                "The journey was changed by another request at the same moment, each of the "
                        + DecideAgain.MAX_DECISIONS
                        + " times this one was decided; nothing was recorded for it. Read the journey again and retry",
                -1);
    }

    /** The journey's version now, when known (a stale version); -1 otherwise. */
    public long currentVersion() {
        return currentVersion;
    }
}
