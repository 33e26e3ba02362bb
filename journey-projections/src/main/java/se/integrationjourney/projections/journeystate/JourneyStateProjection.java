package se.integrationjourney.projections.journeystate;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.integrationjourney.core.events.PersonalDetails;
import se.integrationjourney.eventstore.personaldata.IdentityNumberLookup;
import se.integrationjourney.projections.casefile.CaseFile;
import se.integrationjourney.projections.casefile.CaseFileProjection;

/** The journey-state view: one case file per journey, read whole by {@link JourneyStateQueries}. */
@Component
public class JourneyStateProjection extends CaseFileProjection {

    /** Token key of the view: never rename (docs/projections.md). */
    public static final String NAME = "journey-state";

    static final String TABLE = "journey_state";

    private final IdentityNumberLookup lookup;

    public JourneyStateProjection(JdbcTemplate jdbc, IdentityNumberLookup lookup) {
        super(NAME, TABLE, jdbc);
        this.lookup = lookup;
    }

    @Override
    protected List<String> columns() {
        return List.of("journey_id", "municipality_code", "version", "identity_number_key");
    }

    /** The identity number is found by its keyed hash, never by the plain number (which goes with an erasure). */
    @Override
    protected Object[] values(CaseFile file) {
        PersonalDetails details = file.personalDetails();
        return new Object[] {
            file.journeyId(),
            file.municipalityCode(),
            file.version(),
            details == null ? null : lookup.hash(details.personalIdentityNumber())
        };
    }
}
