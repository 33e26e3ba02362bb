package se.integrationjourney.projections.caseload;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import se.integrationjourney.projections.casefile.Stage;

/**
 * One active journey in a caseload.
 *
 * @param fullName     the newcomer's name: personal data, for caseworkers only
 * @param caseworkerId null when no caseworker is assigned
 * @param dueActions   what needs doing, most overdue first; empty when nothing is due
 */
public record CaseloadItem(
        UUID journeyId,
        String fullName,
        LocalDate arrivalDate,
        Stage stage,
        String caseworkerId,
        List<DueAction> dueActions) {

    public CaseloadItem {
        dueActions = List.copyOf(dueActions);
    }

    /** Kept out of log lines and failure messages: the name is personal data. */
    @Override
    public String toString() {
        return "CaseloadItem[journeyId=" + journeyId + ", arrivalDate=" + arrivalDate + ", stage=" + stage
                + ", caseworkerId=" + caseworkerId + ", dueActions=" + dueActions + ", fullName=redacted]";
    }
}
