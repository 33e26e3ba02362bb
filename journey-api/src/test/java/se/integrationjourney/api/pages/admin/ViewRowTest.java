package se.integrationjourney.api.pages.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import se.integrationjourney.projections.runtime.ProjectionStatus;

/** What the views page works out from a view's status: percent, time left, and when it stops asking. */
class ViewRowTest {

    @Test
    void givenARebuildAtAKnownSpeed_whenShown_thenTheTimeLeftIsTheRemainingEventsOverTheSpeedRoundedUp() {
        ViewRow row = ViewRow.of(new ProjectionStatus("caseload", 900, 1000, true, 0.25, 200.0, null, 0));

        assertThat(row.percent()).isEqualTo(25);
        assertThat(row.secondsLeft()).as("750 events at 200 a second").isEqualTo(4);
        assertThat(row.minutesLeft()).isZero();
    }

    @Test
    void givenARebuildNearlyDone_whenShown_thenItSays99AndNot100() {
        ViewRow row = ViewRow.of(new ProjectionStatus("caseload", 0, 100_000, true, 0.99999, 1000.0, null, 0));

        assertThat(row.percent()).isEqualTo(99);
        assertThat(row.secondsLeft()).isEqualTo(1);
    }

    @Test
    void givenALongRebuild_whenShown_thenMinutesAndSeconds() {
        ViewRow row = ViewRow.of(new ProjectionStatus("outcomes", 0, 130_000, true, 0.0, 1000.0, null, 0));

        assertThat(row.minutesLeft()).isEqualTo(2);
        assertThat(row.secondsPastMinute()).isEqualTo(10);
    }

    @Test
    void givenARebuildWithoutASpeedYet_whenShown_thenNoTimeLeftIsGuessed() {
        assertThat(ViewRow.of(new ProjectionStatus("caseload", 0, 1000, true, 0.0, 0.0, null, 0))
                        .secondsLeft())
                .isNull();
    }

    @Test
    void givenRebuildsAndViewsCatchingUp_whenSummarised_thenThePagePollsUntilEveryViewHasCaughtUp() {
        ViewRow rebuilding = ViewRow.of(new ProjectionStatus("caseload", 10, 100, true, 0.47, 50.0, null, 0));
        ViewRow behind = ViewRow.of(new ProjectionStatus("outcomes", 0, 100, false, 0.0, 0.0, null, 0));
        ViewRow caughtUp = ViewRow.of(new ProjectionStatus("journey-state", 100, 100, false, 1.0, 0.0, null, 0));

        ViewsSummary running = ViewsSummary.of(List.of(rebuilding, behind, caughtUp));
        ViewsSummary catchingUp = ViewsSummary.of(List.of(behind, caughtUp));
        ViewsSummary idle = ViewsSummary.of(List.of(caughtUp));

        assertThat(running.announcement()).as("the slowest in steps of ten").isEqualTo("running-1-40");
        assertThat(running.changing()).isTrue();
        assertThat(catchingUp.announcement()).isEqualTo("catching-up-1");
        assertThat(catchingUp.changing()).isTrue();
        assertThat(idle.announcement()).isEqualTo("idle");
        assertThat(idle.changing()).isFalse();
    }
}
