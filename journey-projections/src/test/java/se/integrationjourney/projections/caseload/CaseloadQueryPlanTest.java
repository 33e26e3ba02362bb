package se.integrationjourney.projections.caseload;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import se.integrationjourney.projections.testsupport.ViewDatabase;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The caseload statement reads only the open rows of the municipality (or caseworker) asked for, through the
 * view's partial indexes: its cost follows the caseload, not the view and not the event store.
 */
class CaseloadQueryPlanTest {

    @RegisterExtension
    static final ViewDatabase database = new ViewDatabase();

    private static final int JOURNEYS = 20_000;
    private static final int MUNICIPALITIES = 290;
    private static final LocalDate TODAY = LocalDate.of(2025, 6, 1);

    @BeforeAll
    static void fillTheViewStraightIn() {
        // 290 municipalities (as many as Sweden has), 20,000 journeys, about one in ten closed; rows go straight
        // into the table, as the plan depends on the rows and not on how they came.
        database.jdbc().update("""
                insert into caseload (journey_id, municipality_code, caseworker_id, full_name, arrival_date, closed,
                    first_introductory_meeting, first_action_plan, first_housing_secured, first_sfi_enrolment,
                    sfi_level_d_reached, establishment_start, establishment_end, measurement_point,
                    in_work_or_studies, follow_up_recorded, case_file)
                select gen_random_uuid(), lpad((i % ?)::text, 4, '0'),
                       case when i % 7 = 0 then null else 'cw-' || (i % 1000) end, 'Name ' || i,
                       date '2020-01-01' + (i % 1800), i % 10 = 0,
                       case when i % 3 = 0 then date '2020-02-01' + (i % 1800) end,
                       case when i % 4 = 0 then date '2020-03-01' + (i % 1800) end,
                       case when i % 5 = 0 then date '2020-04-01' + (i % 1800) end,
                       case when i % 2 = 0 then date '2020-02-01' + (i % 1800) end,
                       null,
                       case when i % 2 = 0 then date '2020-03-01' + (i % 1800) end,
                       case when i % 2 = 0 then date '2022-03-01' + (i % 1800) end,
                       case when i % 2 = 0 then date '2024-03-01' + (i % 1800) end,
                       i % 6 = 0, false, '{}'::jsonb
                from generate_series(1, ?) as i
                """, MUNICIPALITIES, JOURNEYS);
        database.jdbc().execute("analyze caseload");
    }

    @Test
    void givenAMunicipality_whenTheCaseloadIsPlanned_thenOnlyItsOpenRowsAreReadThroughThePartialIndex() {
        String plan = explain(new GetCaseload(null, "0042", true));

        assertThat(plan).contains("caseload_open_by_municipality_idx").doesNotContain("Seq Scan");
    }

    @Test
    void givenAMunicipalityAndACaseworker_whenPlanned_thenThePartialIndexServesBoth() {
        String plan = explain(new GetCaseload("cw-42", "0042", false));

        assertThat(plan).contains("caseload_open_by_municipality_idx").doesNotContain("Seq Scan");
    }

    @Test
    void givenACaseworkerAcrossMunicipalities_whenPlanned_thenTheCaseworkerIndexIsUsed() {
        String plan = explain(new GetCaseload("cw-42", null, false));

        assertThat(plan).contains("caseload_open_by_caseworker_idx").doesNotContain("Seq Scan");
    }

    /** The plan of the very statement the query handler runs, with the same parameters bound. */
    private static String explain(GetCaseload query) {
        List<String> lines = new NamedParameterJdbcTemplate(database.jdbc()).queryForList(
                "explain " + CaseloadQueries.sql(query),
                CaseloadQueries.parameters(query, TODAY, CaseloadThresholds.DEFAULTS), String.class);
        return String.join("\n", lines);
    }
}
