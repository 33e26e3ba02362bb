package se.integrationjourney.api.pages.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import se.integrationjourney.api.accesslog.AccessAction;
import se.integrationjourney.api.accesslog.AccessEntry;
import se.integrationjourney.api.accesslog.AccessLog;
import se.integrationjourney.api.accesslog.AccessLogCsv;
import se.integrationjourney.api.accesslog.AccessLogQueries;
import se.integrationjourney.api.accesslog.AuditPeriod;
import se.integrationjourney.api.journeys.JourneyService;
import se.integrationjourney.api.pages.timeline.TimelineViews;
import se.integrationjourney.api.security.CurrentUser;
import se.integrationjourney.api.security.JourneyUser;
import se.integrationjourney.api.web.ApiException;
import se.integrationjourney.api.web.Problems;
import se.integrationjourney.projections.journeystate.JourneyMatch;
import se.integrationjourney.projections.timeline.Timeline;

/**
 * The auditor's pages: open a case by journey id or personal identity number, then read its whole record (every
 * event, who recorded it and when, retractions linked both ways) and who has viewed it. Opening the case page is
 * itself a read of the case, recorded in the access log before the list of readers is shown, so the auditor finds
 * their own view in it. A lookup by identity number that finds journeys is a {@code JOURNEY_SEARCH} naming them
 * (it tells which municipalities the person has cases in, and since when), never with the number typed.
 *
 * <p>The page of an account answers "what was this account shown, and what did it do, in this period", with the
 * entries' journeys linked to their audit pages; both lists download as CSV (the API's format).
 *
 * <p>The lookup form is posted, not sent as a GET: an identity number in an address would stay in the browser's
 * history and could reach logs. It needs no JavaScript either way.
 */
@Controller
class AuditPages {

    static final String CASE_RESOURCE = "GET /audit/journeys/{journeyId}";

    static final String LOOKUP_RESOURCE = "POST /audit";

    /** The longest username the account form reads: an account's name is at most this long. */
    static final int MAX_USERNAME = 100;

    private final JourneyService journeys;
    private final AccessLogQueries accessLog;
    private final AccessLog reads;
    private final TimelineViews views;

    AuditPages(JourneyService journeys, AccessLogQueries accessLog, AccessLog reads, TimelineViews views) {
        this.journeys = journeys;
        this.accessLog = accessLog;
        this.reads = reads;
        this.views = views;
    }

    /** One of several journeys of the same person, for the auditor to choose from; no name needed. */
    record Match(UUID journeyId, String municipality, String arrivalDate, boolean closed) {}

    @GetMapping("/audit")
    String start() {
        return "audit/start";
    }

    @PostMapping("/audit")
    String open(@RequestParam(name = "reference", defaultValue = "") String typed, Model model) {
        model.addAttribute("reference", typed.length() > CaseReference.MAX_LENGTH ? "" : typed);
        CaseReference reference = CaseReference.read(typed, LocalDate.now(TimelineViews.SWEDISH_TIME));
        if (reference instanceof CaseReference.Unreadable unreadable) {
            return refused(model, unreadable.messageKey());
        }
        if (reference instanceof CaseReference.JourneyId id) {
            return exists(id.id()) ? toCase(id.id()) : refused(model, "audit.lookup.noSuchId");
        }
        List<JourneyMatch> matches =
                journeys.withPersonalIdentityNumber(((CaseReference.IdentityNumber) reference).number());
        if (matches.isEmpty()) {
            return refused(model, "audit.lookup.noSuchNumber");
        }
        reads.journeysRead(
                CurrentUser.get().actor(),
                AccessAction.JOURNEY_SEARCH,
                LOOKUP_RESOURCE,
                matches.stream().map(JourneyMatch::journeyId).toList());
        if (matches.size() == 1) {
            return toCase(matches.get(0).journeyId());
        }
        model.addAttribute(
                "matches",
                matches.stream()
                        .map(match -> new Match(
                                match.journeyId(),
                                views.municipality(match.municipalityCode()),
                                match.arrivalDate() == null
                                        ? null
                                        : match.arrivalDate().toString(),
                                match.closed()))
                        .toList());
        return "audit/start";
    }

    @GetMapping("/audit/journeys/{journeyId}")
    String journey(@PathVariable String journeyId, Model model, Locale locale) {
        UUID id = parse(journeyId);
        JourneyUser user = CurrentUser.get();
        Timeline timeline = journeys.timeline(user, id, CASE_RESOURCE);
        model.addAttribute("case", views.caseOf(timeline, locale));
        List<AccessEntry> reads = accessLog.readsOf(id);
        model.addAttribute("reads", views.readsOf(reads));
        model.addAttribute("readsLimited", reads.size() >= AccessLogQueries.MAX_ENTRIES);
        model.addAttribute("retrievedAt", TimelineViews.dateTime(Instant.now()));
        model.addAttribute("retrievedBy", user.username());
        return "audit/journey";
    }

