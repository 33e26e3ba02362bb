package se.integrationjourney.projections.casefile;

import java.util.Collection;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * For the benchmarks' hand-written baseline, which fills copies of the views' tables itself: a case-file view's own
 * upserts into a table of the caller's choosing. In the views' package, beside the benchmarks, because the service
 * itself never needs it.
 */
public final class CaseFileTables {

    private CaseFileTables() {}

    /** Upserts the case files into {@code physicalTable}, which has {@code view}'s columns, in the caller's transaction. */
    public static void write(
            CaseFileProjection view, JdbcTemplate jdbc, String physicalTable, Collection<CaseFile> files) {
        new CaseFileTable(jdbc, physicalTable, view).store(files);
    }
}
