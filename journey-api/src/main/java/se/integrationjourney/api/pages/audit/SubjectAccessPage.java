package se.integrationjourney.api.pages.audit;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import se.integrationjourney.api.journeys.IdentityNumberInput;
import se.integrationjourney.api.pages.timeline.TimelineView;
import se.integrationjourney.api.pages.timeline.TimelineViews;
import se.integrationjourney.api.security.CurrentUser;
import se.integrationjourney.api.security.JourneyUser;
import se.integrationjourney.api.subjectaccess.SubjectAccess;
import se.integrationjourney.api.subjectaccess.SubjectAccessExport;
import se.integrationjourney.api.web.ApiException;
import se.integrationjourney.api.web.Problems;
import se.integrationjourney.projections.journeystate.JourneyState;

/**
 * Subject access (registerutdrag) for auditors and administrators: a form for the person's identity number, then
 * everything recorded about them as a page that reads and prints as a letter's enclosure, with the same export as
 * JSON to download. Each is an export, recorded in the access log with the journeys it named.
 *
 * <p>The number is posted and never put in an address, in the form and in the download alike; the page that shows
 * it is the answer to the post, not a redirect.
 */
@Controller
class SubjectAccessPage {

    static final String SHOW_RESOURCE = "POST /audit/subject-access";
    static final String DOWNLOAD_RESOURCE = "POST /audit/subject-access/json";

    private final SubjectAccess subjectAccess;
    private final TimelineViews views;
    private final Clock clock;

    SubjectAccessPage(SubjectAccess subjectAccess, TimelineViews views, Clock clock) {
        this.subjectAccess = subjectAccess;
        this.views = views;
        this.clock = clock;
    }

    /** One journey of the export as the page shows it. */
    record JourneyView(
            TimelineView.Case journey,
            List<DetailsRow> personalDetails,
            StateView state,
            List<TimelineView.Read> reads,
            boolean readsLimited) {}

    /** The personal details as one event recorded them. */
    record DetailsRow(String recordedAt, String recordedBy, String typeKey, String fullName, String identityNumber) {}

    /**
     * The journey as it stands.
     *
     * @param reached each milestone's first date, as label key and date, in the order of the path
     */
    record StateView(JourneyState state, List<Reached> reached) {}

    record Reached(String labelKey, LocalDate on) {}

    @GetMapping("/audit/subject-access")
    String form() {
        return "audit/subject-access";
    }

    @PostMapping("/audit/subject-access")
    String show(
            @RequestParam(name = "personalIdentityNumber", defaultValue = "") String typed,
            Model model,
            Locale locale) {
        String number = read(typed);
        if (number == null) {
            model.addAttribute("typed", typed.length() > CaseReference.MAX_LENGTH ? "" : typed);
            model.addAttribute("refusal", refusal(typed));
            return "audit/subject-access";
        }
        JourneyUser user = CurrentUser.get();
        SubjectAccess.Made made = subjectAccess.export(user, number, SHOW_RESOURCE);
        SubjectAccessExport export = made.export();
        List<JourneyView> journeys = new ArrayList<>();
        for (SubjectAccessExport.Journey journey : export.journeys()) {
            journeys.add(new JourneyView(
                    views.caseOf(made.timelines().get(journey.journeyId()), locale),
                    journey.personalDetailsHistory().stream()
                            .map(details -> new DetailsRow(
                                    TimelineViews.dateTime(details.recordedAt()),
                                    details.recordedBy(),
                                    TimelineViews.typeKey(details.type()),
                                    details.fullName(),
                                    TimelineViews.identityNumber(details.personalIdentityNumber())))
                            .toList(),
                    journey.state() == null ? null : new StateView(journey.state(), reached(journey.state())),
                    views.readsOf(made.reads().get(journey.journeyId())),
                    journey.readsLimited()));
        }
        model.addAttribute("identityNumber", TimelineViews.identityNumber(number));
        model.addAttribute("number", number);
        model.addAttribute("journeys", journeys);
        model.addAttribute(
                "information",
                export.information().stream()
                        .map(information -> new Information(
                                information.topic(),
                                "sv".equals(locale.getLanguage()) ? information.sv() : information.en()))
                        .toList());
        model.addAttribute("madeAt", TimelineViews.dateTime(export.madeAt()));
        model.addAttribute("madeBy", export.madeBy());
        return "audit/subject-access-export";
    }

