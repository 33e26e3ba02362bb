package se.integrationjourney.api.pages.audit;

import java.util.List;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.integrationjourney.api.audit.JourneyExport;
import se.integrationjourney.api.audit.StoreVerifications;
import se.integrationjourney.api.audit.TamperEvidence;
import se.integrationjourney.api.pages.timeline.TimelineViews;
import se.integrationjourney.api.security.CurrentUser;
import se.integrationjourney.eventstore.BrokenLink;

/**
 * The auditor's tamper evidence (docs/adr/0019): on a case's page, its hash chain checked (the result swapped in by
 * htmx, or shown on a page of its own without JavaScript) and its events downloaded with their hashes; and a page
 * for the whole store's check, which runs in the background with its progress polled once a second (htmx), as the
 * views' rebuilds are; without JavaScript an "Uppdatera" link reloads the page.
 */
@Controller
class ChainPages {

    static final String VERIFICATION_RESOURCE = "GET /audit/journeys/{journeyId}/verification";
    static final String EXPORT_RESOURCE = "GET /audit/journeys/{journeyId}/export";
    static final String STORE_RESOURCE = "POST /audit/chain";

    private final TamperEvidence tamperEvidence;
    private final StoreVerifications storeVerifications;

    ChainPages(TamperEvidence tamperEvidence, StoreVerifications storeVerifications) {
        this.tamperEvidence = tamperEvidence;
        this.storeVerifications = storeVerifications;
    }

    /** A case's chain checked: a page of its own, whose result element the case page's button swaps in. */
    @GetMapping("/audit/journeys/{journeyId}/verification")
    String verification(@PathVariable String journeyId, Model model) {
        UUID id = AuditPages.parse(journeyId);
        TamperEvidence.JourneyVerification verification =
                tamperEvidence.verify(CurrentUser.get(), id, VERIFICATION_RESOURCE);
        model.addAttribute("journeyId", id);
        model.addAttribute(
                "chain", JourneyChain.of(verification, CurrentUser.get().username()));
        return "audit/verification";
    }

    /** A case's events as stored, with their hashes, as a file (the same document as the API's export). */
    @GetMapping("/audit/journeys/{journeyId}/export")
    ResponseEntity<JourneyExport> export(@PathVariable String journeyId) {
        UUID id = AuditPages.parse(journeyId);
        JourneyExport export = tamperEvidence.export(CurrentUser.get(), id, EXPORT_RESOURCE);
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(TamperEvidence.fileName(id))
                                .build()
                                .toString())
                .body(export);
    }

    @GetMapping("/audit/chain")
    String store(Model model) {
        storeModel(model);
        model.addAttribute("announceSummary", true);
        return "audit/chain";
    }

    /** The latest check alone, for htmx's polling; its summary comes along (out of band) only when it changed. */
    @GetMapping("/audit/chain/progress")
    String progress(@RequestParam(defaultValue = "") String announced, Model model) {
        StoreSummary summary = storeModel(model);
        model.addAttribute("announceSummary", !summary.announcement().equals(announced));
        return "audit/chain-progress";
    }

    @PostMapping("/audit/chain")
    String start(RedirectAttributes redirect) {
        storeVerifications.start(CurrentUser.get(), STORE_RESOURCE);
        redirect.addFlashAttribute("started", true);
        return "redirect:/audit/chain";
    }

    private StoreSummary storeModel(Model model) {
        List<StoreRun> runs =
                storeVerifications.recent().stream().map(StoreRun::of).toList();
        StoreRun latest = runs.isEmpty() ? null : runs.get(0);
        StoreSummary summary = StoreSummary.of(latest);
        model.addAttribute("latest", latest);
        model.addAttribute("earlier", runs.size() > 1 ? runs.subList(1, runs.size()) : List.of());
        model.addAttribute("summary", summary);
        return summary;
    }

    /**
     * A case's chain as its page shows it.
     *
     * @param checkedAt Swedish local time
     * @param broken    the first broken link, or null when intact
     */
    public record JourneyChain(
            boolean intact, long events, String lastHash, String checkedAt, String checkedBy, BrokenLink broken) {

        static JourneyChain of(TamperEvidence.JourneyVerification verification, String username) {
            var report = verification.report();
            return new JourneyChain(
                    report.intact(),
                    report.events(),
                    report.lastLink(),
                    TimelineViews.dateTime(verification.verifiedAt()),
                    username,
                    report.broken());
        }
    }

    /** A check of the whole store as the page shows it, times in Swedish local time. */
    public record StoreRun(
            UUID id,
            String state,
            String startedAt,
            String startedBy,
            String finishedAt,
            long eventsChecked,
            long eventsTotal,
            int percent,
            long eventsPerSecond,
            Long secondsLeft,
            long chains,
            long brokenChains,
            List<BrokenLink> broken,
            String failure) {

        static StoreRun of(StoreVerifications.Progress progress) {
            return new StoreRun(
                    progress.id(),
                    progress.state().name(),
                    TimelineViews.dateTime(progress.startedAt()),
                    progress.startedBy(),
                    progress.finishedAt() == null ? null : TimelineViews.dateTime(progress.finishedAt()),
                    progress.eventsChecked(),
                    progress.eventsTotal(),
                    progress.percent(),
                    progress.eventsPerSecond(),
                    progress.secondsLeft(),
                    progress.chains(),
                    progress.brokenChains(),
                    progress.broken(),
                    progress.failure());
        }

        public boolean running() {
            return "RUNNING".equals(state);
        }

        /** Minutes and seconds of {@link #secondsLeft}, for "2 min 5 s". */
        public long minutesLeft() {
            return secondsLeft == null ? 0 : secondsLeft / 60;
        }

        public long secondsPastMinute() {
            return secondsLeft == null ? 0 : secondsLeft % 60;
        }

        /** Whether the broken chains listed are fewer than those found. */
        public boolean brokenLimited() {
            return brokenChains > broken.size();
        }
    }

    /**
     * What the page's live region says: no check yet, a check running (in steps of ten percent), or the latest
     * one's result. Screen readers hear it when it changes, so a poll that finds the same state leaves it be.
     */
    public record StoreSummary(String state, int tenths, long brokenChains) {

        static StoreSummary of(StoreRun latest) {
            if (latest == null) {
                return new StoreSummary("NONE", 0, 0);
            }
            return new StoreSummary(latest.state(), latest.percent() / 10 * 10, latest.brokenChains());
        }

        public boolean running() {
            return "RUNNING".equals(state);
        }

        /** The state the region announces, e.g. {@code RUNNING-40} or {@code BROKEN}. */
        public String announcement() {
            return running() ? state + "-" + tenths : state;
        }
    }
}
