package se.integrationjourney.api.retention;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What retention would do at a moment: every journey whose last entry was recorded before {@code lastRecordedBefore},
 * each with its verdict, in journey id order. Holds no personal data.
 *
 * @param day the day in Swedish time it is for
 */
public record RetentionPlan(Instant asOf, LocalDate day, Instant lastRecordedBefore, List<Candidate> candidates) {

    /** What becomes of a journey whose last entry is older than the retention period. */
    public enum Verdict {
        /** Its personal data goes. */
        ERASE,
        /** Born on the 5th, 15th or 25th ({@link ResearchBirthDays}): kept for research. */
        KEEP_FOR_RESEARCH,
        /** It holds no name and no identity number (never had them, or they were erased): nothing to do. */
        NOTHING_TO_ERASE,
        /**
         * The journey-state view does not show it (its registration is among a view's dead letters), so its birth day
         * cannot be read: left until it can.
         */
        NOT_IN_VIEW
    }

    /**
     * @param municipalityCode null when the view does not show the journey
     * @param lastRecordedAt   when its newest event was stored
     */
    public record Candidate(UUID journeyId, String municipalityCode, Instant lastRecordedAt, Verdict verdict) {}

    public RetentionPlan {
        candidates = List.copyOf(candidates);
    }

    /** The journeys whose personal data goes, in journey id order. */
    public List<Candidate> toErase() {
        return candidates.stream().filter(c -> c.verdict() == Verdict.ERASE).toList();
    }

    public int count(Verdict verdict) {
        return (int) candidates.stream().filter(c -> c.verdict() == verdict).count();
    }
}
