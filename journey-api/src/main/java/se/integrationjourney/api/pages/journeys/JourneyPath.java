package se.integrationjourney.api.pages.journeys;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import se.integrationjourney.projections.journeystate.JourneyState;

/**
 * The steps of the path from arrival to follow-up, as the journey page draws them: each with the date it was first
 * reached, or none yet. The first step not reached is where the person stands now.
 *
 * @param labelKey the step's text, {@code path.<step>} in the caseworker bundle
 * @param date     when it was first reached; null if not yet
 * @param noteKey  a further text for the step ({@code path.note.*}), or null
 * @param noteDate the date the note speaks of, or null
 * @param current  the first step not yet reached
 */
public record JourneyPath(String labelKey, LocalDate date, String noteKey, LocalDate noteDate, boolean current) {

    static List<JourneyPath> of(JourneyState state) {
        JourneyState.FirstMilestones first = state.firstMilestones();
        List<JourneyPath> steps = new ArrayList<>();
        steps.add(step("arrival", state.arrivalDate(), null, null));
        steps.add(step("caseworker", first.caseworkerAssigned(), null, null));
        steps.add(step("introductoryMeeting", first.introductoryMeeting(), null, null));
        steps.add(step("actionPlan", first.actionPlan(), null, null));
        steps.add(step(
                "establishmentPlan",
                state.establishmentStart(),
                state.establishmentEnd() == null ? null : "path.note.establishmentEnd",
                state.establishmentEnd()));
        steps.add(step(
                "housing",
                first.housingSecured(),
                first.temporaryHousing() == null ? null : "path.note.temporaryHousing",
                first.temporaryHousing()));
        steps.add(step(
                "sfi",
                first.sfiEnrolment(),
                first.sfiLevelB() == null ? null : "path.note.sfiLevelB",
                first.sfiLevelB()));
        steps.add(step("civicOrientation", first.civicOrientation(), null, null));
        steps.add(step(
                "workOrStudies",
                first.inWorkOrStudies(),
                first.internship() == null ? null : "path.note.internship",
                first.internship()));
        steps.add(step("selfSufficiency", first.selfSufficiency(), null, null));
        steps.add(step(
                "followUp",
                null,
                state.measurementPoint() == null ? null : "path.note.measurementPoint",
                state.measurementPoint()));
        List<JourneyPath> marked = new ArrayList<>();
        boolean currentFound = false;
        for (JourneyPath step : steps) {
            boolean current = !currentFound && step.date() == null && !state.closed();
            currentFound |= current;
            marked.add(new JourneyPath(step.labelKey(), step.date(), step.noteKey(), step.noteDate(), current));
        }
        return marked;
    }

    private static JourneyPath step(String name, LocalDate date, String noteKey, LocalDate noteDate) {
        return new JourneyPath("path." + name, date, noteKey, noteDate, false);
    }
}
