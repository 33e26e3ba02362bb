package se.integrationjourney.projections.runtime;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What one view processor's segments are doing, kept by the runtime itself: Axon's own status forgets a segment
 * whose batch failed (its work is abandoned and claimed again later), which made a stuck view look caught up.
 * Each segment's last committed position, its current failure and since when, whether its next batch goes event
 * by event, and since when events have waited for it without its position moving. A segment this node has not
 * worked on for {@link #FORGET_AFTER} is forgotten: with several nodes, another one has it.
 */
final class SegmentWatch {

    /** Axon waits at most a minute before it tries a failing segment again; twice that, and it is elsewhere. */
    static final Duration FORGET_AFTER = Duration.ofMinutes(2);

    private final Duration stallAfter;
    private final Clock clock;
    private final Map<Integer, State> states = new ConcurrentHashMap<>();

    SegmentWatch(Duration stallAfter, Clock clock) {
        this.stallAfter = stallAfter;
        this.clock = clock;
    }

    /** A batch of the segment committed: it handled everything up to {@code position}; any failure is over. */
    void committed(int segment, long position) {
        State state = state(segment);
        synchronized (state) {
            state.claimedAt = clock.instant();
            state.position = Math.max(state.position, position);
            state.error = null;
            state.failingSince = null;
            state.atEvent = null;
            state.eventByEvent = false;
        }
    }

    /** A batch of the segment began with {@code firstEvent}: the event a stall is named by, until it commits. */
    void started(int segment, String firstEvent) {
        State state = state(segment);
        synchronized (state) {
            state.claimedAt = clock.instant();
            state.atEvent = firstEvent;
        }
    }

    /** A batch of the segment failed; its next batch is handled event by event. */
    void failed(int segment, String error, String atEvent) {
        State state = state(segment);
        synchronized (state) {
            state.claimedAt = clock.instant();
            if (state.failingSince == null) {
                state.failingSince = clock.instant();
            }
            state.error = error;
            state.atEvent = atEvent;
            state.eventByEvent = true;
        }
    }

    boolean eventByEvent(int segment) {
        State state = states.get(segment);
        if (state == null) {
            return false;
        }
        synchronized (state) {
            return state.eventByEvent;
        }
    }

    /**
     * Looks at the segments now: {@code claimed} are the positions of the segments this node works on (Axon's
     * status), {@code head} the newest event in the store. A segment whose position has not moved since the last
     * look while events wait for it keeps its waiting time; one that moved or reached the head starts afresh.
     */
    List<SegmentStatus> observe(Map<Integer, Long> claimed, long head) {
        Instant now = clock.instant();
        claimed.keySet().forEach(segment -> claimedNow(segment, now));
        forgetSegmentsClaimedElsewhere(now);
        List<SegmentStatus> statuses = new ArrayList<>();
        for (int segment : new TreeSet<>(states.keySet())) {
            State state = states.get(segment);
            synchronized (state) {
                Long current = claimed.get(segment);
                if (current != null) {
                    state.position = Math.max(state.position, current);
                }
                if (state.position >= head) {
                    state.waitingSince = null;
                } else if (state.position != state.lastSeen || state.waitingSince == null) {
                    state.waitingSince = now;
                }
                state.lastSeen = state.position;
                boolean stalled = state.waitingSince != null
                        && Duration.between(state.waitingSince, now).compareTo(stallAfter) >= 0;
                statuses.add(new SegmentStatus(
                        segment,
                        Math.max(0, state.position),
                        state.error,
                        state.failingSince,
                        state.eventByEvent,
                        state.waitingSince,
                        stalled,
                        state.atEvent));
            }
        }
        return statuses;
    }

    /**
     * Drops what is known of segments this node has not worked on for longer than Axon's longest wait between
     * tries of a failing segment: another node works on them, and reports them itself.
     */
    private void forgetSegmentsClaimedElsewhere(Instant now) {
        states.values().removeIf(state -> {
            synchronized (state) {
                return state.claimedAt != null
                        && Duration.between(state.claimedAt, now).compareTo(FORGET_AFTER) > 0;
            }
        });
    }

    /** The lowest position over the segments known, or empty if none is. */
    OptionalLong lowestPosition(Map<Integer, Long> claimed) {
        Instant now = clock.instant();
        claimed.keySet().forEach(segment -> claimedNow(segment, now));
        return states.entrySet().stream()
                .mapToLong(entry -> {
                    Long current = claimed.get(entry.getKey());
                    long known = entry.getValue().position;
                    return current == null ? Math.max(0, known) : Math.max(current, known);
                })
                .min();
    }

    /** Each segment's position as of its last committed batch. */
    Map<Integer, Long> committedPositions() {
        Map<Integer, Long> positions = new java.util.HashMap<>();
        states.forEach((segment, state) -> positions.put(segment, Math.max(0, state.position)));
        return positions;
    }

    /** The current failure of any segment, or null. */
    String currentError() {
        for (State state : states.values()) {
            synchronized (state) {
                if (state.error != null) {
                    return state.error;
                }
            }
        }
        return null;
    }

    private void claimedNow(int segment, Instant now) {
        State state = state(segment);
        synchronized (state) {
            state.claimedAt = now;
        }
    }

    private State state(int segment) {
        return states.computeIfAbsent(segment, id -> new State());
    }

    private static final class State {
        private long position = -1;
        private long lastSeen = -1;
        private String error;
        private Instant failingSince;
        private String atEvent;
        private boolean eventByEvent;
        private Instant waitingSince;
        /** When this node last worked on the segment (a batch, or Axon's status naming it). */
        private Instant claimedAt;
    }
}
