package se.integrationjourney.api.pages.journeys;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.integrationjourney.api.accesslog.AccessAction;
import se.integrationjourney.api.accesslog.AccessLog;
import se.integrationjourney.api.journeys.JourneyService;
import se.integrationjourney.api.municipalities.Municipalities;
import se.integrationjourney.api.security.CurrentUser;
import se.integrationjourney.api.security.JourneyUser;
import se.integrationjourney.api.web.RecordsInOneTransaction;
import se.integrationjourney.core.journey.JourneyRuleViolation;
import se.integrationjourney.core.journey.PersonalIdentityNumbers;
import se.integrationjourney.projections.journeystate.JourneyMatch;

/**
 * Registering a newcomer in the caseworker's municipality (an administrator chooses one). A personal identity number
 * that already has an open journey is flagged before anything is saved: with a link when the journey is in the
 * caseworker's municipality, as "an open journey exists in another municipality" otherwise. It is never refused: the
 * caseworker confirms and registers anyway (people move, and the other journey may be closing). A check that tells
 * of open journeys is a {@code DUPLICATE_CHECK} in the access log naming every journey it told of, those elsewhere
 * too: it says that this person has a case there.
 */
@Controller
class RegistrationPage {

    private final JourneyService journeys;
    private final Municipalities municipalities;
    private final Forms forms;
    private final AccessLog accessLog;

    RegistrationPage(JourneyService journeys, Municipalities municipalities, Forms forms, AccessLog accessLog) {
        this.journeys = journeys;
        this.municipalities = municipalities;
        this.forms = forms;
        this.accessLog = accessLog;
    }

    @GetMapping("/journeys/new")
    String form(Model model) {
        return page(CurrentUser.get(), new LinkedMultiValueMap<>(), Map.of(), null, model);
    }

    /** The duplicate check alone, for htmx as the number is typed: the flag, or nothing. */
    @GetMapping("/journeys/new/duplicates")
    String duplicates(@RequestParam(defaultValue = "") String personalIdentityNumber, Model model) {
        model.addAttribute(
                "duplicates", duplicatesOf(CurrentUser.get(), personalIdentityNumber, "GET /journeys/new/duplicates"));
        return "journeys/register :: duplicates";
    }

    @PostMapping("/journeys/new")
    @RecordsInOneTransaction
    String register(@RequestParam MultiValueMap<String, String> form, Model model, RedirectAttributes redirect) {
        JourneyUser user = CurrentUser.get();
        String municipalityCode =
                user.municipalityCode() != null ? user.municipalityCode() : form.getFirst("municipalityCode");
        RecordForms.Parsed parsed = RecordForms.parse(RegistrationForm.class, form);
        Map<String, String> problems = new java.util.LinkedHashMap<>(forms.texts(parsed.errors()));
        if (!municipalities.exists(municipalityCode)) {
            problems.put("municipalityCode", forms.text("rule.MUNICIPALITY_CODE_INVALID"));
        }
        if (!problems.isEmpty()) {
            return page(user, form, problems, null, model);
        }
        Duplicates duplicates = duplicatesOf(user, form.getFirst("personalIdentityNumber"), "POST /journeys/new");
        if (duplicates.any() && !"yes".equals(form.getFirst("registerAnyway"))) {
            return page(user, form, Map.of(), duplicates, model);
        }
        RegistrationForm registration = RecordForms.construct(RegistrationForm.class, parsed.values());
        UUID journeyId;
        try {
            journeyId = journeys.register(
                    user,
                    municipalityCode,
                    id -> registration.toRequest(municipalityCode).toCommand(id));
        } catch (JourneyRuleViolation refused) {
            List<String> fields = new ArrayList<>(RecordForms.fields(RegistrationForm.class).stream()
                    .map(RecordForms.Field::name)
                    .toList());
            fields.add("municipalityCode");
            return page(user, form, forms.ruleBroken(refused, fields), null, model);
        }
        redirect.addFlashAttribute("recorded", "milestone.NEWCOMER_REGISTERED");
        return "redirect:/journeys/" + journeyId;
    }

    private String page(
            JourneyUser user,
            MultiValueMap<String, String> typed,
            Map<String, String> problems,
            Duplicates duplicates,
            Model model) {
        model.addAttribute("fields", RecordForms.fields(RegistrationForm.class));
        model.addAttribute("typed", typed);
        model.addAttribute("ownMunicipality", user.municipalityCode());
        model.addAttribute(
                "ownMunicipalityName",
                user.municipalityCode() == null ? null : municipalities.nameOf(user.municipalityCode()));
        model.addAttribute("municipalities", municipalities.all());
        model.addAttribute("duplicates", duplicates);
        forms.show(model, problems);
        return "journeys/register";
    }

    /**
     * The open journeys of the number, split by whether the caseworker may open them. A number that cannot be read
     * has none (the registration itself then says what is wrong with it). Recorded as {@code resource} when it has any.
     */
    private Duplicates duplicatesOf(JourneyUser user, String number, String resource) {
        String normalised;
        try {
            normalised = PersonalIdentityNumbers.normalise(number);
        } catch (JourneyRuleViolation unreadable) {
            return Duplicates.NONE;
        }
        if (normalised == null) {
            return Duplicates.NONE;
        }
        List<UUID> here = new ArrayList<>();
        List<UUID> toldOf = new ArrayList<>();
        boolean elsewhere = false;
        for (JourneyMatch match : journeys.withPersonalIdentityNumber(normalised)) {
            if (match.closed()) {
                continue;
            }
            toldOf.add(match.journeyId());
            if (user.municipalityCode() == null || user.municipalityCode().equals(match.municipalityCode())) {
                here.add(match.journeyId());
            } else {
                elsewhere = true;
            }
        }
        accessLog.journeysRead(user.actor(), AccessAction.DUPLICATE_CHECK, resource, toldOf);
        return new Duplicates(here, elsewhere);
    }

    /**
     * @param here      open journeys of the number the caseworker may open (their municipality's)
     * @param elsewhere an open journey of the number exists in another municipality
     */
    public record Duplicates(List<UUID> here, boolean elsewhere) {
        static final Duplicates NONE = new Duplicates(List.of(), false);

        public boolean any() {
            return !here.isEmpty() || elsewhere;
        }
    }
}
