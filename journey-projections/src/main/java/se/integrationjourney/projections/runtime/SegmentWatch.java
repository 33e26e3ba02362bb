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
 * Each segment's last committed position here, its current failure and since when, whether its next batch goes event
 * by event, and since when events have waited for it without its position moving.
 *
 * <p>With several nodes a segment moves between them. What this node knew of a segment that another node now holds
 * is past and forgotten ({@link #observe}); a segment released and claimed again starts from the position of the
 * token it claimed, not from the one this node had reached before (a rebuild swapped in meanwhile has set it back).
 */
final class SegmentWatch {

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
            state.advance(position);
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
            state.atEvent = firstEvent;
        }
    }

    /** A batch of the segment failed; its next batch is handled event by event. */
    void failed(int segment, String error, String atEvent) {
        State state = state(segment);
        synchronized (state) {
            if (state.failingSince == null) {
                state.failingSince = clock.instant();
            }
            state.error = error;
            state.atEvent = atEvent;
            state.eventByEvent = true;
        }
    }

    /**
     * This node let the segment go (stopping, a failure, another node's turn): the next position known of it is the
     * one of the token claimed next, whatever this node had reached.
     */
    void released(int segment) {
        State state = state(segment);
        synchronized (state) {
            state.released = true;
        }
    }

    /** This node works on the segment, which Axon says is at {@code position}. */
    void claimed(int segment, long position) {
        State state = state(segment);
        synchronized (state) {
            state.advance(position);
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

    /** The position this node has reached in the segment since it last claimed it; -1 if none. */
    long position(int segment) {
        State state = states.get(segment);
        if (state == null) {
            return -1;
        }
        synchronized (state) {
            return state.position;
        }
    }

    /**
     * Looks at every segment of the view now: {@code segments} are their positions and owners as known now (the
     * token store's, with this node's own progress), {@code head} the newest event in the store. A segment whose
     * position has not moved since the last look while events wait for it keeps its waiting time; one that moved or
     * reached the head starts afresh. Failures are this node's to report while it holds the segment, or while nobody
     * does (a failed segment is released until it is tried again).
     */
    List<SegmentStatus> observe(Map<Integer, Segment> segments, long head) {
        Instant now = clock.instant();
        List<SegmentStatus> statuses = new ArrayList<>();
        for (int id : new TreeSet<>(segments.keySet())) {
            Segment segment = segments.get(id);
            State state = state(id);
            synchronized (state) {
                if (segment.elsewhere()) {
                    state.forgetWork();
                }
                if (segment.position() >= head) {
                    state.waitingSince = null;
                } else if (segment.position() != state.lastSeen || state.waitingSince == null) {
                    state.waitingSince = now;
                }
                state.lastSeen = segment.position();
                boolean stalled = state.waitingSince != null
                        && Duration.between(state.waitingSince, now).compareTo(stallAfter) >= 0;
                statuses.add(new SegmentStatus(
                        id,
                        segment.owner(),
                        Math.max(0, segment.position()),
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

    /** The lowest position over the segments this node has worked on, or empty if none. */
    OptionalLong lowestPosition() {
        return states.values().stream()
                .mapToLong(state -> Math.max(0, state.position))
                .min();
    }

    /** Each segment's position as of its last committed batch here. */
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

    private State state(int segment) {
        return states.computeIfAbsent(segment, id -> new State());
    }

    /**
     * A segment as looked at: its position, the node that holds it (null when none does), and whether that is
     * another node.
     */
    record Segment(long position, String owner, boolean elsewhere) {}

    private static final class State {
        private long position = -1;
        private boolean released;
        private long lastSeen = -1;
        private String error;
        private Instant failingSince;
        private String atEvent;
        private boolean eventByEvent;
        private Instant waitingSince;

        /** Moves forward, or after a release starts from {@code reached}. */
        private void advance(long reached) {
            position = released ? reached : Math.max(position, reached);
            released = false;
        }

        /** Another node holds the segment: what this node knew of its work is past. */
        private void forgetWork() {
            position = -1;
            released = false;
            error = null;
            failingSince = null;
            atEvent = null;
            eventByEvent = false;
        }
    }
}
