package se.integrationjourney.api.pages.journeys;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import se.integrationjourney.api.journeys.JourneyService;
import se.integrationjourney.api.municipalities.Municipalities;
import se.integrationjourney.api.pages.timeline.TimelineView;
import se.integrationjourney.api.pages.timeline.TimelineViews;
import se.integrationjourney.api.security.CurrentUser;
import se.integrationjourney.api.security.JourneyUser;
import se.integrationjourney.projections.caseload.CaseloadItem;
import se.integrationjourney.projections.caseload.CaseloadQueries;
import se.integrationjourney.projections.journeystate.JourneyState;
import se.integrationjourney.projections.timeline.Timeline;

/**
 * A journey for the caseworker: who, where they are on the path, what is open and due, what to record next, and
 * the timeline with its retractions. Reading it is recorded in the access log.
 */
@Controller
class JourneyPage {

    private final JourneyService journeys;
    private final CaseloadQueries caseload;
    private final Municipalities municipalities;
    private final TimelineViews timelineViews;

    JourneyPage(
            JourneyService journeys,
            CaseloadQueries caseload,
            Municipalities municipalities,
            TimelineViews timelineViews) {
        this.journeys = journeys;
        this.caseload = caseload;
        this.municipalities = municipalities;
        this.timelineViews = timelineViews;
    }

    @GetMapping("/journeys/{journeyId}")
    String journey(@PathVariable UUID journeyId, Model model, Locale locale) {
        JourneyUser user = CurrentUser.get();
        JourneyState state = journeys.state(user, journeyId, "GET /journeys/{journeyId}");
        Timeline timeline = journeys.timeline(user, journeyId, "GET /journeys/{journeyId}");
        Optional<CaseloadItem> item = caseload.itemOf(journeyId);
        model.addAttribute("journey", state);
        model.addAttribute(
                "identityNumber",
                TimelineViews.identityNumber(state.personalDetails().personalIdentityNumber()));
        model.addAttribute("municipality", municipalities.nameOf(state.municipalityCode()));
        model.addAttribute("path", JourneyPath.of(state));
        model.addAttribute("dueActions", item.map(CaseloadItem::dueActions).orElse(List.of()));
        List<TimelineView.Entry> newestFirst =
                new ArrayList<>(timelineViews.caseOf(timeline, locale).entries());
        Collections.reverse(newestFirst);
        model.addAttribute("entries", newestFirst);
        model.addAttribute("milestoneTypes", MilestoneTypes.names());
        return "journeys/journey";
    }
}
