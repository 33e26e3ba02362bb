package se.integrationjourney.projections.caseload;

import java.util.List;

/**
 * One page of a caseload, most overdue first.
 *
 * @param total the number of journeys matching the query over all pages
 */
public record Caseload(List<CaseloadItem> items, int page, int size, long total) {

    public Caseload {
        items = List.copyOf(items);
    }
}
