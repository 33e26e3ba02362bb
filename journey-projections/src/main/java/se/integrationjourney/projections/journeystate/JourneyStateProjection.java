package se.integrationjourney.projections.journeystate;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.integrationjourney.projections.casefile.CaseFile;
import se.integrationjourney.projections.casefile.CaseFileJson;
import se.integrationjourney.projections.casefile.CaseFileProjection;

import java.util.Collection;

/** The journey-state view: one case file per journey, read whole by {@link JourneyStateQueries}. */
@Component
public class JourneyStateProjection extends CaseFileProjection {

    /** Token key of the view: never rename (docs/projections.md). */
    public static final String NAME = "journey-state";
    static final String TABLE = "journey_state";

    public JourneyStateProjection(JdbcTemplate jdbc) {
        super(NAME, TABLE, jdbc);
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
