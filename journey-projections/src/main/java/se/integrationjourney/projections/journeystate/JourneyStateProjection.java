package se.integrationjourney.projections.journeystate;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.integrationjourney.projections.casefile.CaseFile;
import se.integrationjourney.projections.casefile.CaseFileJson;
import se.integrationjourney.projections.casefile.CaseFileViewHandlers;
import se.integrationjourney.projections.runtime.Projection;
import se.integrationjourney.projections.runtime.ViewTables;

import java.util.Collection;
import java.util.List;

/** The journey-state view: one case file per journey, read whole by {@link JourneyStateQueries}. */
@Component
public class JourneyStateProjection implements Projection {

    /** Token key of the view: never rename (docs/projections.md). */
    public static final String NAME = "journey-state";
    static final String TABLE = "journey_state";

    private final JdbcTemplate jdbc;

    public JourneyStateProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> tables() {
        return List.of(TABLE);
    }

    @Override
    public Object eventHandlers(ViewTables tables) {
        return new Handlers(jdbc, tables.of(TABLE));
    }

    static final class Handlers extends CaseFileViewHandlers {

        Handlers(JdbcTemplate jdbc, String table) {
            super(jdbc, table);
        }

        @Override
        protected void store(JdbcTemplate jdbc, String table, Collection<CaseFile> changed) {
            jdbc.batchUpdate("insert into " + table + " (journey_id, municipality_code, version, case_file)"
                            + " values (?, ?, ?, ?::jsonb) on conflict (journey_id) do update set"
                            + " municipality_code = excluded.municipality_code, version = excluded.version,"
                            + " case_file = excluded.case_file",
                    changed.stream().filter(CaseFile::registered).map(file -> new Object[] {
                            file.journeyId(), file.municipalityCode(), file.version(), CaseFileJson.write(file)})
                            .toList());
        }
    }
}
