package se.integrationjourney.api.pages.journeys;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.integrationjourney.api.journeys.JourneyChangedMeanwhile;
import se.integrationjourney.api.journeys.JourneyService;
import se.integrationjourney.api.journeys.MilestoneRequest;
import se.integrationjourney.api.security.AccountStore;
import se.integrationjourney.api.security.CurrentUser;
import se.integrationjourney.api.security.JourneyUser;
import se.integrationjourney.api.web.ApiException;
import se.integrationjourney.api.web.Problems;
import se.integrationjourney.api.web.RecordsInOneTransaction;
import se.integrationjourney.core.journey.JourneyRuleViolation;
import se.integrationjourney.projections.journeystate.JourneyState;

/**
 * Recording a milestone: first its type, then a form with only that type's fields. The form carries the journey's
 * version when it was opened; if someone recorded meanwhile, the page says so, keeps what was typed and offers to
 * look at the journey or to save anyway against the new version.
 */
@Controller
class MilestonePage {

    private final JourneyService journeys;
    private final AccountStore accounts;
    private final Forms forms;

    MilestonePage(JourneyService journeys, AccountStore accounts, Forms forms) {
        this.journeys = journeys;
        this.accounts = accounts;
        this.forms = forms;
    }

    @GetMapping("/journeys/{journeyId}/milestones/new")
    String form(@PathVariable UUID journeyId, @RequestParam(required = false) String type, Model model) {
        JourneyUser user = CurrentUser.get();
        JourneyState state = journeys.state(user, journeyId, "GET /journeys/{journeyId}/milestones/new");
        if (MilestoneTypes.request(type) == null) {
            model.addAttribute("journey", state);
            model.addAttribute("milestoneTypes", MilestoneTypes.names());
            if (type != null) {
                forms.show(model, Map.of("type", forms.text("journey.milestone.unknownType")));
            }
            return "journeys/milestone-type";
        }
        return page(state, type, state.version(), new LinkedMultiValueMap<>(), Map.of(), false, model);
    }

    @PostMapping("/journeys/{journeyId}/milestones")
    @RecordsInOneTransaction
    String record(
            @PathVariable UUID journeyId,
            @RequestParam MultiValueMap<String, String> form,
            Model model,
            RedirectAttributes redirect) {
        JourneyUser user = CurrentUser.get();
        String type = form.getFirst("type");
        Class<? extends MilestoneRequest> requestType = MilestoneTypes.request(type);
        Long version = Forms.version(form.getFirst("version"));
        if (requestType == null || version == null) {
            throw new ApiException(Problems.MALFORMED, "The form could not be read.");
        }
        RecordForms.Parsed parsed = RecordForms.parse(requestType, form);
        if (!parsed.errors().isEmpty()) {
            return page(
                    journeys.state(user, journeyId, "POST /journeys/{journeyId}/milestones"),
                    type,
                    version,
                    form,
                    forms.texts(parsed.errors()),
                    false,
                    model);
        }
        MilestoneRequest request = RecordForms.construct(requestType, parsed.values());
        try {
            journeys.record(user, journeyId, version, expected -> request.toCommand(journeyId, expected));
        } catch (JourneyRuleViolation refused) {
            List<String> fields = RecordForms.fields(requestType).stream()
                    .map(RecordForms.Field::name)
                    .toList();
            return page(
                    journeys.state(user, journeyId, "POST /journeys/{journeyId}/milestones"),
                    type,
                    version,
                    form,
                    forms.ruleBroken(refused, fields),
                    false,
                    model);
        } catch (JourneyChangedMeanwhile meanwhile) {
            JourneyState now = journeys.state(user, journeyId, "POST /journeys/{journeyId}/milestones");
            return page(now, type, now.version(), form, Map.of(), true, model);
        }
        redirect.addFlashAttribute("recorded", "milestone." + type);
        return "redirect:/journeys/" + journeyId;
    }

    private String page(
            JourneyState state,
            String type,
            long version,
            MultiValueMap<String, String> typed,
            Map<String, String> problems,
            boolean changedMeanwhile,
            Model model) {
        model.addAttribute("journey", state);
        model.addAttribute("type", type);
        model.addAttribute("version", version);
        model.addAttribute("fields", RecordForms.fields(MilestoneTypes.request(type)));
        model.addAttribute("typed", typed);
        model.addAttribute("caseworkers", accounts.caseworkersOf(state.municipalityCode()));
        model.addAttribute("changedMeanwhile", changedMeanwhile);
        forms.show(model, problems);
        return "journeys/milestone";
    }
}
