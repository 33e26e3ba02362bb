package se.integrationjourney.projections.caseload;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import se.integrationjourney.core.events.SfiLevel;
import se.integrationjourney.projections.casefile.CaseFile;

/**
 * When each due action of one journey is due, by the thresholds the view is built with: a window per action that
 * applies, from its since-date on, and for the two "ending" actions until their end date. Whether an action is due
 * on a given day is then a comparison with that day, so the view can store the windows and its query can find the
 * due journeys through indexes instead of evaluating every open journey.
 *
 * <p>The windows depend only on the case file and the thresholds, never on today: they stay right as days pass,
 * and change when an event changes the journey (or the thresholds change, which rebuilds the view).
 */
final class DueSchedule {

    /** A due action's window; {@code until} is null for the actions that stay due until they are done. */
    record Window(LocalDate since, LocalDate until) {

        boolean covers(LocalDate day) {
            return !since.isAfter(day) && (until == null || !day.isAfter(until));
        }
    }

    /** The follow-up that settles the two-years-after outcome: 24 months after the establishment end. */
    static final int MEASUREMENT_FOLLOW_UP_MONTHS = 24;

    private final Map<DueActionCode, Window> windows;

    private DueSchedule(Map<DueActionCode, Window> windows) {
        this.windows = windows;
    }

    /** The windows of the actions that apply to the journey as its case file stands (docs/projections.md). */
    static DueSchedule of(CaseFile file, CaseloadThresholds thresholds) {
        Map<DueActionCode, Window> windows = new EnumMap<>(DueActionCode.class);
        LocalDate arrival = file.arrivalDate();
        if (file.caseworkerId() == null) {
            windows.put(DueActionCode.NO_CASEWORKER, new Window(arrival, null));
        }
        if (file.firstIntroductoryMeeting() == null) {
            windows.put(
                    DueActionCode.NO_INTRODUCTORY_MEETING,
                    new Window(arrival.plusDays(thresholds.introductoryMeetingDays()), null));
        }
        if (file.firstActionPlan() == null) {
            windows.put(DueActionCode.NO_ACTION_PLAN, new Window(arrival.plusDays(thresholds.actionPlanDays()), null));
        }
        if (file.firstHousingSecured() == null) {
            windows.put(DueActionCode.NO_HOUSING, new Window(arrival.plusDays(thresholds.housingDays()), null));
        }
        LocalDate firstSfiEnrolment = file.firstSfiEnrolment();
        if (firstSfiEnrolment == null) {
            windows.put(
                    DueActionCode.NOT_ENROLLED_IN_SFI,
                    new Window(arrival.plusDays(thresholds.sfiEnrolmentDays()), null));
        }
        LocalDate establishmentEnd = file.establishmentEnd();
        if (establishmentEnd != null && !file.inWorkOrStudies()) {
            windows.put(
                    DueActionCode.ESTABLISHMENT_ENDING_NOT_IN_WORK_OR_STUDIES,
                    new Window(establishmentEnd.minusDays(thresholds.establishmentEndingDays()), establishmentEnd));
        }
        if (firstSfiEnrolment != null && file.firstSfiLevelAtLeast(SfiLevel.D) == null) {
            LocalDate rightEnd = firstSfiEnrolment.plusYears(thresholds.sfiRightYears());
            if (!rightEnd.isBefore(CaseloadThresholds.SFI_RIGHT_IN_FORCE_FROM)) {
                windows.put(
                        DueActionCode.SFI_RIGHT_ENDING_WITHOUT_LEVEL_D,
                        new Window(rightEnd.minusDays(thresholds.sfiRightEndingDays()), rightEnd));
            }
        }
        LocalDate measurementPoint = file.measurementPoint();
        if (measurementPoint != null && !file.followUpRecorded(MEASUREMENT_FOLLOW_UP_MONTHS)) {
            windows.put(DueActionCode.FOLLOW_UP_DUE, new Window(measurementPoint, null));
        }
        return new DueSchedule(windows);
    }

    /** A schedule read back from the view's columns. */
    static DueSchedule of(Map<DueActionCode, Window> windows) {
        return new DueSchedule(windows.isEmpty() ? Map.of() : new EnumMap<>(windows));
    }

    /** The window of an action, or null when the action does not apply to the journey. */
    Window window(DueActionCode code) {
        return windows.get(code);
    }

    /** The values of {@link CaseloadProjection#WINDOW_COLUMNS}, in their order (null where an action does not apply). */
    List<LocalDate> windowColumnValues() {
        List<LocalDate> values = new ArrayList<>();
        for (DueActionCode code : DueActionCode.values()) {
            Window window = windows.get(code);
            values.add(window == null ? null : window.since());
            if (code.lapses()) {
                values.add(window == null ? null : window.until());
            }
        }
        return values;
    }

    /**
     * The earliest since-date of the actions without an end: from that day on the journey is due for good (until
     * an event changes it), so the view orders and counts due journeys by it. Null when there is none.
     */
    LocalDate dueForGoodSince() {
        return windows.entrySet().stream()
                .filter(entry -> !entry.getKey().lapses())
                .map(entry -> entry.getValue().since())
                .min(Comparator.naturalOrder())
                .orElse(null);
    }

    /** The actions due on that day, most overdue first; on the same day in the codes' order. */
    List<DueAction> dueOn(LocalDate day) {
        List<DueAction> due = new ArrayList<>();
        windows.forEach((code, window) -> {
            if (window.covers(day)) {
                due.add(new DueAction(code.name(), window.since()));
            }
        });
        // EnumMap iterates in the codes' order and the sort is stable.
        due.sort(Comparator.comparing(DueAction::since));
        return Collections.unmodifiableList(due);
    }
}
