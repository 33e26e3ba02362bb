package se.integrationjourney.projections.caseload;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import se.integrationjourney.projections.casefile.Stage;
import se.integrationjourney.projections.testsupport.ViewDatabase;

/**
 * The caseload statements read a municipality's due journeys through the view's partial indexes, in index order:
 * a page costs a page's worth of index entries, not the municipality's caseload, the view or the event store.
 */
class CaseloadQueryPlanTest {

    @RegisterExtension
    static final ViewDatabase database = new ViewDatabase();

    private static final int JOURNEYS = 20_000;
    private static final int MUNICIPALITIES = 290;
    private static final LocalDate TODAY = LocalDate.of(2025, 6, 1);

    @BeforeAll
    static void fillTheViewStraightIn() {
        // 290 municipalities (as many as Sweden has), 20,000 journeys, about one in ten closed, most due in some way;
        // rows go straight into the table, as the plan depends on the rows and not on how they came.
        database.jdbc().update("""
                insert into caseload (journey_id, municipality_code, caseworker_id, full_name, arrival_date, closed,
                    establishment_start, establishment_end, measurement_point,
                    no_caseworker_since, no_housing_since, follow_up_due_since,
                    establishment_ending_not_in_work_or_studies_since, establishment_ending_not_in_work_or_studies_until,
                    sfi_right_ending_without_level_d_since, sfi_right_ending_without_level_d_until,
                    due_for_good_since, case_file)
                select gen_random_uuid(), lpad((i % ?)::text, 4, '0'),
                       case when i % 7 = 0 then null else 'cw-' || (i % 1000) end, 'Name ' || i,
                       date '2020-01-01' + (i % 1800), i % 10 = 0,
                       date '2020-03-01' + (i % 1800), date '2022-03-01' + (i % 1800), date '2024-03-01' + (i % 1800),
                       case when i % 7 = 0 then date '2020-01-01' + (i % 1800) end,
                       case when i % 5 = 0 then date '2020-04-01' + (i % 1800) end,
                       case when i % 3 = 0 then date '2024-03-01' + (i % 1800) end,
                       case when i % 2 = 0 then date '2021-12-01' + (i % 1800) end,
                       case when i % 2 = 0 then date '2022-03-01' + (i % 1800) end,
                       case when i % 4 = 0 then date '2022-12-01' + (i % 1800) end,
                       case when i % 4 = 0 then date '2023-03-01' + (i % 1800) end,
                       least(case when i % 7 = 0 then date '2020-01-01' + (i % 1800) end,
                             case when i % 5 = 0 then date '2020-04-01' + (i % 1800) end,
                             case when i % 3 = 0 then date '2024-03-01' + (i % 1800) end),
                       '{}'
                from generate_series(1, ?) as i
                """, MUNICIPALITIES, JOURNEYS);
        database.jdbc().execute("vacuum analyze caseload");
    }

    @Test
    void givenAMunicipality_whenItsDueJourneysArePlanned_thenEachWayIsReadThroughItsPartialIndex() {
        String plan = explain(CaseloadQueries.dueSql(new GetCaseload(null, "0042", true)));

        assertThat(plan)
                .contains(
                        "caseload_due_for_good_idx",
                        "caseload_establishment_ending_idx",
                        "caseload_sfi_right_ending_idx")
                .doesNotContain("Seq Scan");
    }

    @Test
    void givenAMunicipalityAndACaseworker_whenPlanned_thenTheCaseworkerIndexOrdersTheDueJourneys() {
        String plan = explain(CaseloadQueries.dueSql(new GetCaseload("cw-42", "0042", false)));

        assertThat(plan).contains("caseload_due_for_good_by_caseworker_idx").doesNotContain("Seq Scan");
    }

    @Test
    void givenAMunicipality_whenTheTotalsArePlanned_thenNoSequentialScan() {
        assertThat(explain(CaseloadQueries.totalSql(new GetCaseload(null, "0042", true))))
                .contains("caseload_due_for_good_idx")
                .doesNotContain("Seq Scan");
        assertThat(explain(CaseloadQueries.totalSql(new GetCaseload(null, "0042", false))))
                .contains("caseload_open_by_municipality_idx")
                .doesNotContain("Seq Scan");
        assertThat(explain(CaseloadQueries.notDueSql(new GetCaseload(null, "0042", false))))
                .contains("caseload_open_by_municipality_idx")
                .doesNotContain("Seq Scan");
    }

    @Test
    void givenACaseworkerAcrossMunicipalities_whenPlanned_thenTheCaseworkerIndexIsUsed() {
        String plan = explain(CaseloadQueries.dueSql(new GetCaseload("cw-42", null, false)));

        assertThat(plan).contains("caseload_open_by_caseworker_idx").doesNotContain("Seq Scan");
    }

    @Test
    void givenAStageOrADueActionFilter_whenPlanned_thenTheDueJourneysAreStillReadThroughTheIndexes() {
        GetCaseload byStage = new GetCaseload(null, "0042", false, Stage.ESTABLISHMENT, null, 0, 50);
        GetCaseload byAction = new GetCaseload(null, "0042", false, null, DueActionCode.NO_HOUSING, 0, 50);

        assertThat(explain(CaseloadQueries.dueSql(byStage)))
                .contains("caseload_due_for_good_idx")
                .doesNotContain("Seq Scan");
        assertThat(explain(CaseloadQueries.notDueSql(byStage))).doesNotContain("Seq Scan");
        assertThat(explain(CaseloadQueries.totalSql(byStage))).doesNotContain("Seq Scan");
        assertThat(explain(CaseloadQueries.dueSql(byAction)))
                .contains("caseload_due_for_good_idx")
                .doesNotContain("Seq Scan");
        assertThat(explain(CaseloadQueries.totalSql(byAction))).doesNotContain("Seq Scan");
    }

    @Test
    void givenANameSearch_whenPlanned_thenOnlyTheMunicipalitysRowsAreRead() {
        String plan = String.join(
                "\n",
                new NamedParameterJdbcTemplate(database.jdbc())
                        .queryForList(
                                "explain " + CaseloadQueries.SEARCH,
                                new MapSqlParameterSource()
                                        .addValue("municipalityCode", "0042")
                                        .addValue("text", "name 4")
                                        .addValue("limit", 21),
                                String.class));

        assertThat(plan).contains("caseload_by_municipality_idx").doesNotContain("Seq Scan");
    }

    /** The plan of a statement the query runs, with the parameters it binds. */
    private static String explain(String sql) {
        List<String> lines = new NamedParameterJdbcTemplate(database.jdbc())
                .queryForList(
                        "explain " + sql,
                        CaseloadQueries.parameters(new GetCaseload("cw-42", "0042", false), TODAY)
                                .addValue("wanted", 50L)
                                .addValue("tailSize", 50)
                                .addValue("tailOffset", 0L),
                        String.class);
        return String.join("\n", lines);
    }
}