    /** One thing the person is told besides their data, in the reader's language. */
    record Information(String topic, String text) {}

    /**
     * The export as JSON, the API's document, as a file. Posted from the export's page with the number it read; a
     * number that is not one (typed into a hand-made form) is a 400 page.
     */
    @PostMapping("/audit/subject-access/json")
    ResponseEntity<SubjectAccessExport> download(
            @RequestParam(name = "personalIdentityNumber", defaultValue = "") String typed) {
        String number = read(typed);
        if (number == null) {
            throw new ApiException(Problems.VALIDATION, "Not a personal identity or coordination number");
        }
        SubjectAccessExport export = subjectAccess
                .export(CurrentUser.get(), number, DOWNLOAD_RESOURCE)
                .export();
        String day =
                export.madeAt().atZone(TimelineViews.SWEDISH_TIME).toLocalDate().toString();
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"registerutdrag-" + day + ".json\"")
                .body(export);
    }

    /** The number as 12 digits, or null when what was typed is not a valid one. */
    private String read(String typed) {
        String input = typed.strip().replace(" ", "");
        if (input.isEmpty() || input.length() > CaseReference.MAX_LENGTH) {
            return null;
        }
        return IdentityNumberInput.normalise(input, LocalDate.now(clock)).orElse(null);
    }

    private static String refusal(String typed) {
        String input = typed.strip().replace(" ", "");
        if (input.isEmpty()) {
            return "subjectAccess.error.required";
        }
        return input.length() <= CaseReference.MAX_LENGTH && IdentityNumberInput.inNumberForm(input)
                ? "subjectAccess.error.invalid"
                : "subjectAccess.error.unreadable";
    }

    /** The first date of each milestone, in the order of the path from arrival to self-sufficiency. */
    private static List<Reached> reached(JourneyState state) {
        JourneyState.FirstMilestones first = state.firstMilestones();
        List<Reached> reached = new ArrayList<>();
        reached.add(new Reached("milestone.NEWCOMER_REGISTERED", state.arrivalDate()));
        reached.add(new Reached("milestone.CASEWORKER_ASSIGNED", first.caseworkerAssigned()));
        reached.add(new Reached("milestone.INTRODUCTORY_MEETING_HELD", first.introductoryMeeting()));
        reached.add(new Reached("milestone.ACTION_PLAN_ESTABLISHED", first.actionPlan()));
        reached.add(new Reached("milestone.ESTABLISHMENT_PLAN_STARTED", state.establishmentStart()));
        reached.add(new Reached("milestone.ESTABLISHMENT_PLAN_ENDED", state.establishmentEnd()));
        reached.add(new Reached("milestone.TEMPORARY_HOUSING_PROVIDED", first.temporaryHousing()));
        reached.add(new Reached("milestone.HOUSING_SECURED", first.housingSecured()));
        reached.add(new Reached("milestone.SFI_ENROLLED", first.sfiEnrolment()));
        reached.add(new Reached("subjectAccess.state.sfiLevelB", first.sfiLevelB()));
        reached.add(new Reached("milestone.CIVIC_ORIENTATION_COMPLETED", first.civicOrientation()));
        reached.add(new Reached("milestone.INTERNSHIP_STARTED", first.internship()));
        reached.add(new Reached("milestone.EMPLOYMENT_STARTED", first.employment()));
        reached.add(new Reached("milestone.STUDIES_STARTED", first.studies()));
        reached.add(new Reached("milestone.BUSINESS_STARTED", first.business()));
        reached.add(new Reached("subjectAccess.state.inWorkOrStudies", first.inWorkOrStudies()));
        reached.add(new Reached("milestone.SELF_SUFFICIENCY_REACHED", first.selfSufficiency()));
        reached.add(new Reached("subjectAccess.state.measurementPoint", state.measurementPoint()));
        return reached;
    }
}
