package se.integrationjourney.api.pages.journeys;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import se.integrationjourney.api.journeys.JourneyService;
import se.integrationjourney.api.municipalities.Municipalities;
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

    JourneyPage(JourneyService journeys, CaseloadQueries caseload, Municipalities municipalities) {
        this.journeys = journeys;
        this.caseload = caseload;
        this.municipalities = municipalities;
    }

    @GetMapping("/journeys/{journeyId}")
    String journey(@PathVariable UUID journeyId, Model model) {
        JourneyUser user = CurrentUser.get();
        JourneyState state = journeys.state(user, journeyId, "GET /journeys/{journeyId}");
        Timeline timeline = journeys.timeline(user, journeyId, "GET /journeys/{journeyId}");
        Optional<CaseloadItem> item = caseload.itemOf(journeyId);
        model.addAttribute("journey", state);
        model.addAttribute("identityNumber", withHyphen(state.personalDetails().personalIdentityNumber()));
        model.addAttribute("municipality", municipalities.nameOf(state.municipalityCode()));
        model.addAttribute("path", JourneyPath.of(state));
        model.addAttribute("dueActions", item.map(CaseloadItem::dueActions).orElse(List.of()));
        model.addAttribute("entries", TimelineRows.newestFirst(timeline, municipalities));
        model.addAttribute("milestoneTypes", MilestoneTypes.names());
        return "journeys/journey";
    }

    /** A stored number (12 digits) as people write it, YYYYMMDD-NNNN; null when there is none. */
    static String withHyphen(String number) {
        return number == null || number.length() != 12 ? number : number.substring(0, 8) + "-" + number.substring(8);
    }
}
