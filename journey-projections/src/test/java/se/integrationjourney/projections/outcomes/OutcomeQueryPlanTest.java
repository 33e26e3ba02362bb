package se.integrationjourney.projections.outcomes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import se.integrationjourney.projections.testsupport.ViewDatabase;

/**
 * The cohort statements read only the cohort's rows through the view's year indexes: their cost follows the
 * cohort, not the whole view.
 */
class OutcomeQueryPlanTest {

    @RegisterExtension
    static final ViewDatabase database = new ViewDatabase();

    private static final int JOURNEYS = 20_000;
    private static final int MUNICIPALITIES = 290;
    private static final int YEARS = 20;

    @BeforeAll
    static void fillTheViewStraightIn() {
        // 290 municipalities, arrivals over 20 years, one in five without an establishment plan; rows go straight
        // into the table, as the plan depends on the rows and not on how they came.
        database.jdbc().update("""
                insert into outcome_facts (journey_id, municipality_code, arrival_year, establishment_start_year,
                    establishment_end_year, case_file)
                select gen_random_uuid(), lpad((i % ?)::text, 4, '0'), 2010 + (i % ?),
                       case when i % 5 = 0 then null else 2010 + (i % ?) end,
                       case when i % 5 = 0 then null else 2012 + (i % ?) end,
                       '{}'::jsonb
                from generate_series(1, ?) as i
                """, MUNICIPALITIES, YEARS, YEARS, YEARS, JOURNEYS);
        database.jdbc().execute("analyze outcome_facts");
    }

    @Test
    void givenATwoYearsAfterCohortOfOneMunicipality_whenPlanned_thenTheEndYearIndexServesIt() {
        assertThat(explain(OutcomeQueries.ESTABLISHMENT_END_YEAR, 2022, "0042"))
                .contains("outcome_facts_end_year_idx")
                .doesNotContain("Seq Scan");
    }

    @Test
    void givenATwoYearsAfterCohortOfTheWholeCountry_whenPlanned_thenTheEndYearIndexServesIt() {
        assertThat(explain(OutcomeQueries.ESTABLISHMENT_END_YEAR, 2022, null))
                .contains("outcome_facts_end_year_idx")
                .doesNotContain("Seq Scan");
    }

    @Test
    void givenATimeToCohortFromArrival_whenPlanned_thenTheArrivalYearIndexServesIt() {
        assertThat(explain(OutcomeQueries.yearColumn(MeasuredFrom.ARRIVAL), 2021, "0042"))
                .contains("outcome_facts_arrival_year_idx")
                .doesNotContain("Seq Scan");
        assertThat(explain(OutcomeQueries.yearColumn(MeasuredFrom.ARRIVAL), 2021, null))
                .contains("outcome_facts_arrival_year_idx")
                .doesNotContain("Seq Scan");
    }

    @Test
    void givenATimeToCohortFromEstablishmentStart_whenPlanned_thenTheStartYearIndexServesIt() {
        assertThat(explain(OutcomeQueries.yearColumn(MeasuredFrom.ESTABLISHMENT_START), 2021, "0042"))
                .contains("outcome_facts_start_year_idx")
                .doesNotContain("Seq Scan");
        assertThat(explain(OutcomeQueries.yearColumn(MeasuredFrom.ESTABLISHMENT_START), 2021, null))
                .contains("outcome_facts_start_year_idx")
                .doesNotContain("Seq Scan");
    }

    /** A moment as epoch milliseconds, bound as the query binds it. */
    private static final long MOMENT = 1_700_000_000_000L;

    /** The plan of the very statement the query runs, with the same parameters bound. */
    private static String explain(String yearColumn, int year, String municipalityCode) {
        List<String> lines = municipalityCode == null
                ? database.jdbc()
                        .queryForList("explain " + OutcomeQueries.sql(yearColumn, false), String.class, MOMENT, year)
                : database.jdbc()
                        .queryForList(
                                "explain " + OutcomeQueries.sql(yearColumn, true),
                                String.class,
                                MOMENT,
                                year,
                                municipalityCode);
        return String.join("\n", lines);
    }
}
