package se.integrationjourney.api.pages.caseload;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import se.integrationjourney.api.accesslog.AccessAction;
import se.integrationjourney.api.accesslog.AccessLog;
import se.integrationjourney.api.journeys.IdentityNumberInput;
import se.integrationjourney.api.journeys.JourneyService;
import se.integrationjourney.api.municipalities.Municipalities;
import se.integrationjourney.api.security.CurrentUser;
import se.integrationjourney.api.security.JourneyUser;
import se.integrationjourney.projections.casefile.Stage;
import se.integrationjourney.projections.caseload.CaseloadItem;
import se.integrationjourney.projections.caseload.CaseloadQueries;
import se.integrationjourney.projections.journeystate.JourneyMatch;

/**
 * Finding a person in my municipality by part of the name or by personal identity number, open and closed journeys
 * alike. A number finds only this municipality's journeys and says nothing of others elsewhere: this is a search,
 * not the duplicate check at registration. Every search that shows journeys is in the access log with the journeys
 * it showed, never with what was typed (a name or a number is personal data). Administrators choose the
 * municipality to search in.
 */
@Controller
class JourneySearchPage {

    static final int MIN_NAME_LENGTH = 2;
    static final int MAX_LENGTH = 100;
    /** The most results one page shows; one more is asked for to say that there are more. */
    static final int SHOWN = 50;

    private final CaseloadQueries caseloads;
    private final JourneyService journeys;
    private final AccessLog accessLog;
    private final Municipalities municipalities;
    private final Clock clock;

    JourneySearchPage(
            CaseloadQueries caseloads,
            JourneyService journeys,
            AccessLog accessLog,
            Municipalities municipalities,
            Clock clock) {
        this.caseloads = caseloads;
        this.journeys = journeys;
        this.accessLog = accessLog;
        this.municipalities = municipalities;
        this.clock = clock;
    }

    /**
     * One journey found, from the caseload's item; a journey the caseload view has not handled yet has only what the
     * identity number's index knows: no name, no stage.
     */
    record Found(UUID journeyId, String fullName, LocalDate arrivalDate, Stage stage, boolean closed) {

        static Found of(CaseloadItem item) {
            return new Found(
                    item.journeyId(), item.fullName(), item.arrivalDate(), item.stage(), item.stage() == Stage.CLOSED);
        }

        static Found of(JourneyMatch match) {
            return new Found(match.journeyId(), null, match.arrivalDate(), null, match.closed());
        }
    }

    /**
     * The form posts, so that a typed identity number never lands in an address (history, proxies' logs), and no other
     * site can make a browser search (the CSRF token); a GET shows the empty form.
     */
    @RequestMapping(
            value = "/journeys/search",
            method = {RequestMethod.GET, RequestMethod.POST})
    String search(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String municipality,
            HttpServletRequest request,
            Model model) {
        JourneyUser user = CurrentUser.get();
        if (!"POST".equals(request.getMethod())) {
            q = null;
        }
        boolean chooseMunicipality = user.municipalityCode() == null; // an administrator
        String municipalityCode = chooseMunicipality
                ? (municipalities.exists(municipality) ? municipality : null)
                : user.municipalityCode();
        model.addAttribute("chooseMunicipality", chooseMunicipality);
        model.addAttribute("municipalities", municipalities.all());
        model.addAttribute("municipalityCode", municipalityCode);
        model.addAttribute(
                "municipalityName", municipalityCode == null ? null : municipalities.nameOf(municipalityCode));
        model.addAttribute("q", q);
        model.addAttribute("maxLength", MAX_LENGTH);
        if (q == null) {
            return "caseload/search"; // the empty form
        }
        String text = q.strip();
        if (chooseMunicipality && municipalityCode == null) {
            return refused(model, "municipalityError", "search.error.municipality", null);
        }
        if (text.isEmpty()) {
            return refused(model, "queryError", "search.error.blank", null);
        }
        if (text.length() > MAX_LENGTH) {
            return refused(model, "queryError", "search.error.tooLong", MAX_LENGTH);
        }
        List<Found> found;
        boolean more = false;
        if (IdentityNumberInput.looksLikeNumber(text)) {
            Optional<String> number = IdentityNumberInput.normalise(text, LocalDate.now(clock));
            if (number.isEmpty()) {
                return refused(model, "queryError", "search.error.invalidNumber", null);
            }
            found = byNumber(number.get(), municipalityCode);
            model.addAttribute("byNumber", true);
        } else {
            if (text.length() < MIN_NAME_LENGTH) {
                return refused(model, "queryError", "search.error.tooShort", MIN_NAME_LENGTH);
            }
            List<CaseloadItem> items = caseloads.search(municipalityCode, text, SHOWN + 1);
            more = items.size() > SHOWN;
            found = items.stream().limit(SHOWN).map(Found::of).toList();
            model.addAttribute("byNumber", false);
            model.addAttribute("searchedName", text);
        }
        model.addAttribute("found", found);
        model.addAttribute("more", more);
        model.addAttribute("shown", SHOWN);
        accessLog.journeysRead(
                user.actor(),
                AccessAction.JOURNEY_SEARCH,
                request.getMethod() + " /journeys/search",
                found.stream().map(Found::journeyId).toList());
        return "caseload/search";
    }

    /**
     * The journeys of this municipality with the number, named from the caseload view; a journey the view has not
     * handled yet is listed with what the number's index knows (arrival, open or closed) and no name.
     */
    private List<Found> byNumber(String number, String municipalityCode) {
        return journeys.withPersonalIdentityNumber(number).stream()
                .filter(match -> match.municipalityCode().equals(municipalityCode))
                .map(match -> caseloads.itemOf(match.journeyId()).map(Found::of).orElseGet(() -> Found.of(match)))
                .toList();
    }

    private static String refused(Model model, String field, String messageKey, Object argument) {
        model.addAttribute(field, messageKey);
        model.addAttribute("errorArgument", argument);
        return "caseload/search";
    }
}
