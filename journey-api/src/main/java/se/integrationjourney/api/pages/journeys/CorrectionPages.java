package se.integrationjourney.api.pages.journeys;

import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import se.integrationjourney.api.journeys.RegisterJourneyRequest.PersonalDetailsRequest;
import se.integrationjourney.api.journeys.RetractionRequest;
import se.integrationjourney.api.pages.timeline.TimelineViews;
import se.integrationjourney.api.security.CurrentUser;
import se.integrationjourney.api.security.JourneyUser;
import se.integrationjourney.api.web.ApiException;
import se.integrationjourney.api.web.Problems;
import se.integrationjourney.api.web.RecordsInOneTransaction;
import se.integrationjourney.core.commands.CorrectPersonalDetails;
import se.integrationjourney.core.commands.RetractMilestone;
import se.integrationjourney.core.journey.JourneyRuleViolation;
import se.integrationjourney.projections.journeystate.JourneyState;
import se.integrationjourney.projections.timeline.Timeline;

/**
 * Corrections of mistakes: retracting a recorded milestone with a reason, and correcting the person's name or
 * identity number. Both keep what was there before in the timeline. As with milestones, a change by someone else
 * meanwhile is said, and what was typed is kept.
 */
@Controller
class CorrectionPages {

    private static final List<String> RETRACTION_FIELDS = List.of("reason");
    private static final List<String> DETAILS_FIELDS = List.of("fullName", "personalIdentityNumber");

    private final JourneyService journeys;
    private final Forms forms;

    CorrectionPages(JourneyService journeys, Forms forms) {
        this.journeys = journeys;
        this.forms = forms;
    }

    @GetMapping("/journeys/{journeyId}/retractions/new")
    String retractionForm(@PathVariable UUID journeyId, @RequestParam String eventId, Model model) {
        JourneyUser user = CurrentUser.get();
        JourneyState state = journeys.state(user, journeyId, "GET /journeys/{journeyId}/retractions/new");
        return retractionPage(
                user,
                state,
                eventId,
                state.version(),
                new LinkedMultiValueMap<>(),
                Map.of(),
                false,
                "GET /journeys/{journeyId}/retractions/new",
                model);
    }

    @PostMapping("/journeys/{journeyId}/retractions")
    @RecordsInOneTransaction
    String retract(
            @PathVariable UUID journeyId,
            @RequestParam MultiValueMap<String, String> form,
            Model model,
            RedirectAttributes redirect) {
        JourneyUser user = CurrentUser.get();
        String eventId = form.getFirst("eventId");
        Long version = Forms.version(form.getFirst("version"));
        if (eventId == null || version == null) {
            throw new ApiException(Problems.MALFORMED, "The form could not be read.");
        }
        RecordForms.Parsed parsed = RecordForms.parse(RetractionRequest.class, form);
        Map<String, String> problems = forms.texts(parsed.errors());
        boolean changedMeanwhile = false;
        if (problems.isEmpty()) {
            String reason = (String) parsed.values().get("reason");
            try {
                journeys.record(
                        user,
                        journeyId,
                        version,
                        expected -> new RetractMilestone(journeyId, expected, eventId, reason));
                redirect.addFlashAttribute("recorded", "milestone.MILESTONE_RETRACTED");
                return "redirect:/journeys/" + journeyId;
            } catch (JourneyRuleViolation refused) {
                problems = forms.ruleBroken(refused, RETRACTION_FIELDS);
            } catch (JourneyChangedMeanwhile meanwhile) {
                changedMeanwhile = true;
            }
        }
        JourneyState state = journeys.state(user, journeyId, "POST /journeys/{journeyId}/retractions");
        return retractionPage(
                user,
                state,
                eventId,
                changedMeanwhile ? state.version() : version,
                form,
                problems,
                changedMeanwhile,
                "POST /journeys/{journeyId}/retractions",
                model);
    }

    @GetMapping("/journeys/{journeyId}/personal-details")
    String detailsForm(@PathVariable UUID journeyId, Model model) {
        JourneyState state = journeys.state(CurrentUser.get(), journeyId, "GET /journeys/{journeyId}/personal-details");
        MultiValueMap<String, String> typed = new LinkedMultiValueMap<>();
        typed.add("fullName", state.personalDetails().fullName());
        typed.add("personalIdentityNumber", state.personalDetails().personalIdentityNumber());
        return detailsPage(state, state.version(), typed, Map.of(), false, model);
    }

    @PostMapping("/journeys/{journeyId}/personal-details")
    @RecordsInOneTransaction
    String correct(
            @PathVariable UUID journeyId,
            @RequestParam MultiValueMap<String, String> form,
            Model model,
            RedirectAttributes redirect) {
        JourneyUser user = CurrentUser.get();
        Long version = Forms.version(form.getFirst("version"));
        if (version == null) {
            throw new ApiException(Problems.MALFORMED, "The form could not be read.");
        }
        RecordForms.Parsed parsed = RecordForms.parse(PersonalDetailsRequest.class, form);
        Map<String, String> problems = forms.texts(parsed.errors());
        boolean changedMeanwhile = false;
        if (problems.isEmpty()) {
            PersonalDetailsRequest details = RecordForms.construct(PersonalDetailsRequest.class, parsed.values());
            try {
                journeys.record(
                        user,
                        journeyId,
                        version,
                        expected -> new CorrectPersonalDetails(journeyId, expected, details.toPersonalDetails()));
                redirect.addFlashAttribute("recorded", "milestone.PERSONAL_DETAILS_CORRECTED");
                return "redirect:/journeys/" + journeyId;
            } catch (JourneyRuleViolation refused) {
                problems = forms.ruleBroken(refused, DETAILS_FIELDS);
            } catch (JourneyChangedMeanwhile meanwhile) {
                changedMeanwhile = true;
            }
        }
        JourneyState state = journeys.state(user, journeyId, "POST /journeys/{journeyId}/personal-details");
        return detailsPage(
                state, changedMeanwhile ? state.version() : version, form, problems, changedMeanwhile, model);
    }

    private String retractionPage(
            JourneyUser user,
            JourneyState state,
            String eventId,
            long version,
            MultiValueMap<String, String> typed,
            Map<String, String> problems,
            boolean changedMeanwhile,
            String resource,
            Model model) {
        Timeline timeline = journeys.timeline(user, state.journeyId(), resource);
        Optional<Timeline.Entry> target = timeline.entries().stream()
                .filter(entry -> entry.eventId().equals(eventId))
                .findFirst();
        if (target.isEmpty()) {
            throw new ApiException(Problems.NOT_FOUND, "No such event in this journey.");
        }
        model.addAttribute("journey", state);
        model.addAttribute("target", target.get());
        model.addAttribute(
                "targetRecordedAt", TimelineViews.dateTime(target.get().recordedAt()));
        model.addAttribute("version", version);
        model.addAttribute("typed", typed);
        model.addAttribute("changedMeanwhile", changedMeanwhile);
        forms.show(model, problems);
        return "journeys/retraction";
    }

    private String detailsPage(
            JourneyState state,
            long version,
            MultiValueMap<String, String> typed,
            Map<String, String> problems,
            boolean changedMeanwhile,
            Model model) {
        model.addAttribute("journey", state);
        model.addAttribute("version", version);
        model.addAttribute("fields", RecordForms.fields(PersonalDetailsRequest.class));
        model.addAttribute("typed", typed);
        model.addAttribute("changedMeanwhile", changedMeanwhile);
        forms.show(model, problems);
        return "journeys/personal-details";
    }
}
