package se.integrationjourney.projections.casefile;

import java.time.LocalDate;

/**
 * One recorded milestone in a case file: the event that recorded it (to remove it when that event is
 * retracted), its place in the journey's record (recording order, distinct from the business date), the
 * business date and what it said.
 */
public record Fact<T>(String eventId, long sequence, LocalDate on, T value) {}
