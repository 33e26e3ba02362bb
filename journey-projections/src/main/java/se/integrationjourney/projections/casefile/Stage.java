package se.integrationjourney.projections.casefile;

import java.time.LocalDate;

/**
 * Where a journey stands on a given day, from its dates: the caseload and the journey view show it.
 */
public enum Stage {
    /** Arrived; the establishment plan has not started. */
    RECEPTION,
    /** The establishment plan runs (24 months unless ended earlier). */
    ESTABLISHMENT,
    /** The establishment period is over; the two-years-after measurement point has not come. */
    AFTER_ESTABLISHMENT,
    /** The measurement point two years after the establishment period has come: follow-up time. */
    FOLLOW_UP,
    /** Closed: moved away, deceased, follow-up complete or other. */
    CLOSED;

    public static Stage of(
            boolean closed,
            LocalDate establishmentStart,
            LocalDate establishmentEnd,
            LocalDate measurementPoint,
            LocalDate today) {
        if (closed) {
            return CLOSED;
        }
        if (measurementPoint != null && !measurementPoint.isAfter(today)) {
            return FOLLOW_UP;
        }
        if (establishmentEnd != null && !establishmentEnd.isAfter(today)) {
            return AFTER_ESTABLISHMENT;
        }
        if (establishmentStart != null && !establishmentStart.isAfter(today)) {
            return ESTABLISHMENT;
        }
        return RECEPTION;
    }

    public static Stage of(CaseFile file, LocalDate today) {
        return of(file.closed(), file.establishmentStart(), file.establishmentEnd(), file.measurementPoint(), today);
    }
}
