package se.integrationjourney.projections.timeline;

import java.util.UUID;

/** Query: every event of one journey, as recorded; nothing if the journey does not exist. */
public record FindTimeline(UUID journeyId) {}
