package se.integrationjourney.projections.outcomes;

import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.integrationjourney.projections.casefile.CaseFile;
import se.integrationjourney.projections.casefile.CaseFileProjection;
import se.integrationjourney.projections.casefile.YearSpan;

/**
 * The outcomes view that analysts' figures are computed from: one row per registered journey in
 * {@code outcome_facts}, holding the journey's case file <em>without personal data</em> (no name, no personal
 * identity number: the view never holds them) and the years the cohorts are chosen by (arrival, establishment
 * start, establishment end), each indexed with the municipality. {@link OutcomeQueries} reads one cohort's rows
 * and computes the measurements with {@link OutcomeCalculator}.
 */
@Component
public class OutcomesProjection extends CaseFileProjection {

    /** Token key of the view: never rename (docs/projections.md). */
    public static final String NAME = "outcomes";

    static final String TABLE = "outcome_facts";

    public OutcomesProjection(JdbcTemplate jdbc) {
        super(NAME, TABLE, jdbc);
    }

    /** Its case files are stripped of personal data: a rebuild must not read one back to fold further into. */
    @Override
    protected boolean keepsWholeCaseFile() {
        return false;
    }

    /**
     * Each registered journey's case file is stored stripped of personal data ({@link #keepsWholeCaseFile()}), with
     * its cohort years: the establishment years follow the case file's derived dates, so a retracted end (start +
     * 24 months again) or a retracted start (no cohort) moves the row.
     */
    @Override
    protected List<String> columns() {
        return List.of(
                "journey_id",
                "municipality_code",
                "arrival_year",
                "establishment_start_year",
                "establishment_end_year",
                "recorded_until",
                "establishment_start_year_low",
                "establishment_start_year_high",
                "establishment_end_year_low",
                "establishment_end_year_high");
    }

    @Override
    protected Object[] values(CaseFile file) {
        return new Object[] {
            file.journeyId(),
            file.municipalityCode(),
            file.arrivalDate().getYear(),
            year(file.establishmentStart()),
            year(file.establishmentEnd()),
            file.recordedUntil(),
            low(file.establishmentStartYears()),
            high(file.establishmentStartYears()),
            low(file.establishmentEndYears()),
            high(file.establishmentEndYears())
        };
    }

    private static Integer low(YearSpan span) {
        return span == null ? null : span.low();
    }

    private static Integer high(YearSpan span) {
        return span == null ? null : span.high();
    }

    private static Integer year(LocalDate date) {
        return date == null ? null : date.getYear();
    }
}