    /** Who was shown the case, as CSV: the same reads as the page's list, more of them (the API's CSV). */
    @GetMapping("/audit/journeys/{journeyId}/reads.csv")
    ResponseEntity<String> readsCsv(@PathVariable String journeyId) {
        UUID id = parse(journeyId);
        journeys.requireAccess(CurrentUser.get(), id); // 404 for a journey that does not exist
        AccessLogQueries.Answer answer = accessLog.readsOf(id, AccessLogQueries.MAX_CSV_ENTRIES);
        return csv(AccessLogCsv.readsOfJourney(answer.entries()), "reads-of-" + id + ".csv");
    }

    /**
     * What an account was shown and did in a period: a GET form (a username and two dates are no personal data of
     * the people the service follows, and the question becomes a link), then the entries, newest first.
     */
    @GetMapping("/audit/accounts")
    String account(
            @RequestParam(required = false) String username,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            Model model) {
        LocalDate today = LocalDate.now(TimelineViews.SWEDISH_TIME);
        AccountForm form = new AccountForm(
                username == null ? "" : username.strip(),
                from == null ? today.minusDays(AuditPeriod.DEFAULT_DAYS).toString() : from.strip(),
                to == null ? today.toString() : to.strip());
        Map<String, String> errors = new LinkedHashMap<>();
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        if (username == null) {
            return "audit/account"; // the empty form
        }
        AuditPeriod period = checked(form, errors);
        if (!errors.isEmpty()) {
            return "audit/account";
        }
        AccessLogQueries.Answer answer =
                accessLog.byAccount(form.username(), period.from(), period.to(), AccessLogQueries.MAX_ENTRIES);
        model.addAttribute("entries", views.entriesOf(answer.entries()));
        model.addAttribute("capped", answer.capped());
        model.addAttribute("periodFrom", TimelineViews.dateTime(period.from()));
        model.addAttribute("periodTo", TimelineViews.dateTime(period.to()));
        model.addAttribute(
                "csvLink",
                UriComponentsBuilder.fromPath("/audit/accounts/entries.csv")
                        .queryParam("username", form.username())
                        .queryParam("from", form.from())
                        .queryParam("to", form.to())
                        .build()
                        .encode()
                        .toUriString());
        return "audit/account";
    }

    /** The account's entries in the period as CSV; what the form would refuse is a 400 page. */
    @GetMapping("/audit/accounts/entries.csv")
    ResponseEntity<String> accountCsv(
            @RequestParam(defaultValue = "") String username,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        AccountForm form = new AccountForm(username.strip(), from, to);
        Map<String, String> errors = new LinkedHashMap<>();
        AuditPeriod period = checked(form, errors);
        if (!errors.isEmpty()) {
            throw new ApiException(Problems.VALIDATION, "The account or the period cannot be read");
        }
        AccessLogQueries.Answer answer =
                accessLog.byAccount(form.username(), period.from(), period.to(), AccessLogQueries.MAX_CSV_ENTRIES);
        return csv(
                AccessLogCsv.entriesOfAccount(answer.entries()),
                "access-log-" + AccessLogCsv.fileNamePart(form.username()) + ".csv");
    }

    /** What was typed into the account form, kept as typed for the page to show again. */
    record AccountForm(String username, String from, String to) {}

    /** The period, or null with the fields' message keys in {@code errors}. */
    private static AuditPeriod checked(AccountForm form, Map<String, String> errors) {
        if (form.username().isEmpty()) {
            errors.put("username", "audit.account.error.usernameRequired");
        } else if (form.username().length() > MAX_USERNAME) {
            errors.put("username", "audit.account.error.usernameTooLong");
        }
        try {
            return AuditPeriod.read(form.from(), form.to(), Instant.now());
        } catch (AuditPeriod.Invalid invalid) {
            errors.put(
                    invalid.parameter(),
                    invalid.problem() == AuditPeriod.Problem.NOT_BEFORE_TO
                            ? "audit.account.error.fromAfterTo"
                            : "audit.account.error." + invalid.parameter());
            return null;
        }
    }

    private static ResponseEntity<String> csv(String body, String fileName) {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(fileName)
                                .build()
                                .toString())
                .body(body);
    }

    private boolean exists(UUID journeyId) {
        try {
            journeys.requireAccess(CurrentUser.get(), journeyId); // reads no personal data, so records nothing
            return true;
        } catch (ApiException refused) {
            if (refused.problem().getStatus() == HttpStatus.NOT_FOUND.value()) {
                return false;
            }
            throw refused;
        }
    }

    private static String refused(Model model, String messageKey) {
        model.addAttribute("refusal", messageKey);
        return "audit/start";
    }

    private static String toCase(UUID journeyId) {
        return "redirect:/audit/journeys/" + journeyId;
    }

    /** A malformed id names no journey: the same 404 page as an unknown one. */
    static UUID parse(String journeyId) {
        if (!CaseReference.JOURNEY_ID.matcher(journeyId).matches()) {
            throw new ApiException(Problems.NOT_FOUND, "No journey with that id");
        }
        return UUID.fromString(journeyId);
    }
}
