package se.integrationjourney.projections.journeystate;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.integrationjourney.projections.casefile.CaseFile;
import se.integrationjourney.projections.casefile.CaseFileProjection;

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
    protected List<String> columns() {
        return List.of("journey_id", "municipality_code", "version");
    }

    @Override
    protected Object[] values(CaseFile file) {
        return new Object[] {file.journeyId(), file.municipalityCode(), file.version()};
    }
}
