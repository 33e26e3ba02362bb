package se.integrationjourney.projections.caseload;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import se.integrationjourney.projections.runtime.ViewTables;
import se.integrationjourney.projections.testsupport.ViewDatabase;

/** The caseload view records the thresholds its due windows were computed with, so a change of them is noticed. */
class CaseloadSettingsTest {

    @RegisterExtension
    static final ViewDatabase database = new ViewDatabase();

    @Test
    void givenTheThresholdsRecordedOrNot_whenTheViewIsAsked_thenOnlyOtherOrMissingOnesCallForARebuild() {
        CaseloadProjection byDefault = new CaseloadProjection(database.jdbc(), CaseloadThresholds.DEFAULTS);
        CaseloadProjection housingSooner =
                new CaseloadProjection(database.jdbc(), new CaseloadThresholds(30, 60, 45, 30, 90, 3, 90));

        assertThat(byDefault.builtWithOtherSettings())
                .as("nothing recorded yet (a new view)")
                .isTrue();

        byDefault.recordSettings(ViewTables.LIVE);
        assertThat(byDefault.builtWithOtherSettings()).isFalse();
        assertThat(housingSooner.builtWithOtherSettings()).isTrue();

        housingSooner.recordSettings(ViewTables.LIVE);
        assertThat(housingSooner.builtWithOtherSettings()).isFalse();
        assertThat(byDefault.builtWithOtherSettings()).isTrue();
        assertThat(database.jdbc().queryForList("select thresholds from caseload_settings", String.class))
                .containsExactly(
                        "introductory-meeting-days=30,action-plan-days=60,housing-days=45,sfi-enrolment-days=30,"
                                + "establishment-ending-days=90,sfi-right-years=3,sfi-right-ending-days=90,"
                                + "sfi-right-in-force-from=2026-01-01");

        housingSooner.forgetSettings();
        assertThat(housingSooner.builtWithOtherSettings())
                .as("rows of mixed thresholds: rebuild whatever they are")
                .isTrue();
    }
}
