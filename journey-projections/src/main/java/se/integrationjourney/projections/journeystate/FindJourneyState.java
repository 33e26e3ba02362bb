package se.integrationjourney.projections.journeystate;

import java.util.UUID;

/** Query: the current state of one journey, or nothing if no such journey is registered. */
public record FindJourneyState(UUID journeyId) {}
