package se.integrationjourney.projections.casefile;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Something that starts and may end: an internship, employment, studies, a business, financial assistance or
 * the establishment plan. {@code kind} holds the type of each (internship kind, employment type, study level,
 * end reason of the plan) by its enum name.
 *
 * @param id the caller's id pairing start and end (internships, employments, studies); null otherwise
 */
public record Episode(
        String id,
        String startEventId,
        long startSequence,
        LocalDate start,
        String kind,
        String sector,
        BigDecimal hoursPerWeek,
        String endEventId,
        LocalDate end,
        String outcome) {

    static Episode started(
            String id,
            String startEventId,
            long startSequence,
            LocalDate start,
            String kind,
            String sector,
            BigDecimal hoursPerWeek) {
        return new Episode(id, startEventId, startSequence, start, kind, sector, hoursPerWeek, null, null, null);
    }

    public boolean open() {
        return end == null;
    }

    /** Active at {@code date}: started on or before it and not ended on or before it (docs/domain.md). */
    public boolean activeAt(LocalDate date) {
        return !start.isAfter(date) && (end == null || end.isAfter(date));
    }

    Episode endedBy(String eventId, LocalDate date, String outcome) {
        return new Episode(id, startEventId, startSequence, start, kind, sector, hoursPerWeek, eventId, date, outcome);
    }

    Episode reopened() {
        return new Episode(id, startEventId, startSequence, start, kind, sector, hoursPerWeek, null, null, null);
    }
}
