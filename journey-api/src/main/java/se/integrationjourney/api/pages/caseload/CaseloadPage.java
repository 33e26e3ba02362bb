package se.integrationjourney.api.pages.caseload;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import se.integrationjourney.api.accesslog.AccessAction;
import se.integrationjourney.api.accesslog.AccessLog;
import se.integrationjourney.api.municipalities.Municipalities;
import se.integrationjourney.api.security.CurrentUser;
import se.integrationjourney.api.security.JourneyUser;
import se.integrationjourney.projections.casefile.Stage;
import se.integrationjourney.projections.caseload.Caseload;
import se.integrationjourney.projections.caseload.CaseloadItem;
import se.integrationjourney.projections.caseload.CaseloadQueries;
import se.integrationjourney.projections.caseload.DueAction;
import se.integrationjourney.projections.caseload.DueActionCode;
import se.integrationjourney.projections.caseload.GetCaseload;

/**
 * The caseworker's start page: the caseload of their municipality, most urgent first, filtered by whose journeys
 * (mine by default: the "start page = my caseload"), stage and due action, a page at a time. The filters are
 * a plain GET form, so every state of the list is a link that works without JavaScript. Names are personal data:
 * each page shown is recorded in the access log with the journeys on it.
 *
 * <p>Administrators have no municipality and are assigned no journeys: they choose a municipality (all of Sweden's
 * by name) and see its whole caseload; until they choose, no list is read.
 */
@Controller
class CaseloadPage {

    static final List<Integer> PAGE_SIZES = List.of(25, 50);
    static final String MINE = "mine";
    static final String ALL = "all";

    /** The stages a caseload can show: closed journeys are not in it. */
    static final List<Stage> STAGES =
            Arrays.stream(Stage.values()).filter(stage -> stage != Stage.CLOSED).toList();

    private final CaseloadQueries caseloads;
    private final AccessLog accessLog;
    private final Municipalities municipalities;
    private final Clock clock;

    CaseloadPage(CaseloadQueries caseloads, AccessLog accessLog, Municipalities municipalities, Clock clock) {
        this.caseloads = caseloads;
        this.accessLog = accessLog;
        this.municipalities = municipalities;
        this.clock = clock;
    }

    /** One row of the list, with what the page shows beside the item: whose it is and how overdue each action is. */
    record Row(CaseloadItem item, boolean mine, List<Due> dueActions) {}

    /** A due action with the days since it became due (0 on its first day). */
    record Due(DueAction action, long days) {}

    @GetMapping("/caseload")
    String caseload(
            @RequestParam(required = false) String scope,
            @RequestParam(required = false) String stage,
            @RequestParam(required = false) String due,
            @RequestParam(required = false) String municipality,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size,
            Model model) {
        JourneyUser user = CurrentUser.get();
        boolean chooseMunicipality = user.municipalityCode() == null; // an administrator
        Filters filters = new Filters();
        String municipalityCode =
                chooseMunicipality ? filters.municipality(municipality, municipalities) : user.municipalityCode();
        String chosenScope = chooseMunicipality ? ALL : filters.scope(scope);
        Stage chosenStage = filters.stage(stage);
        DueActionCode chosenDue = filters.due(due);
        int chosenSize = filters.size(size);
        int chosenPage = filters.page(page);

        model.addAttribute("chooseMunicipality", chooseMunicipality);
        model.addAttribute("municipalities", municipalities.all());
        model.addAttribute("municipalityCode", municipalityCode);
        model.addAttribute(
                "municipalityName", municipalityCode == null ? null : municipalities.nameOf(municipalityCode));
        model.addAttribute("scope", chosenScope);
        model.addAttribute("stage", chosenStage);
        model.addAttribute("due", chosenDue);
        model.addAttribute("size", chosenSize);
        model.addAttribute("stages", STAGES);
        model.addAttribute("dueActions", DueActionCode.values());
        model.addAttribute("pageSizes", PAGE_SIZES);
        model.addAttribute("filterErrors", filters.errors);
        if (municipalityCode == null) {
            return "caseload/caseload";
        }

        Caseload caseload = caseloads.handle(new GetCaseload(
                MINE.equals(chosenScope) ? user.username() : null,
                municipalityCode,
                false,
                chosenStage,
                chosenDue,
                chosenPage - 1,
                chosenSize));
        LocalDate today = LocalDate.now(clock);
        List<Row> rows = caseload.items().stream()
                .map(item -> new Row(
                        item,
                        user.username().equals(item.caseworkerId()),
                        item.dueActions().stream()
                                .map(action -> new Due(action, ChronoUnit.DAYS.between(action.since(), today)))
                                .toList()))
                .toList();
        long pages = Math.max(1, (caseload.total() + chosenSize - 1) / chosenSize);
        model.addAttribute("rows", rows);
        model.addAttribute("total", caseload.total());
        model.addAttribute("page", chosenPage);
        model.addAttribute("pages", pages);
        model.addAttribute("previous", chosenPage > 1 ? link(model, Math.min(chosenPage - 1, pages)) : null);
        model.addAttribute("next", chosenPage < pages ? link(model, chosenPage + 1) : null);
        model.addAttribute("first", link(model, 1));
        accessLog.journeysRead(
                user.actor(),
                AccessAction.CASELOAD_READ,
                "GET /caseload",
                rows.stream().map(row -> row.item().journeyId()).toList());
        return "caseload/caseload";
    }

