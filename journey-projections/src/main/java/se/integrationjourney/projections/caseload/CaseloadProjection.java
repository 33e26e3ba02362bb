package se.integrationjourney.projections.caseload;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.integrationjourney.core.events.PersonalDetails;
import se.integrationjourney.core.events.SfiLevel;
import se.integrationjourney.projections.casefile.CaseFile;
import se.integrationjourney.projections.casefile.CaseFileJson;
import se.integrationjourney.projections.casefile.CaseFileProjection;

import java.util.Collection;

/**
 * The caseload view: per journey, the raw dates the due actions are computed from, read by
 * {@link CaseloadQueries}. Due flags are not stored, because thresholds are configuration and "today" moves;
 * a stored flag would be stale the next morning.
 */
@Component
public class CaseloadProjection extends CaseFileProjection {

    /** Token key of the view: never rename (docs/projections.md). */
    public static final String NAME = "caseload";
    static final String TABLE = "caseload";

    private static final String UPSERT = "insert into %s (journey_id, municipality_code, caseworker_id,"
            + " full_name, arrival_date, closed, first_introductory_meeting, first_action_plan,"
            + " first_housing_secured, first_sfi_enrolment, sfi_level_d_reached, establishment_start,"
            + " establishment_end, measurement_point, in_work_or_studies, follow_up_recorded, case_file)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)"
            + " on conflict (journey_id) do update set municipality_code = excluded.municipality_code,"
            + " caseworker_id = excluded.caseworker_id, full_name = excluded.full_name,"
            + " arrival_date = excluded.arrival_date, closed = excluded.closed,"
            + " first_introductory_meeting = excluded.first_introductory_meeting,"
            + " first_action_plan = excluded.first_action_plan,"
            + " first_housing_secured = excluded.first_housing_secured,"
            + " first_sfi_enrolment = excluded.first_sfi_enrolment,"
            + " sfi_level_d_reached = excluded.sfi_level_d_reached,"
            + " establishment_start = excluded.establishment_start,"
            + " establishment_end = excluded.establishment_end, measurement_point = excluded.measurement_point,"
            + " in_work_or_studies = excluded.in_work_or_studies,"
            + " follow_up_recorded = excluded.follow_up_recorded, case_file = excluded.case_file";

    /** The follow-up that settles the two-years-after outcome: 24 months after the establishment end. */
    static final int MEASUREMENT_FOLLOW_UP_MONTHS = 24;

    public CaseloadProjection(JdbcTemplate jdbc) {
        super(NAME, TABLE, jdbc);
    }

    @Override
    protected void store(JdbcTemplate jdbc, String table, Collection<CaseFile> changed) {
        jdbc.batchUpdate(UPSERT.formatted(table),
                changed.stream().filter(CaseFile::registered).map(CaseloadProjection::row).toList());
    }

    private static Object[] row(CaseFile file) {
        PersonalDetails personalDetails = file.personalDetails();
        return new Object[] {
                file.journeyId(), file.municipalityCode(), file.caseworkerId(),
                personalDetails == null ? null : personalDetails.fullName(),
                file.arrivalDate(), file.closed(),
                file.firstIntroductoryMeeting(), file.firstActionPlan(),
                file.firstHousingSecured(), file.firstSfiEnrolment(),
                file.firstSfiLevelAtLeast(SfiLevel.D), file.establishmentStart(),
                file.establishmentEnd(), file.measurementPoint(),
                file.inWorkOrStudies(), file.followUpRecorded(MEASUREMENT_FOLLOW_UP_MONTHS),
                CaseFileJson.write(file)};
    }
}
