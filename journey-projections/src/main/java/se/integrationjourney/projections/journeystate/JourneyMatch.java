package se.integrationjourney.projections.journeystate;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A journey found by its person's identity number: enough to link to it, or to say that one exists elsewhere.
 * No name: who may see the journey itself is the caller's to decide.
 */
public record JourneyMatch(UUID journeyId, String municipalityCode, LocalDate arrivalDate, boolean closed) {}