    /** The list's address with the same filters and another page: paging keeps what was chosen. */
    private static String link(Model model, long page) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/caseload");
        if (Boolean.TRUE.equals(model.getAttribute("chooseMunicipality"))) {
            uri.queryParam("municipality", model.getAttribute("municipalityCode"));
        } else {
            uri.queryParam("scope", model.getAttribute("scope"));
        }
        if (model.getAttribute("stage") != null) {
            uri.queryParam("stage", model.getAttribute("stage"));
        }
        if (model.getAttribute("due") != null) {
            uri.queryParam("due", model.getAttribute("due"));
        }
        return uri.queryParam("size", model.getAttribute("size"))
                .queryParam("page", page)
                .build()
                .encode()
                .toUriString();
    }

    /**
     * The filters as typed into the address: the form offers only valid choices, so a value it does not know came
     * from an edited or outdated link; it is named on the page (by its field) and left out, never an error page.
     */
    static final class Filters {

        /** Message keys of the filters that were not understood, shown above the list. */
        final List<String> errors = new ArrayList<>();

        String scope(String scope) {
            if (scope == null || scope.isBlank() || MINE.equals(scope)) {
                return MINE;
            }
            if (ALL.equals(scope)) {
                return ALL;
            }
            errors.add("caseload.filter.scope");
            return MINE;
        }

        Stage stage(String stage) {
            if (stage == null || stage.isBlank()) {
                return null;
            }
            return STAGES.stream()
                    .filter(known -> known.name().equals(stage))
                    .findFirst()
                    .orElseGet(() -> {
                        errors.add("caseload.filter.stage");
                        return null;
                    });
        }

        DueActionCode due(String due) {
            if (due == null || due.isBlank()) {
                return null;
            }
            return Arrays.stream(DueActionCode.values())
                    .filter(known -> known.name().equals(due))
                    .findFirst()
                    .orElseGet(() -> {
                        errors.add("caseload.filter.due");
                        return null;
                    });
        }

        int size(String size) {
            if (size == null || size.isBlank()) {
                return PAGE_SIZES.get(0);
            }
            return PAGE_SIZES.stream()
                    .filter(known -> String.valueOf(known).equals(size))
                    .findFirst()
                    .orElseGet(() -> {
                        errors.add("caseload.filter.size");
                        return PAGE_SIZES.get(0);
                    });
        }

        /** The page number as people count, from 1. */
        int page(String page) {
            if (page == null || page.isBlank()) {
                return 1;
            }
            try {
                int number = Integer.parseInt(page.strip());
                if (number >= 1 && number <= 1_000_000) {
                    return number;
                }
            } catch (NumberFormatException notANumber) {
                // named below
            }
            errors.add("caseload.filter.page");
            return 1;
        }

        String municipality(String code, Municipalities municipalities) {
            if (code == null || code.isBlank()) {
                return null;
            }
            if (municipalities.exists(code.strip())) {
                return code.strip();
            }
            errors.add("caseload.filter.municipality");
            return null;
        }
    }
}
