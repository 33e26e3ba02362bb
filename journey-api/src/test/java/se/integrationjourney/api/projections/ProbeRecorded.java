package se.integrationjourney.api.projections;

import java.time.LocalDate;

/** A stand-in event for storage tests, so they do not depend on the domain's events. */
public record ProbeRecorded(String text, LocalDate occurredOn) {}
