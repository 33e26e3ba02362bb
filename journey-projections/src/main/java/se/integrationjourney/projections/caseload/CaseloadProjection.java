package se.integrationjourney.projections.caseload;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.integrationjourney.core.events.PersonalDetails;
import se.integrationjourney.projections.casefile.CaseFile;
import se.integrationjourney.projections.casefile.CaseFileProjection;
import se.integrationjourney.projections.runtime.ViewTables;

/**
 * The caseload view: per open or closed journey, what a caseworker's list shows (name, arrival, the dates the
 * stage is derived from) and, per due action, the window in which it is due ({@link DueSchedule}), computed with
 * the thresholds when the journey's events are handled. Read by {@link CaseloadQueries}, which compares the windows
 * with today through the view's indexes. The thresholds the rows were computed with are recorded in
 * {@value #SETTINGS_TABLE}; when the application's differ, the runner rebuilds the view at start-up.
 */
@Component
public class CaseloadProjection extends CaseFileProjection {

    /** Token key of the view: never rename (docs/projections.md). */
    public static final String NAME = "caseload";

    static final String TABLE = "caseload";
    static final String SETTINGS_TABLE = "caseload_settings";

    /** The window columns, in {@link DueActionCode}'s order; the lapsing actions have an until-column as well. */
    static final List<String> WINDOW_COLUMNS = Arrays.stream(DueActionCode.values())
            .flatMap(code ->
                    code.lapses() ? Stream.of(code.sinceColumn(), code.untilColumn()) : Stream.of(code.sinceColumn()))
            .toList();

    private static final List<String> COLUMNS = Stream.concat(
                    Stream.of(
                            "journey_id",
                            "municipality_code",
                            "caseworker_id",
                            "full_name",
                            "arrival_date",
                            "closed",
                            "establishment_start",
                            "establishment_end",
                            "measurement_point"),
                    Stream.concat(WINDOW_COLUMNS.stream(), Stream.of("due_for_good_since")))
            .toList();

    private final JdbcTemplate jdbc;
    private final CaseloadThresholds thresholds;

    public CaseloadProjection(JdbcTemplate jdbc, CaseloadThresholds thresholds) {
        super(NAME, TABLE, jdbc, SETTINGS_TABLE);
        this.jdbc = jdbc;
        this.thresholds = thresholds;
    }

    @Override
    protected List<String> columns() {
        return COLUMNS;
    }

    /** The view's rows were computed with other thresholds than the application's (or none: a new view). */
    @Override
    public boolean builtWithOtherSettings() {
        List<String> recorded = jdbc.queryForList("select thresholds from " + SETTINGS_TABLE, String.class);
        return !recorded.equals(List.of(thresholds.describe()));
    }

    @Override
    public void recordSettings(ViewTables tables) {
        String settings = tables.of(SETTINGS_TABLE);
        jdbc.update(
                "with forgotten as (delete from " + settings + ") insert into " + settings + " values (?)",
                thresholds.describe());
    }

    @Override
    public void forgetSettings() {
        jdbc.update("delete from " + SETTINGS_TABLE);
    }

    /** As every case-file view, and the live table's writes name their journeys for the nodes' copies in memory. */
    @Override
    protected void store(JdbcTemplate jdbc, String table, Collection<CaseFile> changed) {
        super.store(jdbc, table, changed);
        if (table.equals(TABLE)) {
            CaseloadMemory.announce(
                    jdbc,
                    changed.stream()
                            .filter(CaseFile::registered)
                            .map(CaseFile::journeyId)
                            .toList());
        }
    }

    @Override
    protected Object[] values(CaseFile file) {
        PersonalDetails personalDetails = file.personalDetails();
        DueSchedule schedule = DueSchedule.of(file, thresholds);
        List<Object> row = new ArrayList<>(COLUMNS.size());
        row.addAll(Arrays.asList(
                file.journeyId(),
                file.municipalityCode(),
                file.caseworkerId(),
                personalDetails == null ? null : personalDetails.fullName(),
                file.arrivalDate(),
                file.closed(),
                file.establishmentStart(),
                file.establishmentEnd(),
                file.measurementPoint()));
        row.addAll(schedule.windowColumnValues());
        row.add(schedule.dueForGoodSince());
        return row.toArray();
    }
}
