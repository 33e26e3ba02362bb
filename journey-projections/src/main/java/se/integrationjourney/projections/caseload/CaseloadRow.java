package se.integrationjourney.projections.caseload;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import se.integrationjourney.projections.casefile.Stage;

/**
 * One journey's row of the caseload view as read back: what its item shows and the windows in which its actions are
 * due ({@link DueSchedule}). Read from PostgreSQL by {@link CaseloadQueries} and kept by {@link CaseloadMemory}, so
 * that both answer from the same reading of a row.
 *
 * @param dueForGoodSince the stored {@code due_for_good_since}: the earliest since-date of the actions without an end
 */
record CaseloadRow(
        UUID journeyId,
        String municipalityCode,
        String fullName,
        LocalDate arrivalDate,
        String caseworkerId,
        boolean closed,
        LocalDate establishmentStart,
        LocalDate establishmentEnd,
        LocalDate measurementPoint,
        LocalDate dueForGoodSince,
        DueSchedule schedule) {

    /** The columns {@link #read} needs: never the case file, which is large and not needed. */
    static final String COLUMNS = "journey_id, municipality_code, full_name, arrival_date, caseworker_id, closed,"
            + " establishment_start, establishment_end, measurement_point, due_for_good_since, "
            + String.join(", ", CaseloadProjection.WINDOW_COLUMNS);

    static CaseloadRow read(ResultSet row) throws SQLException {
        Map<DueActionCode, DueSchedule.Window> windows = new EnumMap<>(DueActionCode.class);
        for (DueActionCode code : DueActionCode.values()) {
            LocalDate since = row.getObject(code.sinceColumn(), LocalDate.class);
            if (since != null) {
                windows.put(
                        code,
                        new DueSchedule.Window(
                                since, code.lapses() ? row.getObject(code.untilColumn(), LocalDate.class) : null));
            }
        }
        String caseworkerId = row.getString("caseworker_id");
        return new CaseloadRow(
                row.getObject("journey_id", UUID.class),
                // A few hundred municipalities and caseworkers among a region's rows: one string each in memory.
                row.getString("municipality_code").intern(),
                row.getString("full_name"),
                row.getObject("arrival_date", LocalDate.class),
                caseworkerId == null ? null : caseworkerId.intern(),
                row.getBoolean("closed"),
                row.getObject("establishment_start", LocalDate.class),
                row.getObject("establishment_end", LocalDate.class),
                row.getObject("measurement_point", LocalDate.class),
                row.getObject("due_for_good_since", LocalDate.class),
                DueSchedule.of(windows));
    }

    Stage stage(LocalDate today) {
        return Stage.of(closed, establishmentStart, establishmentEnd, measurementPoint, today);
    }

    /** The item as shown on that day: its stage and what is due (nothing on a closed journey, whatever its windows). */
    CaseloadItem item(LocalDate today) {
        List<DueAction> due = closed ? List.of() : schedule.dueOn(today);
        return new CaseloadItem(journeyId, fullName, arrivalDate, stage(today), caseworkerId, due);
    }

    /** Whether that action is due on that day: its window covers it ({@link CaseloadQueries#dueCondition}). */
    boolean due(DueActionCode code, LocalDate today) {
        DueSchedule.Window window = schedule.window(code);
        return window != null && (!code.lapses() || window.until() != null) && window.covers(today);
    }

    /** Kept out of log lines and failure messages: the name is personal data. */
    @Override
    public String toString() {
        return "CaseloadRow[journeyId=" + journeyId + ", municipalityCode=" + municipalityCode + ", closed=" + closed
                + ", fullName=redacted]";
    }
}
